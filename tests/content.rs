//! Checks on the shipped scenarios: clean validation, size, traps, and no copied lines.

use std::collections::{BTreeMap, BTreeSet};

use turnaround::library::{self, Checked};
use turnaround::scenario::{Node, Outcome, Scenario};

fn shipped() -> Vec<Scenario> {
    library::check_builtins()
        .into_iter()
        .map(|c: Checked| {
            assert!(
                c.diagnostics.is_empty(),
                "{}:\n{:#?}",
                c.source.name,
                c.diagnostics
            );
            c.scenario.expect("no errors")
        })
        .collect()
}

#[test]
fn the_library_validates_clean() {
    let all = shipped();
    assert!(
        all.len() >= 8,
        "eight shipped scenarios, found {}",
        all.len()
    );
    let ids: BTreeSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "scenario ids are unique");
}

#[test]
fn every_file_name_matches_its_id() {
    for ((name, _), checked) in library::builtin_files()
        .iter()
        .zip(library::check_builtins())
    {
        let s = checked.scenario.expect("valid");
        assert_eq!(format!("{}.ron", s.id), *name);
    }
}

/// The most trainee turns on any route from start to an ending (simple paths).
fn longest_turns(s: &Scenario) -> usize {
    fn walk<'a>(s: &'a Scenario, id: &'a str, seen: &mut Vec<&'a str>) -> usize {
        if seen.contains(&id) {
            return 0;
        }
        let Some(node) = s.node(id) else { return 0 };
        seen.push(id);
        let here = usize::from(node.is_turn());
        let best = node
            .links()
            .into_iter()
            .map(|n| walk(s, n, seen))
            .max()
            .unwrap_or(0);
        seen.pop();
        here + best
    }
    walk(s, &s.start, &mut Vec::new())
}

#[test]
fn each_scenario_is_long_enough_and_has_three_endings() {
    for s in shipped() {
        assert!(
            longest_turns(&s) >= 6,
            "{}: longest path has {} turns",
            s.id,
            longest_turns(&s)
        );
        let intends: BTreeSet<Outcome> = s
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Ending(e) => Some(e.intends),
                _ => None,
            })
            .collect();
        let endings = s
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Ending(_)))
            .count();
        assert!(endings >= 3, "{}: {endings} endings", s.id);
        assert_eq!(
            intends.len(),
            3,
            "{}: endings should intend lost, recovered and advocate",
            s.id
        );
    }
}

#[test]
fn each_scenario_uses_at_least_four_traps() {
    for s in shipped() {
        let traps: BTreeSet<_> = s
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Choice(t) => Some(t.choices.iter().filter_map(|c| c.trap)),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(traps.len() >= 4, "{}: traps {traps:?}", s.id);
    }
}

#[test]
fn no_line_or_choice_is_repeated_across_scenarios() {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut repeats = Vec::new();
    for s in shipped() {
        let mut texts: BTreeSet<String> = BTreeSet::new();
        for node in &s.nodes {
            match node {
                Node::Line(l) => {
                    texts.insert(l.say.clone());
                }
                Node::Ending(e) => {
                    texts.insert(e.say.clone());
                }
                Node::Choice(t) => texts.extend(t.choices.iter().map(|c| c.text.clone())),
                Node::FreeText(_) => {}
            }
        }
        for text in texts {
            let key: String = text
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(other) = seen.insert(key, s.id.clone()) {
                repeats.push(format!("{:?} in {} and {}", text, other, s.id));
            }
        }
    }
    assert!(
        repeats.is_empty(),
        "repeated across scenarios:\n{}",
        repeats.join("\n")
    );
}

#[test]
fn authored_levels_follow_the_rubric_for_traps() {
    use turnaround::scenario::Trap;
    for s in shipped() {
        for node in &s.nodes {
            // A choice turn's replies, and those a typed turn offers instead of typing.
            let (id, choices) = match node {
                Node::Choice(t) => (&t.id, &t.choices),
                Node::FreeText(t) => (&t.id, &t.choices),
                _ => continue,
            };
            for c in choices {
                let l = c.levels;
                let ok = match c.trap {
                    Some(Trap::BlameShift) => l.ownership == 0,
                    Some(Trap::UndercutApology) => l.ownership <= 1,
                    Some(Trap::HidesBehindPolicy) => l.ownership <= 1,
                    Some(Trap::TonePolicing) => l.active_listening == 0,
                    Some(Trap::Parroting) => l.active_listening <= 2,
                    Some(Trap::Minimising) => l.active_listening <= 2,
                    Some(Trap::OfferWithoutApology) => l.ownership <= 2,
                    Some(Trap::OverPromising) | None => true,
                };
                assert!(
                    ok,
                    "{} / {}: {:?} with levels {:?}: {}",
                    s.id, id, c.trap, l, c.text
                );
            }
        }
    }
}

#[test]
fn every_scenario_has_at_least_two_free_text_turns() {
    for s in shipped() {
        let typed = s
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::FreeText(_)))
            .count();
        assert!(typed >= 2, "{}: {typed} free-text turns", s.id);
    }
}

#[test]
fn every_model_answer_for_a_typed_turn_scores_well() {
    use turnaround::scoring::{ReplyInput, Scorer};
    let scorer = Scorer::default();
    for s in shipped() {
        for node in &s.nodes {
            let Node::FreeText(t) = node else { continue };
            // The line the customer says just before this turn.
            let said = s
                .nodes
                .iter()
                .find_map(|n| match n {
                    Node::Line(l) if l.next == t.id => Some(l.say.as_str()),
                    _ => None,
                })
                .unwrap_or("");
            let a = scorer.assess(&ReplyInput {
                customer: said,
                reply: &t.model,
                hints: Some(&t.hints),
            });
            assert!(
                a.overall() >= 60.0,
                "{} / {}: the model answer scores {:.0}: {:?}",
                s.id,
                t.id,
                a.overall(),
                a.levels
            );
        }
    }
}

#[test]
fn at_least_two_scenarios_are_translated_into_spanish_in_full() {
    let translated: Vec<Scenario> = shipped()
        .into_iter()
        .filter(|s| s.translations.contains_key("es"))
        .collect();
    assert!(translated.len() >= 2, "{} translated", translated.len());
    for s in translated {
        let es = s.localized("es").expect("es");
        // The validator already warns about any text left out; here, none is left as
        // the English either.
        let mut same = Vec::new();
        let mut check = |what: String, en: &str, es: &str| {
            if en == es {
                same.push(what);
            }
        };
        check("title".into(), &s.title, &es.title);
        check("summary".into(), &s.summary, &es.summary);
        check("problem".into(), &s.customer.problem, &es.customer.problem);
        check("wants".into(), &s.customer.wants, &es.customer.wants);
        for (en_node, es_node) in s.nodes.iter().zip(&es.nodes) {
            let id = en_node.id();
            match (en_node, es_node) {
                (Node::Line(a), Node::Line(b)) => check(format!("{id} say"), &a.say, &b.say),
                (Node::Ending(a), Node::Ending(b)) => check(format!("{id} say"), &a.say, &b.say),
                (Node::Choice(a), Node::Choice(b)) => {
                    check(format!("{id} model"), &a.model, &b.model);
                    for (i, (x, y)) in a.choices.iter().zip(&b.choices).enumerate() {
                        check(format!("{id} choice {i}"), &x.text, &y.text);
                        check(format!("{id} feedback {i}"), &x.feedback, &y.feedback);
                    }
                }
                (Node::FreeText(a), Node::Choice(b)) => {
                    assert!(es.offers_choices_instead_of_typing(id));
                    check(format!("{id} model"), &a.model, &b.model);
                    assert_eq!(
                        a.choices.len(),
                        3,
                        "{} / {id}: three fallback choices",
                        s.id
                    );
                    for (i, (x, y)) in a.choices.iter().zip(&b.choices).enumerate() {
                        check(format!("{id} choice {i}"), &x.text, &y.text);
                        check(format!("{id} feedback {i}"), &x.feedback, &y.feedback);
                    }
                }
                (a, b) => panic!("{} / {id}: {} became {}", s.id, a.kind(), b.kind()),
            }
        }
        assert!(
            same.is_empty(),
            "{}: still English in Spanish: {same:?}",
            s.id
        );
    }
}

#[test]
fn fallback_choices_offer_a_strong_a_middling_and_a_trap_reply() {
    for s in shipped() {
        for node in &s.nodes {
            let Node::FreeText(t) = node else { continue };
            if t.choices.is_empty() {
                continue;
            }
            let strong = t.choices.iter().any(|c| {
                c.trap.is_none()
                    && turnaround::scenario::Dimension::ALL
                        .iter()
                        .all(|d| c.levels.get(*d) >= 3)
            });
            let trap = t.choices.iter().any(|c| c.trap.is_some());
            assert!(strong && trap, "{} / {}: {:?}", s.id, t.id, t.choices);
        }
    }
}
