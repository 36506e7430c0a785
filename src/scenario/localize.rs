//! Playing a scenario in another language: a copy with a translation's texts put in place
//! of the original's, under the same node ids, levels, moods and links, so an attempt in
//! Spanish is scored exactly as one in English.
//!
//! Pure, like the rest of `scenario`: it takes a parsed scenario and returns another. It
//! never judges a translation (`validate` does) and never decides which language a person
//! plays in (the app does).

use std::collections::BTreeSet;

use crate::scoring::reads_language;

use super::model::{
    Choice, ChoiceTexts, ChoiceTurn, FreeTextTurn, Localization, Node, NodeTexts, Scenario,
    Translation,
};

impl Scenario {
    /// The languages this scenario has a translation for, sorted by code.
    pub fn translated_languages(&self) -> impl Iterator<Item = &str> {
        self.translations.keys().map(String::as_str)
    }

    /// A copy of this scenario in `language` (a code such as `"es"`), or `None` when it
    /// has no translation under exactly that code.
    ///
    /// The copy has the same id, nodes, ids, levels, moods, traps and links; only the
    /// words change:
    /// - the title, summary and the customer's `problem` and `wants` (never the name);
    /// - each line's and ending's `say`; each turn's `prompt` and `model`;
    /// - each choice's `text` and `feedback`, matched by position;
    /// - a typed turn's hint facts, fix and forbidden promises (by position), which the
    ///   practice hint shows. Fact synonyms and delights stay as written.
    ///
    /// A text the translation leaves out or leaves empty keeps the original's words, and
    /// a translated choice or hint beyond the original's count is ignored; the validator
    /// reports both. Voice clips (`audio`) are kept as they are.
    ///
    /// When the scorer cannot read `language` (see `scoring::reads_language`), every free-text turn
    /// that has fallback `choices` becomes a choice turn offering them (translated), with
    /// the turn's prompt and model answer; `offers_choices_instead_of_typing` names those
    /// turns so the interface can say why. A free-text turn without fallback choices stays
    /// a free-text turn: a reply typed in `language` will come back unsupported, and the
    /// validator warns about such turns. In a language the scorer reads, every free-text
    /// turn stays one.
    ///
    /// The copy has no translations of its own, and `version_hash` gives it the
    /// original's version, so its attempts count against the same content.
    pub fn localized(&self, language: &str) -> Option<Scenario> {
        let translation = self.translations.get(language)?;
        let version = super::version_hash(self);
        let mut copy = self.clone();
        copy.translations.clear();
        let typed_as_choices = apply(&mut copy, translation, !reads_language(language));
        copy.localization = Some(Localization {
            language: language.to_string(),
            version,
            typed_as_choices,
        });
        Some(copy)
    }

    /// The title in `language`, or the original's when there is no translated one: for the
    /// library card, without copying the whole scenario as `localized` does.
    pub fn title_in(&self, language: &str) -> &str {
        self.translated(language, |t| &t.title)
            .unwrap_or(&self.title)
    }

    /// The summary in `language`, or the original's when there is no translated one.
    pub fn summary_in(&self, language: &str) -> &str {
        self.translated(language, |t| &t.summary)
            .unwrap_or(&self.summary)
    }

    fn translated<'a>(
        &'a self,
        language: &str,
        field: impl Fn(&'a Translation) -> &'a String,
    ) -> Option<&'a str> {
        let text = field(self.translations.get(language)?);
        (!text.trim().is_empty()).then_some(text.as_str())
    }

    /// The language code of a copy made by `localized`; `None` for a scenario as written.
    pub fn language(&self) -> Option<&str> {
        self.localization.as_ref().map(|l| l.language.as_str())
    }

    /// True when node `id` is written as a free-text turn but this localized copy offers
    /// its fallback choices instead, because the scorer cannot read the copy's language.
    /// The interface says so beside the choices ("typed replies are scored in English
    /// only, so this turn offers choices").
    pub fn offers_choices_instead_of_typing(&self, id: &str) -> bool {
        self.localization
            .as_ref()
            .is_some_and(|l| l.typed_as_choices.contains(id))
    }

    /// The original's content version, kept by a localized copy.
    pub(super) fn original_version(&self) -> Option<&str> {
        self.localization.as_ref().map(|l| l.version.as_str())
    }
}

/// Puts `translation`'s texts into `scenario`; with `choices_for_typing`, turns typed
/// turns that have fallback choices into choice turns. Returns those turns' ids.
fn apply(
    scenario: &mut Scenario,
    translation: &Translation,
    choices_for_typing: bool,
) -> BTreeSet<String> {
    replace(&mut scenario.title, &translation.title);
    replace(&mut scenario.summary, &translation.summary);
    replace(&mut scenario.customer.problem, &translation.problem);
    replace(&mut scenario.customer.wants, &translation.wants);
    let mut typed_as_choices = BTreeSet::new();
    let empty = NodeTexts::default();
    for node in &mut scenario.nodes {
        let texts = translation.texts.get(node.id()).unwrap_or(&empty);
        match node {
            Node::Line(line) => replace(&mut line.say, &texts.say),
            Node::Ending(ending) => replace(&mut ending.say, &texts.say),
            Node::Choice(turn) => {
                replace_prompt(&mut turn.prompt, &texts.prompt);
                replace_choices(&mut turn.choices, &texts.choices);
                replace(&mut turn.model, &texts.model);
            }
            Node::FreeText(turn) => {
                replace_prompt(&mut turn.prompt, &texts.prompt);
                replace_choices(&mut turn.choices, &texts.choices);
                replace(&mut turn.model, &texts.model);
                let hints = &texts.hints;
                for (fact, words) in turn.hints.facts.iter_mut().zip(&hints.facts) {
                    replace(&mut fact.fact, words);
                }
                for (fix, words) in turn.hints.fix.iter_mut().zip(&hints.fix) {
                    replace(fix, words);
                }
                for (promise, words) in turn.hints.forbidden.iter_mut().zip(&hints.forbidden) {
                    replace(promise, words);
                }
                if choices_for_typing && !turn.choices.is_empty() {
                    typed_as_choices.insert(turn.id.clone());
                    *node = Node::Choice(offered_instead(turn));
                }
            }
        }
    }
    typed_as_choices
}

/// The choice turn a typed turn becomes where its reply cannot be scored.
fn offered_instead(turn: &mut FreeTextTurn) -> ChoiceTurn {
    ChoiceTurn {
        id: std::mem::take(&mut turn.id),
        prompt: turn.prompt.take(),
        choices: std::mem::take(&mut turn.choices),
        model: std::mem::take(&mut turn.model),
    }
}

fn replace(text: &mut String, translated: &str) {
    if !translated.trim().is_empty() {
        *text = translated.to_string();
    }
}

/// A prompt is translated only where the original has one.
fn replace_prompt(prompt: &mut Option<String>, translated: &str) {
    if let Some(prompt) = prompt {
        replace(prompt, translated);
    }
}

fn replace_choices(choices: &mut [Choice], translated: &[ChoiceTexts]) {
    for (choice, texts) in choices.iter_mut().zip(translated) {
        replace(&mut choice.text, &texts.text);
        replace(&mut choice.feedback, &texts.feedback);
    }
}
