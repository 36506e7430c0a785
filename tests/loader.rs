//! The loader and validator: a valid fixture, and one fixture per kind of problem with
//! the diagnostics it must produce (golden files beside it).

use turnaround::library::{self, Checked};
use turnaround::scenario::{self, Severity, SourceFile};

use crate::util::{data, golden};

fn check_fixture(name: &str) -> Checked {
    let path = data(&format!("fixtures/{name}.ron"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    // A stable name, so golden output does not depend on where the repo is checked out.
    let assets = data("fixtures/assets");
    library::check(
        SourceFile::new(format!("fixtures/{name}.ron"), text),
        Some(&assets),
    )
}

/// Checks a fixture's rendered diagnostics against its golden `.expected` file, and that
/// it has a problem of the given severity whose message contains `needle`.
#[track_caller]
fn check(name: &str, severity: Severity, needle: &str) -> Checked {
    let checked = check_fixture(name);
    let rendered = scenario::render(&checked.source, &checked.diagnostics);
    golden(&data(&format!("fixtures/{name}.expected")), &rendered);
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.severity == severity && d.message.contains(needle)),
        "{name}: expected a {severity:?} containing {needle:?}, got:\n{rendered}"
    );
    checked
}

#[test]
fn valid_fixture_has_no_diagnostics() {
    let checked = check_fixture("valid");
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let s = checked.scenario.expect("valid scenario loads");
    assert_eq!(s.id, "fixture-valid");
    assert_eq!(s.nodes.len(), 7);
    assert_eq!(s.pass_mark(), 70);
}

#[test]
fn the_format_docs_example_loads_and_validates_clean() {
    let checked = check_fixture("free-text");
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let doc =
        std::fs::read_to_string(crate::util::root().join("docs/scenario-format.md")).expect("doc");
    let text = std::fs::read_to_string(data("fixtures/free-text.ron")).expect("fixture");
    assert!(
        doc.contains(text.trim()),
        "tests/data/fixtures/free-text.ron must be the docs' example, verbatim"
    );
}

#[test]
fn syntax_error_names_line_col_and_what_was_expected() {
    let c = check("syntax-error", Severity::Error, "Expected");
    let d = &c.diagnostics[0];
    assert_eq!((d.file.as_str(), d.line), ("fixtures/syntax-error.ron", 16));
    assert!(c.scenario.is_none());
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let c = check("unknown-field", Severity::Error, "minuets");
    assert_eq!(
        c.diagnostics[0].help.as_deref(),
        Some("did you mean `minutes`?")
    );
    assert_eq!(c.diagnostics[0].line, 9);
}

#[test]
fn unknown_variant_suggests_the_right_one() {
    let c = check("unknown-variant", Severity::Error, "Skeptical");
    assert_eq!(
        c.diagnostics[0].help.as_deref(),
        Some("did you mean `Sceptical`?")
    );
}

#[test]
fn broken_link_says_did_you_mean() {
    let c = check("broken-link", Severity::Error, "links to `end_okk`");
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.message.contains("end_okk"))
        .expect("link");
    assert_eq!(d.help.as_deref(), Some("did you mean `end_ok`?"));
}

#[test]
fn duplicate_ids_are_errors() {
    check("duplicate-id", Severity::Error, "duplicate node id `t1`");
}

#[test]
fn unreachable_nodes_are_warnings() {
    let c = check(
        "unreachable",
        Severity::Warning,
        "node `orphan` is unreachable",
    );
    assert!(
        c.scenario.is_some(),
        "warnings alone keep the scenario playable"
    );
}

#[test]
fn loops_with_no_exit_are_found() {
    check(
        "dead-end-loop",
        Severity::Error,
        "loop with no exit: spin1, spin2",
    );
}

#[test]
fn levels_outside_0_to_4_are_errors() {
    check(
        "level-out-of-range",
        Severity::Error,
        "ownership level is 5; expected 0-4",
    );
}

#[test]
fn empty_texts_are_warnings() {
    check("empty-text", Severity::Warning, "`say` is empty");
}

#[test]
fn missing_audio_is_a_warning() {
    check(
        "missing-audio",
        Severity::Warning,
        "audio clip `clips/missing.wav` not found",
    );
}

#[test]
fn turns_without_a_model_answer_are_warnings() {
    check(
        "no-model",
        Severity::Warning,
        "turn `t2` has no model answer",
    );
}

#[test]
fn endings_whose_outcome_no_route_produces_are_warnings() {
    let c = check(
        "unreachable-outcome",
        Severity::Warning,
        "ending `end_ok` intends Advocate",
    );
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.message.contains("ending `end_bad` intends Advocate")),
        "both endings are reported"
    );
    assert!(
        !c.diagnostics.iter().any(|d| d.message.contains("end_good")),
        "end_good can produce Advocate"
    );
}

#[test]
fn garbage_gives_an_error_not_a_panic() {
    for text in [
        "",
        "(",
        "\u{0}\u{1}",
        "((((((((((((((((((((",
        "[1, 2, 3]",
        "(format: 1, id: \"x\")",
    ] {
        let c = library::check(SourceFile::new("junk.ron", text), None);
        assert!(c.has_errors(), "{text:?} should not load");
        assert!(c.diagnostics[0].line >= 1);
    }
}

#[test]
fn a_scenario_with_no_nodes_is_an_error() {
    let text = std::fs::read_to_string(data("fixtures/valid.ron")).expect("fixture");
    let start = text.find("    nodes: [").expect("nodes");
    let emptied = format!("{}    nodes: [],\n)\n", &text[..start]);
    let c = library::check(SourceFile::new("empty.ron", emptied), None);
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("links to `open`"))
    );
}

#[test]
fn unreadable_binary_and_oversized_files_are_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, [b'(', 0xff, 0xfe, b')']).expect("write");
    let c = library::check_file(&binary);
    assert!(
        c.has_errors() && c.diagnostics[0].message.contains("not UTF-8"),
        "{:?}",
        c.diagnostics
    );

    let huge = dir.path().join("huge.ron");
    std::fs::write(&huge, vec![b' '; scenario::MAX_SCENARIO_BYTES + 1]).expect("write");
    let c = library::check_file(&huge);
    assert!(
        c.has_errors() && c.diagnostics[0].message.contains("at most"),
        "{:?}",
        c.diagnostics
    );

    let missing = library::check_file(&dir.path().join("nope.ron"));
    assert!(missing.has_errors() && missing.diagnostics[0].message.contains("cannot read"));
}

#[test]
fn a_broken_trainer_file_is_left_out_of_the_library_and_an_override_is_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("broken.ron"), "(format: 1,").expect("write");
    let builtin = library::builtin_files()
        .iter()
        .find(|(n, _)| *n == "hotel-noisy-room.ron")
        .map(|(_, t)| t.replace("title: \"", "title: \"Trainer's "))
        .expect("hotel scenario ships");
    std::fs::write(dir.path().join("my-hotel.ron"), builtin).expect("write");
    let lib = turnaround::library::Library::load(Some(dir.path()));
    assert_eq!(lib.problems.len(), 1, "the broken file is reported");
    let hotel = lib.get("hotel-noisy-room").expect("still in the library");
    assert!(hotel.overrides_builtin);
    assert!(hotel.scenario.title.starts_with("Trainer's "));
    assert_eq!(
        lib.entries.len(),
        library::builtin_files().len(),
        "an override replaces, not adds"
    );
}

#[test]
fn two_trainer_files_with_one_id_keep_the_first_and_report_the_second() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(data("fixtures/valid.ron")).expect("read");
    std::fs::write(dir.path().join("a-soup.ron"), &text).expect("write");
    std::fs::write(
        dir.path().join("b-soup.ron"),
        text.replace("title: \"Cold soup\"", "title: \"Second soup\""),
    )
    .expect("write");
    let lib = turnaround::library::Library::load(Some(dir.path()));
    assert_eq!(
        lib.get("fixture-valid").map(|e| e.scenario.title.as_str()),
        Some("Cold soup")
    );
    assert_eq!(lib.problems.len(), 1);
    let problem = &lib.problems[0];
    assert!(problem.source.name.ends_with("b-soup.ron"));
    let d = &problem.diagnostics[0];
    assert!(
        d.message.contains("is already used by") && d.message.contains("a-soup.ron"),
        "{d}"
    );
    assert_eq!((d.line, d.col), (4, 9), "points at the id");
}

#[test]
fn lint_a_good_ending_reached_without_ownership() {
    let c = check(
        "lint-ownerless-route",
        Severity::Warning,
        "without any reply owning the problem: open > t1 > l2 > t2 > end_good",
    );
    assert!(
        c.scenario.is_some(),
        "a lint never stops a file from playing"
    );
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.message.contains("end_ok"))
        .expect("the Recovered ending too");
    assert_eq!(d.node.as_deref(), Some("end_ok"));
    // The blame reply (ownership 0) is what opens the route; the owning reply alone
    // would not be flagged.
    let owned = check_fixture("valid");
    assert!(owned.diagnostics.is_empty(), "{:?}", owned.diagnostics);
}

#[test]
fn lint_blame_wording_authored_with_high_ownership() {
    let c = check("lint-blame-wording", Severity::Warning, "says \"policy\"");
    let d = &c.diagnostics[0];
    assert_eq!(d.node.as_deref(), Some("t1"));
    assert!(d.message.contains("ownership 4"), "{}", d.message);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
}

#[test]
fn lint_a_free_text_turn_with_no_facts() {
    let c = check("lint-no-facts", Severity::Warning, "lists no facts");
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(c.diagnostics[0].node.as_deref(), Some("t2"));
}

#[test]
fn lint_a_model_answer_the_scorer_rates_below_three() {
    let c = check(
        "lint-weak-model",
        Severity::Warning,
        "the model answer for `t1` scores only",
    );
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    let d = &c.diagnostics[0];
    assert_eq!((d.line, d.node.as_deref()), (42, Some("t1")));
}

#[test]
fn blame_wording_is_matched_as_words_only() {
    use turnaround::lint::blame_in;
    assert_eq!(blame_in("That's our POLICY, sorry."), Some("policy"));
    assert_eq!(
        blame_in("You should\u{2019}ve... no: you should have called"),
        Some("you should have")
    );
    assert_eq!(blame_in("I'll check your policyholder number"), None);
    assert_eq!(blame_in("I'm sorry; we got this wrong."), None);
}

#[test]
fn commented_out_nodes_and_ids_in_strings_are_not_mistaken_for_nodes() {
    let text = std::fs::read_to_string(data("fixtures/unreachable.ron")).expect("read");
    // An old copy of `orphan` commented out above the real nodes, a line that mentions
    // `id: "orphan"`, and a block comment: none of them is a node.
    let text = text
        .replacen(
            "nodes: [",
            "nodes: [\n        // Line(id: \"orphan\", say: \"old\", emotion: Angry, next: \"t1\"),\n        /* Line(id: \"t1\") */",
            1,
        )
        .replacen(
            "say: \"This soup is stone cold.\"",
            "say: \"This soup (id: \\\"orphan\\\") is stone cold.\"",
            1,
        );
    let checked = library::check(SourceFile::new("commented.ron", text.clone()), None);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.message.contains("unreachable"))
        .expect("orphan is still unreachable");
    assert_eq!(d.node.as_deref(), Some("orphan"));
    let real = text.rfind("id: \"orphan\"").expect("the real node") + 4;
    let (line, _) = checked.source.line_col(real);
    assert_eq!(
        d.line, line,
        "points at the real node, not the comment or the line"
    );
}

#[test]
fn every_located_diagnostic_names_the_node_it_is_in() {
    let c = check_fixture("unreachable");
    let d = &c.diagnostics[0];
    assert_eq!(d.node.as_deref(), Some("orphan"), "{d:?}");
    let c = check_fixture("broken-link");
    assert_eq!(c.diagnostics[0].node.as_deref(), Some("t2"));
}

/// Every problem a single node can have is found, each in the node it is in. The
/// validator skips locating nodes it finds clean, so this checks that nothing it would
/// report is ever skipped.
#[test]
fn each_problem_inside_a_node_is_reported_in_that_node() {
    let text = std::fs::read_to_string(data("fixtures/free-text.ron")).expect("fixture");
    let clean = library::check(SourceFile::new("free-text.ron", text.clone()), None);
    assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics);
    let branches = "(at_least: 70, next: \"end_good\"),\n                (at_least: 50, next: \"end_ok\"),\n                (at_least: 0, next: \"end_bad\"),";
    assert!(text.contains(branches), "the fixture's branches moved");
    for (what, from, to, needle) in [
        ("no branches", branches, "", "has no branches"),
        (
            "a threshold over 100",
            "(at_least: 70,",
            "(at_least: 170,",
            "at_least is 170",
        ),
        (
            "two branches at one threshold",
            "(at_least: 50,",
            "(at_least: 70,",
            "two branches at 70",
        ),
        (
            "no branch at 0",
            "(at_least: 0,",
            "(at_least: 10,",
            "no `at_least: 0` branch",
        ),
        (
            "a reply with no feedback",
            "feedback: \"Restates the facts and the stakes, owns it, commits to act now and asks a useful question.\",",
            "feedback: \" \",",
            "`feedback` is empty",
        ),
        (
            "a level over 4",
            "levels: (active_listening: 4, ownership: 3,",
            "levels: (active_listening: 9, ownership: 3,",
            "active_listening level is 9",
        ),
        (
            "a choice turn with no model answer",
            "model: \"We've lost track of your suit",
            "model: \" \", // \"We've lost track of your suit",
            "has no model answer",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text, "{what}: nothing replaced");
        let checked = library::check(SourceFile::new("free-text.ron", broken), None);
        assert!(
            checked
                .diagnostics
                .iter()
                .any(|d| d.message.contains(needle) && d.node.is_some()),
            "{what}: expected {needle:?} located in a node, got {:?}",
            checked.diagnostics
        );
    }
}

#[test]
fn the_translation_docs_example_loads_and_validates_clean() {
    let checked = check_fixture("translated");
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let s = checked.scenario.expect("valid");
    assert_eq!(s.translated_languages().collect::<Vec<_>>(), ["es"]);
    // Every ```ron block of the translations section is part of the fixture, verbatim.
    let doc =
        std::fs::read_to_string(crate::util::root().join("docs/scenario-format.md")).expect("doc");
    let text = std::fs::read_to_string(data("fixtures/translated.ron")).expect("fixture");
    let section = doc
        .split("## Translations")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/scenario-format.md has a Translations section");
    let blocks: Vec<&str> = section
        .split("```ron\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert!(
        blocks.len() >= 2,
        "the section shows `choices` and `translations`"
    );
    for block in blocks {
        assert!(
            text.contains(block.trim_end()),
            "tests/data/fixtures/translated.ron must contain the docs' excerpt verbatim:\n{block}"
        );
    }
}

#[test]
fn translation_problems_are_located_and_named() {
    let c = check(
        "translation-problems",
        Severity::Warning,
        "translation `es` lacks node `t1`'s choice 3 text",
    );
    let find = |needle: &str| {
        c.diagnostics
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("no diagnostic containing {needle:?}"))
    };
    let missing = find("choice 3 text");
    assert_eq!(missing.node.as_deref(), Some("t1"));
    assert_eq!(missing.line, 152, "points at the empty `text`");
    for (needle, severity, node) in [
        ("lacks `summary`", Severity::Warning, None),
        ("lacks node `l2`", Severity::Warning, Some("l2")),
        (
            "gives node `open` a `prompt`",
            Severity::Error,
            Some("open"),
        ),
        (
            "has 2 choices for node `t2`, but the original has 3",
            Severity::Error,
            Some("t2"),
        ),
        (
            "has 1 entry in node `t2`'s hint `facts`",
            Severity::Error,
            Some("t2"),
        ),
        (
            "texts for node `end_okk`, but no node",
            Severity::Error,
            None,
        ),
    ] {
        let d = find(needle);
        assert_eq!(
            (d.severity, d.node.as_deref()),
            (severity, node),
            "{needle}"
        );
    }
    assert_eq!(
        find("end_okk").help.as_deref(),
        Some("did you mean `end_ok`?")
    );
    assert!(
        c.scenario.is_none(),
        "a translation that cannot apply is an error, so the file does not play"
    );
}
