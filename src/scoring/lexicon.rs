//! The scorer's word lists: plain data a trainer can read and extend, compiled into a
//! matcher. The built-in English lexicon is embedded; `<data dir>/lexicons/en.ron` adds
//! phrases to it. Loading from disk is the caller's job: this module takes text.

use std::collections::BTreeSet;

use crate::fasthash::{FastMap, FastSet};

use serde::{Deserialize, Serialize};

use super::text::{Token, near, pattern_stems, pattern_words};

/// The built-in English lexicon.
pub const BUILTIN_EN: &str = include_str!("../../assets/lexicons/en.ron");

/// The lexicon file format version this build reads.
pub const LEXICON_FORMAT: u32 = 1;

/// A lexicon as written in RON. Every list is optional in an override file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lexicon {
    pub format: u32,
    pub language: String,
    pub stopwords: Vec<String>,
    pub negators: Vec<String>,
    pub pronoun_swaps: Vec<(String, String)>,
    pub synonyms: Vec<Vec<String>>,
    pub dismissal: Vec<String>,
    pub argue: Vec<String>,
    pub generic_ack: Vec<String>,
    pub feeling: Vec<String>,
    pub check_understanding: Vec<String>,
    pub open_question_starts: Vec<String>,
    pub apology: Vec<String>,
    pub hedged_apology: Vec<String>,
    pub responsibility: Vec<String>,
    pub blame: Vec<String>,
    pub excuse: Vec<String>,
    pub commitment: Vec<String>,
    pub hedge: Vec<String>,
    pub time: Vec<String>,
    pub owner: Vec<String>,
    pub refusal: Vec<String>,
    pub upsell: Vec<String>,
    pub fix: Vec<String>,
    pub vague_help: Vec<String>,
    pub gesture: Vec<String>,
    pub tailored: Vec<String>,
    pub wow: Vec<String>,
    pub prevention: Vec<String>,
    pub overpromise: Vec<String>,
}

/// What a phrase in the lexicon signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    Dismissal,
    Argue,
    GenericAck,
    Feeling,
    CheckUnderstanding,
    Apology,
    HedgedApology,
    Responsibility,
    Blame,
    Excuse,
    Commitment,
    Hedge,
    Time,
    Owner,
    Refusal,
    Upsell,
    Fix,
    VagueHelp,
    Gesture,
    Tailored,
    Wow,
    Prevention,
    Overpromise,
}

impl Cue {
    /// The dimension a cue speaks to; a phrase inside a longer phrase of the same
    /// dimension is read as part of it ("sorry" inside "sorry for any inconvenience").
    pub fn dimension(self) -> crate::scenario::Dimension {
        use crate::scenario::Dimension::*;
        match self {
            Cue::Dismissal
            | Cue::Argue
            | Cue::GenericAck
            | Cue::Feeling
            | Cue::CheckUnderstanding => ActiveListening,
            Cue::Apology
            | Cue::HedgedApology
            | Cue::Responsibility
            | Cue::Blame
            | Cue::Excuse
            | Cue::Commitment
            | Cue::Hedge
            | Cue::Time
            | Cue::Owner
            | Cue::Overpromise => Ownership,
            Cue::Refusal
            | Cue::Upsell
            | Cue::Fix
            | Cue::VagueHelp
            | Cue::Gesture
            | Cue::Tailored
            | Cue::Wow
            | Cue::Prevention => ExceedingExpectations,
        }
    }
}

impl Lexicon {
    /// Parses a lexicon file.
    pub fn parse(text: &str) -> Result<Lexicon, ron::error::SpannedError> {
        ron::from_str(text)
    }

    /// The built-in English lexicon.
    pub fn builtin() -> Lexicon {
        // The embedded file is checked by a test; an empty lexicon only weakens scoring.
        Lexicon::parse(BUILTIN_EN).unwrap_or_default()
    }

    /// Adds every phrase of `other` to this lexicon.
    pub fn extend(&mut self, other: Lexicon) {
        macro_rules! add {
            ($($f:ident),*) => { $( self.$f.extend(other.$f); )* };
        }
        add!(
            stopwords,
            negators,
            pronoun_swaps,
            synonyms,
            dismissal,
            generic_ack,
            feeling,
            check_understanding,
            open_question_starts,
            apology,
            hedged_apology,
            responsibility,
            blame,
            excuse,
            commitment,
            hedge,
            time,
            owner,
            refusal,
            upsell,
            fix,
            vague_help,
            gesture,
            tailored,
            wow,
            prevention,
            overpromise
        );
    }

    fn lists(&self) -> Vec<(Cue, &Vec<String>)> {
        vec![
            (Cue::Dismissal, &self.dismissal),
            (Cue::Argue, &self.argue),
            (Cue::GenericAck, &self.generic_ack),
            (Cue::Feeling, &self.feeling),
            (Cue::CheckUnderstanding, &self.check_understanding),
            (Cue::Apology, &self.apology),
            (Cue::HedgedApology, &self.hedged_apology),
            (Cue::Responsibility, &self.responsibility),
            (Cue::Blame, &self.blame),
            (Cue::Excuse, &self.excuse),
            (Cue::Commitment, &self.commitment),
            (Cue::Hedge, &self.hedge),
            (Cue::Time, &self.time),
            (Cue::Owner, &self.owner),
            (Cue::Refusal, &self.refusal),
            (Cue::Upsell, &self.upsell),
            (Cue::Fix, &self.fix),
            (Cue::VagueHelp, &self.vague_help),
            (Cue::Gesture, &self.gesture),
            (Cue::Tailored, &self.tailored),
            (Cue::Wow, &self.wow),
            (Cue::Prevention, &self.prevention),
            (Cue::Overpromise, &self.overpromise),
        ]
    }
}

/// One compiled phrase.
#[derive(Debug, Clone)]
struct Pattern {
    cue: Cue,
    /// Stems, with `*` for any word.
    words: Vec<String>,
    /// The phrase's own words, to keep stems from joining unrelated words
    /// ("busy" and "business" share a stem).
    surface: Vec<String>,
}

/// A found phrase: which cue, and which tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub cue: Cue,
    /// Token indices, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// A lexicon ready to match against token streams.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Phrases of one word, or whose second word is `*`, by their first word's stem.
    by_first: FastMap<String, Vec<usize>>,
    /// Longer phrases by the stems of their first two words (`pair_key`): most phrases
    /// share a first word ("i", "we"), so this is what keeps the search short.
    by_pair: FastMap<u64, Vec<usize>>,
    wild_first: Vec<usize>,
    patterns: Vec<Pattern>,
    /// Every word in any pattern with its stem, sorted, for typo correction.
    vocabulary: Vec<(String, String)>,
    /// Positions in `vocabulary` by a word's first two characters, in order: `near`
    /// forgives no typo there, so a misspelt word is only ever compared with these.
    by_start: FastMap<[char; 2], Vec<usize>>,
    /// The same words and stems, for quick "is this a known word" checks.
    known: FastSet<String>,
    pub stopwords: FastSet<String>,
    pub negators: FastSet<String>,
    pub pronoun_swaps: FastMap<String, String>,
    /// Word to synonym-group index.
    pub synonym_group: FastMap<String, usize>,
    pub open_question_starts: Vec<Vec<String>>,
}

impl Matcher {
    /// Compiles a lexicon.
    pub fn new(lexicon: &Lexicon) -> Matcher {
        let mut patterns = Vec::new();
        for (cue, list) in lexicon.lists() {
            for phrase in list {
                let words = pattern_stems(phrase);
                let surface = pattern_words(phrase);
                if !words.is_empty() && words.len() == surface.len() {
                    patterns.push(Pattern {
                        cue,
                        words,
                        surface,
                    });
                }
            }
        }
        let mut by_first: FastMap<String, Vec<usize>> = FastMap::default();
        let mut by_pair: FastMap<u64, Vec<usize>> = FastMap::default();
        let mut wild_first = Vec::new();
        let mut vocabulary = BTreeSet::new();
        for (i, p) in patterns.iter().enumerate() {
            match p.words.as_slice() {
                [first, ..] if first == "*" => wild_first.push(i),
                [first, second, ..] if second != "*" => {
                    by_pair.entry(pair_key(first, second)).or_default().push(i);
                }
                [first, ..] => by_first.entry(first.clone()).or_default().push(i),
                [] => {}
            }
            vocabulary.extend(
                p.surface
                    .iter()
                    .zip(&p.words)
                    .filter(|(w, _)| *w != "*")
                    .map(|(w, s)| (w.clone(), s.clone())),
            );
        }
        let mut synonym_group = FastMap::default();
        for (g, group) in lexicon.synonyms.iter().enumerate() {
            for w in group {
                for word in pattern_words(w) {
                    synonym_group.insert(super::stem(&word), g);
                }
            }
        }
        let vocabulary: Vec<(String, String)> = vocabulary.into_iter().collect();
        let mut by_start: FastMap<[char; 2], Vec<usize>> = FastMap::default();
        for (i, (w, _)) in vocabulary.iter().enumerate() {
            if let Some(start) = first_two(w) {
                by_start.entry(start).or_default().push(i);
            }
        }
        let words = |list: &Vec<String>| -> FastSet<String> {
            list.iter().flat_map(|w| pattern_words(w)).collect()
        };
        Matcher {
            by_first,
            by_pair,
            wild_first,
            patterns,
            known: vocabulary
                .iter()
                .flat_map(|(w, s): &(String, String)| [w.clone(), s.clone()])
                .collect(),
            vocabulary,
            by_start,
            stopwords: words(&lexicon.stopwords),
            negators: words(&lexicon.negators),
            pronoun_swaps: lexicon
                .pronoun_swaps
                .iter()
                .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
                .collect(),
            synonym_group,
            open_question_starts: lexicon
                .open_question_starts
                .iter()
                .map(|p| pattern_words(p))
                .collect(),
        }
    }

    /// Replaces misspelt words with the lexicon stem one edit away, keeping spans.
    pub fn correct_typos(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut() {
            let length = t.word.chars().count();
            if length < 7
                || self.stopwords.contains(&t.word)
                || self.known.contains(&t.word)
                || self.known.contains(&t.stem)
            {
                continue;
            }
            let Some(candidates) = first_two(&t.word).and_then(|s| self.by_start.get(&s)) else {
                continue;
            };
            if let Some((w, s)) = candidates
                .iter()
                .map(|&i| &self.vocabulary[i])
                .filter(|(w, _)| w.len().abs_diff(length) <= 2)
                .find(|(w, _)| near(&t.word, w))
            {
                t.word = w.clone();
                t.stem = s.clone();
            }
        }
    }

    /// Every phrase found in the tokens, longest first at each start.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..tokens.len() {
            let pairs = tokens
                .get(i + 1)
                .and_then(|next| self.by_pair.get(&pair_key(&tokens[i].stem, &next.stem)));
            let candidates = self
                .by_first
                .get(&tokens[i].stem)
                .into_iter()
                .flatten()
                .chain(pairs.into_iter().flatten())
                .chain(self.wild_first.iter());
            for &p in candidates {
                let pattern = &self.patterns[p];
                if matches_at(pattern, tokens, i) {
                    hits.push(Hit {
                        cue: pattern.cue,
                        start: i,
                        end: i + pattern.words.len(),
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.cue));
        hits
    }
}

/// The key of two consecutive stems in `Matcher::by_pair`. A collision only costs a
/// phrase that is checked and does not match.
fn pair_key(first: &str, second: &str) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h =
        std::hash::BuildHasherDefault::<crate::fasthash::FastHasher>::default().build_hasher();
    first.hash(&mut h);
    second.hash(&mut h);
    h.finish()
}

/// A word's first two characters, which a typo never changes (see `near`).
fn first_two(word: &str) -> Option<[char; 2]> {
    let mut chars = word.chars();
    Some([chars.next()?, chars.next()?])
}

fn matches_at(pattern: &Pattern, tokens: &[Token], at: usize) -> bool {
    let words = &pattern.words;
    if at + words.len() > tokens.len() {
        return false;
    }
    let sentence = tokens[at].sentence;
    words
        .iter()
        .zip(&pattern.surface)
        .enumerate()
        .all(|(k, (w, surface))| {
            let t = &tokens[at + k];
            // A phrase never spans two sentences.
            t.sentence == sentence
                && (w == "*" || t.word == *surface || (*w == t.stem && same_root(&t.word, surface)))
        })
}

/// Two words with one stem that are really one word in another form ("refunding",
/// "refund"; "apologising", "apologise"), unlike "business" and "busy" or "suit" and
/// "suite": the word must start with the phrase word less its last letter, or with
/// all of it when that leaves fewer than five letters.
fn same_root(word: &str, phrase_word: &str) -> bool {
    let mut base = phrase_word.chars();
    base.next_back();
    let base = base.as_str();
    if base.chars().count() >= 5 {
        word.starts_with(base)
    } else {
        word.starts_with(phrase_word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::text::tokenize;

    #[test]
    fn the_builtin_lexicon_parses_and_has_every_list() {
        let lex = Lexicon::parse(BUILTIN_EN).expect("built-in lexicon parses");
        assert_eq!(lex.format, LEXICON_FORMAT);
        for (cue, list) in lex.lists() {
            assert!(!list.is_empty(), "{cue:?} is empty");
        }
    }

    #[test]
    fn phrases_match_through_contractions_and_wildcards() {
        let m = Matcher::new(&Lexicon::builtin());
        let tokens = tokenize("That's on us, and I'll call you by 5 pm.");
        let cues: Vec<Cue> = m.find(&tokens).into_iter().map(|h| h.cue).collect();
        assert!(cues.contains(&Cue::Responsibility), "{cues:?}");
        assert!(cues.contains(&Cue::Commitment), "{cues:?}");
        assert!(cues.contains(&Cue::Time), "{cues:?}");
    }

    #[test]
    fn stems_join_forms_of_one_word_only() {
        assert!(same_root("refunding", "refund"));
        assert!(same_root("apologising", "apologise"));
        assert!(same_root("flagged", "flag"));
        assert!(!same_root("business", "busy"));
        assert!(!same_root("suit", "suite"));
    }

    #[test]
    fn an_override_adds_phrases() {
        let mut lex = Lexicon::builtin();
        let extra = Lexicon::parse("(gesture: [\"free valet\"])").expect("override parses");
        lex.extend(extra);
        let m = Matcher::new(&lex);
        let hits = m.find(&tokenize("We'll add a free valet."));
        assert!(hits.iter().any(|h| h.cue == Cue::Gesture));
    }
}
