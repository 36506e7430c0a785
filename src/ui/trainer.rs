//! The trainer area: every scenario with its validation state, every diagnostic
//! (each one jumps to its node), the graph with node details, and the playtest.
//!
//! The app owns the library, the playtest and the choice counts; this view draws them
//! and returns commands.

use std::collections::HashMap;
use std::path::Path;

use eframe::egui;

use super::Command;
use super::graph::{GraphInput, GraphView};
use super::play::{feedback, levels_row, reply_field};
use super::style::score_colour;
use crate::authoring::{ChoiceCounts, Playtest};
use crate::engine::{Entry, Step};
use crate::library::{FileProblem, Library, LibraryEntry, Origin};
use crate::scenario::graph::{self, Graph, Layout};
use crate::scenario::{Diagnostic, Node, Scenario};
use crate::tr;
use crate::ui::labels;

/// Which part of a scenario is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrainerTab {
    #[default]
    Graph,
    Playtest,
    Problems,
}

/// How often trainees took each choice, as far as it has been counted.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Counts {
    /// Counting in the background.
    #[default]
    Loading,
    /// By scenario id.
    Ready(HashMap<String, ChoiceCounts>),
    Failed(String),
}

/// What the view draws from.
pub struct TrainerData<'a> {
    pub library: &'a Library,
    /// The trainer's folder, where new scenarios go and live reload watches.
    pub folder: &'a Path,
    pub counts: &'a Counts,
    pub playtest: Option<&'a Playtest>,
    /// The result of the last action or reload, for the person to read.
    pub message: Option<&'a str>,
}

/// The graph and layout of the scenario showing, kept until it changes.
#[derive(Debug)]
struct Shape {
    id: String,
    version: String,
    graph: Graph,
    layout: Layout,
}

/// The trainer area's own state.
#[derive(Debug, Default)]
pub struct TrainerView {
    /// The scenario showing, by id.
    pub pick_id: Option<String>,
    /// The file showing: a trainer's file keeps its place here while it is broken.
    pub pick_file: Option<String>,
    pub tab: TrainerTab,
    /// The node selected in the graph, by id.
    pub node: Option<String>,
    pub graph: GraphView,
    /// A typed reply in the playtest.
    pub reply: String,
    /// A node to centre once the graph of the scenario showing is at hand.
    focus_node: Option<String>,
    shape: Option<Shape>,
}

/// What is selected, resolved against the library as it is now.
enum Showing<'a> {
    Entry(&'a LibraryEntry),
    Problem(&'a FileProblem),
    Nothing,
}

fn file_of(entry: &LibraryEntry) -> Option<String> {
    match &entry.origin {
        Origin::Trainer(path) => Some(path.display().to_string()),
        Origin::BuiltIn => None,
    }
}

fn state_text(entry: &LibraryEntry) -> String {
    match entry.warnings.len() {
        0 => tr!("trainer-state-ok"),
        n => tr!("trainer-state-warnings", count = n),
    }
}

fn origin_text(entry: &LibraryEntry) -> String {
    match (&entry.origin, entry.overrides_builtin) {
        (Origin::BuiltIn, _) => tr!("trainer-origin-built-in"),
        (Origin::Trainer(_), true) => tr!("trainer-origin-overrides"),
        (Origin::Trainer(_), false) => tr!("trainer-origin-folder"),
    }
}

/// One diagnostic as a link: file:line:col, severity and message.
fn diagnostic_link(ui: &mut egui::Ui, d: &Diagnostic, opens_file: bool) -> bool {
    // Chosen in the message, so each language names the severity its own way.
    let severity = if d.is_error() { "error" } else { "warning" };
    let colour = if d.is_error() {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().warn_fg_color
    };
    let text = match &d.help {
        None => tr!(
            "trainer-diagnostic",
            file = d.file.as_str(),
            line = d.line,
            col = d.col,
            severity = severity,
            message = d.message.as_str()
        ),
        Some(help) => tr!(
            "trainer-diagnostic-help",
            file = d.file.as_str(),
            line = d.line,
            col = d.col,
            severity = severity,
            message = d.message.as_str(),
            help = help.as_str()
        ),
    };
    let clicked = ui
        .add(
            egui::Button::new(egui::RichText::new(text).color(colour))
                .frame(false)
                .wrap(),
        )
        .on_hover_text(match (&d.node, opens_file) {
            (Some(node), false) => tr!("trainer-diagnostic-show-node", node = node.as_str()),
            (_, true) => tr!("trainer-diagnostic-open-file"),
            (None, false) => tr!("trainer-diagnostic-whole"),
        })
        .clicked();
    ui.add_space(2.0);
    clicked
}

impl TrainerView {
    fn showing<'a>(&self, library: &'a Library) -> Showing<'a> {
        if let Some(file) = &self.pick_file {
            if let Some(e) = library
                .entries
                .iter()
                .find(|e| file_of(e).as_deref() == Some(file))
            {
                return Showing::Entry(e);
            }
            if let Some(p) = library.problems.iter().find(|p| &p.source.name == file) {
                return Showing::Problem(p);
            }
        }
        match self.pick_id.as_deref().and_then(|id| library.get(id)) {
            Some(e) => Showing::Entry(e),
            None => Showing::Nothing,
        }
    }

    /// Shows this scenario (by id), for instance one just written.
    pub fn pick(&mut self, library: &Library, id: &str) {
        if let Some(e) = library.get(id) {
            self.pick_id = Some(id.to_string());
            self.pick_file = file_of(e);
            self.node = None;
            self.tab = TrainerTab::Graph;
            self.graph = GraphView::default();
        }
    }

    /// Draws the whole area.
    pub fn ui(&mut self, ui: &mut egui::Ui, data: &TrainerData<'_>) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(tr!("trainer-heading"));
            ui.separator();
            if ui
                .button(tr!("trainer-new-scenario"))
                .on_hover_text(tr!("trainer-new-scenario-hover"))
                .clicked()
            {
                command = Some(Command::NewScenario);
            }
            if ui
                .button(tr!("trainer-reload"))
                .on_hover_text(tr!("trainer-reload-hover"))
                .clicked()
            {
                command = Some(Command::ReloadLibrary);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr!("trainer-lock"))
                    .on_hover_text(tr!("trainer-lock-hover"))
                    .clicked()
                {
                    command = Some(Command::LeaveTrainer);
                }
            });
        });
        ui.label(
            egui::RichText::new(tr!(
                "trainer-folder",
                folder = data.folder.display().to_string()
            ))
            .small(),
        );
        if let Some(m) = data.message {
            ui.label(egui::RichText::new(m).strong());
        }
        ui.separator();
        if self.pick_id.is_none()
            && self.pick_file.is_none()
            && let Some(first) = data.library.entries.first()
        {
            self.pick_id = Some(first.scenario.id.clone());
            self.pick_file = file_of(first);
        }
        egui::Panel::left("trainer_library")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| self.library_list(ui, data.library));
        let c = match self.showing(data.library) {
            Showing::Entry(entry) => self.entry_ui(ui, entry, data),
            Showing::Problem(problem) => problem_ui(ui, problem),
            Showing::Nothing => {
                ui.label(tr!("trainer-pick-scenario"));
                None
            }
        };
        c.or(command)
    }

    fn library_list(&mut self, ui: &mut egui::Ui, library: &Library) {
        ui.heading(tr!("trainer-scenarios"));
        let errors: usize = library.problems.len();
        ui.label(tr!(
            "trainer-scenarios-count",
            playable = library.entries.len(),
            broken = errors
        ));
        egui::ScrollArea::vertical()
            .id_salt("trainer_list")
            .show(ui, |ui| {
                for problem in &library.problems {
                    let errors = problem.diagnostics.iter().filter(|d| d.is_error()).count();
                    let name = Path::new(&problem.source.name)
                        .file_name()
                        .map_or(problem.source.name.clone(), |n| {
                            n.to_string_lossy().to_string()
                        });
                    let selected = self.pick_file.as_deref() == Some(&problem.source.name);
                    let mut text = egui::RichText::new(tr!(
                        "trainer-file-broken",
                        name = name,
                        errors = errors
                    ));
                    if !selected {
                        text = text.color(ui.visuals().error_fg_color);
                    }
                    if ui.selectable_label(selected, text).clicked() {
                        self.pick_id = None;
                        self.pick_file = Some(problem.source.name.clone());
                        self.tab = TrainerTab::Problems;
                    }
                }
                for entry in &library.entries {
                    let selected = self.pick_id.as_deref() == Some(&entry.scenario.id)
                        && self.pick_file == file_of(entry);
                    let text = tr!(
                        "trainer-entry",
                        title = entry.scenario.title.as_str(),
                        state = state_text(entry),
                        origin = origin_text(entry)
                    );
                    if ui.selectable_label(selected, text).clicked() && !selected {
                        self.pick_id = Some(entry.scenario.id.clone());
                        self.pick_file = file_of(entry);
                        self.node = None;
                        self.graph = GraphView::default();
                    }
                }
            });
    }

    fn ensure_shape(&mut self, entry: &LibraryEntry) {
        let stale = self
            .shape
            .as_ref()
            .is_none_or(|s| s.id != entry.scenario.id || s.version != entry.version());
        if stale {
            let graph = Graph::of(&entry.scenario);
            let layout = graph::layout(&graph);
            self.shape = Some(Shape {
                id: entry.scenario.id.clone(),
                version: entry.version().to_string(),
                graph,
                layout,
            });
        }
    }

    fn entry_ui(
        &mut self,
        ui: &mut egui::Ui,
        entry: &LibraryEntry,
        data: &TrainerData<'_>,
    ) -> Option<Command> {
        let mut command = None;
        let s = &entry.scenario;
        ui.horizontal_wrapped(|ui| {
            ui.heading(&s.title);
            ui.label(tr!(
                "trainer-about",
                id = s.id.as_str(),
                version = entry.version(),
                origin = origin_text(entry),
                nodes = s.nodes.len()
            ));
            match &entry.origin {
                Origin::Trainer(path) => {
                    if ui
                        .button(tr!("trainer-open-in-editor"))
                        .on_hover_text(tr!("trainer-open-in-editor-hover"))
                        .clicked()
                    {
                        command = Some(Command::OpenInEditor(path.clone()));
                    }
                }
                Origin::BuiltIn => {
                    if ui
                        .button(tr!("trainer-copy"))
                        .on_hover_text(tr!("trainer-copy-hover"))
                        .clicked()
                    {
                        command = Some(Command::CopyToEdit(s.id.clone()));
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, TrainerTab::Graph, tr!("trainer-tab-graph"));
            ui.selectable_value(
                &mut self.tab,
                TrainerTab::Playtest,
                tr!("trainer-tab-playtest"),
            );
            let problems = tr!("trainer-tab-problems", count = entry.warnings.len());
            ui.selectable_value(&mut self.tab, TrainerTab::Problems, problems);
        });
        ui.separator();
        let c = match self.tab {
            TrainerTab::Graph => self.graph_tab(ui, entry, data),
            TrainerTab::Playtest => self.playtest_tab(ui, entry, data.playtest),
            TrainerTab::Problems => {
                if entry.warnings.is_empty() {
                    ui.label(tr!("trainer-no-problems"));
                }
                egui::ScrollArea::vertical()
                    .id_salt("problems")
                    .show(ui, |ui| {
                        for d in &entry.warnings {
                            if diagnostic_link(ui, d, false)
                                && let Some(node) = &d.node
                            {
                                self.show_node(node);
                            }
                        }
                    });
                None
            }
        };
        c.or(command)
    }

    /// Selects a node and brings it into view in the graph.
    pub fn show_node(&mut self, node: &str) {
        self.node = Some(node.to_string());
        self.tab = TrainerTab::Graph;
        // Resolved against the graph of the scenario showing when it is next drawn,
        // never against a graph left over from another one.
        self.focus_node = Some(node.to_string());
    }

    fn graph_tab(
        &mut self,
        ui: &mut egui::Ui,
        entry: &LibraryEntry,
        data: &TrainerData<'_>,
    ) -> Option<Command> {
        let mut command = None;
        let counts = match data.counts {
            Counts::Ready(all) => all.get(&entry.scenario.id),
            _ => None,
        };
        ui.horizontal_wrapped(|ui| {
            self.graph.toolbar(ui);
        });
        let status = match (data.counts, counts) {
            (Counts::Loading, _) => tr!("trainer-counts-loading"),
            (Counts::Failed(e), _) => tr!("trainer-counts-failed", error = e.as_str()),
            (Counts::Ready(_), Some(c)) if c.attempts > 0 => {
                tr!("trainer-counts-ready", attempts = c.attempts)
            }
            (Counts::Ready(_), _) => tr!("trainer-counts-none"),
        };
        ui.label(egui::RichText::new(status).small());
        egui::Panel::right("node_details")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                command = self.node_details(ui, entry, counts);
            });
        self.ensure_shape(entry);
        let Some(shape) = &self.shape else {
            return command;
        };
        if let Some(node) = self.focus_node.take() {
            self.graph.focus = shape.graph.index.get(&node).copied();
        }
        let selected = self
            .node
            .as_deref()
            .and_then(|n| shape.graph.index.get(n).copied());
        let clicked = self.graph.ui(
            ui,
            &GraphInput {
                scenario: &entry.scenario,
                graph: &shape.graph,
                layout: &shape.layout,
                counts,
                selected,
            },
        );
        if let Some(i) = clicked {
            self.node = Some(entry.scenario.nodes[i].id().to_string());
        }
        command
    }

    fn node_details(
        &mut self,
        ui: &mut egui::Ui,
        entry: &LibraryEntry,
        counts: Option<&ChoiceCounts>,
    ) -> Option<Command> {
        let s: &Scenario = &entry.scenario;
        let mut command = None;
        ui.heading(tr!("trainer-node-heading"));
        // A node removed by an edit falls back to the start.
        let current = self
            .node
            .clone()
            .filter(|n| s.node(n).is_some())
            .unwrap_or_else(|| s.start.clone());
        let mut picked = current.clone();
        let label = ui.label(tr!("trainer-node-pick"));
        egui::ComboBox::from_id_salt("node_pick")
            .selected_text(&picked)
            .height(400.0)
            .show_ui(ui, |ui| {
                for n in &s.nodes {
                    ui.selectable_value(&mut picked, n.id().to_string(), n.id());
                }
            })
            .response
            .labelled_by(label.id);
        if picked != current || self.node.is_none() {
            if picked != current {
                self.show_node(&picked);
                self.tab = TrainerTab::Graph;
            }
            self.node = Some(picked.clone());
        }
        let node = s.node(&picked)?;
        if ui
            .button(tr!("trainer-playtest-from-node"))
            .on_hover_text(tr!("trainer-playtest-from-node-hover"))
            .clicked()
        {
            command = Some(Command::PlaytestStart {
                scenario: s.id.clone(),
                node: picked.clone(),
            });
            self.tab = TrainerTab::Playtest;
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("node_body")
            .show(ui, |ui| {
                node_body(ui, node, counts);
                let problems: Vec<&Diagnostic> = entry
                    .warnings
                    .iter()
                    .filter(|d| d.node.as_deref() == Some(node.id()))
                    .collect();
                if !problems.is_empty() {
                    ui.separator();
                    ui.label(egui::RichText::new(tr!("trainer-problems-here")).strong());
                    for d in problems {
                        diagnostic_link(ui, d, false);
                    }
                }
            });
        command
    }

    fn playtest_tab(
        &mut self,
        ui: &mut egui::Ui,
        entry: &LibraryEntry,
        playtest: Option<&Playtest>,
    ) -> Option<Command> {
        let s = &entry.scenario;
        let Some(p) = playtest.filter(|p| p.session.scenario().id == s.id) else {
            ui.label(tr!("trainer-playtest-how"));
            return ui.button(tr!("trainer-playtest-start")).clicked().then(|| {
                Command::PlaytestStart {
                    scenario: s.id.clone(),
                    node: s.start.clone(),
                }
            });
        };
        let mut command = None;
        let session = &p.session;
        // Ctrl+Z and Enter belong to a text field or a focused button while one has the
        // keyboard.
        let free = !ui.ctx().egui_wants_keyboard_input() && ui.memory(|m| m.focused().is_none());
        let (undo, enter) = ui.input(|i| {
            (
                free && i.modifiers.command && !i.modifiers.shift && i.key_pressed(egui::Key::Z),
                free && i.key_pressed(egui::Key::Enter),
            )
        });
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(tr!("trainer-playtest-from", node = p.from.as_str())).strong(),
            );
            if ui
                .add_enabled(
                    p.depth() > 0,
                    egui::Button::new(tr!("trainer-playtest-back")),
                )
                .on_hover_text(tr!("trainer-playtest-back-hover"))
                .clicked()
                || (undo && p.depth() > 0)
            {
                command = Some(Command::PlaytestBack);
            }
            if ui.button(tr!("trainer-playtest-restart")).clicked() {
                command = Some(Command::PlaytestStart {
                    scenario: s.id.clone(),
                    node: p.from.clone(),
                });
            }
            if ui.button(tr!("trainer-playtest-stop")).clicked() {
                command = Some(Command::PlaytestStop);
            }
        });
        let here = p.node();
        let kind = s.node(here).map_or("?", Node::kind);
        ui.horizontal(|ui| {
            // The node's kind as the scenario file spells it, like its id.
            ui.label(tr!("trainer-playtest-now-at", node = here, kind = kind));
            if ui.small_button(tr!("trainer-show-in-graph")).clicked() {
                let here = here.to_string();
                self.ensure_shape(entry);
                self.show_node(&here);
            }
        });
        // Wrapped, so a longer language never widens the playtest past the window.
        ui.horizontal_wrapped(|ui| {
            let (mood, loyalty) = (session.mood(), session.loyalty());
            for (text, value) in [
                (tr!("trainer-mood", value = format!("{mood:.0}")), mood),
                (
                    tr!("trainer-loyalty", value = format!("{loyalty:.0}")),
                    loyalty,
                ),
            ] {
                ui.label(text);
                ui.add(
                    egui::ProgressBar::new((value / 100.0) as f32)
                        .desired_width(160.0)
                        .fill(score_colour(ui, value)),
                );
            }
            ui.label(tr!(
                "trainer-thresholds",
                lost = s.customer.recovery_threshold(),
                advocate = s.customer.loyalty_baseline
            ));
        });
        let last_reply = session.transcript().iter().rev().find_map(|e| match e {
            Entry::Trainee(turn) => Some(turn),
            Entry::Customer { .. } => None,
        });
        if let Some(turn) = last_reply {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(
                    egui::RichText::new(tr!("trainer-last-reply", node = turn.node.as_str()))
                        .strong(),
                );
                feedback(ui, turn);
                ui.label(tr!(
                    "trainer-last-reply-moved",
                    before = format!("{:.0}", turn.mood_before),
                    after = format!("{:.0}", turn.mood_after),
                    loyalty = format!("{:.0}", turn.loyalty_after)
                ));
            });
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("playtest_step")
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                match session.step() {
                    Step::Customer(line) => {
                        ui.label(
                            egui::RichText::new(tr!(
                                "trainer-customer-says",
                                name = s.customer.name.as_str(),
                                emotion = labels::emotion(line.emotion)
                            ))
                            .strong(),
                        );
                        ui.label(&line.text);
                        // The key's name, as printed on it.
                        if ui
                            .button(tr!("trainer-continue"))
                            .on_hover_text("Enter")
                            .clicked()
                            || enter
                        {
                            command = Some(Command::PlaytestProceed);
                        }
                    }
                    Step::Choose(prompt) => {
                        if let Some(text) = &prompt.prompt {
                            ui.label(egui::RichText::new(text).italics());
                        }
                        let turn = match s.node(&prompt.node) {
                            Some(Node::Choice(t)) => Some(t),
                            _ => None,
                        };
                        let keys = [
                            egui::Key::Num1,
                            egui::Key::Num2,
                            egui::Key::Num3,
                            egui::Key::Num4,
                        ];
                        for (k, text) in prompt.options.iter().enumerate() {
                            let authored = session
                                .shown_order()
                                .get(k)
                                .and_then(|&i| turn.and_then(|t| t.choices.get(i)));
                            let key = keys
                                .get(k)
                                .is_some_and(|key| ui.input(|i| i.key_pressed(*key)));
                            if ui.button(format!("{}. {text}", k + 1)).clicked() || key {
                                command = Some(Command::PlaytestChoose(k));
                            }
                            if let Some(c) = authored {
                                ui.horizontal_wrapped(|ui| {
                                    ui.add_space(20.0);
                                    ui.label(
                                        egui::RichText::new(match c.trap {
                                            None => tr!(
                                                "trainer-choice-levels",
                                                listening = c.levels.active_listening,
                                                ownership = c.levels.ownership,
                                                exceeding = c.levels.exceeding_expectations,
                                                mood = format!("{:+}", c.mood),
                                                next = c.next.as_str()
                                            ),
                                            Some(t) => tr!(
                                                "trainer-choice-levels-trap",
                                                listening = c.levels.active_listening,
                                                ownership = c.levels.ownership,
                                                exceeding = c.levels.exceeding_expectations,
                                                mood = format!("{:+}", c.mood),
                                                next = c.next.as_str(),
                                                trap = labels::trap(t)
                                            ),
                                        })
                                        .color(ui.visuals().weak_text_color()),
                                    );
                                });
                            }
                        }
                    }
                    Step::Write(prompt) => {
                        if let Some(text) = &prompt.prompt {
                            ui.label(egui::RichText::new(text).italics());
                        }
                        if let Some(Node::FreeText(t)) = s.node(&prompt.node) {
                            let bands: Vec<String> = t
                                .branches
                                .iter()
                                .map(|b| {
                                    tr!("trainer-band", score = b.at_least, next = b.next.as_str())
                                })
                                .collect();
                            ui.label(
                                egui::RichText::new(tr!(
                                    "trainer-branches",
                                    branches = bands.join(", ")
                                ))
                                .small(),
                            );
                        }
                        let (field, send_key) = reply_field(ui, &mut self.reply);
                        if !field.has_focus()
                            && self.reply.is_empty()
                            && ui.memory(|m| m.focused().is_none())
                        {
                            field.request_focus();
                        }
                        let ready = !self.reply.trim().is_empty();
                        if (ui
                            .add_enabled(ready, egui::Button::new(tr!("trainer-send")))
                            .clicked()
                            || send_key)
                            && ready
                        {
                            command = Some(Command::PlaytestSend(self.reply.trim().to_string()));
                            self.reply.clear();
                        }
                    }
                    Step::Finished(d) => {
                        ui.label(
                            egui::RichText::new(tr!(
                                "trainer-ended",
                                ending = d.ending.as_str(),
                                outcome = labels::outcome(d.outcome),
                                intended = labels::outcome(d.intended)
                            ))
                            .strong(),
                        );
                        ui.label(tr!(
                            "trainer-ended-scores",
                            overall = format!("{:.0}", d.overall),
                            listening = format!("{:.0}", d.scores.active_listening),
                            ownership = format!("{:.0}", d.scores.ownership),
                            exceeding = format!("{:.0}", d.scores.exceeding_expectations),
                            loyalty = format!("{:.0}", d.loyalty)
                        ));
                    }
                }
            });
        command
    }
}

/// A broken file: its errors instead of the scenario.
fn problem_ui(ui: &mut egui::Ui, problem: &FileProblem) -> Option<Command> {
    let mut command = None;
    ui.heading(&problem.source.name);
    ui.label(tr!("trainer-file-broken-explained"));
    let path = std::path::PathBuf::from(&problem.source.name);
    if path.is_file() && ui.button(tr!("trainer-open-in-editor")).clicked() {
        command = Some(Command::OpenInEditor(path.clone()));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("file_problems")
        .show(ui, |ui| {
            for d in &problem.diagnostics {
                if diagnostic_link(ui, d, path.is_file()) && path.is_file() {
                    command = Some(Command::OpenInEditor(path.clone()));
                }
            }
        });
    command
}

/// What a node says and where it leads.
fn node_body(ui: &mut egui::Ui, node: &Node, counts: Option<&ChoiceCounts>) {
    // The node's kind as the scenario file spells it, beside its id.
    ui.label(egui::RichText::new(format!("{} `{}`", node.kind(), node.id())).strong());
    match node {
        Node::Line(l) => {
            ui.label(tr!(
                "trainer-node-customer",
                emotion = labels::emotion(l.emotion)
            ));
            ui.label(egui::RichText::new(&l.say).italics());
            ui.label(tr!("trainer-node-next", next = l.next.as_str()));
        }
        Node::Choice(t) => {
            if let Some(p) = &t.prompt {
                ui.label(egui::RichText::new(p).italics());
            }
            let shares = counts.and_then(|c| c.shares(&t.id));
            for (i, c) in t.choices.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(&c.text);
                    levels_row(ui, &c.levels);
                    let mood = format!("{:+}", c.mood);
                    ui.label(match &shares {
                        None => tr!("trainer-node-choice", mood = mood, next = c.next.as_str()),
                        Some((s, total)) => tr!(
                            "trainer-node-choice-taken",
                            mood = mood,
                            next = c.next.as_str(),
                            percent = format!("{:.0}", s.get(i).copied().unwrap_or(0.0) * 100.0),
                            total = *total
                        ),
                    });
                    if let Some(trap) = c.trap {
                        ui.label(tr!("trainer-node-trap", trap = labels::trap(trap)));
                    }
                    ui.label(egui::RichText::new(&c.feedback).small());
                });
            }
            model(ui, &t.model);
        }
        Node::FreeText(t) => {
            if let Some(p) = &t.prompt {
                ui.label(egui::RichText::new(p).italics());
            }
            let facts: Vec<&str> = t.hints.facts.iter().map(|f| f.fact.as_str()).collect();
            ui.label(if facts.is_empty() {
                tr!("trainer-node-facts-none")
            } else {
                tr!("trainer-node-facts", facts = facts.join("; "))
            });
            for b in &t.branches {
                ui.label(tr!(
                    "trainer-node-branch",
                    score = b.at_least,
                    next = b.next.as_str()
                ));
            }
            model(ui, &t.model);
        }
        Node::Ending(e) => {
            ui.label(tr!(
                "trainer-node-customer",
                emotion = labels::emotion(e.emotion)
            ));
            ui.label(egui::RichText::new(&e.say).italics());
            ui.label(tr!(
                "trainer-node-intends",
                outcome = labels::outcome(e.intends)
            ));
        }
    }
}

fn model(ui: &mut egui::Ui, text: &str) {
    if !text.is_empty() {
        ui.label(egui::RichText::new(tr!("trainer-model-answer")).strong());
        ui.label(text);
    }
}
