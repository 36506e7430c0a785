//! What a screen-reader or keyboard-only user meets: every interactive widget on every
//! screen has a name, and a scenario can be played from the start screen to the
//! debrief with the keyboard alone.

use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use turnaround::access::{Access, Role as Gate};
use turnaround::app::{Screen, TurnaroundApp};

use crate::app::{answer, app, sign_up, type_into};

type App = Harness<'static, TurnaroundApp>;

/// Roles a person can act on: these must say what they are.
fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::DefaultButton
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::PasswordInput
            | Role::SearchInput
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::Link
            | Role::Tab
            | Role::MenuItem
            | Role::MenuItemCheckBox
            | Role::MenuItemRadio
            | Role::Switch
    )
}

/// Every interactive widget on screen now without an accessible name, described.
fn unnamed(h: &App) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let node = n.accesskit_node();
            if node.is_hidden() || !interactive(node.role()) {
                return None;
            }
            let name = node.label().unwrap_or_default();
            name.trim()
                .is_empty()
                .then(|| format!("{:?} (value {:?})", node.role(), node.value()))
        })
        .collect()
}

/// How many interactive widgets are on screen: the walk must see real screens.
fn count_interactive(h: &App) -> usize {
    h.root()
        .children_recursive()
        .filter(|n| interactive(n.accesskit_node().role()))
        .count()
}

/// Fails naming the screen and the widgets without a name.
fn check(h: &App, screen: &str, seen: &mut Vec<String>) {
    let missing = unnamed(h);
    assert!(
        missing.is_empty(),
        "{screen}: interactive widgets without a name: {missing:?}"
    );
    assert!(count_interactive(h) > 0, "{screen}: nothing to act on?");
    seen.push(screen.to_string());
}

fn set_pin(dir: &std::path::Path, gate: Gate, pin: &str) {
    Access::load(dir)
        .expect("access")
        .set_first_pin(gate, pin)
        .expect("set");
}

#[test]
fn every_interactive_widget_on_every_screen_has_a_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    set_pin(dir.path(), Gate::Manager, "2468");
    let mut h = app(dir.path());
    let mut seen = Vec::new();
    check(&h, "start, no trainees", &mut seen);

    h.get_by_label("Preferences").click();
    h.run();
    check(&h, "preferences menu", &mut seen);
    h.key_press(egui::Key::Escape);
    h.run();

    sign_up(&mut h, "Ada Lovelace");
    check(&h, "library", &mut seen);

    // The card in view, as a person would scroll or search to it.
    type_into(&mut h, "Search:", "Rioja");
    h.get_by_label("Practise The anniversary Rioja").click();
    h.run();
    check(&h, "play, practice, a choice", &mut seen);
    h.get_by_label("Hint").click();
    h.run();
    check(&h, "play, practice, with a hint", &mut seen);
    let mut typed = false;
    while matches!(h.state().screen, Screen::Play(_)) {
        if matches!(
            h.state().session.as_ref().map(|s| s.step()),
            Some(turnaround::engine::Step::Write(_))
        ) && !typed
        {
            check(&h, "play, a typed turn", &mut seen);
            typed = true;
        }
        assert!(answer(&mut h, egui::Key::Num1));
    }
    check(&h, "debrief", &mut seen);

    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("My progress").click();
    h.run();
    check(&h, "my progress", &mut seen);
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("Practice pad").click();
    h.run();
    check(&h, "practice pad", &mut seen);

    h.get_by_label("Switch trainee").click();
    h.run();
    check(&h, "start, one trainee", &mut seen);
    h.get_by_label("Manager area").click();
    h.run();
    check(&h, "manager PIN", &mut seen);
    type_into(&mut h, "PIN:", "2468");
    h.key_press(egui::Key::Enter);
    h.run();
    crate::manager::until_list(&mut h);
    for tab in turnaround::ui::manager::Tab::ALL {
        if let Screen::Manager(view) = &mut h.state_mut().screen {
            view.tab = tab;
        }
        h.run();
        check(&h, &format!("manager, {}", tab.label()), &mut seen);
    }
    if let Screen::Manager(view) = &mut h.state_mut().screen {
        view.tab = turnaround::ui::manager::Tab::Trainees;
    }
    h.run();
    h.get_by_label("Ada Lovelace").click();
    h.run();
    check(&h, "manager, a trainee's detail", &mut seen);
    h.get_by_label("Lock").click();
    h.run();

    h.get_by_label("Trainer area").click();
    h.run();
    type_into(&mut h, "PIN:", "2468");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Trainer(_)));
    check(&h, "trainer area", &mut seen);
    assert!(seen.len() >= 20, "screens walked: {seen:?}");
}

#[test]
fn a_scenario_is_played_from_start_to_debrief_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    // Start: Tab reaches the name field; type, Enter creates the profile.
    let mut steps = 0;
    while !h
        .get_by_role_and_label(Role::TextInput, "Your name:")
        .is_focused()
    {
        h.key_press(egui::Key::Tab);
        h.run();
        steps += 1;
        assert!(steps < 20, "Tab never reached the name field");
    }
    h.get_by_role_and_label(Role::TextInput, "Your name:")
        .type_text("Grace Hopper");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));

    // Library: Tab to a scenario's Play button, Enter starts it.
    let target = "Play The anniversary Rioja";
    let mut steps = 0;
    while !h.get_by_label(target).is_focused() {
        h.key_press(egui::Key::Tab);
        h.run();
        steps += 1;
        assert!(steps < 60, "Tab never reached {target}");
    }
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));

    // Play: number keys pick replies; a typed turn takes the keyboard and Enter sends.
    let mut turns = 0;
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(turns < 40, "no ending after 40 turns");
        let step = h.state().session.as_ref().map(|s| s.step().clone());
        match step {
            Some(turnaround::engine::Step::Choose(_)) => h.key_press(egui::Key::Num1),
            Some(turnaround::engine::Step::Write(_)) => {
                // The reply field has the focus already: just type.
                h.get_by_role_and_label(
                    Role::MultilineTextInput,
                    "Your reply (Enter sends, Shift+Enter adds a line):",
                )
                .type_text("I'm so sorry, that's our mistake. I'll fix it myself by 5 pm today.");
                h.run();
                h.key_press(egui::Key::Enter);
            }
            other => panic!("unexpected step {other:?}"),
        }
        h.run();
        turns += 1;
    }
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    assert!(turns >= 2, "a real conversation: {turns} turns");
}

#[test]
fn ctrl_plus_and_minus_change_the_text_size_and_it_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    let scale = h.state().settings.text_scale;
    assert!((scale - 1.2).abs() < 1e-3, "two steps up: {scale}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    let scale = h.state().settings.text_scale;
    assert!((scale - 1.1).abs() < 1e-3, "one step down: {scale}");

    // The settings are what eframe saves; a new window built from them starts there.
    let saved = ron::to_string(&h.state().settings).expect("serialise");
    let settings: turnaround::app::UiSettings = ron::from_str(&saved).expect("read back");
    let mut again = crate::app::app_with(dir.path(), settings);
    again.run();
    assert!((again.ctx.zoom_factor() - 1.1).abs() < 1e-3);
}

#[test]
fn the_walk_notices_a_widget_without_a_name() {
    // The check itself, on a button with no words and a field with no label.
    // egui_kittest has the same check built in; off here, to test ours.
    let mut h = Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            let _ = ui.button("");
            let mut text = String::new();
            ui.text_edit_singleline(&mut text);
            let _ = ui.button("Named");
        });
    h.run();
    let missing = h
        .root()
        .children_recursive()
        .filter(|n| {
            let node = n.accesskit_node();
            interactive(node.role()) && node.label().unwrap_or_default().trim().is_empty()
        })
        .count();
    assert_eq!(missing, 2, "the unnamed button and the unlabelled field");
}
