//! The manager's side, driven through the app's accessibility tree: the PIN gate, the
//! trainee list, a trainee's history and transcript, and trainee PINs.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use turnaround::access::{Access, Role};
use turnaround::app::{Screen, TurnaroundApp};
use turnaround::engine::Entry;

use crate::app::{answer, app, sign_up, type_into};

fn set_manager_pin(dir: &std::path::Path, pin: &str) {
    Access::load(dir)
        .expect("access")
        .set_first_pin(Role::Manager, pin)
        .expect("set");
}

/// From the library, protects the signed-in trainee's profile with `pin` in My progress.
fn protect_profile(h: &mut Harness<'static, TurnaroundApp>, pin: &str) {
    h.get_by_label("My progress").click();
    h.run();
    h.get_by_label("Protect my profile with a PIN").click();
    h.run();
    type_into(h, "New PIN (4-12 digits):", pin);
    type_into(h, "The same PIN again:", pin);
    h.get_by_label("Save my PIN").click();
    h.run();
}

/// Plays "The anniversary Rioja" to the end with the first reply on offer each time.
fn play_one(h: &mut Harness<'static, TurnaroundApp>) {
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(answer(h, egui::Key::Num1));
    }
    h.get_by_label("Back to library").click();
    h.run();
}

fn open_manager_with(h: &mut Harness<'static, TurnaroundApp>, pin: &str) {
    h.get_by_label("Manager area").click();
    h.run();
    type_into(h, "PIN:", pin);
    h.key_press(egui::Key::Enter);
    h.run();
    until_list(h);
}

/// Lets frames pass until the manager's trainee list, read on a thread, is shown.
pub(crate) fn until_list(h: &mut Harness<'static, TurnaroundApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while matches!(h.state().screen, Screen::Manager(_)) && h.state().roster.is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "the trainee list was not read within 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}

#[test]
fn a_manager_with_the_pin_sees_a_trainees_history_and_transcript() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_manager_pin(dir.path(), "2468");
    let mut h = app(dir.path());
    sign_up(&mut h, "Hal");
    play_one(&mut h);
    h.get_by_label("Switch trainee").click();
    h.run();

    open_manager_with(&mut h, "2468");
    assert!(matches!(h.state().screen, Screen::Manager(_)));
    assert!(h.query_by_label("1 trainee, 1 attempt").is_some());
    h.get_by_label("Hal").click();
    h.run();
    assert!(
        h.query_by_label_contains("1 assessment attempt, 0 practice")
            .is_some()
    );
    assert!(h.query_by_label("Attempts, newest first").is_some());
    assert!(h.query_by_label("The anniversary Rioja").is_some());

    h.get_by_label("Transcript").click();
    h.run();
    let attempt = h
        .state()
        .manager_attempt
        .clone()
        .expect("the attempt is open");
    assert_eq!(attempt.about.scenario_id, "restaurant-wine-unavailable");
    let first_line = attempt
        .transcript
        .iter()
        .find_map(|e| match e {
            Entry::Customer { line, .. } => Some(line.text.clone()),
            Entry::Trainee(_) => None,
        })
        .expect("a customer line");
    assert!(
        h.query_by_label(&first_line).is_some(),
        "the transcript is shown"
    );
    assert!(
        h.query_all_by_label("A model answer").count() >= 1,
        "with the feedback and model answers"
    );

    h.get_by_label("Lock").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Start(_)));
    assert!(h.state().roster.is_none(), "locking drops the records");
}

#[test]
fn a_wrong_manager_pin_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_manager_pin(dir.path(), "2468");
    let mut h = app(dir.path());
    sign_up(&mut h, "Ivy");
    h.get_by_label("Switch trainee").click();
    h.run();
    open_manager_with(&mut h, "1357");
    assert!(matches!(h.state().screen, Screen::Pin(_)));
    assert!(h.query_by_label("That PIN is not right.").is_some());
    assert!(h.state().roster.is_none(), "nothing was loaded");
    assert!(h.query_by_label("Ivy").is_none(), "no trainee is shown");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(matches!(h.state().screen, Screen::Start(_)));
}

#[test]
fn the_first_manager_pin_is_typed_twice_and_stored_only_as_a_hash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    h.get_by_label("Manager area").click();
    h.run();
    assert!(h.query_by_label("Set the manager PIN").is_some());
    type_into(&mut h, "New PIN:", "2468");
    type_into(&mut h, "The same PIN again:", "2469");
    h.get_by_label("Set PIN").click();
    h.run();
    assert!(h.query_by_label_contains("The two PINs differ").is_some());
    assert!(matches!(h.state().screen, Screen::Pin(_)));
    type_into(&mut h, "New PIN:", "2468");
    type_into(&mut h, "The same PIN again:", "2468");
    h.get_by_label("Set PIN").click();
    h.run();
    let Screen::RecoveryCode(shown) = &h.state().screen else {
        panic!("the recovery code is shown once");
    };
    let code = shown.code.clone();
    assert!(h.query_by_label(&code).is_some());
    h.get_by_label("I have written it down").click();
    h.run();
    until_list(&mut h);
    assert!(matches!(h.state().screen, Screen::Manager(_)));
    assert!(
        h.query_by_label_contains("No trainees yet").is_some(),
        "a clear empty state"
    );

    let file = std::fs::read_to_string(dir.path().join("access.ron")).expect("read");
    assert!(!file.contains("2468"), "never the PIN itself");
    assert!(!file.contains(&code), "never the recovery code itself");
    assert!(file.contains("$argon2id$"), "a salted argon2 hash");
    let access = Access::load(dir.path()).expect("load");
    assert!(access.check(Role::Manager, "2468"));
    assert!(!access.check(Role::Manager, "2469"));
    assert!(
        access.check(Role::Trainer, "2468"),
        "the manager PIN opens the trainer area too"
    );
}

#[test]
fn a_trainee_pin_keeps_others_out_of_that_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Ana");
    protect_profile(&mut h, "8642");
    assert!(h.query_by_label_contains("Your PIN is saved").is_some());
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("Switch trainee").click();
    h.run();

    h.get_by_label("Ana").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Pin(_)));
    type_into(&mut h, "PIN:", "1111");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label("That PIN is not right.").is_some());
    assert!(h.state().trainee.is_none(), "not signed in");

    type_into(&mut h, "PIN:", "8642");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));
    assert_eq!(
        h.state().trainee.as_ref().map(|t| t.name.as_str()),
        Some("Ana")
    );
}

/// A data dir with made-up trainees and attempts, and the manager PIN 2468.
fn demo_dir(trainees: usize, attempts: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = turnaround::library::Library::load(None);
    let mut store = turnaround::progress::FsStore::new(dir.path());
    let spec = turnaround::demo::DemoSpec {
        trainees,
        attempts,
        seed: 5,
        now_ms: 1_790_000_000_000,
    };
    turnaround::demo::generate(&mut store, &library, &spec, &mut |_| {}).expect("demo data");
    set_manager_pin(dir.path(), "2468");
    dir
}

#[test]
fn the_trainee_list_sorts_and_filters_and_every_tab_opens() {
    let dir = demo_dir(6, 90);
    let mut h = app(dir.path());
    open_manager_with(&mut h, "2468");
    let roster = h.state().roster.clone().expect("loaded");
    assert_eq!(roster.trainees.len(), 6);
    assert_eq!(
        roster.rows.iter().map(Vec::len).sum::<usize>(),
        90,
        "every attempt is in the rows"
    );

    // Sorted by average, highest first: the rows appear in that order on screen.
    h.get_by_label("Average").click();
    h.run();
    let mut by_average = roster.overviews.clone();
    by_average.sort_by(|a, b| {
        let avg = |o: &turnaround::report::TraineeOverview| o.average.map_or(-1.0, |s| s.overall);
        avg(b).total_cmp(&avg(a))
    });
    let top = h.get_by_label(&by_average[0].name).rect().top();
    let bottom = h.get_by_label(&by_average[5].name).rect().top();
    assert!(top < bottom, "highest average first");
    h.get_by_label("Average").click();
    h.run();
    let top = h.get_by_label(&by_average[0].name).rect().top();
    let bottom = h.get_by_label(&by_average[5].name).rect().top();
    assert!(top > bottom, "a second click reverses");

    let name = roster.trainees[2].name.clone();
    type_into(&mut h, "Filter by name:", &name[..3]);
    assert!(h.query_by_label(&name).is_some());
    assert!(
        h.query_by_label(&roster.trainees[0].name).is_none(),
        "others are filtered out"
    );

    h.get_by_label("Cohort").click();
    h.run();
    assert!(
        h.query_by_label("The turns most trainees get wrong")
            .is_some()
    );
    let cohort = &roster.cohort;
    assert!(!cohort.scenarios.is_empty());
    let s = &cohort.scenarios[0];
    assert!(
        h.query_by_label(&format!(
            "{} / {} / {}",
            s.outcomes[0], s.outcomes[1], s.outcomes[2]
        ))
        .is_some(),
        "the spread of outcomes is shown"
    );
    h.get_by_label("Export").click();
    h.run();
    assert!(h.query_by_label("Export attempts").is_some());
    h.get_by_label("Settings").click();
    h.run();
    assert!(h.query_by_label("Save PIN").is_some());
}

#[test]
fn an_export_runs_in_the_background_and_writes_every_attempt() {
    let dir = demo_dir(4, 40);
    let out = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    open_manager_with(&mut h, "2468");
    h.get_by_label("Export").click();
    h.run();
    let field = h.get_by_role_and_label(
        eframe::egui::accesskit::Role::TextInput,
        "Save into folder:",
    );
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(
        eframe::egui::accesskit::Role::TextInput,
        "Save into folder:",
    )
    .type_text(&out.path().display().to_string());
    h.run();
    h.get_by_label("Export attempts").click();
    // While the job runs the progress bar animates, so step frame by frame.
    h.step();
    for _ in 0..200 {
        if !matches!(
            h.state().export,
            turnaround::ui::manager::ExportStatus::Running { .. }
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let status = h.state().export.clone();
    let turnaround::ui::manager::ExportStatus::Finished(message) = status else {
        panic!("the export did not finish: {status:?}");
    };
    assert!(message.starts_with("Exported 40 rows"), "{message}");
    let files: Vec<_> = std::fs::read_dir(out.path())
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "one CSV, no temp file left: {files:?}");
    let mut reader = csv::Reader::from_path(&files[0]).expect("csv");
    assert_eq!(reader.records().count(), 40);
}

#[test]
fn a_long_list_of_profiles_can_be_narrowed_on_the_start_screen() {
    let dir = demo_dir(12, 12);
    let mut h = app(dir.path());
    assert!(h.query_by_label("Aisha Adeyemi").is_some());
    type_into(&mut h, "Find your name:", "chlo");
    assert!(h.query_by_label("Chloe Chen").is_some());
    assert!(h.query_by_label("Aisha Adeyemi").is_none());
    type_into(&mut h, "Find your name:", "zzz");
    assert!(h.query_by_label_contains("Nobody called").is_some());
}

#[test]
fn a_damaged_attempt_is_set_aside_and_reported_when_the_manager_opens_the_records() {
    let dir = demo_dir(2, 6);
    let mut store = turnaround::progress::FsStore::new(dir.path());
    use turnaround::progress::ProgressStore;
    let trainee = store.trainees().expect("trainees")[0].clone();
    let before = store.rows(&trainee.id).expect("rows").len();
    let damaged = dir
        .path()
        .join("trainees")
        .join(&trainee.id)
        .join("attempts")
        .join("0000000000001-x-1.ron");
    std::fs::write(&damaged, "(format: 2, about: (trainee: \"half a fi").expect("write");

    let mut h = app(dir.path());
    open_manager_with(&mut h, "2468");
    assert!(matches!(h.state().screen, Screen::Manager(_)));
    assert!(
        h.query_by_label_contains("A damaged file was set aside")
            .is_some(),
        "reported in the app: {:?}",
        h.state().notices
    );
    let roster = h.state().roster.clone().expect("loaded");
    let i = roster.position(&trainee.id).expect("listed");
    assert_eq!(roster.rows[i].len(), before, "everything else still loads");
    assert!(!damaged.exists(), "moved aside");
    let kept = std::fs::read_dir(damaged.parent().expect("folder"))
        .expect("read")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains(".ron.corrupt-"));
    assert!(kept, "kept beside the others, never deleted");
}

#[test]
fn wrong_pins_in_a_row_lock_the_gate_for_a_growing_delay_and_are_audited() {
    use turnaround::access::{FIRST_DELAY_MS, Verdict};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut access = Access::load(dir.path()).expect("access");
    access.set_first_manager_pin("2468", 0).expect("set");
    let t0 = 1_000_000;
    assert_eq!(
        access.try_role(Role::Manager, "1111", t0),
        Verdict::Wrong { wait_ms: 0 }
    );
    assert_eq!(
        access.try_role(Role::Manager, "1112", t0),
        Verdict::Wrong { wait_ms: 0 }
    );
    assert_eq!(
        access.try_role(Role::Manager, "1113", t0),
        Verdict::Wrong {
            wait_ms: FIRST_DELAY_MS
        },
        "the third wrong try in a row starts the delay"
    );
    assert_eq!(
        access.try_role(Role::Manager, "2468", t0 + 1_000),
        Verdict::Locked {
            wait_ms: FIRST_DELAY_MS - 1_000
        },
        "even the right PIN waits"
    );
    // The lockout is kept on disk: another process (or a restart) sees it too.
    let mut reopened = Access::load(dir.path()).expect("access");
    assert!(matches!(
        reopened.try_role(Role::Manager, "2468", t0 + 2_000),
        Verdict::Locked { .. }
    ));
    assert_eq!(
        reopened.try_role(Role::Manager, "1114", t0 + FIRST_DELAY_MS),
        Verdict::Wrong {
            wait_ms: 2 * FIRST_DELAY_MS
        },
        "each further wrong try doubles the delay"
    );
    let later = t0 + 3 * FIRST_DELAY_MS;
    assert_eq!(
        reopened.try_role(Role::Manager, "2468", later),
        Verdict::Open
    );
    assert_eq!(
        reopened.try_role(Role::Manager, "1111", later),
        Verdict::Wrong { wait_ms: 0 },
        "a right PIN clears the count"
    );

    let (entries, bad) = turnaround::audit::AuditLog::new(dir.path()).entries();
    assert_eq!(bad, 0);
    let refused: Vec<&str> = entries
        .iter()
        .map(|e| e.action.as_str())
        .filter(|a| a.starts_with("refused"))
        .collect();
    assert_eq!(refused.len(), 7, "every refusal is recorded: {refused:?}");
    assert!(refused.iter().any(|a| a.contains("3 wrong in a row")));
}

#[test]
fn two_processes_share_one_count_of_wrong_tries_and_never_undo_each_others_pin() {
    use turnaround::access::Verdict;
    let dir = tempfile::tempdir().expect("tempdir");
    Access::load(dir.path())
        .expect("access")
        .set_first_manager_pin("2468", 0)
        .expect("set");
    // Both load the file before either tries: the count still adds up across them.
    let mut a = Access::load(dir.path()).expect("a");
    let mut b = Access::load(dir.path()).expect("b");
    assert_eq!(
        a.try_role(Role::Manager, "1111", 10),
        Verdict::Wrong { wait_ms: 0 }
    );
    assert_eq!(
        b.try_role(Role::Manager, "1112", 10),
        Verdict::Wrong { wait_ms: 0 }
    );
    assert!(
        matches!(a.try_role(Role::Manager, "1113", 10), Verdict::Wrong { wait_ms } if wait_ms > 0),
        "the third wrong try in a row, whichever process made it, starts the delay"
    );
    assert!(matches!(
        b.try_role(Role::Manager, "2468", 20),
        Verdict::Locked { .. }
    ));

    // One process changes the PIN; the other's later wrong try must not write the old
    // PIN back.
    let later = 10_000_000;
    b.change_manager_pin("2468", "97531", later)
        .expect("change");
    assert!(matches!(
        a.try_role(Role::Manager, "0000", later + 1),
        Verdict::Wrong { .. }
    ));
    let fresh = Access::load(dir.path()).expect("fresh");
    assert!(fresh.check(Role::Manager, "97531"));
    assert!(!fresh.check(Role::Manager, "2468"));
}

#[test]
fn the_app_shows_the_lockout_and_refuses_even_the_right_pin_until_it_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_manager_pin(dir.path(), "2468");
    let mut h = app(dir.path());
    h.get_by_label("Manager area").click();
    h.run();
    for wrong in ["1111", "1112", "1113"] {
        type_into(&mut h, "PIN:", wrong);
        h.key_press(egui::Key::Enter);
        h.run();
    }
    assert!(h.query_by_label_contains("Too many wrong tries").is_some());
    type_into(&mut h, "PIN:", "2468");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Pin(_)), "still locked");
    assert!(h.state().roster.is_none());
}

#[test]
fn a_forgotten_manager_pin_is_reset_with_the_recovery_code_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let code = Access::load(dir.path())
        .expect("access")
        .set_first_manager_pin("2468", 0)
        .expect("set");
    let mut h = app(dir.path());
    h.get_by_label("Manager area").click();
    h.run();
    h.get_by_label("Forgot the PIN?").click();
    h.run();
    assert!(h.query_by_label("Reset the manager PIN").is_some());
    h.get_by_role_and_label(eframe::egui::accesskit::Role::TextInput, "Recovery code:")
        .focus();
    h.run();
    // Typed in lower case without dashes: still the code.
    h.get_by_role_and_label(eframe::egui::accesskit::Role::TextInput, "Recovery code:")
        .type_text(&code.replace('-', "").to_lowercase());
    h.run();
    type_into(&mut h, "New PIN:", "97531");
    type_into(&mut h, "The same PIN again:", "97531");
    h.get_by_label("Reset PIN").click();
    h.run();
    let Screen::RecoveryCode(fresh) = &h.state().screen else {
        panic!("a new recovery code is shown");
    };
    assert_ne!(fresh.code, code, "the old code is used up");
    h.get_by_label("I have written it down").click();
    h.run();
    until_list(&mut h);
    assert!(matches!(h.state().screen, Screen::Manager(_)));

    let mut access = Access::load(dir.path()).expect("access");
    assert!(access.check(Role::Manager, "97531"));
    assert!(!access.check(Role::Manager, "2468"));
    assert!(
        access.reset_with_recovery_code(&code, "1234", 5).is_err(),
        "the old code no longer works"
    );
}

#[test]
fn a_manager_deletes_a_trainee_after_confirming_and_the_audit_log_says_so() {
    let dir = demo_dir(3, 9);
    let mut h = app(dir.path());
    open_manager_with(&mut h, "2468");
    let roster = h.state().roster.clone().expect("loaded");
    let name = roster.trainees[1].name.clone();
    h.get_by_label(&name).click();
    h.run();
    h.get_by_label("Delete this trainee...").click();
    h.run();
    h.get_by_label("Keep").click();
    h.run();
    assert_eq!(h.state().roster.as_ref().map(|r| r.trainees.len()), Some(3));
    h.get_by_label("Delete this trainee...").click();
    h.run();
    assert!(h.query_by_label_contains("This cannot be undone").is_some());
    h.get_by_label("Delete for good").click();
    h.run();
    until_list(&mut h);
    let roster = h.state().roster.clone().expect("reloaded");
    assert_eq!(roster.trainees.len(), 2);
    assert!(roster.trainees.iter().all(|t| t.name != name));

    h.get_by_label("Audit log").click();
    h.run();
    assert!(
        h.query_by_label_contains("deleted a trainee and their")
            .is_some()
    );
    assert!(h.query_by_label_contains(&name).is_none(), "never the name");
}

#[test]
fn changing_a_trainee_pin_needs_the_current_one_and_a_manager_can_clear_a_forgotten_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_manager_pin(dir.path(), "2468");
    let mut h = app(dir.path());
    sign_up(&mut h, "Bo");
    protect_profile(&mut h, "8642");
    // Now it is a change: the current PIN is asked for, and a wrong one changes nothing.
    type_into(&mut h, "Current PIN:", "0000");
    type_into(&mut h, "New PIN (4-12 digits):", "1357");
    type_into(&mut h, "The same PIN again:", "1357");
    h.get_by_label("Save my PIN").click();
    h.run();
    assert!(
        h.query_by_label_contains("Not saved: the current PIN")
            .is_some()
    );
    let stored = h.state().trainee.clone().expect("signed in");
    assert!(turnaround::access::verify_pin(
        "8642",
        stored.pin.as_deref().expect("pin")
    ));

    // Forgotten: the manager clears it, and Bo gets in without one.
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("Switch trainee").click();
    h.run();
    open_manager_with(&mut h, "2468");
    h.get_by_label("Bo").click();
    h.run();
    h.get_by_label("Clear their PIN").click();
    h.run();
    assert!(h.query_by_label("Clear their PIN").is_none(), "it is gone");
    h.get_by_label("Lock").click();
    h.run();
    h.get_by_label("Bo").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library), "no PIN asked");
    let (entries, _) = turnaround::audit::AuditLog::new(dir.path()).entries();
    assert!(
        entries
            .iter()
            .any(|e| e.action == "cleared a trainee's PIN")
    );
}

#[test]
fn while_the_records_are_read_the_manager_area_shows_progress_and_can_be_left() {
    let mut left = false;
    let mut h = Harness::new_ui(|ui| {
        if turnaround::ui::manager::loading_ui(ui, 57, 200).is_some() {
            left = true;
        }
    });
    h.run();
    // The words, and the bar named by them for a screen reader.
    let words = "Reading the trainees' records: 57 of 200";
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Label, words)
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::ProgressIndicator, words)
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run();
    drop(h);
    assert!(left, "Cancel leaves the manager area");
}

#[test]
fn the_roster_read_counts_every_trainee_and_stops_when_asked() {
    let dir = demo_dir(4, 12);
    let mut store = turnaround::progress::FsStore::new(dir.path());
    let mut seen = Vec::new();
    let roster = turnaround::report::Roster::load_counting(&mut store, &mut |i, n| {
        seen.push((i, n));
        true
    })
    .expect("read");
    assert_eq!(roster.trainees.len(), 4);
    assert_eq!(seen, [(0, 4), (1, 4), (2, 4), (3, 4)]);
    let stopped = turnaround::report::Roster::load_counting(&mut store, &mut |i, _| i < 2);
    assert!(matches!(
        stopped,
        Err(turnaround::progress::StoreError::Cancelled)
    ));
}

#[test]
fn every_name_in_a_long_list_is_reachable_by_screen_reader_and_keyboard() {
    let dir = demo_dir(40, 40);
    let names: Vec<String> = {
        use turnaround::progress::ProgressStore;
        turnaround::progress::FsStore::new(dir.path())
            .trainees()
            .expect("trainees")
            .into_iter()
            .map(|t| t.name)
            .collect()
    };
    let mut h = app(dir.path());
    // The last name is far below the fold, and still a named button.
    let last = names.last().expect("names").clone();
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, &last)
            .is_some()
    );
    // Tab from the find field walks the names in order; the one reached scrolls into
    // sight, and Enter picks it.
    h.get_by_label("Find your name:").focus();
    h.run();
    let before = h.get_by_label(&names[29]).rect();
    for _ in 0..30 {
        h.key_press(egui::Key::Tab);
        h.run();
    }
    let after = h.get_by_label(&names[29]).rect();
    assert!(before.top() > 800.0, "starts below the window: {before:?}");
    assert!(after.bottom() <= 800.0, "scrolled into sight: {after:?}");
    h.key_press(egui::Key::Enter);
    h.run();
    let picked = h.state().trainee.as_ref().map(|t| t.name.clone());
    assert_eq!(picked.as_deref(), Some(names[29].as_str()));
}
