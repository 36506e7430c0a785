//! The interface's words in each language, from Project Fluent files
//! (`assets/i18n/<language>/*.ftl`), embedded in the binary at build time.
//!
//! `tr!("key")` and `tr!("key", name = value)` give the text for the language in force,
//! set once from the settings and whenever the person changes it. A message missing in
//! a language falls back to English, then to its key; tests keep both languages complete
//! and every key used in the code defined.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    English,
    Spanish,
}

impl Lang {
    /// Every language, in the order the settings list them.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Spanish];

    /// The language's code, as its folder under `assets/i18n/` is named.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Spanish => "es",
        }
    }

    /// The language's name in itself, as a person looking for it reads it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Spanish => "Español",
        }
    }

    /// The language with this code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn index(self) -> usize {
        self as usize
    }
}

thread_local! {
    /// Per thread: the UI thread draws in the person's language, and tests running side
    /// by side each keep their own.
    static CURRENT: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::English) };
}

/// Sets the interface's language on this thread (the UI thread, in the app).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The interface's language on this thread.
pub fn current() -> Lang {
    CURRENT.with(std::cell::Cell::get)
}

type Bundle = FluentBundle<FluentResource>;

/// A message file that is not valid Fluent: which file, and what the parser said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub file: String,
    pub problem: String,
}

fn build(lang: Lang, problems: &mut Vec<FileProblem>) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in the app's fonts.
    bundle.set_use_isolating(false);
    for (code, file, text) in FILES {
        if *code != lang.code() {
            continue;
        }
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(errors.iter().map(|e| FileProblem {
                    file: format!("assets/i18n/{code}/{file}"),
                    problem: format!("{e:?}"),
                }));
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| FileProblem {
                file: format!("assets/i18n/{code}/{file}"),
                problem: format!("{e:?}"),
            }));
        }
    }
    bundle
}

/// One language's messages, parsed the first time that language is used: the start
/// screen waits for one language, never both.
fn bundle(lang: Lang) -> &'static (Bundle, Vec<FileProblem>) {
    static BUNDLES: [OnceLock<(Bundle, Vec<FileProblem>)>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let mut problems = Vec::new();
        let bundle = build(lang, &mut problems);
        (bundle, problems)
    })
}

/// What is wrong with the embedded message files (empty when nothing is).
pub fn problems() -> Vec<FileProblem> {
    Lang::ALL
        .into_iter()
        .flat_map(|l| bundle(l).1.iter().cloned())
        .collect()
}

/// Every message id defined for `lang`, sorted.
pub fn keys(lang: Lang) -> Vec<String> {
    let mut keys: Vec<String> = FILES
        .iter()
        .filter(|(code, _, _)| *code == lang.code())
        .filter_map(|(_, _, text)| FluentResource::try_new((*text).to_string()).ok())
        .flat_map(|r| {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    keys.sort();
    keys
}

/// The variables message `key` uses in `lang`, sorted: a translation must use the same.
pub fn variables(lang: Lang, key: &str) -> Vec<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
    fn walk(p: &Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn inline(i: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = i {
            out.push(id.name.to_string());
        }
    }
    let mut out = Vec::new();
    for (code, _, text) in FILES {
        if *code != lang.code() {
            continue;
        }
        let Ok(r) = FluentResource::try_new((*text).to_string()) else {
            continue;
        };
        for e in r.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = e
                && m.id.name == key
                && let Some(v) = &m.value
            {
                walk(v, &mut out);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = &bundle(lang).0;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The text of `key` in the language in force (English, then the key, when missing).
pub fn t(key: &str) -> String {
    t_with(key, None)
}

/// `t` with arguments.
pub fn t_with(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = current();
    format(lang, key, args)
        .or_else(|| format(Lang::English, key, args))
        .unwrap_or_else(|| key.to_string())
}

/// The text of `key` in `lang`, when `lang` defines it.
pub fn t_in(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    format(lang, key, args)
}

/// `tr!("key")`, or `tr!("key", name = value, ...)`: the interface's text for `key` in
/// the language in force. Values are anything Fluent takes: strings and numbers.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::t($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::t_with($key, Some(&args))
    }};
}
