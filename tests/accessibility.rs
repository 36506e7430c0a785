//! What a screen-reader or keyboard-only user meets: every interactive widget on every
//! screen has a name, and a scenario can be played from the start screen to the
//! debrief with the keyboard alone.

use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
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
fn unnamed<S>(h: &Harness<'_, S>) -> Vec<String> {
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

#[test]
fn every_interactive_widget_on_every_screen_has_a_name() {
    walk_every_screen(turnaround::i18n::Lang::English);
}

#[test]
fn in_spanish_too_every_interactive_widget_has_a_name() {
    walk_every_screen(turnaround::i18n::Lang::Spanish);
}

/// Visits every screen, with the labels of the language given, checking names.
fn walk_every_screen(lang: turnaround::i18n::Lang) {
    use turnaround::i18n::t_in;
    // The words a person clicks, in this language.
    let word = |key: &str| t_in(lang, key, None).expect("defined");
    let with = |key: &str, name: &str, value: &str| {
        let mut args = turnaround::i18n::FluentArgs::new();
        args.set(name.to_string(), value.to_string());
        t_in(lang, key, Some(&args)).expect("defined")
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = turnaround::app::UiSettings {
        lang,
        ..turnaround::app::UiSettings::default()
    };
    let mut h = crate::app::app_with(dir.path(), settings);
    let mut seen = Vec::new();
    check(&h, "start, no trainees", &mut seen);

    // The first manager PIN, chosen here, and the recovery code shown once.
    h.get_by_label(&word("start-manager-area")).click();
    h.run();
    check(&h, "choose the manager PIN", &mut seen);
    type_into(&mut h, &word("pin-new"), "2468");
    type_into(&mut h, &word("pin-again"), "2468");
    h.get_by_label(&word("pin-set")).click();
    h.run();
    assert!(matches!(h.state().screen, Screen::RecoveryCode(_)));
    check(&h, "the recovery code", &mut seen);
    h.get_by_label(&word("pin-code-kept")).click();
    h.run();
    crate::manager::until_list(&mut h);
    assert!(matches!(h.state().screen, Screen::Manager(_)));
    h.get_by_label(&word("manager-lock")).click();
    h.run();
    h.get_by_label(&word("app-settings")).click();
    h.run();
    check(&h, "preferences menu", &mut seen);
    h.key_press(egui::Key::Escape);
    h.run();
    if lang != turnaround::i18n::Lang::English {
        // The rest of the walk is the same screens; the English run covers it in full.
        type_into(&mut h, &word("start-your-name"), "Ada Lovelace");
        h.get_by_label(&word("start-create")).click();
        h.run();
        check(&h, "library", &mut seen);
        let title = h
            .state()
            .library
            .get("restaurant-wine-unavailable")
            .expect("built in")
            .scenario
            .title_in(lang.code())
            .to_string();
        type_into(&mut h, &word("library-search"), &title);
        h.get_by_label(&with("library-play", "title", &title))
            .click();
        h.run();
        check(&h, "play, an assessment", &mut seen);
        while matches!(h.state().screen, Screen::Play(_)) {
            assert!(answer(&mut h, egui::Key::Num1));
        }
        check(&h, "debrief", &mut seen);
        assert!(seen.len() >= 7, "screens walked: {seen:?}");
        return;
    }

    sign_up(&mut h, "Ada Lovelace");
    check(&h, "library", &mut seen);

    // An assessment: the waiting time shown, and the abandon dialog.
    type_into(&mut h, "Search:", "Rioja");
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    h.get_by_label("Show waiting time").click();
    h.run();
    check(&h, "play, an assessment, with the waiting time", &mut seen);
    // The newest customer line is announced as it comes.
    let newest = h
        .state()
        .session
        .as_ref()
        .and_then(|s| turnaround::engine::last_customer_line(s.transcript()))
        .map(|l| l.text.clone())
        .expect("the customer spoke");
    // Live regions are inherited by the words inside them: count the labels.
    let live: Vec<String> = h
        .root()
        .children_recursive()
        .filter(|n| {
            let node = n.accesskit_node();
            node.role() == Role::Label && node.live() != egui::accesskit::Live::Off
        })
        .map(|n| {
            // A label's words are its value.
            let node = n.accesskit_node();
            node.value().or(node.label()).unwrap_or_default()
        })
        .collect();
    assert_eq!(live, [newest], "one live line: the customer's newest");
    h.get_by_label("Abandon attempt").click();
    h.run();
    check(&h, "the abandon dialog", &mut seen);
    h.get_by_label("Yes, abandon").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));

    // The card in view, as a person would scroll or search to it.
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
    check(&h, "trainer area, the graph", &mut seen);
    for tab in [
        turnaround::ui::trainer::TrainerTab::Playtest,
        turnaround::ui::trainer::TrainerTab::Problems,
    ] {
        if let Screen::Trainer(view) = &mut h.state_mut().screen {
            view.tab = tab;
        }
        h.run();
        check(&h, &format!("trainer area, {tab:?}"), &mut seen);
    }
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
    // Escape goes back to the library.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));
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
    let missing = unnamed(&h);
    assert_eq!(
        missing.len(),
        2,
        "the unnamed button and the unlabelled field: {missing:?}"
    );
}
