//! Turning text into words the scorer can match, without losing where each came from.
//!
//! A `Token` is one normalised word (lower case, straight quotes, contractions expanded,
//! possessive `'s` dropped) with the byte range of the original text it stands for, so
//! evidence can point at the trainee's own words. Pure functions only.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::fasthash::FastMap;

use unicode_segmentation::UnicodeSegmentation;

/// One normalised word and where it stands in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    /// The word's Snowball stem, which lexicon phrases are matched on.
    pub stem: String,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Index of the sentence the word belongs to.
    pub sentence: usize,
    /// True when the sentence ends with a question mark.
    pub in_question: bool,
}

/// Expansions of common English contractions (after lower-casing and straightening).
const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("i'm", &["i", "am"]),
    ("i'll", &["i", "will"]),
    ("i've", &["i", "have"]),
    ("i'd", &["i", "would"]),
    ("we're", &["we", "are"]),
    ("we'll", &["we", "will"]),
    ("we've", &["we", "have"]),
    ("we'd", &["we", "would"]),
    ("you're", &["you", "are"]),
    ("you'll", &["you", "will"]),
    ("you've", &["you", "have"]),
    ("you'd", &["you", "would"]),
    ("they're", &["they", "are"]),
    ("they'll", &["they", "will"]),
    ("they've", &["they", "have"]),
    ("he's", &["he", "is"]),
    ("she's", &["she", "is"]),
    ("it's", &["it", "is"]),
    ("that's", &["that", "is"]),
    ("there's", &["there", "is"]),
    ("here's", &["here", "is"]),
    ("what's", &["what", "is"]),
    ("who's", &["who", "is"]),
    ("let's", &["let", "us"]),
    ("can't", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("won't", &["will", "not"]),
    ("don't", &["do", "not"]),
    ("doesn't", &["does", "not"]),
    ("didn't", &["did", "not"]),
    ("isn't", &["is", "not"]),
    ("aren't", &["are", "not"]),
    ("wasn't", &["was", "not"]),
    ("weren't", &["were", "not"]),
    ("haven't", &["have", "not"]),
    ("hasn't", &["has", "not"]),
    ("hadn't", &["had", "not"]),
    ("shouldn't", &["should", "not"]),
    ("couldn't", &["could", "not"]),
    ("wouldn't", &["would", "not"]),
    ("mustn't", &["must", "not"]),
    ("needn't", &["need", "not"]),
    ("should've", &["should", "have"]),
    ("could've", &["could", "have"]),
    ("would've", &["would", "have"]),
    ("y'all", &["you", "all"]),
    // Common apostrophe-less spellings in quick typing.
    ("im", &["i", "am"]),
    ("ill", &["i", "will"]),
    ("ive", &["i", "have"]),
    ("dont", &["do", "not"]),
    ("cant", &["can", "not"]),
    ("wont", &["will", "not"]),
    ("didnt", &["did", "not"]),
    ("isnt", &["is", "not"]),
    ("wasnt", &["was", "not"]),
    ("thats", &["that", "is"]),
    ("theres", &["there", "is"]),
    ("youre", &["you", "are"]),
    ("youll", &["you", "will"]),
    ("shouldnt", &["should", "not"]),
    ("couldnt", &["could", "not"]),
];

/// `CONTRACTIONS` by contraction, for one lookup per word.
static EXPANSIONS: LazyLock<FastMap<&'static str, &'static [&'static str]>> =
    LazyLock::new(|| CONTRACTIONS.iter().copied().collect());

/// How many stems each thread keeps: far more than the words of any conversation, and
/// the cache starts again when full, so memory stays bounded.
const STEM_CACHE: usize = 20_000;

thread_local! {
    /// Word to Snowball stem. Stemming was a fifth of the scorer's time, and replies
    /// use the same few hundred words again and again.
    static STEMS: RefCell<FastMap<String, String>> = RefCell::new(FastMap::default());
}

/// The Snowball (English) stem of a normalised word, from this thread's cache.
pub fn stem(word: &str) -> String {
    STEMS.with_borrow_mut(|stems| {
        if let Some(s) = stems.get(word) {
            return s.clone();
        }
        if stems.len() >= STEM_CACHE {
            stems.clear();
        }
        let s = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
            .stem(word)
            .into_owned();
        stems.insert(word.to_string(), s.clone());
        s
    })
}

/// Lower-cases and straightens quotes in one word.
fn fold(word: &str) -> String {
    if word.is_ascii() {
        // Most words: one pass, no per-character case tables.
        return word
            .bytes()
            .map(|b| match b {
                b'`' => '\'',
                _ => char::from(b.to_ascii_lowercase()),
            })
            .collect();
    }
    word.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{00b4}' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The normalised words of one word-like piece of text, each handed to `emit`. Reuses the
/// folded text when it needs no trimming: this runs for every word of every reply.
fn normalise_into(word: &str, mut emit: impl FnMut(String)) {
    let mut folded = fold(word);
    let trimmed = folded.trim_matches('\'');
    if let Some(parts) = EXPANSIONS.get(trimmed) {
        parts.iter().for_each(|p| emit((*p).to_string()));
        return;
    }
    let base = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("s'"))
        .unwrap_or(trimmed);
    if base.is_empty() {
        return;
    }
    if base.len() == folded.len() {
        emit(folded);
    } else {
        let start = base.as_ptr() as usize - folded.as_ptr() as usize;
        let end = start + base.len();
        folded.truncate(end);
        folded.drain(..start);
        emit(folded);
    }
}

/// Splits text into sentences at `.`, `!`, `?` or `;` followed by a space or the end,
/// and at line breaks. Unlike Unicode's rules this also splits casual lower-case
/// typing ("we're full. i'll send someone up").
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_mark = matches!(c, '.' | '!' | '?' | ';' | '\n');
        if !end_mark {
            continue;
        }
        // Take the whole run of marks ("?!", "...").
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(d, '.' | '!' | '?') {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let at_break = c == '\n'
            || chars
                .peek()
                .is_none_or(|&(_, d)| d.is_whitespace() || d == '"' || d == '\u{201d}');
        if at_break {
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// The words of a sentence by Unicode's word boundaries (UAX #29), keeping only words,
/// numbers and the signs `%`, `£` and `$` ("2pm", "£600", "15%" and "don't" stay whole).
fn kept_words(s: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if s.is_ascii() {
        // Most replies: the same boundaries found directly, which took half the time.
        return Box::new(ascii_words(s));
    }
    Box::new(s.split_word_bound_indices().filter(|(_, word)| {
        word.chars().any(char::is_alphanumeric) || matches!(*word, "%" | "£" | "$")
    }))
}

/// `kept_words` for ASCII text. UAX #29 on ASCII: letters, digits and `_` run together
/// (WB5, WB8-10, WB13); `:`, `.` or `'` between two letters joins them (WB6-7), and `,`,
/// `;`, `.` or `'` between two digits (WB11-12). Every other character stands alone, and
/// of those only `%` and `$` are kept. A unit test checks this against
/// `unicode-segmentation` on many strings.
fn ascii_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            let b = bytes[i];
            i += 1;
            if matches!(b, b'%' | b'$') {
                return Some((start, &s[start..i]));
            }
            if !word(b) {
                continue;
            }
            while i < bytes.len() {
                if word(bytes[i]) {
                    i += 1;
                    continue;
                }
                let (before, mid) = (bytes[i - 1], bytes[i]);
                let Some(&after) = bytes.get(i + 1) else {
                    break;
                };
                let letters = before.is_ascii_alphabetic()
                    && after.is_ascii_alphabetic()
                    && matches!(mid, b':' | b'.' | b'\'');
                let digits = before.is_ascii_digit()
                    && after.is_ascii_digit()
                    && matches!(mid, b',' | b';' | b'.' | b'\'');
                if letters || digits {
                    i += 2;
                } else {
                    break;
                }
            }
            // A run of underscores alone is no word.
            if bytes[start..i].iter().any(u8::is_ascii_alphanumeric) {
                return Some((start, &s[start..i]));
            }
        }
        None
    })
}

/// Splits text into normalised tokens with their original spans and sentences.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    for (sentence, (start, s)) in sentences(text).into_iter().enumerate() {
        let in_question = s.trim_end().ends_with('?');
        for (offset, word) in kept_words(s) {
            let span = start + offset..start + offset + word.len();
            normalise_into(word, |w| {
                tokens.push(Token {
                    stem: stem(&w),
                    word: w,
                    span: span.clone(),
                    sentence,
                    in_question,
                });
            });
        }
    }
    tokens
}

/// The stems of a lexicon phrase, keeping `*` wildcards in place.
pub fn pattern_stems(phrase: &str) -> Vec<String> {
    pattern_words(phrase)
        .into_iter()
        .map(|w| if w == "*" { w } else { stem(&w) })
        .collect()
}

/// The words of a lexicon phrase, keeping `*` wildcards in place.
pub fn pattern_words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .flat_map(|piece| {
            if piece == "*" {
                vec!["*".to_string()]
            } else if let Some(rest) = piece.strip_prefix('*') {
                // "*pm" means a number glued to a unit: match the unit's own token.
                let mut v = vec!["*".to_string()];
                v.extend(tokenize(rest).into_iter().map(|t| t.word));
                v
            } else {
                tokenize(piece).into_iter().map(|t| t.word).collect()
            }
        })
        .collect()
}

/// Damerau-Levenshtein distance of at most one, for typo tolerance on words of seven
/// letters or more (shorter words have too many real neighbours: "sorry", "story").
pub fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Cheap tests first: this runs for every lexicon word an unknown word might be.
    let same_start = a.chars().take(2).eq(b.chars().take(2));
    if la < 7 || lb < 7 || la.abs_diff(lb) > 1 || !same_start {
        return false;
    }
    if !within_one_edit(a, b) {
        return false;
    }
    // Real words often sit one letter from each other at their ends ("reserved",
    // "reserve"; "driven", "driver"): only forgive a typo that keeps the first two
    // letters and the last one, or that swaps two letters.
    let same_end = a.chars().last() == b.chars().last();
    let mut sa: Vec<char> = a.chars().collect();
    let mut sb: Vec<char> = b.chars().collect();
    sa.sort_unstable();
    sb.sort_unstable();
    same_end || sa == sb
}

/// Damerau-Levenshtein distance of at most one: one letter changed, added, dropped, or
/// two neighbours swapped. Linear in the words' length.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true; // equal, or one letter added at the end
    }
    if short.len() == long.len() {
        // One letter changed, or two neighbours swapped.
        let rest = prefix + 1;
        let changed = short[rest..] == long[rest..];
        let swapped = rest < short.len()
            && short[prefix] == long[rest]
            && short[rest] == long[prefix]
            && short[rest + 1..] == long[rest + 1..];
        changed || swapped
    } else {
        // One letter added in the longer word.
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_match_unicode_word_boundaries() {
        use rand::{RngExt, SeedableRng};
        let unicode = |s: &str| -> Vec<(usize, String)> {
            s.split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric) || matches!(*w, "%" | "$"))
                .map(|(i, w)| (i, w.to_string()))
                .collect()
        };
        let ours = |s: &str| -> Vec<(usize, String)> {
            ascii_words(s).map(|(i, w)| (i, w.to_string())).collect()
        };
        for s in [
            "I'm sorry, that's on us: we'll call by 5.30pm, e.g. tomorrow.",
            "It costs $3.50 (15% off) - 1,000 items; a:b a.b. 'quoted' it's_ok x__y",
            "don't!! '' .5 5. a'' ''a 3'4 a'4 4'a 1;2 a;b a,b 1,a _a a_ 9_ _9",
        ] {
            assert_eq!(ours(s), unicode(s), "{s}");
        }
        let alphabet = b"aZq9_0':.,;%$ -\"!?\t\n@#";
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..20_000 {
            let len = rng.random_range(0..24);
            let s: String = (0..len)
                .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
                .collect();
            assert_eq!(ours(&s), unicode(&s), "{s:?}");
        }
    }

    #[test]
    fn one_edit_matches_damerau_levenshtein() {
        let words = [
            "apologise",
            "apologies",
            "apologize",
            "apologis",
            "apologisee",
            "paologise",
            "frustrating",
            "frustratign",
            "frustratin",
            "rfustrating",
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bac",
            "abcd",
            "reserved",
            "reserve",
            "reversed",
            "sévère",
            "sévèr",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    within_one_edit(a, b),
                    strsim::damerau_levenshtein(a, b) <= 1,
                    "{a} / {b}"
                );
            }
        }
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn contractions_and_curly_quotes_expand() {
        assert_eq!(
            words("I\u{2019}m sorry, that\u{2019}s on us."),
            ["i", "am", "sorry", "that", "is", "on", "us"]
        );
        assert_eq!(
            words("We won't; it isn't"),
            ["we", "will", "not", "it", "is", "not"]
        );
        assert_eq!(words("your dad's lunch"), ["your", "dad", "lunch"]);
    }

    #[test]
    fn spans_point_at_the_original_words() {
        let text = "Sorry — it’s ours.";
        let t = tokenize(text);
        let its: Vec<_> = t
            .iter()
            .filter(|t| t.word == "it" || t.word == "is")
            .collect();
        assert_eq!(&text[its[0].span.clone()], "it’s");
        assert_eq!(its[0].span, its[1].span);
    }

    #[test]
    fn lower_case_sentences_split_too() {
        let t = tokenize("we're full. i'll send someone up");
        assert_eq!(
            t.iter().find(|t| t.word == "send").map(|t| t.sentence),
            Some(1)
        );
        let t = tokenize("It costs £3.50 today.");
        assert!(t.iter().all(|t| t.sentence == 0));
    }

    #[test]
    fn sentences_and_questions_are_marked() {
        let t = tokenize("I see. What time suits you?");
        assert_eq!(t[0].sentence, 0);
        assert!(!t[0].in_question);
        assert!(
            t.iter()
                .find(|t| t.word == "suits")
                .is_some_and(|t| t.in_question && t.sentence == 1)
        );
    }

    #[test]
    fn typos_are_near_only_for_longer_words() {
        assert!(near("apologise", "apologies"));
        assert!(near("frustrating", "frustratign"));
        assert!(!near("sensor", "senior"));
        assert!(!near("sorry", "story"));
        assert!(!near("our", "out"));
        assert!(!near("reserved", "reserve"));
        assert!(!near("driven", "driver"));
        assert!(!near("shared", "scared"));
    }
}
