//! The reply scorer: a transparent rubric scorer for typed replies, with evidence.
//!
//! Rules and lexicons, no model and no network: it lower-cases, expands contractions
//! and forgives small typos, then looks for what the rubric rewards and what it
//! punishes, and says where each thing stands in the reply (byte offsets) and why.
//! It has no GUI and does no IO; lexicon files are read by the caller.

mod lexicon;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use lexicon::{BUILTIN_EN, Cue, LEXICON_FORMAT, Lexicon, Matcher};
pub use text::{Token, tokenize};

use crate::scenario::{Dimension, Hints, Levels};
use lexicon::Hit;

/// How many of the customer's content words a restatement must carry to count as
/// covering the impact as well as the facts.
const RICH_RESTATEMENT: usize = 4;

/// How many clauses that commit or offer, in one reply, count as doing more than the fix.
const MANY_ACTS: usize = 3;

/// The longest reply scored; the rest of a longer one is left out, with a notice.
pub const MAX_SCORED_BYTES: usize = 8 * 1024;

pub use text::stem;

/// Whether the scorer reads typed replies in the language with this code (`"es"`,
/// `"en-GB"`): English only, the language of its lexicons. A reply in any other language
/// comes back unsupported, so a scenario played in one offers its typed turns' fallback
/// choices instead (`Scenario::localized`).
pub fn reads_language(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("en")
}

/// Whether a piece of evidence earned or cost points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    #[serde(rename = "+")]
    Plus,
    #[serde(rename = "-")]
    Minus,
}

/// A span of the reply that earned or cost points, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub dimension: Dimension,
    /// Byte offsets in the reply.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub effect: Effect,
    pub reason: String,
}

/// The scorer's judgement of one reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub levels: Levels,
    /// 0-100 per dimension, indexed by `Dimension::index`.
    pub scores: [f64; 3],
    pub evidence: Vec<Evidence>,
    /// False when the reply is in a language the scorer does not read.
    pub supported: bool,
    /// Something the trainee should know about how the reply was scored.
    pub notice: Option<String>,
}

impl Assessment {
    fn empty(supported: bool, notice: impl Into<String>) -> Assessment {
        Assessment {
            levels: Levels::default(),
            scores: [0.0; 3],
            evidence: Vec::new(),
            supported,
            notice: Some(notice.into()),
        }
    }

    /// The mean of the three scores.
    pub fn overall(&self) -> f64 {
        self.scores.iter().sum::<f64>() / 3.0
    }

    /// The dimension with the lowest score (the first, on ties).
    pub fn weakest(&self) -> Dimension {
        Dimension::ALL
            .into_iter()
            .min_by(|a, b| self.scores[a.index()].total_cmp(&self.scores[b.index()]))
            .unwrap_or(Dimension::ActiveListening)
    }

    /// One tip for the weakest dimension, aimed at what cost points there.
    pub fn tip(&self) -> String {
        let weakest = self.weakest();
        if Dimension::ALL
            .iter()
            .all(|d| self.levels.get(*d) == crate::scenario::MAX_LEVEL)
            && !self.evidence.iter().any(|e| e.effect == Effect::Minus)
        {
            return "Top marks on all three: listening, ownership and going beyond. Keep replies like this one.".into();
        }
        let lost: Vec<&Evidence> = self
            .evidence
            .iter()
            .filter(|e| e.dimension == weakest && e.effect == Effect::Minus)
            .collect();
        if let Some(e) = lost.first() {
            return format!(
                "{}: you lost points for {}. {}",
                weakest.label(),
                e.reason,
                fix_for(&e.reason)
            );
        }
        let level = self.levels.get(weakest);
        let tip = match (weakest, level) {
            (Dimension::ActiveListening, 0..=1) => {
                "Give the customer's key facts back in your own words before anything else."
            }
            (Dimension::ActiveListening, 2) => {
                "Restate what happened and name how it left them feeling, in your own words."
            }
            (Dimension::ActiveListening, _) => {
                "Check you have understood: ask one open question, such as \"Have I got that right?\""
            }
            (Dimension::Ownership, 0..=1) => {
                "Say sorry with no \"but\", and say plainly that it was your mistake."
            }
            (Dimension::Ownership, 2) => {
                "Add a concrete next step that you will take yourself: \"I'll ...\"."
            }
            (Dimension::Ownership, _) => {
                "Put a time or a name on your promise: \"I'll call you myself by 5 pm.\""
            }
            (Dimension::ExceedingExpectations, 0..=1) => {
                "Fix the problem fully, then add a goodwill gesture."
            }
            (Dimension::ExceedingExpectations, 2) => {
                "Swap the standard voucher for something made for this customer."
            }
            (Dimension::ExceedingExpectations, _) => {
                "Add a personal touch or a follow-up: a call to check, a note, or a change so it never happens again."
            }
        };
        format!("{}: {tip}", weakest.label())
    }

    /// One sentence of feedback: the levels and the strongest reasons.
    pub fn feedback(&self) -> String {
        let mut reasons: Vec<&Evidence> = self
            .evidence
            .iter()
            .filter(|e| e.effect == Effect::Minus)
            .collect();
        reasons.extend(self.evidence.iter().filter(|e| e.effect == Effect::Plus));
        let said: Vec<String> = reasons.iter().take(3).map(|e| e.reason.clone()).collect();
        if said.is_empty() {
            return self.notice.clone().unwrap_or_else(|| {
                "Nothing in this reply listens, owns the problem or fixes it.".into()
            });
        }
        let mut s = said.join("; ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    }
}

fn fix_for(reason: &str) -> &'static str {
    if reason.starts_with("blame") || reason.starts_with("denied") {
        "Whoever's fault it was inside the company, to the customer it is yours: own it."
    } else if reason.starts_with("hedged apology") {
        "Apologise for what happened, not for how they feel or \"any inconvenience\"."
    } else if reason.starts_with("apology undercut") || reason.starts_with("excuse") {
        "Drop the \"but\" and the excuse; a plain apology lands better."
    } else if reason.starts_with("dismissive") {
        "Let the customer's feelings stand; acknowledge them instead of correcting them."
    } else if reason.starts_with("repeated") {
        "Paraphrase in your own words rather than repeating theirs."
    } else if reason.starts_with("refused") {
        "Offer what you can do, even if it is not what they asked for."
    } else if reason.starts_with("upsell") {
        "Solve their problem before anything else; never sell to an upset customer."
    } else if reason.starts_with("too many questions") {
        "Ask one open question at a time."
    } else if reason.starts_with("over-promised") || reason.starts_with("promised") {
        "Promise only what you can personally make happen."
    } else if reason.starts_with("hedged commitment") || reason.starts_with("vague") {
        "Replace \"I'll try\" with a concrete step and a time."
    } else {
        "Aim for the rubric's next level."
    }
}

/// What the scorer is given.
#[derive(Debug, Clone, Copy)]
pub struct ReplyInput<'a> {
    pub customer: &'a str,
    pub reply: &'a str,
    /// The turn's hints, when the reply answers a scenario turn.
    pub hints: Option<&'a Hints>,
}

/// A scorer with its lexicon compiled.
#[derive(Debug, Clone)]
pub struct Scorer {
    matcher: Matcher,
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer::new(&Lexicon::builtin())
    }
}

impl Scorer {
    /// A scorer using `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Scorer {
        Scorer {
            matcher: Matcher::new(lexicon),
        }
    }

    /// Scores one reply.
    pub fn assess(&self, input: &ReplyInput<'_>) -> Assessment {
        let full = input.reply;
        if full.trim().is_empty() {
            return Assessment::empty(true, "The reply is empty: there is nothing to score.");
        }
        let mut cut = full.len().min(MAX_SCORED_BYTES);
        while !full.is_char_boundary(cut) {
            cut -= 1;
        }
        let reply = &full[..cut];
        let mut tokens = tokenize(reply);
        let words = tokens
            .iter()
            .filter(|t| t.word.chars().any(char::is_alphabetic))
            .count();
        if words == 0 {
            return Assessment::empty(
                true,
                "The reply has no words to score (only symbols or emoji).",
            );
        }
        let english = tokens
            .iter()
            .filter(|t| self.matcher.stopwords.contains(&t.word))
            .count();
        if words >= 4 && (english as f64) < 0.15 * words as f64 {
            return Assessment::empty(
                false,
                "This reply does not look like English, the only language the scorer reads, so it was not scored.",
            );
        }
        self.matcher.correct_typos(&mut tokens);
        let hits = self.relevant_hits(&tokens);
        let mut judge = Judge {
            scorer: self,
            reply,
            tokens: &tokens,
            hits: &hits,
            evidence: Vec::new(),
            tainted: BTreeSet::new(),
        };
        let customer = tokenize(input.customer);
        let listening = judge.listening(&customer, input.hints);
        let ownership = judge.ownership(input.hints);
        let exceeding = judge.exceeding(input.hints);
        let levels = Levels {
            active_listening: listening,
            ownership,
            exceeding_expectations: exceeding,
        };
        let mut evidence = judge.evidence;
        evidence.sort_by_key(|e| (e.start, e.end, e.dimension));
        evidence.dedup_by(|a, b| {
            a.start == b.start
                && a.end == b.end
                && a.dimension == b.dimension
                && a.reason == b.reason
        });
        let scores = Dimension::ALL.map(|d| fine_score(levels.get(d), &evidence, d));
        let notice = (cut < full.len()).then(|| {
            format!(
                "Only the first {} characters of this {}-character reply were scored.",
                reply.chars().count(),
                full.chars().count()
            )
        });
        Assessment {
            levels,
            scores,
            evidence,
            supported: true,
            notice,
        }
    }

    /// Hits that count: negated cues and phrases inside longer phrases are dropped.
    fn relevant_hits(&self, tokens: &[Token]) -> Vec<Hit> {
        let all = self.matcher.find(tokens);
        let negatable = [
            Cue::Apology,
            Cue::Responsibility,
            Cue::Feeling,
            Cue::Commitment,
            Cue::Fix,
            Cue::Gesture,
            Cue::Tailored,
            Cue::Wow,
            Cue::Prevention,
            Cue::Blame,
        ];
        all.iter()
            .filter(|h| {
                let inside_longer = all.iter().any(|o| {
                    o.cue.dimension() == h.cue.dimension()
                        && o.start <= h.start
                        && o.end >= h.end
                        && (o.end - o.start) > (h.end - h.start)
                });
                !inside_longer
            })
            .filter(|h| {
                if !negatable.contains(&h.cue)
                    || self.matcher.negators.contains(&tokens[h.start].word)
                {
                    return true;
                }
                // A negation reaches back at most three words, and not past a
                // conjunction: "isn't acceptable and it's on us" still owns it.
                let sentence = tokens[h.start].sentence;
                let from = h.start.saturating_sub(3);
                let window = &tokens[from..h.start];
                let clause = window
                    .iter()
                    .rposition(|t| matches!(t.word.as_str(), "and" | "but" | "so" | "because"))
                    .map_or(window, |k| &window[k + 1..]);
                !clause
                    .iter()
                    .any(|t| t.sentence == sentence && self.matcher.negators.contains(&t.word))
            })
            .filter(|h| {
                // "That's on us" owns the problem; it is not "dessert is on us".
                h.cue != Cue::Gesture
                    || !all
                        .iter()
                        .any(|o| o.cue == Cue::Responsibility && o.start < h.end && h.start < o.end)
            })
            .filter(|h| {
                // "We should have checked" and "our guard should have checked" own it;
                // "Kayleigh should have checked" blames.
                let before = |k: usize| h.start.checked_sub(k).map(|i| tokens[i].word.as_str());
                h.cue != Cue::Blame
                    || !(matches!(before(1), Some("we" | "i")) || before(2) == Some("our"))
            })
            .cloned()
            .collect()
    }
}

/// The working state of one assessment.
struct Judge<'a> {
    scorer: &'a Scorer,
    reply: &'a str,
    tokens: &'a [Token],
    hits: &'a [Hit],
    evidence: Vec<Evidence>,
    /// Sentences whose offers do not count (see `exceeding`).
    tainted: BTreeSet<usize>,
}

impl Judge<'_> {
    fn of(&self, cue: Cue) -> Vec<&Hit> {
        let offer = matches!(
            cue,
            Cue::Fix | Cue::Gesture | Cue::Tailored | Cue::Wow | Cue::Prevention
        );
        self.hits
            .iter()
            .filter(|h| h.cue == cue)
            .filter(|h| !offer || !self.tainted.contains(&self.tokens[h.start].sentence))
            .collect()
    }

    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.tokens[start].span.start;
        let e = self.tokens[end.max(start + 1) - 1].span.end;
        (s, e)
    }

    fn note(
        &mut self,
        d: Dimension,
        start: usize,
        end: usize,
        effect: Effect,
        reason: impl FnOnce(&str) -> String,
    ) {
        let (s, e) = self.span(start, end);
        let text = self.reply[s..e].to_string();
        self.evidence.push(Evidence {
            dimension: d,
            start: s,
            end: e,
            reason: reason(&text),
            text,
            effect,
        });
    }

    fn note_hits(&mut self, d: Dimension, cue: Cue, effect: Effect, reason: &str) -> usize {
        let hits: Vec<(usize, usize)> = self.of(cue).iter().map(|h| (h.start, h.end)).collect();
        for &(s, e) in &hits {
            self.note(d, s, e, effect, |t| format!("{reason}: '{t}'"));
        }
        hits.len()
    }

    /// The clause each token belongs to: clauses end at sentence ends, at commas,
    /// semicolons and dashes, and before "and", "then", "plus" and "also".
    fn clauses(&self) -> Vec<usize> {
        let mut ids = Vec::with_capacity(self.tokens.len());
        let mut clause = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            if i > 0 {
                let prev = &self.tokens[i - 1];
                let between = self.reply.get(prev.span.end..t.span.start).unwrap_or("");
                let new_sentence = prev.sentence != t.sentence;
                let punctuation = between.contains([',', ';', ':', '\u{2014}', '\u{2013}'])
                    || between.contains(" - ");
                let joiner = matches!(t.word.as_str(), "and" | "then" | "plus" | "also");
                if new_sentence || punctuation || joiner {
                    clause += 1;
                }
            }
            ids.push(clause);
        }
        ids
    }

    /// Sentences whose words do not count as restating: ones that commit to something
    /// (the customer's words there describe the fix), and ones that blame, excuse,
    /// dismiss or refuse (specifics inside an excuse are not listening).
    fn non_listening_sentences(&self) -> BTreeSet<usize> {
        let checks: Vec<&Hit> = self
            .hits
            .iter()
            .filter(|h| h.cue == Cue::CheckUnderstanding)
            .collect();
        self.hits
            .iter()
            .filter(|h| match h.cue {
                // "Let me check I've got this right" is listening, not a commitment.
                Cue::Commitment => !checks.iter().any(|c| c.start < h.end && h.start < c.end),
                Cue::Upsell
                | Cue::Blame
                | Cue::Excuse
                | Cue::Dismissal
                | Cue::Argue
                | Cue::Refusal => true,
                _ => false,
            })
            .map(|h| self.tokens[h.start].sentence)
            .collect()
    }

    fn content(&self, word: &str) -> bool {
        let m = &self.scorer.matcher;
        !m.stopwords.contains(word)
            && (word.chars().count() >= 3 || word.chars().any(|c| c.is_ascii_digit()))
            && word.chars().any(char::is_alphanumeric)
    }

    fn listening(&mut self, customer: &[Token], hints: Option<&Hints>) -> u8 {
        let d = Dimension::ActiveListening;
        let m = &self.scorer.matcher;
        // What the customer said, as stems and synonym groups.
        let mut said: BTreeSet<&str> = BTreeSet::new();
        let mut groups: BTreeSet<usize> = BTreeSet::new();
        for t in customer.iter().filter(|t| self.content(&t.word)) {
            if let Some(g) = m.synonym_group.get(&t.stem) {
                groups.insert(*g);
            }
            said.insert(&t.stem);
        }
        /// A fact restated: a synonym group the customer used, or one of their stems.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Fact<'t> {
            Group(usize),
            Stem(&'t str),
        }
        let actions = self.non_listening_sentences();
        let mut matched: BTreeMap<Fact, (usize, usize)> = BTreeMap::new();
        let mut per_sentence: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let tokens = self.tokens;
        for (i, t) in tokens.iter().enumerate() {
            if actions.contains(&t.sentence) || !self.content(&t.word) {
                continue;
            }
            let group = m.synonym_group.get(&t.stem).copied();
            let key = match group {
                Some(g) if groups.contains(&g) => Fact::Group(g),
                _ if said.contains(t.stem.as_str()) => Fact::Stem(&t.stem),
                _ => continue,
            };
            matched.entry(key).or_insert((i, i + 1));
            let e = per_sentence.entry(t.sentence).or_insert((i, i + 1));
            e.1 = i + 1;
        }
        let mut restated = matched.len();
        if let Some(h) = hints {
            restated += self.hinted_facts(h);
        }
        for (_, (s, e)) in per_sentence.clone() {
            self.note(d, s, e, Effect::Plus, |t| format!("restated: '{t}'"));
        }

        let parrot = self.parroting(customer);
        let feelings = self.note_hits(d, Cue::Feeling, Effect::Plus, "named the feeling or impact");
        let checks = self.note_hits(
            d,
            Cue::CheckUnderstanding,
            Effect::Plus,
            "checked understanding",
        );
        let questions = self.open_questions();
        let dismissals = self.note_hits(d, Cue::Dismissal, Effect::Minus, "dismissive")
            + self.note_hits(d, Cue::Argue, Effect::Minus, "argued with the customer");
        let upsell = !self.of(Cue::Upsell).is_empty() && self.of(Cue::Fix).is_empty();
        if upsell {
            self.note_hits(
                d,
                Cue::Upsell,
                Effect::Minus,
                "changed the subject to a sale",
            );
        }
        self.note_hits(d, Cue::GenericAck, Effect::Plus, "generic acknowledgement");

        let asks = checks > 0 || (1..=2).contains(&questions);
        let restates = restated >= 2;
        // A full retelling in the trainee's own words usually carries the impact too
        // ("you lost the day you booked the trip for"): with a question it reads as 4.
        let thorough = restated >= RICH_RESTATEMENT && !parrot;
        let level = if dismissals > 0 || upsell {
            0
        } else if restates && (feelings > 0 || thorough) && asks {
            4
        } else if restates && feelings > 0 {
            3
        } else if restates || feelings > 0 || asks {
            2
        } else {
            1
        };
        if parrot { level.min(2) } else { level }
    }

    /// Facts from the turn's hints that the reply restates; each counts twice.
    fn hinted_facts(&mut self, hints: &Hints) -> usize {
        let mut found = 0;
        for fact in &hints.facts {
            let variants = std::iter::once(&fact.fact).chain(fact.synonyms.iter());
            for v in variants {
                if let Some((s, e)) = self.find_words(v) {
                    self.note(Dimension::ActiveListening, s, e, Effect::Plus, |t| {
                        format!("restated a fact: '{t}'")
                    });
                    found += 2;
                    break;
                }
            }
        }
        found
    }

    /// Where the content words of `phrase` all appear in the reply (by stem), close
    /// together: within a window a few words longer than the phrase.
    fn find_words(&self, phrase: &str) -> Option<(usize, usize)> {
        let wanted: Vec<String> = tokenize(phrase)
            .iter()
            .filter(|t| self.content(&t.word))
            .map(|t| t.stem.clone())
            .collect();
        if wanted.is_empty() {
            return None;
        }
        let window = wanted.len() + 4;
        for start in 0..self.tokens.len() {
            if !wanted.contains(&self.tokens[start].stem) {
                continue;
            }
            let end = (start + window).min(self.tokens.len());
            let slice = &self.tokens[start..end];
            if wanted.iter().all(|w| slice.iter().any(|t| t.stem == *w)) {
                let last = slice
                    .iter()
                    .rposition(|t| wanted.contains(&t.stem))
                    .map_or(start + 1, |k| start + k + 1);
                return Some((start, last));
            }
        }
        None
    }

    /// Notes and reports a long verbatim run of the customer's words.
    fn parroting(&mut self, customer: &[Token]) -> bool {
        const RUN: usize = 6;
        let swaps = &self.scorer.matcher.pronoun_swaps;
        // Words as small numbers: this compares every pair of positions.
        fn id<'w>(ids: &mut crate::fasthash::FastMap<&'w str, u32>, w: &'w str) -> u32 {
            let next = ids.len() as u32;
            *ids.entry(w).or_insert(next)
        }
        let mut ids = crate::fasthash::FastMap::default();
        let tokens = self.tokens;
        let ours: Vec<u32> = tokens.iter().map(|t| id(&mut ids, &t.word)).collect();
        let theirs: Vec<u32> = customer
            .iter()
            .map(|t| {
                let w = swaps.get(&t.word).map_or(t.word.as_str(), String::as_str);
                id(&mut ids, w)
            })
            .collect();
        let said: Vec<u32> = customer.iter().map(|t| id(&mut ids, &t.word)).collect();
        let mut best: Option<(usize, usize)> = None;
        for i in 0..ours.len() {
            for j in 0..theirs.len() {
                let mut k = 0;
                while i + k < ours.len()
                    && j + k < theirs.len()
                    && (ours[i + k] == theirs[j + k] || ours[i + k] == said[j + k])
                {
                    k += 1;
                }
                if k >= RUN && best.is_none_or(|(_, len)| k > len) {
                    best = Some((i, k));
                }
            }
        }
        match best {
            Some((i, k)) => {
                self.note(Dimension::ActiveListening, i, i + k, Effect::Minus, |t| {
                    format!("repeated the customer's words verbatim: '{t}'")
                });
                true
            }
            None => false,
        }
    }

    /// Open questions asked; more than two at once is noted as interrogation.
    fn open_questions(&mut self) -> usize {
        let m = &self.scorer.matcher;
        let mut sentences: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for (i, t) in self
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.in_question)
        {
            let e = sentences.entry(t.sentence).or_insert((i, i + 1));
            e.1 = i + 1;
        }
        let open: Vec<(usize, usize)> = sentences
            .values()
            .copied()
            .filter(|&(s, e)| {
                let head: Vec<&str> = self.tokens[s..e]
                    .iter()
                    .take(5)
                    .map(|t| t.word.as_str())
                    .collect();
                m.open_question_starts.iter().any(|q| {
                    (0..head.len()).any(|k| {
                        head.len() >= k + q.len()
                            && head[k..k + q.len()].iter().zip(q).all(|(a, b)| *a == b)
                    })
                })
            })
            .collect();
        if open.len() > 2 {
            let (s, _) = open[0];
            let (_, e) = open[open.len() - 1];
            self.note(Dimension::ActiveListening, s, e, Effect::Minus, |_| {
                format!("too many questions at once ({})", open.len())
            });
        } else {
            for &(s, e) in &open {
                self.note(Dimension::ActiveListening, s, e, Effect::Plus, |t| {
                    format!("asked an open question: '{t}'")
                });
            }
        }
        open.len()
    }

    fn ownership(&mut self, hints: Option<&Hints>) -> u8 {
        let d = Dimension::Ownership;
        let blame: Vec<(usize, usize)> = self
            .of(Cue::Blame)
            .iter()
            .map(|h| (h.start, h.end))
            .collect();
        for &(s, e) in &blame {
            self.note(d, s, e, Effect::Minus, blame_reason);
        }
        let hedged = self.note_hits(d, Cue::HedgedApology, Effect::Minus, "hedged apology");
        let apologies: Vec<(usize, usize)> = self
            .of(Cue::Apology)
            .iter()
            .map(|h| (h.start, h.end))
            .collect();
        let mut undercut = 0;
        for &(s, e) in &apologies {
            let sentence = self.tokens[s].sentence;
            let is_but = |t: &Token| matches!(t.word.as_str(), "but" | "however" | "though");
            let mut but = None;
            for (k, t) in self.tokens.iter().enumerate().skip(e) {
                if t.sentence == sentence {
                    if is_but(t) {
                        but = Some(k);
                        break;
                    }
                } else {
                    // "Sorry. But ..." undercuts too: the next sentence's first word.
                    if t.sentence == sentence + 1 && is_but(t) {
                        but = Some(k);
                    }
                    break;
                }
            }
            if let Some(b) = but {
                undercut += 1;
                self.note(d, s, b + 1, Effect::Minus, |t| {
                    format!("apology undercut by 'but': '{t}'")
                });
            } else {
                self.note(d, s, e, Effect::Plus, |t| format!("apologised: '{t}'"));
            }
        }
        let excuses = self.note_hits(d, Cue::Excuse, Effect::Minus, "excuse");
        let owned = self.note_hits(
            d,
            Cue::Responsibility,
            Effect::Plus,
            "accepted responsibility",
        );
        let hedges = self.note_hits(d, Cue::Hedge, Effect::Minus, "hedged commitment");
        let commits = self.note_hits(d, Cue::Commitment, Effect::Plus, "committed to act");
        let commit_sentences: BTreeSet<usize> = self
            .of(Cue::Commitment)
            .iter()
            .map(|h| self.tokens[h.start].sentence)
            .collect();
        let personal: Vec<(usize, usize)> = self
            .hits
            .iter()
            .filter(|h| matches!(h.cue, Cue::Time | Cue::Owner))
            .filter(|h| commit_sentences.contains(&self.tokens[h.start].sentence))
            .map(|h| (h.start, h.end))
            .collect();
        for &(s, e) in &personal {
            self.note(d, s, e, Effect::Plus, |t| {
                format!("put a time or a name on it: '{t}'")
            });
        }
        self.note_hits(d, Cue::Overpromise, Effect::Minus, "over-promised");
        let forbidden = hints.map_or(0, |h| self.forbidden(h));

        // "We dropped the ball" or "that's on us" with a commitment reads as an apology.
        let apologised = apologies.len() > undercut || owned > 0;
        let committed = commits > 0 && (hedges == 0 || commits > hedges);
        let level: u8 = if !blame.is_empty() {
            0
        } else if hedged > 0 || undercut > 0 || excuses > 0 {
            1
        } else if apologised && owned > 0 && committed {
            if personal.is_empty() { 3 } else { 4 }
        } else if apologised || owned > 0 {
            2
        } else {
            1
        };
        if forbidden > 0 {
            level.saturating_sub(1)
        } else {
            level
        }
    }

    fn forbidden(&mut self, hints: &Hints) -> usize {
        let mut n = 0;
        for promise in &hints.forbidden {
            // "I can't promise it will settle by Saturday" is the honest answer.
            let negated = |s: usize| {
                let sentence = self.tokens[s].sentence;
                self.tokens[s.saturating_sub(4)..s].iter().any(|t| {
                    t.sentence == sentence && self.scorer.matcher.negators.contains(&t.word)
                })
            };
            if let Some((s, e)) = self.find_words(promise).filter(|(s, _)| !negated(*s)) {
                n += 1;
                self.note(Dimension::Ownership, s, e, Effect::Minus, |t| {
                    format!("promised what staff must not: '{t}'")
                });
            }
        }
        n
    }

    fn exceeding(&mut self, hints: Option<&Hints>) -> u8 {
        // An offer inside a sentence that blames, excuses, dismisses or refuses is not
        // an offer ("our most experienced stylist cut to your photo").
        self.tainted = self
            .hits
            .iter()
            .filter(|h| {
                matches!(
                    h.cue,
                    Cue::Blame | Cue::Excuse | Cue::Dismissal | Cue::Argue | Cue::Refusal
                )
            })
            .map(|h| self.tokens[h.start].sentence)
            .collect();
        let level = self.exceeding_level(hints);
        self.tainted.clear();
        level
    }

    fn exceeding_level(&mut self, hints: Option<&Hints>) -> u8 {
        let d = Dimension::ExceedingExpectations;
        let refusals = self.note_hits(d, Cue::Refusal, Effect::Minus, "refused help");
        let mut fixes = self.note_hits(d, Cue::Fix, Effect::Plus, "fixed the problem");
        let vague = self.note_hits(d, Cue::VagueHelp, Effect::Minus, "vague help");
        let gestures = self.note_hits(d, Cue::Gesture, Effect::Plus, "goodwill gesture");
        let mut tailored = self.note_hits(d, Cue::Tailored, Effect::Plus, "tailored extra");
        let personal = self.note_hits(d, Cue::Wow, Effect::Plus, "unexpected personal touch");
        let prevention =
            self.note_hits(d, Cue::Prevention, Effect::Plus, "prevention for next time");
        let wow = usize::from(personal > 0) + usize::from(prevention > 0);
        let upsells = self.of(Cue::Upsell).len();
        if upsells > 0 {
            self.note_hits(d, Cue::Upsell, Effect::Minus, "upsell, not a remedy");
        }
        if let Some(h) = hints {
            for fix in &h.fix {
                if let Some((s, e)) = self.find_words(fix) {
                    fixes += 1;
                    self.note(d, s, e, Effect::Plus, |t| {
                        format!("offered the fix they expect: '{t}'")
                    });
                }
            }
            for delight in &h.delight {
                if let Some((s, e)) = self.find_words(delight) {
                    tailored += 1;
                    self.note(d, s, e, Effect::Plus, |t| {
                        format!("offered something made for them: '{t}'")
                    });
                }
            }
        }
        let mut level = if tailored > 0 {
            3
        } else if gestures > 0 {
            2
        } else if fixes > 0 || vague > 0 {
            1
        } else {
            0
        };
        if wow > 0 {
            // A follow-up and prevention each lift the offer a level, to at least 2.
            level = (level + wow as u8).clamp(2, 4);
        }
        // Several separate concrete things done for the customer go beyond the fix,
        // whatever words they use: count the clauses that commit or offer, outside
        // tainted sentences ("collect the car, have Dave look at it, and cover taxis").
        let offers = [
            Cue::Commitment,
            Cue::Fix,
            Cue::Gesture,
            Cue::Tailored,
            Cue::Wow,
            Cue::Prevention,
        ];
        let clauses = self.clauses();
        let acting: BTreeSet<usize> = offers
            .iter()
            .flat_map(|c| self.of(*c))
            .map(|h| clauses[h.start])
            .collect();
        if (1..=2).contains(&level) && acting.len() >= MANY_ACTS {
            level += 1;
        }
        if (refusals > 0 || upsells > 0) && fixes == 0 && tailored == 0 {
            level = 0;
        }
        level
    }
}

fn blame_reason(text: &str) -> String {
    let t = text.to_lowercase();
    let to = if ["policy", "terms", "rules"].iter().any(|w| t.contains(w)) {
        "blame shifted to policy"
    } else if ["system", "automatic", "computer", "records"]
        .iter()
        .any(|w| t.contains(w))
    {
        "blame shifted to the system"
    } else if ["you", "your"]
        .iter()
        .any(|w| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
    {
        "blame shifted to the customer"
    } else if [
        "supplier",
        "contractor",
        "courier",
        "warehouse",
        "manufacturer",
        "agency",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        "blame shifted to a supplier"
    } else if ["department", "office", "team", "kitchen", "management"]
        .iter()
        .any(|w| t.contains(w))
    {
        "blame shifted to another department"
    } else if ["new", "her", "him", "she", "he", "they", "should"]
        .iter()
        .any(|w| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
    {
        "blame shifted to a colleague"
    } else {
        "denied responsibility"
    };
    format!("{to}: '{text}'")
}

/// A 0-100 score within the level's band, nudged by how much evidence supports it.
fn fine_score(level: u8, evidence: &[Evidence], d: Dimension) -> f64 {
    let plus = evidence
        .iter()
        .filter(|e| e.dimension == d && e.effect == Effect::Plus)
        .count() as f64;
    let minus = evidence
        .iter()
        .filter(|e| e.dimension == d && e.effect == Effect::Minus)
        .count() as f64;
    let base = f64::from(level) * 25.0;
    let nudge = (plus * 3.0 - minus * 5.0).clamp(-12.0, 12.0);
    (base + nudge).clamp((base - 12.0).max(0.0), (base + 12.0).min(100.0))
}
