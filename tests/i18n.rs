//! The interface's translations: both languages complete, every key the code uses
//! defined, the same variables on both sides, and the language switch working.

use turnaround::i18n::{self, Lang};

#[test]
fn the_message_files_parse() {
    assert_eq!(i18n::problems(), vec![], "every .ftl file is valid Fluent");
    let n = i18n::keys(Lang::English).len();
    assert!(n >= 40, "the messages are there: {n}");
}

#[test]
fn english_and_spanish_define_the_same_messages_with_the_same_variables() {
    let en = i18n::keys(Lang::English);
    let es = i18n::keys(Lang::Spanish);
    let missing: Vec<&String> = en.iter().filter(|k| !es.contains(k)).collect();
    let extra: Vec<&String> = es.iter().filter(|k| !en.contains(k)).collect();
    assert!(
        missing.is_empty(),
        "not translated into Spanish: {missing:?}"
    );
    assert!(extra.is_empty(), "in Spanish only: {extra:?}");
    let differ: Vec<String> = en
        .iter()
        .filter(|k| i18n::variables(Lang::English, k) != i18n::variables(Lang::Spanish, k))
        .map(|k| {
            format!(
                "{k}: {:?} vs {:?}",
                i18n::variables(Lang::English, k),
                i18n::variables(Lang::Spanish, k)
            )
        })
        .collect();
    assert!(differ.is_empty(), "variables differ: {differ:?}");
}

/// Every `tr!("key"...)` in the source, with the file it is in.
fn keys_in_source() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let mut rest = text.as_str();
                while let Some(at) = rest.find("tr!(") {
                    // `tr!` itself, not the end of `include_str!` and the like.
                    let whole = !rest[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    rest = &rest[at + 4..];
                    // rustfmt may put the key on the next line.
                    let args = rest.trim_start();
                    if let (true, Some(key)) = (whole, args.strip_prefix('"'))
                        && let Some(end) = key.find('"')
                    {
                        out.push((key[..end].to_string(), path.display().to_string()));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn every_key_the_code_uses_is_defined() {
    let used = keys_in_source();
    assert!(used.len() > 20, "the views use tr!: {}", used.len());
    let en = i18n::keys(Lang::English);
    let undefined: Vec<&(String, String)> = used
        .iter()
        // The macro's own documentation.
        .filter(|(k, _)| k != "key")
        .filter(|(k, _)| !en.contains(k))
        .collect();
    assert!(undefined.is_empty(), "used but not defined: {undefined:?}");
}

#[test]
fn switching_the_language_changes_the_words_on_this_thread_only() {
    use turnaround::scenario::Dimension;
    use turnaround::ui::labels;
    i18n::set(Lang::English);
    assert_eq!(labels::dimension(Dimension::Ownership), "Ownership");
    i18n::set(Lang::Spanish);
    assert_eq!(labels::dimension(Dimension::Ownership), "Responsabilidad");
    let other = std::thread::spawn(|| labels::dimension(Dimension::Ownership))
        .join()
        .expect("thread");
    assert_eq!(other, "Ownership", "another thread keeps its own language");
    assert_eq!(
        turnaround::tr!("readiness-not-yet", passed = 2, total = 9),
        "Aún no: 2 de 9 superados"
    );
    i18n::set(Lang::English);
    assert_eq!(
        turnaround::tr!("readiness-not-yet", passed = 2, total = 9),
        "Not yet: 2 of 9 passed"
    );
}
