//! The manager's views: the trainee list (sortable, filterable), a trainee's detail (the
//! history chart, the attempts table, any attempt's transcript), the cohort per scenario
//! with the turns most trainees get wrong, exports, and PIN settings.

use std::path::PathBuf;

use eframe::egui;
use egui_plot::{Line, Plot, PlotPoints};

use super::Command;
use super::debrief::transcript_ui;
use super::pin::password_row;
use super::style::{dimension_colour, dimension_line_style, dimension_mark, score_colour};
use crate::access::Role;
use crate::library::Library;
use crate::progress::{AttemptKind, AttemptRecord, AttemptRow};
use crate::report::{CsvKind, Roster, Scores, TraineeOverview};
use crate::scenario::{Dimension, Node, Outcome};
use crate::tr;
use crate::ui::labels;

/// Which tab is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Trainees,
    Cohort,
    Export,
    Backup,
    Audit,
    Standards,
    Settings,
    Lrs,
}

impl Tab {
    /// Every tab, in the order the tab bar shows them.
    pub const ALL: [Tab; 8] = [
        Tab::Trainees,
        Tab::Cohort,
        Tab::Export,
        Tab::Backup,
        Tab::Audit,
        Tab::Standards,
        Tab::Settings,
        Tab::Lrs,
    ];

    /// The tab's name in the tab bar, in the interface's language.
    pub fn label(self) -> String {
        match self {
            Tab::Trainees => tr!("manager-tab-trainees"),
            Tab::Cohort => tr!("manager-tab-cohort"),
            Tab::Export => tr!("manager-tab-export"),
            Tab::Backup => tr!("manager-tab-backup"),
            Tab::Audit => tr!("manager-tab-audit"),
            Tab::Standards => tr!("manager-tab-standards"),
            Tab::Settings => tr!("manager-tab-settings"),
            Tab::Lrs => tr!("manager-tab-lrs"),
        }
    }
}

/// What the trainee list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Attempts,
    /// The latest assessment on a dimension, or overall.
    Latest(Option<Dimension>),
    /// The average overall.
    Average,
    LastActive,
}

/// Long work (an export, a backup, a restore) in progress or finished, as the app
/// reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportStatus {
    Idle,
    Running {
        /// "Exporting turns".
        what: String,
        /// What `done` and `total` count.
        unit: &'static str,
        done: usize,
        /// 0 while unknown.
        total: usize,
    },
    Finished(String),
    Failed(String),
}

/// What the view is given to draw.
pub struct ManagerData<'a> {
    pub roster: &'a Roster,
    pub library: &'a Library,
    /// The attempt opened in the detail view, in full.
    pub attempt: Option<&'a AttemptRecord>,
    pub export: &'a ExportStatus,
    /// The audit log, newest first.
    pub audit: &'a [crate::audit::AuditEntry],
    pub trainee_pins_required: bool,
    pub trainer_pin_set: bool,
    pub lrs: &'a LrsData,
    pub standards: &'a crate::standards::Standards,
    /// The result of the last save of the standard.
    pub standards_message: Option<&'a str>,
    /// Each trainee's readiness, by id.
    pub readiness: &'a std::collections::HashMap<String, crate::standards::Readiness>,
}

/// The LRS settings and sync state, as the app knows them.
#[derive(Debug, Clone, Default)]
pub struct LrsData {
    /// The settings without the password; `None` when no LRS is set up.
    pub config: Option<crate::lrs::LrsConfig>,
    /// Why the settings file could not be read, when it could not.
    pub problem: Option<String>,
    pub status: crate::lrs::Status,
    /// A send is running now.
    pub sending: bool,
    /// When the next automatic try is due, in seconds from now.
    pub next_try_s: Option<u64>,
    /// The last result of saving the settings or sending, for the manager to read.
    pub message: Option<String>,
}

/// The manager area's own state.
#[derive(Debug)]
pub struct ManagerView {
    pub tab: Tab,
    pub filter: String,
    pub sort: SortKey,
    pub descending: bool,
    /// The trainee whose detail is open, by id.
    pub detail: Option<String>,
    pub export_dir: String,
    pub current_pin: String,
    pub new_pin: String,
    pub confirm_pin: String,
    pub pin_role: Role,
    /// The result of the last settings change, for the person to read.
    pub settings_message: Option<String>,
    /// The standard being edited on the Standards tab, until saved or undone.
    pub standards_draft: Option<crate::standards::Standards>,
    pub backup_path: String,
    pub restore_path: String,
    /// Asking "are you sure?" before a restore.
    pub confirm_restore: bool,
    /// Asking "are you sure?" before deleting the trainee in detail.
    pub confirm_delete: bool,
    pub lrs_endpoint: String,
    pub lrs_username: String,
    /// Typed only to change it; the saved password is never shown.
    pub lrs_password: String,
    pub lrs_home_page: String,
    pub lrs_send_practice: bool,
    /// The form was filled from the saved settings.
    lrs_filled: bool,
}

impl Default for ManagerView {
    fn default() -> Self {
        let dir = directories::UserDirs::new()
            .and_then(|u| {
                u.document_dir()
                    .map(PathBuf::from)
                    .or(Some(u.home_dir().to_path_buf()))
            })
            .unwrap_or_else(|| PathBuf::from("."));
        ManagerView {
            tab: Tab::Trainees,
            filter: String::new(),
            sort: SortKey::Name,
            descending: false,
            detail: None,
            export_dir: dir.display().to_string(),
            current_pin: String::new(),
            new_pin: String::new(),
            confirm_pin: String::new(),
            pin_role: Role::Manager,
            settings_message: None,
            standards_draft: None,
            backup_path: dir
                .join(format!("turnaround-backup-{}.trbk", day(now_ms())))
                .display()
                .to_string(),
            restore_path: String::new(),
            confirm_restore: false,
            confirm_delete: false,
            lrs_endpoint: String::new(),
            lrs_username: String::new(),
            lrs_password: String::new(),
            lrs_home_page: String::new(),
            lrs_send_practice: false,
            lrs_filled: false,
        }
    }
}

const ROW_HEIGHT: f32 = 26.0;

/// A trainee's readiness in a few words: never colour alone.
fn readiness_cell(ui: &mut egui::Ui, width: f32, readiness: Option<&crate::standards::Readiness>) {
    use crate::standards::Readiness;
    let text = match readiness {
        Some(Readiness::Ready) => egui::RichText::new(tr!("manager-readiness-ready"))
            .strong()
            .color(score_colour(ui, 100.0)),
        Some(Readiness::NotYet { passed, to_pass }) => egui::RichText::new(tr!(
            "manager-readiness-not-yet",
            passed = passed.len(),
            total = passed.len() + to_pass.len()
        )),
        Some(Readiness::NothingRequired) | None => {
            egui::RichText::new(tr!("manager-readiness-none")).weak()
        }
    };
    let response = cell(ui, width, text);
    if let Some(Readiness::NotYet { to_pass, .. }) = readiness {
        response.on_hover_text(tr!(
            "manager-readiness-still-to-pass",
            scenarios = to_pass.join(", ")
        ));
    }
}

/// A fixed-width cell so that rows line up without a grid (rows are drawn lazily).
fn cell(ui: &mut egui::Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add_sized([width, ROW_HEIGHT], egui::Label::new(text).truncate())
}

fn score_cell(ui: &mut egui::Ui, width: f32, score: Option<f64>) {
    match score {
        Some(s) => {
            let colour = score_colour(ui, s);
            cell(
                ui,
                width,
                egui::RichText::new(format!("{s:.0}")).color(colour),
            );
        }
        None => {
            cell(ui, width, "–");
        }
    }
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A day as people read it, from unix ms (UTC).
fn day(ms: u64) -> String {
    crate::report::iso_utc(ms)[..10].to_string()
}

impl ManagerView {
    /// Draws the manager area.
    pub fn ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(tr!("manager-heading"));
            ui.separator();
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    self.tab = tab;
                    self.confirm_delete = false;
                    self.confirm_restore = false;
                    if tab == Tab::Audit {
                        command = Some(Command::OpenAudit);
                    }
                    if tab != Tab::Trainees {
                        self.detail = None;
                    }
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr!("manager-lock"))
                    .on_hover_text(tr!("manager-lock-hover"))
                    .clicked()
                {
                    command = Some(Command::LeaveManager);
                }
            });
        });
        ui.separator();
        let c = match self.tab {
            Tab::Trainees => match self.detail.clone() {
                Some(id) => self.detail_ui(ui, data, &id),
                None => self.list_ui(ui, data),
            },
            Tab::Cohort => {
                cohort_ui(ui, data);
                None
            }
            Tab::Export => self.export_ui(ui, data),
            Tab::Backup => self.backup_ui(ui, data),
            Tab::Audit => {
                audit_ui(ui, data.audit);
                None
            }
            Tab::Standards => self.standards_ui(ui, data),
            Tab::Settings => self.settings_ui(ui, data),
            Tab::Lrs => self.lrs_ui(ui, data.lrs),
        };
        command.or(c)
    }

    fn sorted<'a>(&self, overviews: &'a [TraineeOverview]) -> Vec<&'a TraineeOverview> {
        let wanted = self.filter.trim().to_lowercase();
        let mut list: Vec<&TraineeOverview> = overviews
            .iter()
            .filter(|o| wanted.is_empty() || o.name.to_lowercase().contains(&wanted))
            .collect();
        let key = |o: &TraineeOverview| -> f64 {
            match self.sort {
                SortKey::Name => 0.0,
                SortKey::Attempts => o.attempts as f64,
                SortKey::Latest(d) => o.latest.map_or(-1.0, |s| s.get(d)),
                SortKey::Average => o.average.map_or(-1.0, |s| s.overall),
                SortKey::LastActive => o.last_active_ms.map_or(-1.0, |ms| ms as f64),
            }
        };
        list.sort_by(|a, b| {
            let by = if self.sort == SortKey::Name {
                a.name.to_lowercase().cmp(&b.name.to_lowercase())
            } else {
                key(a).total_cmp(&key(b))
            };
            let by = by.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
            if self.descending { by.reverse() } else { by }
        });
        list
    }

    fn header(&mut self, ui: &mut egui::Ui, width: f32, label: &str, key: SortKey) {
        let button = egui::Button::new(egui::RichText::new(label).strong()).frame(false);
        let response = ui
            .add_sized([width, ROW_HEIGHT], button)
            .on_hover_text(tr!("manager-sort-hover"));
        if self.sort == key {
            // A painted triangle: the bundled fonts have no arrow glyphs.
            let c = egui::pos2(response.rect.right() + 7.0, response.rect.center().y);
            let (tip, base) = if self.descending {
                (4.0, -4.0)
            } else {
                (-4.0, 4.0)
            };
            let points = vec![
                egui::pos2(c.x - 4.0, c.y + base),
                egui::pos2(c.x + 4.0, c.y + base),
                egui::pos2(c.x, c.y + tip),
            ];
            let colour = ui.visuals().strong_text_color();
            ui.painter().add(egui::Shape::convex_polygon(
                points,
                colour,
                egui::Stroke::NONE,
            ));
        }
        if response.clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                // Numbers read best highest first; names A to Z.
                self.descending = key != SortKey::Name;
            }
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        let roster = data.roster;
        if roster.trainees.is_empty() {
            ui.add_space(20.0);
            ui.label(tr!("manager-no-trainees"));
            return None;
        }
        ui.horizontal(|ui| {
            let label = ui.label(tr!("manager-filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr!("manager-filter-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            let total: usize = roster
                .overviews
                .iter()
                .map(|o| o.attempts + o.practice)
                .sum();
            ui.label(tr!(
                "manager-list-count",
                trainees = roster.trainees.len(),
                attempts = total
            ));
        });
        ui.label(egui::RichText::new(tr!("manager-list-explained")).small());
        let list = self.sorted(&roster.overviews);
        // Eleven columns, and the room between them, within the window's 1100 points.
        let widths = [
            170.0, 80.0, 65.0, 65.0, 65.0, 65.0, 75.0, 65.0, 100.0, 80.0, 125.0,
        ];
        ui.horizontal(|ui| {
            self.header(ui, widths[0], &tr!("manager-col-trainee"), SortKey::Name);
            self.header(
                ui,
                widths[1],
                &tr!("manager-col-attempts"),
                SortKey::Attempts,
            );
            cell(
                ui,
                widths[9],
                egui::RichText::new(tr!("manager-col-practice")).strong(),
            )
            .on_hover_text(tr!("manager-col-practice-hover"));
            self.header(
                ui,
                widths[2],
                &tr!("manager-col-listen"),
                SortKey::Latest(Some(Dimension::ActiveListening)),
            );
            self.header(
                ui,
                widths[3],
                &tr!("manager-col-own"),
                SortKey::Latest(Some(Dimension::Ownership)),
            );
            self.header(
                ui,
                widths[4],
                &tr!("manager-col-exceed"),
                SortKey::Latest(Some(Dimension::ExceedingExpectations)),
            );
            self.header(
                ui,
                widths[5],
                &tr!("manager-col-latest"),
                SortKey::Latest(None),
            );
            self.header(ui, widths[6], &tr!("manager-col-average"), SortKey::Average);
            cell(
                ui,
                widths[7],
                egui::RichText::new(tr!("manager-col-passed")).strong(),
            )
            .on_hover_text(tr!("manager-col-passed-hover"));
            cell(
                ui,
                widths[10],
                egui::RichText::new(tr!("manager-col-readiness")).strong(),
            )
            .on_hover_text(tr!("manager-col-readiness-hover"));
            self.header(
                ui,
                widths[8],
                &tr!("manager-col-last-active"),
                SortKey::LastActive,
            );
        });
        if list.is_empty() {
            ui.label(tr!("manager-no-match", filter = self.filter.trim()));
            return None;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show_rows(ui, ROW_HEIGHT, list.len(), |ui, range| {
                for o in &list[range] {
                    ui.horizontal(|ui| {
                        if ui
                            .add_sized(
                                [widths[0], ROW_HEIGHT],
                                egui::Button::new(&o.name).truncate(),
                            )
                            .on_hover_text(tr!("manager-open-trainee-hover"))
                            .clicked()
                        {
                            command = Some(Command::ManagerOpenTrainee(Some(o.id.clone())));
                        }
                        cell(ui, widths[1], o.attempts.to_string());
                        cell(ui, widths[9], o.practice.to_string());
                        let latest = o.latest;
                        score_cell(ui, widths[2], latest.map(|s| s.active_listening));
                        score_cell(ui, widths[3], latest.map(|s| s.ownership));
                        score_cell(ui, widths[4], latest.map(|s| s.exceeding_expectations));
                        score_cell(ui, widths[5], latest.map(|s| s.overall));
                        score_cell(ui, widths[6], o.average.map(|s| s.overall));
                        cell(ui, widths[7], o.scenarios_passed.to_string());
                        readiness_cell(ui, widths[10], data.readiness.get(&o.id));
                        cell(
                            ui,
                            widths[8],
                            o.last_active_ms.map_or_else(|| tr!("manager-never"), day),
                        );
                    });
                }
            });
        command
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &ManagerData<'_>,
        id: &str,
    ) -> Option<Command> {
        let mut command = None;
        let Some(i) = data.roster.position(id) else {
            return Some(Command::ManagerOpenTrainee(None));
        };
        let overview = &data.roster.overviews[i];
        let rows = &data.roster.rows[i];
        ui.horizontal(|ui| {
            if ui.button(tr!("manager-back-to-trainees")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                command = Some(Command::ManagerOpenTrainee(None));
            }
            ui.heading(&overview.name);
            ui.label(tr!(
                "manager-trainee-summary",
                attempts = overview.attempts,
                practice = overview.practice,
                last = overview
                    .last_active_ms
                    .map_or_else(|| tr!("manager-never"), day)
            ));
        });
        if data.attempt.is_none() {
            if let Some(r) = data.readiness.get(&overview.id) {
                super::my_progress::readiness_ui(ui, r);
            }
            ui.horizontal(|ui| {
                if data.roster.trainees[i].pin.is_some()
                    && ui
                        .button(tr!("manager-clear-pin"))
                        .on_hover_text(tr!("manager-clear-pin-hover"))
                        .clicked()
                {
                    command = Some(Command::ClearTraineePin(overview.id.clone()));
                }
                let busy = matches!(data.export, ExportStatus::Running { .. });
                if !self.confirm_delete {
                    if ui
                        .add_enabled(!busy, egui::Button::new(tr!("manager-delete")))
                        .on_hover_text(tr!("manager-delete-hover"))
                        .clicked()
                    {
                        self.confirm_delete = true;
                    }
                } else {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        tr!(
                            "manager-delete-confirm",
                            name = overview.name.as_str(),
                            attempts = overview.attempts + overview.practice
                        ),
                    );
                    if ui.button(tr!("manager-delete-for-good")).clicked() {
                        self.confirm_delete = false;
                        command = Some(Command::DeleteTrainee(overview.id.clone()));
                    }
                    if ui.button(tr!("manager-delete-keep")).clicked() {
                        self.confirm_delete = false;
                    }
                }
            });
        }
        if let Some(attempt) = data.attempt {
            let title = data
                .library
                .get(&attempt.about.scenario_id)
                .map_or(attempt.about.scenario_id.clone(), |e| {
                    e.scenario.title.clone()
                });
            let customer = data.library.get(&attempt.about.scenario_id).map_or_else(
                || tr!("manager-customer"),
                |e| e.scenario.customer.name.clone(),
            );
            ui.horizontal(|ui| {
                if ui.button(tr!("manager-back-to-history")).clicked() {
                    command = Some(Command::ManagerOpenAttempt(None));
                }
                let d = &attempt.debrief;
                ui.label(
                    egui::RichText::new(tr!(
                        "manager-attempt-summary",
                        title = title.as_str(),
                        day = day(attempt.finished_ms),
                        overall = format!("{:.0}", d.overall),
                        passed = if d.passed { "yes" } else { "no" },
                        outcome = labels::outcome(d.outcome).to_lowercase()
                    ))
                    .strong(),
                );
            });
            egui::ScrollArea::vertical()
                .id_salt("attempt_transcript")
                .auto_shrink([false; 2])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width() - 18.0);
                    transcript_ui(ui, &customer, &attempt.transcript);
                });
            return command;
        }
        if rows.is_empty() {
            ui.label(tr!("manager-no-attempts"));
            return command;
        }
        let changed = crate::report::version_changes(rows);
        history_chart(ui, rows);
        ui.label(egui::RichText::new(tr!("manager-attempts-heading")).strong());
        let widths = [
            100.0, 220.0, 90.0, 60.0, 60.0, 60.0, 70.0, 90.0, 130.0, 100.0,
        ];
        ui.horizontal(|ui| {
            for (w, h) in widths.iter().zip([
                tr!("manager-col-date"),
                tr!("manager-col-scenario"),
                tr!("manager-col-kind"),
                tr!("manager-col-listen"),
                tr!("manager-col-own"),
                tr!("manager-col-exceed"),
                tr!("manager-col-overall"),
                tr!("manager-col-outcome"),
                tr!("manager-col-version"),
                String::new(),
            ]) {
                cell(ui, *w, egui::RichText::new(h).strong());
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("attempt_rows")
            .auto_shrink([false; 2])
            .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                for (r, edited) in rows
                    .iter()
                    .zip(&changed)
                    .rev()
                    .skip(range.start)
                    .take(range.len())
                {
                    ui.horizontal(|ui| {
                        attempt_row(ui, &widths, r, data.library);
                        version_cell(ui, widths[8], r, *edited);
                        if ui
                            .add_sized(
                                [widths[9], ROW_HEIGHT],
                                egui::Button::new(tr!("manager-transcript")),
                            )
                            .clicked()
                        {
                            command = Some(Command::ManagerOpenAttempt(Some(r.key.clone())));
                        }
                    });
                }
            });
        command
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        ui.label(tr!("manager-export-explained"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label(tr!("manager-export-folder"));
            ui.add(egui::TextEdit::singleline(&mut self.export_dir).desired_width(420.0))
                .labelled_by(label.id);
        });
        let running = matches!(data.export, ExportStatus::Running { .. });
        ui.horizontal(|ui| {
            for (kind, label, hover) in [
                (
                    CsvKind::Attempts,
                    tr!("manager-export-attempts"),
                    tr!("manager-export-attempts-hover"),
                ),
                (
                    CsvKind::Turns,
                    tr!("manager-export-turns"),
                    tr!("manager-export-turns-hover"),
                ),
            ] {
                if ui
                    .add_enabled(!running, egui::Button::new(label))
                    .on_hover_text(hover)
                    .clicked()
                {
                    let name = match kind {
                        CsvKind::Attempts => "turnaround-attempts",
                        CsvKind::Turns => "turnaround-turns",
                    };
                    let stamp = day(std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_millis() as u64));
                    command = Some(Command::StartExport {
                        kind,
                        path: PathBuf::from(self.export_dir.trim())
                            .join(format!("{name}-{stamp}.csv")),
                    });
                }
            }
        });
        ui.add_space(8.0);
        if let Some(c) = job_status(ui, data.export) {
            command = Some(c);
        }
        command
    }

    fn backup_ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        let running = matches!(data.export, ExportStatus::Running { .. });
        ui.heading(tr!("manager-backup-heading"));
        ui.label(tr!("manager-backup-explained"));
        ui.horizontal(|ui| {
            let label = ui.label(tr!("manager-backup-file"));
            ui.add(egui::TextEdit::singleline(&mut self.backup_path).desired_width(520.0))
                .labelled_by(label.id);
        });
        if ui
            .add_enabled(!running, egui::Button::new(tr!("manager-backup-now")))
            .clicked()
        {
            command = Some(Command::StartBackup(PathBuf::from(self.backup_path.trim())));
        }
        ui.add_space(16.0);
        ui.heading(tr!("manager-restore-heading"));
        ui.label(tr!("manager-restore-explained"));
        ui.horizontal(|ui| {
            let label = ui.label(tr!("manager-restore-file"));
            ui.add(egui::TextEdit::singleline(&mut self.restore_path).desired_width(520.0))
                .labelled_by(label.id);
        });
        let ready = !running && !self.restore_path.trim().is_empty();
        if !self.confirm_restore {
            if ui
                .add_enabled(ready, egui::Button::new(tr!("manager-restore")))
                .clicked()
            {
                self.confirm_restore = true;
            }
        } else {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, tr!("manager-restore-confirm"));
                if ui.button(tr!("manager-restore-now")).clicked() {
                    self.confirm_restore = false;
                    command = Some(Command::StartRestore(PathBuf::from(
                        self.restore_path.trim(),
                    )));
                }
                if ui.button(tr!("manager-restore-cancel")).clicked() {
                    self.confirm_restore = false;
                }
            });
        }
        ui.add_space(8.0);
        if let Some(c) = job_status(ui, data.export) {
            command = Some(c);
        }
        command
    }

    fn lrs_ui(&mut self, ui: &mut egui::Ui, lrs: &LrsData) -> Option<Command> {
        let mut command = None;
        if !self.lrs_filled {
            if let Some(c) = &lrs.config {
                self.lrs_endpoint = c.endpoint.clone();
                self.lrs_username = c.username.clone();
                self.lrs_home_page = c.home_page.clone();
                self.lrs_send_practice = c.send_practice;
            }
            self.lrs_filled = true;
        }
        ui.heading(tr!("manager-lrs-heading"));
        ui.label(tr!("manager-lrs-explained"));
        if let Some(p) = &lrs.problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.add_space(8.0);
        ui.label(egui::RichText::new(tr!("manager-lrs-sync")).strong());
        let s = &lrs.status;
        match &lrs.config {
            None => {
                ui.label(tr!("manager-lrs-none"));
            }
            Some(c) => {
                ui.label(tr!(
                    "manager-lrs-sending-to",
                    url = c.statements_url(),
                    username = c.username.as_str()
                ));
            }
        }
        ui.label(tr!(
            "manager-lrs-outbox",
            statements = s.pending_statements,
            pending = s.pending_attempts,
            sent = s.sent_attempts
        ));
        if s.rejected_attempts > 0 {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!("manager-lrs-rejected", rejected = s.rejected_attempts),
            );
        }
        ui.label(tr!(
            "manager-lrs-last-success",
            when = s
                .last_success_ms
                .map_or_else(|| tr!("manager-never"), crate::report::iso_utc)
        ));
        if let Some((at, why)) = &s.last_error {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!(
                    "manager-lrs-last-error",
                    at = crate::report::iso_utc(*at),
                    why = why.as_str()
                ),
            );
        }
        ui.horizontal(|ui| {
            if lrs.sending {
                ui.add(egui::Spinner::new());
                ui.label(tr!("manager-lrs-sending"));
            } else if let Some(next) = lrs.next_try_s.filter(|_| s.pending_attempts > 0) {
                ui.label(tr!("manager-lrs-next-try", seconds = next));
            }
            if ui
                .add_enabled(
                    lrs.config.is_some() && !lrs.sending && s.pending_attempts > 0,
                    egui::Button::new(tr!("manager-lrs-send-now")),
                )
                .clicked()
            {
                command = Some(Command::LrsSendNow);
            }
        });
        if let Some(m) = &lrs.message {
            ui.label(egui::RichText::new(m).strong());
        }
        ui.add_space(12.0);
        ui.label(egui::RichText::new(tr!("manager-lrs-settings")).strong());
        egui::Grid::new("lrs_settings")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                for (label, value, hint) in [
                    (
                        tr!("manager-lrs-endpoint"),
                        &mut self.lrs_endpoint,
                        // An example address, the same in every language.
                        "https://lrs.example.org/xAPI/".to_string(),
                    ),
                    (
                        tr!("manager-lrs-username"),
                        &mut self.lrs_username,
                        tr!("manager-lrs-username-hint"),
                    ),
                    (
                        tr!("manager-lrs-home-page"),
                        &mut self.lrs_home_page,
                        "https://www.example.org".to_string(),
                    ),
                ] {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .hint_text(hint)
                            .desired_width(360.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                }
                let l = ui.label(tr!("manager-lrs-password"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.lrs_password)
                        .password(true)
                        .hint_text(if lrs.config.is_some() {
                            tr!("manager-lrs-password-unchanged")
                        } else {
                            tr!("manager-lrs-password-hint")
                        })
                        .desired_width(360.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.checkbox(
            &mut self.lrs_send_practice,
            tr!("manager-lrs-send-practice"),
        );
        ui.label(egui::RichText::new(tr!("manager-lrs-password-kept")).small());
        let ready = !self.lrs_endpoint.trim().is_empty()
            && !self.lrs_username.trim().is_empty()
            && !self.lrs_home_page.trim().is_empty()
            && (lrs.config.is_some() || !self.lrs_password.is_empty());
        if ui
            .add_enabled(ready, egui::Button::new(tr!("manager-lrs-save")))
            .clicked()
        {
            command = Some(Command::SaveLrs {
                endpoint: self.lrs_endpoint.trim().to_string(),
                username: self.lrs_username.trim().to_string(),
                password: (!self.lrs_password.is_empty()).then(|| self.lrs_password.clone()),
                home_page: self.lrs_home_page.trim().to_string(),
                send_practice: self.lrs_send_practice,
            });
            self.lrs_password.clear();
        }
        command
    }

    /// The default pass mark and floor, and the scenarios required for readiness.
    fn standards_ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        let draft = self
            .standards_draft
            .get_or_insert_with(|| data.standards.clone());
        ui.heading(tr!("manager-standards-marks-heading"));
        ui.label(tr!("manager-standards-marks-explained"));
        egui::Grid::new("standard_marks")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(tr!("manager-standards-pass-mark"));
                ui.add(egui::DragValue::new(&mut draft.default_pass_mark).range(0..=100))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr!("manager-standards-floor"));
                ui.add(egui::DragValue::new(&mut draft.default_floor).range(0..=100))
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.heading(tr!("manager-standards-readiness-heading"));
        ui.label(tr!("manager-standards-readiness-explained"));
        let mut every = draft.required.is_none();
        if ui
            .radio_value(&mut every, true, tr!("manager-standards-every"))
            .clicked()
        {
            draft.required = None;
        }
        if ui
            .radio_value(&mut every, false, tr!("manager-standards-only-ticked"))
            .clicked()
            && draft.required.is_none()
        {
            draft.required = Some(
                data.library
                    .entries
                    .iter()
                    .map(|e| e.scenario.id.clone())
                    .collect(),
            );
        }
        if let Some(required) = &mut draft.required {
            for entry in &data.library.entries {
                let s = &entry.scenario;
                let mut on = required.contains(&s.id);
                let title = s.title.as_str();
                let text = match (s.pass_mark, s.floor) {
                    (Some(p), Some(f)) => tr!(
                        "manager-standards-own-both",
                        title = title,
                        pass = p,
                        floor = f
                    ),
                    (Some(p), None) => tr!("manager-standards-own-pass", title = title, pass = p),
                    (None, Some(f)) => {
                        tr!("manager-standards-own-floor", title = title, floor = f)
                    }
                    (None, None) => s.title.clone(),
                };
                if ui.checkbox(&mut on, text).changed() {
                    if on {
                        required.insert(s.id.clone());
                    } else {
                        required.remove(&s.id);
                    }
                }
            }
        }
        ui.add_space(8.0);
        let changed = draft != data.standards;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(changed, egui::Button::new(tr!("manager-standards-save")))
                .clicked()
            {
                command = Some(Command::SaveStandards(draft.clone()));
            }
            if ui
                .add_enabled(changed, egui::Button::new(tr!("manager-standards-undo")))
                .clicked()
            {
                *draft = data.standards.clone();
            }
        });
        if let Some(m) = data.standards_message {
            ui.label(m);
        }
        command
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui, data: &ManagerData<'_>) -> Option<Command> {
        let mut command = None;
        ui.heading(tr!("manager-pins-heading"));
        ui.label(tr!("manager-pins-explained"));
        ui.horizontal(|ui| {
            ui.label(tr!("manager-pins-for"));
            ui.selectable_value(
                &mut self.pin_role,
                Role::Manager,
                tr!("manager-pins-role-manager"),
            );
            let trainer = if data.trainer_pin_set {
                tr!("manager-pins-role-trainer")
            } else {
                tr!("manager-pins-role-trainer-unset")
            };
            ui.selectable_value(&mut self.pin_role, Role::Trainer, trainer);
        });
        let mut enter = false;
        egui::Grid::new("pin_settings")
            .num_columns(2)
            .show(ui, |ui| {
                if self.pin_role == Role::Manager {
                    enter |= password_row(
                        ui,
                        &tr!("manager-pins-current"),
                        &mut self.current_pin,
                        160.0,
                    )
                    .1;
                }
                enter |= password_row(ui, &tr!("manager-pins-new"), &mut self.new_pin, 160.0).1;
                enter |=
                    password_row(ui, &tr!("manager-pins-again"), &mut self.confirm_pin, 160.0).1;
            });
        if ui.button(tr!("manager-pins-save")).clicked() || enter {
            if self.new_pin != self.confirm_pin {
                self.settings_message = Some(tr!("manager-pins-differ"));
            } else {
                command = Some(Command::ChangePin {
                    role: self.pin_role,
                    current: self.current_pin.clone(),
                    pin: self.new_pin.clone(),
                });
            }
            self.current_pin.clear();
            self.new_pin.clear();
            self.confirm_pin.clear();
        }
        ui.add_space(12.0);
        ui.heading(tr!("manager-trainee-pins-heading"));
        let mut required = data.trainee_pins_required;
        if ui
            .checkbox(&mut required, tr!("manager-trainee-pins-required"))
            .on_hover_text(tr!("manager-trainee-pins-required-hover"))
            .changed()
        {
            command = Some(Command::RequireTraineePins(required));
        }
        if let Some(m) = &self.settings_message {
            ui.add_space(8.0);
            ui.label(m);
        }
        command
    }
}

/// The audit log, newest first.
fn audit_ui(ui: &mut egui::Ui, entries: &[crate::audit::AuditEntry]) {
    ui.label(tr!("manager-audit-explained"));
    if entries.is_empty() {
        ui.label(tr!("manager-audit-empty"));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show_rows(ui, ROW_HEIGHT, entries.len(), |ui, range| {
            for e in &entries[range] {
                ui.horizontal(|ui| {
                    let when = crate::report::iso_utc(e.at_ms)
                        .replace('T', " ")
                        .replace('Z', "");
                    cell(ui, 170.0, when);
                    cell(ui, 90.0, e.by.as_str());
                    ui.label(&e.action);
                });
            }
        });
}

/// The running or finished job: a progress bar with Cancel, or its result.
fn job_status(ui: &mut egui::Ui, status: &ExportStatus) -> Option<Command> {
    let mut command = None;
    match status {
        ExportStatus::Idle => {}
        ExportStatus::Running {
            what,
            unit,
            done,
            total,
        } => {
            let bar = if *total == 0 {
                egui::ProgressBar::new(0.0)
                    .animate(true)
                    .text(tr!("manager-job-starting", what = what.as_str()))
            } else {
                egui::ProgressBar::new(*done as f32 / *total as f32).text(tr!(
                    "manager-job-progress",
                    what = what.as_str(),
                    done = *done,
                    total = *total,
                    unit = match *unit {
                        "trainees" => tr!("manager-unit-trainees"),
                        "files" => tr!("manager-unit-files"),
                        other => other.to_string(),
                    }
                ))
            };
            ui.add(bar);
            if ui.button(tr!("manager-cancel")).clicked() {
                command = Some(Command::CancelExport);
            }
        }
        ExportStatus::Finished(message) => {
            ui.colored_label(score_colour(ui, 100.0), message);
        }
        ExportStatus::Failed(message) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
    }
    command
}

/// The scenario version an attempt was played on, marked where the scenario had been
/// edited since the trainee's previous attempt at it.
fn version_cell(ui: &mut egui::Ui, width: f32, r: &AttemptRow, edited: bool) {
    let short: String = r.about.scenario_version.chars().take(8).collect();
    if edited {
        cell(
            ui,
            width,
            egui::RichText::new(tr!("manager-version-edited", version = short))
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text(tr!("manager-version-edited-hover"));
    } else {
        cell(ui, width, short);
    }
}

fn attempt_row(ui: &mut egui::Ui, widths: &[f32; 10], r: &AttemptRow, library: &Library) {
    cell(ui, widths[0], day(r.finished_ms));
    let title = library
        .get(&r.about.scenario_id)
        .map_or(r.about.scenario_id.as_str(), |e| e.scenario.title.as_str());
    cell(ui, widths[1], title);
    cell(
        ui,
        widths[2],
        match r.about.kind {
            AttemptKind::Assessment => tr!("manager-kind-assessment"),
            AttemptKind::Practice => tr!("manager-kind-practice"),
        },
    );
    score_cell(ui, widths[3], Some(r.scores.active_listening));
    score_cell(ui, widths[4], Some(r.scores.ownership));
    score_cell(ui, widths[5], Some(r.scores.exceeding_expectations));
    score_cell(ui, widths[6], Some(r.overall));
    cell(ui, widths[7], labels::outcome(r.outcome));
}

/// Each dimension's score over the trainee's assessment attempts.
fn history_chart(ui: &mut egui::Ui, rows: &[AttemptRow]) {
    let only: Vec<&AttemptRow> = rows
        .iter()
        .filter(|r| r.about.kind == AttemptKind::Assessment)
        .collect();
    // Marked between the assessments plotted, so an edit made while the trainee only
    // practised still shows between the two assessments around it.
    let changed = crate::report::version_changes(only.iter().copied());
    let assessed: Vec<(&AttemptRow, bool)> = only.into_iter().zip(changed).collect();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr!("manager-chart-heading")).strong());
        // The key sits above the chart so that it never hides a line.
        for d in Dimension::ALL {
            ui.colored_label(
                dimension_colour(ui, d),
                format!("{} {}", dimension_mark(d), labels::dimension(d)),
            );
        }
    });
    if assessed.iter().any(|(_, edited)| *edited) {
        ui.label(egui::RichText::new(tr!("manager-chart-edited")).small());
    }
    if assessed.is_empty() {
        ui.label(tr!("manager-chart-practice-only"));
        return;
    }
    let colours = Dimension::ALL.map(|d| dimension_colour(ui, d));
    let names = Dimension::ALL.map(labels::dimension);
    let edited_name = tr!("manager-chart-scenario-edited");
    let ui_weak = ui.visuals().weak_text_color();
    Plot::new("trainee_history")
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .x_axis_label(tr!("manager-chart-x"))
        .y_axis_label(tr!("manager-chart-y"))
        .allow_scroll(false)
        .show(ui, |plot| {
            for d in Dimension::ALL {
                let points: Vec<[f64; 2]> = assessed
                    .iter()
                    .enumerate()
                    .map(|(i, (r, _))| [(i + 1) as f64, r.scores.get(d)])
                    .collect();
                let colour = colours[d.index()];
                plot.line(
                    Line::new(names[d.index()].as_str(), PlotPoints::from(points))
                        .color(colour)
                        .style(dimension_line_style(d))
                        .width(2.0),
                );
            }
            for (i, _) in assessed
                .iter()
                .enumerate()
                .filter(|(_, (_, edited))| *edited)
            {
                plot.vline(
                    egui_plot::VLine::new(edited_name.as_str(), i as f64 + 0.5)
                        .style(egui_plot::LineStyle::dotted_dense())
                        .color(ui_weak),
                );
            }
        });
}

fn cohort_ui(ui: &mut egui::Ui, data: &ManagerData<'_>) {
    let cohort = &data.roster.cohort;
    if cohort.scenarios.is_empty() {
        ui.add_space(20.0);
        ui.label(tr!("manager-cohort-empty"));
        return;
    }
    let title = |id: &str| {
        data.library
            .get(id)
            .map_or(id.to_string(), |e| e.scenario.title.clone())
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            ui.label(egui::RichText::new(tr!("manager-cohort-heading")).strong());
            egui::Grid::new("cohort_scenarios")
                .num_columns(8)
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for h in [
                        tr!("manager-col-scenario"),
                        tr!("manager-col-attempts"),
                        tr!("manager-col-trainees"),
                        tr!("manager-col-listen"),
                        tr!("manager-col-own"),
                        tr!("manager-col-exceed"),
                        tr!("manager-col-overall"),
                        tr!("manager-col-outcomes"),
                    ] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for s in &cohort.scenarios {
                        ui.label(title(&s.scenario_id));
                        ui.label(s.attempts.to_string());
                        ui.label(s.trainees.to_string());
                        for d in [
                            Some(Dimension::ActiveListening),
                            Some(Dimension::Ownership),
                            Some(Dimension::ExceedingExpectations),
                            None,
                        ] {
                            let v = Scores::get(&s.average, d);
                            ui.colored_label(score_colour(ui, v), format!("{v:.0}"));
                        }
                        outcome_bar(ui, s.outcomes);
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            ui.label(egui::RichText::new(tr!("manager-hard-heading")).strong());
            ui.label(
                egui::RichText::new(tr!(
                    "manager-hard-explained",
                    below = crate::report::WRONG_BELOW
                ))
                .small(),
            );
            if cohort.hard_turns.is_empty() {
                ui.label(tr!("manager-hard-none"));
            }
            egui::Grid::new("hard_turns")
                .num_columns(4)
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for h in [
                        tr!("manager-col-trainees-wrong"),
                        tr!("manager-col-scenario"),
                        tr!("manager-col-customer-said"),
                        tr!("manager-col-mean-score"),
                    ] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for t in cohort.hard_turns.iter().take(12) {
                        ui.label(tr!(
                            "manager-hard-share",
                            wrong = t.wrong,
                            reached = t.reached,
                            percent = format!("{:.0}", t.wrong_share() * 100.0)
                        ))
                        .on_hover_text(tr!(
                            "manager-hard-share-hover",
                            wrong = t.wrong,
                            reached = t.reached,
                            below = crate::report::WRONG_BELOW
                        ));
                        ui.label(title(&t.scenario_id));
                        let said = data
                            .library
                            .get(&t.scenario_id)
                            .and_then(|e| line_before(&e.scenario, &t.node))
                            .unwrap_or_else(|| tr!("manager-hard-turn", node = t.node.as_str()));
                        ui.allocate_ui_with_layout(
                            egui::vec2(440.0, 20.0),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.set_width(440.0);
                                ui.add(
                                    egui::Label::new(tr!("manager-quoted", said = said.as_str()))
                                        .truncate(),
                                )
                                .on_hover_text(&said);
                            },
                        );
                        ui.colored_label(
                            score_colour(ui, t.mean_score),
                            format!("{:.0}", t.mean_score),
                        );
                        ui.end_row();
                    }
                });
        });
}

/// What the customer said just before a turn: the line whose `next` is that turn.
fn line_before(scenario: &crate::scenario::Scenario, node: &str) -> Option<String> {
    scenario.nodes.iter().find_map(|n| match n {
        Node::Line(l) if l.next == node => Some(l.say.clone()),
        _ => None,
    })
}

/// Lost, recovered and advocate as a stacked bar with the counts.
fn outcome_bar(ui: &mut egui::Ui, counts: [usize; 3]) {
    let total = counts.iter().sum::<usize>().max(1) as f32;
    let width = 200.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
    let mut x = rect.left();
    for (count, outcome) in counts.iter().zip(Outcome::ALL) {
        let w = width * *count as f32 / total;
        let colour = score_colour(
            ui,
            match outcome {
                Outcome::Lost => 0.0,
                Outcome::Recovered => 60.0,
                Outcome::Advocate => 100.0,
            },
        );
        let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w, rect.height()));
        ui.painter().rect_filled(r, 0.0, colour);
        x += w;
    }
    response.on_hover_text(tr!(
        "manager-outcomes-hover",
        lost = counts[0],
        recovered = counts[1],
        advocate = counts[2]
    ));
    ui.label(format!("{} / {} / {}", counts[0], counts[1], counts[2]));
}

/// The manager area while every trainee's rows are read: how far it got, and a way out.
pub fn loading_ui(ui: &mut egui::Ui, done: usize, total: usize) -> Option<Command> {
    ui.add_space(24.0);
    ui.heading(tr!("manager-loading-heading"));
    let what = if total == 0 {
        tr!("manager-loading")
    } else {
        tr!("manager-loading-progress", done = done, total = total)
    };
    let label = ui.label(&what);
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(360.0)
            .show_percentage(),
    )
    .labelled_by(label.id);
    ui.add_space(8.0);
    ui.button(tr!("manager-cancel"))
        .on_hover_text(tr!("manager-loading-cancel-hover"))
        .clicked()
        .then_some(Command::LeaveManager)
}
