//! The trainer's core: the graph layout, the playtest (start anywhere, step back, follow
//! an edited file), choice counts for the heat-map, and the new-scenario template.

use std::sync::Arc;

use turnaround::authoring::{self, Followed, Playtest};
use turnaround::engine::Step;
use turnaround::library;
use turnaround::progress::{AttemptKind, AttemptTurns, TurnRow};
use turnaround::scenario::graph::{self, Graph};
use turnaround::scenario::{Scenario, SourceFile};

use crate::util::{data, shown_position};

fn fixture(name: &str) -> Scenario {
    let text = std::fs::read_to_string(data(&format!("fixtures/{name}.ron"))).expect("read");
    library::check(SourceFile::new(name, text), None)
        .scenario
        .expect("valid")
}

fn from_text(text: &str) -> Arc<Scenario> {
    Arc::new(
        library::check(SourceFile::new("edited.ron", text), None)
            .scenario
            .expect("valid"),
    )
}

#[test]
fn the_layout_is_layered_by_distance_from_the_start_and_the_same_every_time() {
    let s = fixture("unreachable");
    let g = Graph::of(&s);
    let layout = graph::layout(&g);
    assert_eq!(layout, graph::layout(&Graph::of(&s)), "deterministic");
    let at = |id: &str| layout.cells[g.index[id]];
    assert_eq!(at("open"), (0, 0));
    assert_eq!(at("t1").0, 1);
    assert_eq!(at("l2").0, 2);
    // Every link from a reachable node goes at most one column right of the shortest route.
    for (from, targets) in g.edges.iter().enumerate() {
        for &to in targets {
            if g.reachable[from] {
                assert!(layout.cells[to].0 <= layout.cells[from].0 + 1);
            }
        }
    }
    // No two nodes share a cell.
    let mut cells = layout.cells.clone();
    cells.sort_unstable();
    cells.dedup();
    assert_eq!(cells.len(), s.nodes.len());
    // The unreachable node is drawn, below the reachable ones of its column.
    let orphan = g.index["orphan"];
    assert!(!g.reachable[orphan]);
    let (col, row) = layout.cells[orphan];
    assert!(
        layout
            .cells
            .iter()
            .enumerate()
            .filter(|(i, c)| c.0 == col && g.reachable[*i])
            .all(|(_, c)| c.1 < row)
    );
}

#[test]
fn a_generated_500_node_graph_lays_out_in_every_cell_once() {
    let text = turnaround::generate::scenario_text(500, 3);
    let s = from_text(&text);
    let g = Graph::of(&s);
    let layout = graph::layout(&g);
    let mut cells = layout.cells.clone();
    cells.sort_unstable();
    cells.dedup();
    assert_eq!(cells.len(), s.nodes.len(), "no two nodes share a cell");
    assert!(
        cells
            .iter()
            .all(|&(c, r)| c < layout.columns && r < layout.rows)
    );
    assert!(layout.columns > 10 && layout.rows >= 2, "{layout:?}");
    assert!(
        g.reachable.iter().all(|r| *r),
        "the generator makes no orphans"
    );
}

#[test]
fn a_playtest_starts_at_any_node_and_steps_back() {
    let s = Arc::new(fixture("valid"));
    let mut p = Playtest::start(Arc::clone(&s), "t1").expect("start at t1");
    assert_eq!(p.node(), "t1");
    assert!(matches!(p.session.step(), Step::Choose(_)));
    let mood = p.session.mood();
    // The owning reply: find where it is shown.
    let owning = shown_position(&p.session, 0);
    p.choose(owning).expect("choose");
    assert_eq!(p.node(), "l2");
    assert!(p.session.mood() > mood, "the owning reply calms her");
    p.proceed().expect("go on");
    assert_eq!(p.node(), "t2");
    assert_eq!(p.depth(), 2);
    assert!(p.back());
    assert_eq!(p.node(), "l2");
    assert!(p.back());
    assert_eq!(p.node(), "t1");
    assert_eq!(
        p.session.mood(),
        mood,
        "stepping back restores the mood too"
    );
    assert!(!p.back(), "nothing left to undo");
    assert!(Playtest::start(s, "no-such-node").is_err());
}

#[test]
fn a_playtest_follows_an_edited_file_keeping_its_place() {
    let text = std::fs::read_to_string(data("fixtures/valid.ron")).expect("read");
    let mut p = Playtest::start(from_text(&text), "open").expect("start");
    p.proceed().expect("line");
    let owning = shown_position(&p.session, 0);
    p.choose(owning).expect("choose");
    p.proceed().expect("line");
    assert_eq!(p.node(), "t2");

    // Reworded line: every reply replays, with the new words in the transcript.
    let reworded = text.replace("This soup is stone cold.", "This soup is freezing.");
    assert_eq!(p.follow(from_text(&reworded)), Ok(Followed::Replayed));
    assert_eq!((p.node(), p.depth()), ("t2", 3));
    let Some(turnaround::engine::Entry::Customer { line, .. }) = p.session.transcript().first()
    else {
        panic!("a customer line first")
    };
    assert_eq!(line.text, "This soup is freezing.");

    // The route there changed (the line now leads straight to the end), but t2 remains:
    // the playtest carries on from t2.
    let rerouted = reworded.replace(
        r#"say: "I've waited twenty minutes already and my lunch break is nearly over.", emotion: Sceptical, next: "t2""#,
        r#"say: "I've waited twenty minutes already and my lunch break is nearly over.", emotion: Sceptical, next: "end_ok""#,
    );
    assert_ne!(rerouted, reworded);
    let rerouted = rerouted.replace(
        r#"next: "end_bad",
                    trap: Some(BlameShift)"#,
        r#"next: "t2",
                    trap: Some(BlameShift)"#,
    );
    assert_eq!(
        p.follow(from_text(&rerouted)),
        Ok(Followed::KeptNode("t2".into()))
    );
    assert_eq!((p.node(), p.depth()), ("t2", 0));

    // t2 renamed away, and the playtest now starts there: back to the scenario's start.
    let renamed = rerouted.replace("\"t2\"", "\"t2b\"");
    assert_eq!(
        p.follow(from_text(&renamed)),
        Ok(Followed::Restarted("open".into()))
    );
    assert_eq!(p.node(), "open");
}

fn turns(scenario: &str, picks: &[(&str, &str)]) -> AttemptTurns {
    AttemptTurns {
        key: "k".into(),
        scenario_id: scenario.into(),
        kind: AttemptKind::Assessment,
        finished_ms: 0,
        turns: picks
            .iter()
            .map(|(node, reply)| TurnRow {
                node: node.to_string(),
                reply_kind: "choice".into(),
                reply: reply.to_string(),
                levels: [0; 3],
                scores: [0.0; 3],
                response_ms: 0,
                evidence: String::new(),
            })
            .collect(),
    }
}

#[test]
fn choice_counts_match_picks_by_turn_and_text() {
    let s = fixture("valid");
    let owning = "Cold soup is no good at all, I am sorry, that is on us. I will bring a fresh bowl in two minutes.";
    let blaming = "Soup cools quickly in here, you should eat it faster.";
    let attempts = [
        turns("fixture-valid", &[("t1", owning)]),
        turns("fixture-valid", &[("t1", owning)]),
        turns("fixture-valid", &[("t1", blaming)]),
        // A reply since reworded, and another scenario: neither counts.
        turns("fixture-valid", &[("t1", "an old wording")]),
        turns("other", &[("t1", owning)]),
    ];
    let counts = authoring::choice_counts(&s, &attempts);
    assert_eq!(counts.attempts, 4);
    assert_eq!(counts.by_turn["t1"], vec![2, 1]);
    let (shares, total) = counts.shares("t1").expect("answered");
    assert_eq!(total, 3);
    assert!((shares[0] - 2.0 / 3.0).abs() < 1e-6);
    assert_eq!(counts.shares("t2"), None, "nobody reached t2");

    // Counted trainee by trainee and merged, it is the same count.
    let mut merged = authoring::choice_counts(&s, &attempts[..2]);
    merged.merge(authoring::choice_counts(&s, &attempts[2..]));
    assert_eq!(merged, counts);
}

#[test]
fn a_reply_picked_in_a_translation_counts_for_the_same_choice() {
    let s = fixture("translated");
    let english = "Sorry, but we process hundreds of items a week. Sometimes tickets get mixed up.";
    let spanish = "Lo siento, pero procesamos cientos de prendas a la semana. A veces se confunden los resguardos.";
    let attempts = [
        turns(&s.id, &[("t1", english)]),
        turns(&s.id, &[("t1", spanish)]),
    ];
    let counts = authoring::choice_counts(&s, &attempts);
    assert_eq!(
        counts.by_turn["t1"],
        vec![0, 2, 0],
        "both picked the second reply"
    );
}

#[test]
fn the_new_scenario_template_validates_clean_with_every_lint() {
    let id = authoring::new_scenario_id(|id| id == "new-scenario" || id == "new-scenario-2");
    assert_eq!(id, "new-scenario-3");
    let checked = library::check(SourceFile::new("new.ron", authoring::template(&id)), None);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    assert_eq!(checked.scenario.expect("plays").id, "new-scenario-3");
}
