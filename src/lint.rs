//! Recovery lints: problems of service-recovery craft in a scenario that is otherwise
//! sound. The validator asks whether a file can play; these ask whether it teaches the
//! right thing. Every lint is a warning, located like any other diagnostic.
//!
//! Pure: it takes the parsed scenario, its text (to locate what it finds) and a scorer.

use std::collections::{HashMap, VecDeque};

use crate::scenario::graph::Graph;
use crate::scenario::{Diagnostic, Node, NodeSpans, Outcome, Scenario, Severity, SourceFile};
use crate::scoring::{ReplyInput, Scorer};

/// The ownership level a reply needs to count as owning the problem.
pub const OWNING_LEVEL: u8 = 3;

/// The lowest level a model answer should earn from the scorer on every dimension.
pub const MODEL_LEVEL: u8 = 3;

/// Wording that hands the problem to someone or something else. Matched in lower case
/// at word boundaries.
pub const BLAME_WORDING: &[&str] = &[
    "policy",
    "you should have",
    "not my department",
    "not my fault",
    "not our fault",
    "your fault",
    "their fault",
    "the system",
    "out of my hands",
    "nothing i can do",
    "someone else's",
];

/// Every recovery lint for `scenario`, in file order.
pub fn lint(scenario: &Scenario, source: &SourceFile, scorer: &Scorer) -> Vec<Diagnostic> {
    let spans = NodeSpans::new(scenario, source);
    let mut found = Vec::new();
    let mut warn = |span: std::ops::Range<usize>, node: &str, message: String| {
        let mut d = Diagnostic::new(Severity::Warning, source, span, message);
        d.node = Some(node.to_string());
        found.push(d);
    };
    let graph = Graph::of(scenario);
    let said_before = customer_lines_before(scenario, &graph);
    // Only this node's own text is searched, so a field it leaves out is never found in
    // the next node.
    let field = |name: &str, from: usize, extent: &std::ops::Range<usize>| {
        crate::scenario::find_field(source.code(), name, from).filter(|r| r.start < extent.end)
    };
    for node in &scenario.nodes {
        let at = spans.node(node.id(), 0).start;
        let extent = spans.extent(at);
        // A choice turn's replies, and the replies a typed turn offers instead of typing.
        let choices = match node {
            Node::Choice(turn) => Some((&turn.id, &turn.choices, at)),
            Node::FreeText(turn) => Some((
                &turn.id,
                &turn.choices,
                field("choices", at, &extent).map_or(at, |f| f.end),
            )),
            Node::Line(_) | Node::Ending(_) => None,
        };
        if let Some((id, choices, mut from)) = choices {
            for choice in choices {
                let span = field("text", from, &extent).unwrap_or(from..from);
                from = span.end;
                if choice.levels.ownership < OWNING_LEVEL {
                    continue;
                }
                if let Some(words) = blame_in(&choice.text) {
                    warn(
                        span,
                        id,
                        format!(
                            "a reply in `{id}` says \"{words}\", which hands the problem to someone else, but is authored with ownership {}; blaming anyone should score ownership 0-1",
                            choice.levels.ownership
                        ),
                    );
                }
            }
        }
        match node {
            Node::FreeText(turn) if turn.hints.facts.is_empty() => {
                let span = field("hints", at, &extent).unwrap_or_else(|| spans.node(&turn.id, 0));
                warn(
                    span,
                    &turn.id,
                    format!(
                        "free-text turn `{}` lists no facts, so the scorer cannot tell a restatement from a guess; add the customer's facts under `hints: (facts: [...])`",
                        turn.id
                    ),
                );
            }
            _ => {}
        }
        let (model, hints) = match node {
            Node::Choice(t) => (t.model.as_str(), None),
            Node::FreeText(t) => (t.model.as_str(), Some(&t.hints)),
            _ => continue,
        };
        if model.trim().is_empty() {
            continue; // the validator already reports a missing model answer
        }
        let assessment = scorer.assess(&ReplyInput {
            customer: said_before.get(node.id()).copied().unwrap_or(""),
            reply: model,
            hints,
        });
        if !assessment.supported {
            continue;
        }
        let weak: Vec<String> = crate::scenario::Dimension::ALL
            .into_iter()
            .filter(|d| assessment.levels.get(*d) < MODEL_LEVEL)
            .map(|d| format!("{} {}", d.label(), assessment.levels.get(d)))
            .collect();
        if !weak.is_empty() {
            let span = field("model", at, &extent).unwrap_or(at..at);
            warn(
                span,
                node.id(),
                format!(
                    "the model answer for `{}` scores only {} with the reply scorer (below {MODEL_LEVEL}); a model answer should show trainees the best reply. {}",
                    node.id(),
                    weak.join(", "),
                    assessment.tip()
                ),
            );
        }
    }
    found.extend(ownerless_routes(scenario, source, &spans, &graph));
    found.sort_by_key(|d| d.span.start);
    found
}

/// The first blame wording in `text`, when there is one.
pub fn blame_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    BLAME_WORDING.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// For each node, the last thing the customer said before it on the first route that
/// reaches it: what play hands the scorer with a reply there.
fn customer_lines_before<'a>(scenario: &'a Scenario, graph: &Graph) -> HashMap<&'a str, &'a str> {
    let mut before: HashMap<&str, &str> = HashMap::new();
    let Some(start) = graph.start else {
        return before;
    };
    let mut seen = vec![false; scenario.nodes.len()];
    seen[start] = true;
    let mut queue = VecDeque::from([(start, "")]);
    while let Some((at, said)) = queue.pop_front() {
        let node = &scenario.nodes[at];
        before.insert(node.id(), said);
        let said = match node {
            Node::Line(line) => line.say.as_str(),
            _ => said,
        };
        for &next in &graph.edges[at] {
            if !seen[next] {
                seen[next] = true;
                queue.push_back((next, said));
            }
        }
    }
    before
}

/// Endings meant to be good (recovered or advocate) that a route reaches with no reply
/// owning the problem: no choice with ownership 3 or more, and no typed reply whose
/// branch needs at least the scenario's floor.
fn ownerless_routes(
    scenario: &Scenario,
    source: &SourceFile,
    spans: &NodeSpans,
    graph: &Graph,
) -> Vec<Diagnostic> {
    let Some(start) = graph.start else {
        return Vec::new();
    };
    let n = scenario.nodes.len();
    // Searching states (node, owned so far); only un-owned states matter, so the
    // search follows un-owning links alone.
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut seen = vec![false; n];
    seen[start] = true;
    let mut queue = VecDeque::from([start]);
    let floor = scenario.floor();
    while let Some(at) = queue.pop_front() {
        let unowned: Vec<&str> = match &scenario.nodes[at] {
            Node::Line(l) => vec![l.next.as_str()],
            Node::Choice(t) => t
                .choices
                .iter()
                .filter(|c| c.levels.ownership < OWNING_LEVEL)
                .map(|c| c.next.as_str())
                .collect(),
            // A typed turn's low branches, and its fallback choices that do not own the
            // problem (offered in a language the scorer cannot read).
            Node::FreeText(t) => t
                .branches
                .iter()
                .filter(|b| b.at_least < floor)
                .map(|b| b.next.as_str())
                .chain(
                    t.choices
                        .iter()
                        .filter(|c| c.levels.ownership < OWNING_LEVEL)
                        .map(|c| c.next.as_str()),
                )
                .collect(),
            Node::Ending(_) => Vec::new(),
        };
        for next in unowned {
            if let Some(&j) = graph.index.get(next)
                && !seen[j]
            {
                seen[j] = true;
                parent[j] = Some(at);
                queue.push_back(j);
            }
        }
    }
    let mut found = Vec::new();
    for (i, node) in scenario.nodes.iter().enumerate() {
        let Node::Ending(ending) = node else { continue };
        if !seen[i] || ending.intends == Outcome::Lost {
            continue;
        }
        let mut route = vec![i];
        while let Some(p) = parent[*route.last().unwrap_or(&i)] {
            route.push(p);
        }
        route.reverse();
        let ids: Vec<&str> = route.iter().map(|&k| scenario.nodes[k].id()).collect();
        let shown = if ids.len() > 8 {
            format!(
                "{} ... {}",
                ids[..3].join(" > "),
                ids[ids.len() - 3..].join(" > ")
            )
        } else {
            ids.join(" > ")
        };
        let at = spans.node(&ending.id, 0).start;
        let span = crate::scenario::find_field(source.code(), "intends", at)
            .filter(|r| r.start < spans.extent(at).end)
            .unwrap_or(at..at);
        let mut d = Diagnostic::new(
            Severity::Warning,
            source,
            span,
            format!(
                "ending `{}` intends {}, but a route reaches it without any reply owning the problem: {shown}; a good ending should need a reply with ownership {OWNING_LEVEL} or more",
                ending.id,
                ending.intends.label(),
            ),
        );
        d.node = Some(ending.id.clone());
        found.push(d);
    }
    found
}
