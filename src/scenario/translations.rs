//! Judging a scenario's translations: a text a language leaves out (a warning); a text
//! for a node or a field the original does not have, or a list whose length differs from
//! the original's (errors: texts are matched by position); and typed turns that no one
//! playing in a language the scorer cannot read could be scored on (warnings).
//!
//! Pure: it takes the parsed scenario and its text, and returns diagnostics located at
//! the translation's own lines. It never applies a translation (`localize` does).

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::scoring::reads_language;

use super::diagnostic::{Diagnostic, Severity, SourceFile, did_you_mean};
use super::locate::{NodeSpans, find_field, items, map_entry, value_extent};
use super::model::{Choice, ChoiceTexts, Node, NodeTexts, Scenario, Translation};

/// Every problem in `scenario`'s translations, unordered (the validator sorts).
pub(super) fn check(scenario: &Scenario, source: &SourceFile) -> Vec<Diagnostic> {
    if scenario.translations.is_empty() {
        return Vec::new();
    }
    let mut c = Checker {
        scenario,
        source,
        spans: OnceCell::new(),
        found: Vec::new(),
    };
    for (language, translation) in &scenario.translations {
        c.language(language, translation);
    }
    c.untranslatable_typing();
    c.found
}

/// Where one language's translation is written.
#[derive(Debug, Default)]
struct LanguageSpans {
    /// The quoted language code.
    key: Range<usize>,
    /// The `texts` field, where a missing node's entry would go.
    texts: Option<Range<usize>>,
    /// Each node entry under `texts`: its quoted id and its value.
    nodes: BTreeMap<String, (Range<usize>, Range<usize>)>,
}

struct Checker<'a> {
    scenario: &'a Scenario,
    source: &'a SourceFile,
    /// Found in one pass over the `translations` map, when the first problem needs it.
    spans: OnceCell<BTreeMap<String, LanguageSpans>>,
    found: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn spans(&self) -> &BTreeMap<String, LanguageSpans> {
        self.spans.get_or_init(|| locate(self.source))
    }

    /// Where language `language`'s key is written, or the `translations` field.
    fn language_span(&self, language: &str) -> Range<usize> {
        match self.spans().get(language) {
            Some(l) => l.key.clone(),
            None => find_field(self.source.code(), "translations", 0).unwrap_or(0..0),
        }
    }

    /// Where a missing node's entry would go in `language`: its `texts`, or its key.
    fn texts_span(&self, language: &str) -> Range<usize> {
        self.spans()
            .get(language)
            .and_then(|l| l.texts.clone())
            .unwrap_or_else(|| self.language_span(language))
    }

    /// Where node `id`'s entry is written in `language`, or the language's key.
    fn node_span(&self, language: &str, id: &str) -> Range<usize> {
        self.spans()
            .get(language)
            .and_then(|l| l.nodes.get(id))
            .map_or_else(|| self.language_span(language), |(key, _)| key.clone())
    }

    /// Where `field:` is written in node `id`'s entry in `language`, or the entry.
    fn field_span(&self, language: &str, id: &str, field: &str) -> Range<usize> {
        let entry = self.spans().get(language).and_then(|l| l.nodes.get(id));
        entry
            .and_then(|(_, value)| {
                find_field(self.source.code(), field, value.start).filter(|f| f.end <= value.end)
            })
            .unwrap_or_else(|| self.node_span(language, id))
    }

    /// Where item `index` of list `field` is written in node `id`'s entry (its `inner`
    /// field, when given and written), or the list's field.
    fn item_span(
        &self,
        language: &str,
        id: &str,
        field: &str,
        index: usize,
        inner: Option<&str>,
    ) -> Range<usize> {
        let field_span = self.field_span(language, id, field);
        let code = self.source.code();
        let Some(item) = value_extent(code, b'[', field_span.end)
            .and_then(|list| items(code, list).into_iter().nth(index))
        else {
            return field_span;
        };
        inner
            .and_then(|f| find_field(code, f, item.start).filter(|r| r.end <= item.end))
            .unwrap_or(item)
    }

    fn report(
        &mut self,
        severity: Severity,
        span: Range<usize>,
        node: Option<&str>,
        message: String,
    ) {
        let mut d = Diagnostic::new(severity, self.source, span, message);
        d.node = node.map(str::to_string);
        self.found.push(d);
    }

    fn language(&mut self, language: &str, t: &Translation) {
        if !is_language_code(language) {
            let span = self.language_span(language);
            self.report(
                Severity::Warning,
                span,
                None,
                format!(
                    "translation key `{language}` is not a language code such as `es` or `pt-BR`, so no interface language will pick it"
                ),
            );
        } else if crate::i18n::Lang::from_code(language).is_none() {
            // A language code, but not one the interface can be set to (`es-ES` for
            // `es`, say): nobody would ever play it.
            let offered: Vec<String> = crate::i18n::Lang::ALL
                .iter()
                .map(|l| format!("`{}`", l.code()))
                .collect();
            let span = self.language_span(language);
            self.report(
                Severity::Warning,
                span,
                None,
                format!(
                    "translation `{language}` is not a language the interface offers ({}), so it is never played; use the interface's code",
                    offered.join(", ")
                ),
            );
        }
        let s = self.scenario;
        for (field, original, translated) in [
            ("title", &s.title, &t.title),
            ("summary", &s.summary, &t.summary),
            ("problem", &s.customer.problem, &t.problem),
            ("wants", &s.customer.wants, &t.wants),
        ] {
            if !blank(original) && blank(translated) {
                let span = self.language_span(language);
                self.report(
                    Severity::Warning,
                    span,
                    None,
                    format!("translation `{language}` lacks `{field}`"),
                );
            }
        }
        for id in t.texts.keys() {
            if s.node(id).is_none() {
                let span = self.node_span(language, id);
                let mut d = Diagnostic::new(
                    Severity::Error,
                    self.source,
                    span,
                    format!(
                        "translation `{language}` has texts for node `{id}`, but no node has that id"
                    ),
                );
                if let Some(near) = did_you_mean(id, s.nodes.iter().map(Node::id)) {
                    d = d.with_help(format!("did you mean `{near}`?"));
                }
                self.found.push(d);
            }
        }
        for node in &s.nodes {
            match t.texts.get(node.id()) {
                Some(texts) => self.node(language, node, texts),
                None => {
                    let span = self.texts_span(language);
                    self.report(
                        Severity::Warning,
                        span,
                        Some(node.id()),
                        format!("translation `{language}` lacks node `{}`", node.id()),
                    );
                }
            }
        }
    }

    fn node(&mut self, language: &str, node: &Node, texts: &NodeTexts) {
        let id = node.id();
        let kind = node.kind();
        // The fields this kind of node has no text for.
        let mut stray: Vec<(&str, bool)> = vec![
            ("say", !blank(&texts.say)),
            ("prompt", !blank(&texts.prompt)),
            ("model", !blank(&texts.model)),
            ("hints", !texts.hints.is_empty()),
        ];
        match node {
            Node::Line(_) | Node::Ending(_) => {
                stray.retain(|(f, _)| *f != "say");
                if !texts.choices.is_empty() {
                    stray.push(("choices", true));
                }
            }
            Node::Choice(_) => stray.retain(|(f, _)| !matches!(*f, "prompt" | "model")),
            Node::FreeText(_) => {
                stray.retain(|(f, _)| !matches!(*f, "prompt" | "model" | "hints"));
            }
        }
        for (field, given) in stray {
            if given {
                let span = self.field_span(language, id, field);
                self.report(
                    Severity::Error,
                    span,
                    Some(id),
                    format!(
                        "translation `{language}` gives node `{id}` a `{field}`, but a {kind} node has none"
                    ),
                );
            }
        }
        match node {
            Node::Line(line) => self.text(language, id, "say", &line.say, &texts.say),
            Node::Ending(ending) => self.text(language, id, "say", &ending.say, &texts.say),
            Node::Choice(turn) => {
                self.prompt(language, id, turn.prompt.as_deref(), &texts.prompt);
                self.choices(language, id, &turn.choices, &texts.choices);
                self.text(language, id, "model", &turn.model, &texts.model);
            }
            Node::FreeText(turn) => {
                self.prompt(language, id, turn.prompt.as_deref(), &texts.prompt);
                self.choices(language, id, &turn.choices, &texts.choices);
                self.text(language, id, "model", &turn.model, &texts.model);
                let facts: Vec<&str> = turn.hints.facts.iter().map(|f| f.fact.as_str()).collect();
                let hints = &texts.hints;
                self.list(language, id, "facts", "fact", &facts, &hints.facts);
                let fix: Vec<&str> = turn.hints.fix.iter().map(String::as_str).collect();
                self.list(language, id, "fix", "fix", &fix, &hints.fix);
                let forbidden: Vec<&str> =
                    turn.hints.forbidden.iter().map(String::as_str).collect();
                self.list(
                    language,
                    id,
                    "forbidden",
                    "forbidden promise",
                    &forbidden,
                    &hints.forbidden,
                );
            }
        }
    }

    /// Warns when the original has a text that the translation leaves out.
    fn text(&mut self, language: &str, id: &str, field: &str, original: &str, translated: &str) {
        if !blank(original) && blank(translated) {
            let span = self.node_span(language, id);
            self.report(
                Severity::Warning,
                span,
                Some(id),
                format!("translation `{language}` lacks node `{id}`'s `{field}`"),
            );
        }
    }

    fn prompt(&mut self, language: &str, id: &str, original: Option<&str>, translated: &str) {
        match original {
            Some(original) => self.text(language, id, "prompt", original, translated),
            None if !blank(translated) => {
                let span = self.field_span(language, id, "prompt");
                self.report(
                    Severity::Error,
                    span,
                    Some(id),
                    format!("translation `{language}` gives node `{id}` a `prompt`, but the original has none"),
                );
            }
            None => {}
        }
    }

    fn choices(
        &mut self,
        language: &str,
        id: &str,
        original: &[Choice],
        translated: &[ChoiceTexts],
    ) {
        if translated.is_empty() {
            if !original.is_empty() {
                let span = self.node_span(language, id);
                self.report(
                    Severity::Warning,
                    span,
                    Some(id),
                    format!("translation `{language}` lacks node `{id}`'s choices"),
                );
            }
            return;
        }
        if translated.len() != original.len() {
            let span = self.field_span(language, id, "choices");
            self.report(
                Severity::Error,
                span,
                Some(id),
                format!(
                    "translation `{language}` has {} for node `{id}`, but the original has {}; choices are matched by position",
                    count(translated.len(), "choice"),
                    original.len()
                ),
            );
            return;
        }
        for (i, (choice, texts)) in original.iter().zip(translated).enumerate() {
            for (field, original, translated) in [
                ("text", &choice.text, &texts.text),
                ("feedback", &choice.feedback, &texts.feedback),
            ] {
                if !blank(original) && blank(translated) {
                    let span = self.item_span(language, id, "choices", i, Some(field));
                    self.report(
                        Severity::Warning,
                        span,
                        Some(id),
                        format!(
                            "translation `{language}` lacks node `{id}`'s choice {} {field}",
                            i + 1
                        ),
                    );
                }
            }
        }
    }

    /// A list of hint words, matched by position: `field` as written in `hints`, `item`
    /// as a person names one entry.
    fn list(
        &mut self,
        language: &str,
        id: &str,
        field: &str,
        item: &str,
        original: &[&str],
        translated: &[String],
    ) {
        if translated.is_empty() {
            if original.iter().any(|o| !blank(o)) {
                let span = self.node_span(language, id);
                self.report(
                    Severity::Warning,
                    span,
                    Some(id),
                    format!("translation `{language}` lacks node `{id}`'s hint `{field}`"),
                );
            }
            return;
        }
        if translated.len() != original.len() {
            let span = self.field_span(language, id, field);
            self.report(
                Severity::Error,
                span,
                Some(id),
                format!(
                    "translation `{language}` has {} in node `{id}`'s hint `{field}`, but the original has {}; they are matched by position",
                    count(translated.len(), "entry"),
                    original.len()
                ),
            );
            return;
        }
        for (i, (o, t)) in original.iter().zip(translated).enumerate() {
            if !blank(o) && blank(t) {
                let span = self.item_span(language, id, field, i, None);
                self.report(
                    Severity::Warning,
                    span,
                    Some(id),
                    format!(
                        "translation `{language}` lacks node `{id}`'s {item} {}",
                        i + 1
                    ),
                );
            }
        }
    }

    /// Warns about each typed turn without fallback choices when the scenario has a
    /// translation the scorer cannot read: played in that language, its replies could not
    /// be scored.
    fn untranslatable_typing(&mut self) {
        let unread: Vec<String> = self
            .scenario
            .translated_languages()
            .filter(|l| !reads_language(l))
            .map(|l| format!("`{l}`"))
            .collect();
        if unread.is_empty() {
            return;
        }
        let mut node_spans: Option<NodeSpans> = None;
        for node in &self.scenario.nodes {
            let Node::FreeText(turn) = node else { continue };
            if !turn.choices.is_empty() {
                continue;
            }
            let spans =
                node_spans.get_or_insert_with(|| NodeSpans::new(self.scenario, self.source));
            let span = spans.node(&turn.id, 0);
            let message = format!(
                "in {} this typed turn `{}` cannot be scored (the reply scorer reads English only); add `choices` to offer instead of typing",
                unread.join(", "),
                turn.id
            );
            self.report(Severity::Warning, span, Some(&turn.id), message);
        }
    }
}

/// "1 choice", "3 choices", "1 entry", "2 entries".
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A BCP 47-like code: two or three letters, then optional `-` parts (`es`, `pt-BR`).
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Every language's spans in the `translations` map, found in one pass.
fn locate(source: &SourceFile) -> BTreeMap<String, LanguageSpans> {
    let code = source.code();
    let mut out = BTreeMap::new();
    let Some(field) = find_field(code, "translations", 0) else {
        return out;
    };
    let Some(map) = value_extent(code, b'{', field.end) else {
        return out;
    };
    for item in items(code, map) {
        let Some((language, key)) = map_entry(source, item.clone()) else {
            continue;
        };
        let Some(value) = value_extent(code, b'(', key.end).filter(|v| v.end <= item.end) else {
            continue;
        };
        let mut nodes = BTreeMap::new();
        let field = find_field(code, "texts", value.start).filter(|f| f.end <= value.end);
        let texts = field.clone().and_then(|f| value_extent(code, b'{', f.end));
        if let Some(texts) = texts {
            for entry in items(code, texts) {
                let Some((id, key)) = map_entry(source, entry.clone()) else {
                    continue;
                };
                let value = value_extent(code, b'(', key.end)
                    .filter(|v| v.end <= entry.end)
                    .unwrap_or(entry);
                nodes.entry(id).or_insert((key, value));
            }
        }
        out.entry(language).or_insert(LanguageSpans {
            key,
            texts: field,
            nodes,
        });
    }
    out
}
