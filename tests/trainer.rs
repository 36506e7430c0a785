//! The trainer area through the app's accessibility tree: the PIN gate, playtesting from
//! a chosen node with the authored levels on show, and live reload of an edited file.

use std::path::Path;

use eframe::egui::{self, accesskit::Role as A11y};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use turnaround::access::{Access, Role};
use turnaround::app::{RELOAD_POLL, Screen, TurnaroundApp};
use turnaround::progress::ProgressStore;

use crate::app::{app, type_into};
use crate::util::data;

fn set_pin(dir: &Path, role: Role, pin: &str) {
    Access::load(dir)
        .expect("access")
        .set_first_pin(role, pin)
        .expect("set");
}

fn open_trainer(h: &mut Harness<'static, TurnaroundApp>, pin: &str) {
    h.get_by_label("Trainer area").click();
    h.run();
    type_into(h, "PIN:", pin);
    h.key_press(egui::Key::Enter);
    h.run();
}

/// A trainer's folder holding the small valid fixture ("Cold soup").
fn with_cold_soup(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join("cold-soup.ron");
    std::fs::copy(data("fixtures/valid.ron"), &path).expect("copy");
    path
}

fn pick_node(h: &mut Harness<'static, TurnaroundApp>, node: &str) {
    h.get_by_role_and_label(A11y::ComboBox, "Node:").click();
    h.run();
    h.get_by_label(node).click();
    h.run();
}

fn playtest_node(h: &Harness<'static, TurnaroundApp>) -> String {
    h.state()
        .playtest
        .as_ref()
        .map(|p| p.node().to_string())
        .unwrap_or_default()
}

#[test]
fn the_trainer_area_opens_with_the_trainer_pin_or_the_manager_pin_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Manager, "2468");
    let mut h = app(dir.path());
    h.get_by_label("Trainer area").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Pin(_)));
    type_into(&mut h, "PIN:", "1111");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        matches!(h.state().screen, Screen::Pin(_)),
        "a wrong PIN is refused"
    );
    // Counted with the manager gate's tries: the manager PIN opens both, so it cannot be
    // guessed at twice the rate.
    let access = Access::load(dir.path()).expect("access");
    assert_eq!(
        access
            .file
            .lockouts
            .get(Role::Manager.label())
            .map(|l| l.failures),
        Some(1)
    );
    h.get_by_label("Cancel").click();
    h.run();
    open_trainer(&mut h, "2468");
    assert!(
        matches!(h.state().screen, Screen::Trainer(_)),
        "the manager PIN opens the trainer area"
    );
    h.get_by_label("Lock").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Start(_)));

    set_pin(dir.path(), Role::Trainer, "1357");
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    assert!(matches!(h.state().screen, Screen::Trainer(_)));
    // Every built-in scenario is listed with its validation state.
    h.get_by_label_contains("The anniversary Rioja");
    h.get_by_label("9 playable, 0 with errors");
}

#[test]
fn a_trainer_playtests_from_a_chosen_node_sees_the_levels_and_steps_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    with_cold_soup(dir.path());
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    h.get_by_label_contains("Cold soup\nOK (your folder)")
        .click();
    h.run();
    pick_node(&mut h, "t2");
    h.get_by_label("Choice `t2`");
    h.get_by_label("Playtest from this node").click();
    h.run();
    assert_eq!(playtest_node(&h), "t2");
    h.get_by_label("Now at `t2` (Choice)");
    // Each reply shows its authored levels, mood and where it leads.
    h.get_by_label("Listening 1, ownership 2, exceeding 2; mood +20; next `end_good`");
    h.get_by_label_contains(
        "Listening 0, ownership 0, exceeding 0; mood -20; next `end_bad`; trap: Tone policing",
    );
    let mood_before = h.state().playtest.as_ref().map(|p| p.session.mood());

    h.key_press(egui::Key::Num1);
    h.run();
    let ended = playtest_node(&h);
    assert!(
        ended.starts_with("end_"),
        "a reply at t2 ends it, at {ended}"
    );
    h.get_by_label("Your last reply, at `t2`");
    h.get_by_label_contains("Ended at `");

    h.get_by_label("Step back").click();
    h.run();
    assert_eq!(playtest_node(&h), "t2");
    assert_eq!(
        h.state().playtest.as_ref().map(|p| p.session.mood()),
        mood_before
    );
    assert_eq!(h.state().playtest.as_ref().map(|p| p.depth()), Some(0));
    // Play on to an ending again: still nothing is recorded, for anyone.
    h.key_press(egui::Key::Num1);
    h.run();
    let mut store = turnaround::progress::FsStore::new(dir.path());
    for t in ProgressStore::trainees(&mut store).expect("trainees") {
        assert!(
            ProgressStore::rows(&mut store, &t.id)
                .expect("rows")
                .is_empty()
        );
    }
    assert!(
        !dir.path().join("trainees").exists()
            || std::fs::read_dir(dir.path().join("trainees"))
                .expect("list")
                .all(|e| !e.expect("entry").path().join("attempts").exists()),
        "a playtest is not an attempt"
    );
}

/// Waits out the reload poll, then lets the app draw.
fn after_poll(h: &mut Harness<'static, TurnaroundApp>) {
    std::thread::sleep(RELOAD_POLL + std::time::Duration::from_millis(100));
    h.run();
}

#[test]
fn an_edited_file_reloads_keeping_the_playtest_and_a_broken_one_shows_its_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    let path = with_cold_soup(dir.path());
    let original = std::fs::read_to_string(&path).expect("read");
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    h.get_by_label_contains("Cold soup\nOK (your folder)")
        .click();
    h.run();
    pick_node(&mut h, "l2");
    h.get_by_label("Playtest from this node").click();
    h.run();
    h.get_by_label("I've waited twenty minutes already and my lunch break is nearly over.");

    // Saved in an editor: the new words show, at the same place.
    let edited = original.replace("my lunch break is nearly over", "I have a meeting at two");
    std::fs::write(&path, &edited).expect("save");
    after_poll(&mut h);
    h.get_by_label("I've waited twenty minutes already and I have a meeting at two.");
    assert_eq!(playtest_node(&h), "l2");
    h.get_by_label_contains("The playtest replayed onto the new version.");

    // A link broken: the file's errors show instead of the scenario, and nothing crashes.
    std::fs::write(&path, edited.replace(r#"next: "t2"),"#, r#"next: "t9"),"#)).expect("save");
    after_poll(&mut h);
    assert_eq!(h.state().library.problems.len(), 1);
    assert!(h.state().library.get("fixture-valid").is_none());
    h.get_by_label_contains("links to `t9`, but no node has that id");
    h.get_by_label_contains("1 error: not playable");

    // Fixed, with new words again: the scenario and the playtest come back, followed.
    let fixed = edited.replace("I have a meeting at two", "my train leaves at one");
    std::fs::write(&path, &fixed).expect("save");
    after_poll(&mut h);
    assert!(h.state().library.get("fixture-valid").is_some());
    h.get_by_label("Playtest").click();
    h.run();
    assert_eq!(playtest_node(&h), "l2");
    h.get_by_label("I've waited twenty minutes already and my train leaves at one.");
}

#[test]
fn a_broken_override_never_swaps_the_playtest_onto_the_built_in_scenario() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    let folder = dir.path().join("scenarios");
    std::fs::create_dir_all(&folder).expect("folder");
    let builtin = turnaround::library::builtin_files()
        .iter()
        .find(|(n, _)| *n == "hotel-noisy-room.ron")
        .map(|(_, t)| t.to_string())
        .expect("hotel scenario ships");
    let mine = builtin.replacen("title: \"", "title: \"My ", 1);
    let path = folder.join("hotel-noisy-room.ron");
    std::fs::write(&path, &mine).expect("write");
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    h.get_by_label_contains("(your folder, overrides the built-in one)")
        .click();
    h.run();
    h.get_by_label("Playtest").click();
    h.run();
    h.get_by_label("Playtest from the start").click();
    h.run();
    let title = |h: &Harness<'static, TurnaroundApp>| {
        h.state()
            .playtest
            .as_ref()
            .map(|p| p.session.scenario().title.clone())
            .unwrap_or_default()
    };
    assert!(title(&h).starts_with("My "), "{}", title(&h));

    // The override breaks: the built-in one comes back into the library, but the
    // playtest waits for the trainer's file rather than jumping onto it.
    std::fs::write(&path, mine.replacen("format: 1,", "format: 1", 1)).expect("save");
    after_poll(&mut h);
    assert!(h.state().library.get("hotel-noisy-room").is_some());
    assert!(title(&h).starts_with("My "), "{}", title(&h));
    h.get_by_label_contains("has errors now");
}

#[test]
fn new_scenario_writes_a_valid_file_that_joins_the_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    h.get_by_label("New scenario").click();
    h.run();
    let file = dir.path().join("scenarios/new-scenario.ron");
    assert!(file.is_file());
    let entry = h
        .state()
        .library
        .get("new-scenario")
        .expect("joined the library");
    assert!(entry.warnings.is_empty(), "{:?}", entry.warnings);
    h.get_by_label_contains("New scenario: the cold soup\nOK (your folder)");
    // A second one never overwrites the first.
    h.get_by_label("New scenario").click();
    h.run();
    assert!(dir.path().join("scenarios/new-scenario-2.ron").is_file());
    assert!(h.state().library.get("new-scenario-2").is_some());
}

#[test]
fn the_lints_run_for_the_trainer_area_and_stay_out_of_the_trainees_start_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    let folder = dir.path().join("scenarios");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::copy(data("fixtures/lint-no-facts.ron"), folder.join("soup.ron")).expect("copy");
    let mut h = app(dir.path());
    let lints = |h: &Harness<'static, TurnaroundApp>| {
        h.state().library.get("fixture-valid").map(|e| {
            e.warnings
                .iter()
                .filter(|d| d.message.contains("lists no facts"))
                .count()
        })
    };
    assert_eq!(lints(&h), Some(0), "start-up skips rating model answers");
    open_trainer(&mut h, "1357");
    assert_eq!(lints(&h), Some(1), "the trainer sees every lint");
}

#[test]
fn an_editable_copy_of_a_built_in_overrides_it_and_is_never_written_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Role::Trainer, "1357");
    let mut h = app(dir.path());
    open_trainer(&mut h, "1357");
    h.get_by_label_contains("The anniversary Rioja\nOK (built in)")
        .click();
    h.run();
    h.get_by_label("Make an editable copy").click();
    h.run();
    let copy = dir.path().join("scenarios/restaurant-wine-unavailable.ron");
    assert!(copy.is_file());
    let entry = h
        .state()
        .library
        .get("restaurant-wine-unavailable")
        .expect("still in the library");
    assert!(entry.overrides_builtin);
    // Edited by the trainer, then copied again: the edit stays.
    std::fs::write(&copy, "edited").expect("edit");
    turnaround::app::TurnaroundApp::apply(
        h.state_mut(),
        turnaround::ui::Command::CopyToEdit("restaurant-wine-unavailable".into()),
    );
    assert_eq!(std::fs::read_to_string(&copy).expect("read"), "edited");
}
