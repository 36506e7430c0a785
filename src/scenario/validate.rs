//! Judging a parsed scenario: every problem, each with a severity and a location.
//!
//! Pure: it takes the scenario, its source text (to locate problems) and a way to ask
//! whether an audio clip exists, so it never touches the disk itself. It never stops at
//! the first problem.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use super::diagnostic::{Diagnostic, Severity, SourceFile, did_you_mean};
use super::graph::{Graph, nodes_on_cycles};
use super::locate::{NodeSpans, find_field, find_value};
use super::model::{
    Choice, Customer, FORMAT_VERSION, FreeTextTurn, Levels, MAX_LEVEL, Node, Scenario,
};
use crate::engine::rules;

/// Every problem in `scenario`, in file order. `audio_exists` answers whether a clip named
/// in the file can be found.
pub fn validate(
    scenario: &Scenario,
    source: &SourceFile,
    audio_exists: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut v = Validator {
        scenario,
        source,
        found: Vec::new(),
        spans: OnceCell::new(),
    };
    v.metadata();
    let ids = v.node_ids();
    v.links(&ids);
    for node in &scenario.nodes {
        v.node(node, audio_exists);
    }
    // Graph checks only make sense when every link resolves.
    if !v.found.iter().any(Diagnostic::is_error) {
        v.graph();
        v.outcomes();
    }
    v.found.extend(super::translations::check(scenario, source));
    let mut found = std::mem::take(&mut v.found);
    found.sort_by_key(|d| (d.span.start, d.severity));
    if !found.is_empty() {
        name_nodes(&mut found, v.spans());
    }
    found
}

/// True when `Validator::node` would find nothing to report in `node`. It must reject
/// every case that method reports; it only saves locating a node that has no problem.
fn node_is_clean(node: &Node, audio_exists: &dyn Fn(&str) -> bool) -> bool {
    let blank = |t: &str| t.trim().is_empty();
    let clip_ok = |clip: Option<&str>| clip.is_none_or(audio_exists);
    match node {
        Node::Line(line) => !blank(&line.say) && clip_ok(line.audio.as_deref()),
        Node::Ending(ending) => !blank(&ending.say) && clip_ok(ending.audio.as_deref()),
        Node::Choice(turn) => {
            (2..=4).contains(&turn.choices.len())
                && !blank(&turn.model)
                && turn.choices.iter().all(choice_is_clean)
        }
        Node::FreeText(turn) => {
            let mut thresholds = HashSet::new();
            !turn.branches.is_empty()
                && !blank(&turn.model)
                && turn
                    .branches
                    .iter()
                    .all(|b| b.at_least <= 100 && thresholds.insert(b.at_least))
                && thresholds.contains(&0)
                && (turn.choices.is_empty() || (2..=4).contains(&turn.choices.len()))
                && turn.choices.iter().all(choice_is_clean)
        }
    }
}

/// True when `Validator::choices` would find nothing to report in this choice.
fn choice_is_clean(c: &Choice) -> bool {
    !c.text.trim().is_empty()
        && !c.feedback.trim().is_empty()
        && super::model::Dimension::ALL
            .iter()
            .all(|d| c.levels.get(*d) <= MAX_LEVEL)
}

/// Sets each located diagnostic's `node`: the node whose declaration it falls in.
pub fn name_nodes(found: &mut [Diagnostic], spans: &NodeSpans) {
    for d in found {
        if d.node.is_none() && d.span.end > 0 {
            d.node = spans.node_at(d.span.start).map(str::to_string);
        }
    }
}

struct Validator<'a> {
    scenario: &'a Scenario,
    source: &'a SourceFile,
    found: Vec<Diagnostic>,
    /// Where each node is declared, found in one pass over the text: looking each node
    /// up from the start made validation quadratic (49 s at 10,000 nodes). Built on the
    /// first problem found: that pass (and the masked text it reads) is most of what
    /// checking a clean 10,000-node file would cost.
    spans: OnceCell<NodeSpans>,
}

impl<'a> Validator<'a> {
    fn report(&mut self, severity: Severity, span: Range<usize>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::new(severity, self.source, span, message));
    }

    /// Where a top-level field is written, or the file's start.
    fn field_span(&self, field: &str) -> Range<usize> {
        find_field(self.source.code(), field, 0).unwrap_or(0..0)
    }

    fn spans(&self) -> &NodeSpans {
        self.spans
            .get_or_init(|| NodeSpans::new(self.scenario, self.source))
    }

    /// Where the node with this id is declared (its `id: "..."`), by occurrence.
    fn node_span(&self, id: &str, occurrence: usize) -> Range<usize> {
        self.spans().node(id, occurrence)
    }

    fn metadata(&mut self) {
        let s = self.scenario;
        if s.format != FORMAT_VERSION {
            let span = self.field_span("format");
            self.report(
                Severity::Error,
                span,
                format!(
                    "format {} is not supported; expected format: {FORMAT_VERSION}",
                    s.format
                ),
            );
        }
        if s.id.trim().is_empty() {
            let span = self.field_span("id");
            self.report(Severity::Error, span, "the scenario id is empty");
        } else if !s
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            let span = self.field_span("id");
            self.report(
                Severity::Warning,
                span,
                format!(
                    "scenario id `{}` should be lower-case letters, digits and dashes",
                    s.id
                ),
            );
        }
        for (field, text) in [
            ("title", &s.title),
            ("industry", &s.industry),
            ("summary", &s.summary),
        ] {
            self.empty_text(field, text, 0);
        }
        for (field, value) in [("pass_mark", s.pass_mark), ("floor", s.floor)] {
            if let Some(v) = value.filter(|v| *v > 100) {
                let span = self.field_span(field);
                self.report(
                    Severity::Error,
                    span,
                    format!("{field} is {v}; expected 0-100"),
                );
            }
        }
        self.customer(&s.customer);
    }

    /// Where the `customer` field starts; only looked for when it has a problem.
    fn customer_at(&self) -> usize {
        find_field(self.source.code(), "customer", 0).map_or(0, |r| r.start)
    }

    fn customer(&mut self, c: &Customer) {
        for (field, text) in [
            ("name", &c.name),
            ("problem", &c.problem),
            ("wants", &c.wants),
        ] {
            if text.trim().is_empty() {
                let at = self.customer_at();
                self.empty_text(field, text, at);
            }
        }
        for (field, value) in [
            ("mood", c.mood),
            ("loyalty_baseline", c.loyalty_baseline),
            ("damage", c.damage),
        ] {
            if value > 100 {
                let span =
                    find_field(self.source.code(), field, self.customer_at()).unwrap_or(0..0);
                self.report(
                    Severity::Error,
                    span,
                    format!("{field} is {value}; expected 0-100"),
                );
            }
        }
        if let Some(t) = c.recovery_threshold.filter(|t| *t > c.loyalty_baseline) {
            let span = find_field(self.source.code(), "recovery_threshold", self.customer_at())
                .unwrap_or(0..0);
            self.report(
                Severity::Error,
                span,
                format!(
                    "recovery_threshold {t} is above loyalty_baseline {}; expected at most the baseline",
                    c.loyalty_baseline
                ),
            );
        }
        if c.look.skin > 5 {
            let span = find_field(self.source.code(), "skin", self.customer_at()).unwrap_or(0..0);
            self.report(
                Severity::Error,
                span,
                format!("skin is {}; expected 0-5", c.look.skin),
            );
        }
        if c.patience == 0 {
            let span =
                find_field(self.source.code(), "patience", self.customer_at()).unwrap_or(0..0);
            self.report(
                Severity::Error,
                span,
                "patience is 0; expected the seconds a customer waits (30-60 is typical)",
            );
        }
    }

    /// Warns about an empty text field found after byte `from`.
    fn empty_text(&mut self, field: &str, text: &str, from: usize) {
        if text.trim().is_empty() {
            let span = find_field(self.source.code(), field, from).unwrap_or(from..from);
            self.report(Severity::Warning, span, format!("`{field}` is empty"));
        }
    }

    /// Reports duplicate ids; returns the set of ids that exist.
    fn node_ids(&mut self) -> BTreeSet<&'a str> {
        let mut seen: BTreeMap<&'a str, usize> = BTreeMap::new();
        let nodes = &self.scenario.nodes;
        for node in nodes {
            let id = node.id();
            let count = seen.entry(id).or_insert(0);
            *count += 1;
            if id.trim().is_empty() {
                let span = self.node_span(id, *count - 1);
                self.report(
                    Severity::Error,
                    span,
                    format!("a {} node has an empty id", node.kind()),
                );
            } else if *count > 1 {
                let span = self.node_span(id, *count - 1);
                self.report(
                    Severity::Error,
                    span,
                    format!("duplicate node id `{id}`; every node needs its own id"),
                );
            }
        }
        seen.into_keys().collect()
    }

    fn links(&mut self, ids: &BTreeSet<&str>) {
        let s = self.scenario;
        if !ids.contains(s.start.as_str()) {
            let span = find_value(self.source, "start", &s.start, 0, 0)
                .unwrap_or_else(|| self.field_span("start"));
            self.missing_link(span, "start", &s.start, ids);
        }
        for node in &s.nodes {
            for target in node.links() {
                if !ids.contains(target) {
                    let at = self.node_span(node.id(), 0).start;
                    let span = find_value(self.source, "next", target, at, 0).unwrap_or(at..at);
                    self.missing_link(span, node.id(), target, ids);
                }
            }
        }
    }

    fn missing_link(&mut self, span: Range<usize>, from: &str, target: &str, ids: &BTreeSet<&str>) {
        let mut d = Diagnostic::new(
            Severity::Error,
            self.source,
            span,
            format!("`{from}` links to `{target}`, but no node has that id"),
        );
        if let Some(near) = did_you_mean(target, ids.iter().copied()) {
            d = d.with_help(format!("did you mean `{near}`?"));
        }
        self.found.push(d);
    }

    fn node(&mut self, node: &Node, audio_exists: &dyn Fn(&str) -> bool) {
        // Locating anything means indexing the whole text; a clean node needs none of it.
        if node_is_clean(node, audio_exists) {
            return;
        }
        let at = self.node_span(node.id(), 0).start;
        match node {
            Node::Line(line) => {
                self.empty_text("say", &line.say, at);
                self.audio(line.audio.as_deref(), at, audio_exists);
            }
            Node::Ending(ending) => {
                self.empty_text("say", &ending.say, at);
                self.audio(ending.audio.as_deref(), at, audio_exists);
            }
            Node::Choice(turn) => {
                let n = turn.choices.len();
                if !(2..=4).contains(&n) {
                    self.report(
                        Severity::Error,
                        at..at,
                        format!("choice turn `{}` has {n} choices; expected 2-4", turn.id),
                    );
                }
                self.choices(&turn.choices, at);
                self.model(&turn.model, &turn.id, at);
            }
            Node::FreeText(turn) => {
                self.branches(turn, at);
                self.model(&turn.model, &turn.id, at);
                let n = turn.choices.len();
                if n > 0 {
                    let field = find_field(self.source.code(), "choices", at);
                    if !(2..=4).contains(&n) {
                        let span = field.clone().unwrap_or(at..at);
                        self.report(
                            Severity::Error,
                            span,
                            format!(
                                "free-text turn `{}` offers {n} choices instead of typing; expected 2-4",
                                turn.id
                            ),
                        );
                    }
                    self.choices(&turn.choices, field.map_or(at, |f| f.end));
                }
            }
        }
    }

    /// Empty texts and levels out of range in a turn's choices, written from `from` on.
    fn choices(&mut self, choices: &[Choice], from: usize) {
        let mut from = from;
        for choice in choices {
            let span = find_field(self.source.code(), "text", from).unwrap_or(from..from);
            from = span.end;
            if choice.text.trim().is_empty() {
                self.report(Severity::Warning, span.clone(), "`text` is empty");
            }
            if choice.feedback.trim().is_empty() {
                let fb =
                    find_field(self.source.code(), "feedback", span.start).unwrap_or(span.clone());
                self.report(Severity::Warning, fb, "`feedback` is empty");
            }
            self.levels(&choice.levels, span.start);
        }
    }

    fn levels(&mut self, levels: &Levels, from: usize) {
        for d in super::model::Dimension::ALL {
            let level = levels.get(d);
            if level > MAX_LEVEL {
                let field = serde_name(d);
                let span = find_field(self.source.code(), field, from).unwrap_or(from..from);
                self.report(
                    Severity::Error,
                    span,
                    format!("{field} level is {level}; expected 0-{MAX_LEVEL}"),
                );
            }
        }
    }

    fn model(&mut self, model: &str, id: &str, at: usize) {
        if model.trim().is_empty() {
            let span = find_field(self.source.code(), "model", at).unwrap_or(at..at);
            self.report(
                Severity::Warning,
                span,
                format!("turn `{id}` has no model answer; the debrief shows one beside each reply"),
            );
        }
    }

    fn branches(&mut self, turn: &FreeTextTurn, at: usize) {
        if turn.branches.is_empty() {
            self.report(
                Severity::Error,
                at..at,
                format!("free-text turn `{}` has no branches; expected at least `(at_least: 0, next: ...)`", turn.id),
            );
            return;
        }
        let mut thresholds = HashSet::new();
        for b in &turn.branches {
            if b.at_least > 100 {
                let span = find_field(self.source.code(), "at_least", at).unwrap_or(at..at);
                self.report(
                    Severity::Error,
                    span,
                    format!("at_least is {}; expected 0-100", b.at_least),
                );
            }
            if !thresholds.insert(b.at_least) {
                self.report(
                    Severity::Warning,
                    at..at,
                    format!(
                        "free-text turn `{}` has two branches at {}; only the first is used",
                        turn.id, b.at_least
                    ),
                );
            }
        }
        if !thresholds.contains(&0) {
            self.report(
                Severity::Warning,
                at..at,
                format!("free-text turn `{}` has no `at_least: 0` branch; low scores fall to the lowest branch", turn.id),
            );
        }
    }

    fn audio(&mut self, clip: Option<&str>, at: usize, audio_exists: &dyn Fn(&str) -> bool) {
        if let Some(clip) = clip
            && !audio_exists(clip)
        {
            let span = find_value(self.source, "audio", clip, at, 0)
                .or_else(|| find_field(self.source.code(), "audio", at))
                .unwrap_or(at..at);
            self.report(
                Severity::Warning,
                span,
                format!("audio clip `{clip}` not found in the library's assets folder"),
            );
        }
    }

    /// Reachability, dead ends and loops with no exit.
    fn graph(&mut self) {
        let s = self.scenario;
        if !s.nodes.iter().any(|n| matches!(n, Node::Ending(_))) {
            self.report(
                Severity::Error,
                self.field_span("nodes"),
                "the scenario has no Ending node, so it can never finish",
            );
        }
        let graph = Graph::of(s);
        if graph.start.is_none() {
            return;
        }
        let (reachable, can_end) = (&graph.reachable, &graph.can_end);
        // Finding loops costs a search per node; only stuck nodes need it.
        let cyclic = if (0..s.nodes.len()).any(|i| graph.is_dead_end(i)) {
            nodes_on_cycles(&graph.edges)
        } else {
            vec![false; s.nodes.len()]
        };
        let mut loop_reported = BTreeSet::new();
        for (i, node) in s.nodes.iter().enumerate() {
            if reachable[i] && can_end[i] {
                continue;
            }
            let span = self.node_span(node.id(), 0);
            if !reachable[i] {
                self.report(
                    Severity::Warning,
                    span,
                    format!("node `{}` is unreachable from `{}`", node.id(), s.start),
                );
            } else if !can_end[i] {
                if cyclic[i] {
                    if loop_reported.insert(i) {
                        // Name the whole loop once, from its first node in the file.
                        let members: Vec<&str> = s
                            .nodes
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| cyclic[*j] && !can_end[*j] && reachable[*j])
                            .map(|(_, n)| n.id())
                            .collect();
                        for (j, _) in s
                            .nodes
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| cyclic[*j] && !can_end[*j])
                        {
                            loop_reported.insert(j);
                        }
                        self.report(
                            Severity::Error,
                            span,
                            format!(
                                "loop with no exit: {} lead only to each other, never to an ending",
                                members.join(", ")
                            ),
                        );
                    }
                } else {
                    self.report(
                        Severity::Error,
                        span,
                        format!("no ending can be reached from node `{}`", node.id()),
                    );
                }
            }
        }
    }

    /// Warns about endings whose intended outcome no route can produce.
    fn outcomes(&mut self) {
        let possible = rules::reachable_outcomes(self.scenario);
        for node in &self.scenario.nodes {
            let Node::Ending(ending) = node else { continue };
            let Some(outcomes) = possible.get(ending.id.as_str()) else {
                continue; // unreachable: reported by the graph check
            };
            if !outcomes.contains(&ending.intends) {
                let at = self.node_span(&ending.id, 0).start;
                let span = find_field(self.source.code(), "intends", at).unwrap_or(at..at);
                let can: Vec<&str> = outcomes.iter().map(|o| o.label()).collect();
                self.report(
                    Severity::Warning,
                    span,
                    format!(
                        "ending `{}` intends {}, but no route to it can produce that; routes here produce: {}",
                        ending.id,
                        ending.intends.label(),
                        if can.is_empty() { "nothing".to_string() } else { can.join(", ") },
                    ),
                );
            }
        }
    }
}

fn serde_name(d: super::model::Dimension) -> &'static str {
    match d {
        super::model::Dimension::ActiveListening => "active_listening",
        super::model::Dimension::Ownership => "ownership",
        super::model::Dimension::ExceedingExpectations => "exceeding_expectations",
    }
}
