//! The numbers of a conversation: mood, loyalty, patience, temperament and scores.
//!
//! These are the rules PRODUCT.md fixes, in one place, so the session and the validator's
//! route analysis can never disagree. Pure functions of their inputs.

use std::collections::{BTreeMap, BTreeSet};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::fasthash::{FastMap, FastSet};
use crate::scenario::{Customer, Dimension, Levels, Node, Outcome, Scenario};

/// Mood lost when a reply is slower than the customer's patience.
pub const SLOW_PENALTY: f64 = 5.0;
/// The most mood one slow reply can cost.
pub const MAX_SLOW_PENALTY: f64 = 15.0;
/// How far a typed reply's overall score moves mood, per point away from 50.
pub const TEXT_MOOD_PER_POINT: f64 = 0.4;
/// How far the seed may move the starting mood, either way.
pub const MAX_START_MOOD_OFFSET: i32 = 5;
/// How much the seed may scale how hard bad replies land (1.0 ± this).
pub const MAX_SENSITIVITY_SPREAD: f64 = 0.15;

/// A per-attempt variation in how the customer reacts, drawn from the attempt's seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Temperament {
    /// Added to the scenario's starting mood.
    pub start_mood_offset: i32,
    /// Multiplies negative mood deltas: above 1, bad replies land harder.
    pub sensitivity: f64,
}

impl Temperament {
    /// The author's customer exactly as written, used by the validator.
    pub const NOMINAL: Temperament = Temperament {
        start_mood_offset: 0,
        sensitivity: 1.0,
    };

    /// The temperament for an attempt's seed. Drawn from its own stream so that it never
    /// shifts the choice order.
    pub fn from_seed(seed: u64) -> Temperament {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7e3a_5c1d_9b2f_0468);
        let start_mood_offset = rng.random_range(-MAX_START_MOOD_OFFSET..=MAX_START_MOOD_OFFSET);
        let sensitivity: f64 =
            1.0 + rng.random_range(-MAX_SENSITIVITY_SPREAD..=MAX_SENSITIVITY_SPREAD);
        Temperament {
            start_mood_offset,
            sensitivity: (sensitivity * 100.0).round() / 100.0,
        }
    }

    /// An authored mood delta as this customer feels it, in whole points so that mood
    /// and loyalty stay whole numbers and every displayed figure is exact.
    pub fn feel(&self, delta: f64) -> f64 {
        if delta < 0.0 {
            (delta * self.sensitivity).round()
        } else {
            delta.round()
        }
    }
}

/// The mood delta of a typed reply, from its overall score (0-100).
pub fn text_mood_delta(overall: f64) -> f64 {
    (overall - 50.0) * TEXT_MOOD_PER_POINT
}

/// The mood a reply costs for taking `response_ms` against a patience of `patience_s`.
pub fn slow_penalty(response_ms: u64, patience_s: u32) -> f64 {
    let patience_ms = u64::from(patience_s.max(1)) * 1000;
    if response_ms <= patience_ms {
        return 0.0;
    }
    let periods = (response_ms - 1) / patience_ms; // 1 for the first overrun, and so on
    (periods as f64 * SLOW_PENALTY).min(MAX_SLOW_PENALTY)
}

/// The 0-100 score of an authored choice's level on a dimension.
pub fn choice_score(level: u8) -> f64 {
    f64::from(level.min(crate::scenario::MAX_LEVEL)) * 25.0
}

/// Scores (0-100) for an authored choice's levels, indexed by `Dimension::index`.
pub fn choice_scores(levels: &Levels) -> [f64; 3] {
    Dimension::ALL.map(|d| choice_score(levels.get(d)))
}

/// Mood and loyalty, kept within 0-100, loyalty following mood point for point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feelings {
    pub mood: f64,
    pub loyalty: f64,
}

impl Feelings {
    /// Where a conversation starts for this customer and temperament.
    pub fn start(customer: &Customer, temperament: Temperament) -> Feelings {
        let mood =
            (f64::from(customer.mood) + f64::from(temperament.start_mood_offset)).clamp(0.0, 100.0);
        Feelings {
            mood,
            loyalty: f64::from(customer.starting_loyalty()),
        }
    }

    /// Moves mood by `delta` (clamped); loyalty moves by the change mood really made.
    pub fn moved(self, delta: f64) -> Feelings {
        let mood = (self.mood + delta).clamp(0.0, 100.0);
        let loyalty = (self.loyalty + (mood - self.mood)).clamp(0.0, 100.0);
        Feelings { mood, loyalty }
    }
}

/// The outcomes each ending can produce over every route to it, at the nominal
/// temperament and with every reply in time. Typed replies may score anything within
/// their branch's band, so each route carries a low and a high corner.
pub fn reachable_outcomes(scenario: &Scenario) -> BTreeMap<&str, BTreeSet<Outcome>> {
    /// Enough for hand-written graphs; a pathological file stops early rather than hang.
    const MAX_VISITS: usize = 200_000;

    /// Depth-first over routes: entering a node, and leaving it once its routes are done
    /// (so `on_route` holds exactly the current route's nodes, without copying it).
    ///
    /// Nodes are named by their position in `scenario.nodes`; `None` is a link to no node.
    enum Visit {
        Enter(Option<usize>, Feelings, Feelings),
        Leave(usize),
    }
    /// One way on from a node: where to, and how the low and high corners move.
    struct Edge {
        to: Option<usize>,
        moves: Option<(f64, f64)>,
    }

    let customer = &scenario.customer;
    let start = Feelings::start(customer, Temperament::NOMINAL);
    let mut by_id: FastMap<&str, usize> = FastMap::default();
    for (i, n) in scenario.nodes.iter().enumerate() {
        by_id.entry(n.id()).or_insert(i);
    }
    let index = |id: &str| by_id.get(id).copied();
    // Every node's ways on, resolved once: the search visits nodes many times over.
    let edges: Vec<Vec<Edge>> = scenario
        .nodes
        .iter()
        .map(|node| match node {
            Node::Line(line) => vec![Edge {
                to: index(&line.next),
                moves: None,
            }],
            Node::Choice(turn) => turn
                .choices
                .iter()
                .map(|c| {
                    let d = f64::from(c.mood);
                    Edge {
                        to: index(&c.next),
                        moves: Some((d, d)),
                    }
                })
                .collect(),
            // A typed turn's branches, and the choices it offers instead in a language
            // the scorer cannot read: both are routes some attempt can take.
            Node::FreeText(turn) => branch_bands(turn)
                .into_iter()
                .map(|(lo, hi, next)| Edge {
                    to: index(next),
                    moves: Some((text_mood_delta(lo), text_mood_delta(hi))),
                })
                .chain(turn.choices.iter().map(|c| {
                    let d = f64::from(c.mood);
                    Edge {
                        to: index(&c.next),
                        moves: Some((d, d)),
                    }
                }))
                .collect(),
            Node::Ending(_) => Vec::new(),
        })
        .collect();
    let mut found: BTreeMap<&str, BTreeSet<Outcome>> = BTreeMap::new();
    let mut seen: FastSet<(usize, i64, i64, i64, i64)> = FastSet::default();
    let mut on_route = vec![false; scenario.nodes.len()];
    let mut stack = vec![Visit::Enter(index(&scenario.start), start, start)];
    let mut visits = 0;
    // Mood and loyalty are clamped to 0-100, so adding a half and truncating rounds.
    let key = |f: f64| (f * 1000.0 + 0.5) as i64;
    while let Some(visit) = stack.pop() {
        let (at, low, high) = match visit {
            Visit::Leave(at) => {
                on_route[at] = false;
                continue;
            }
            Visit::Enter(at, low, high) => (at, low, high),
        };
        visits += 1;
        let Some(at) = at else {
            continue;
        };
        if visits > MAX_VISITS || on_route[at] {
            continue;
        }
        if !seen.insert((
            at,
            key(low.mood),
            key(low.loyalty),
            key(high.mood),
            key(high.loyalty),
        )) {
            continue;
        }
        on_route[at] = true;
        stack.push(Visit::Leave(at));
        if let Node::Ending(ending) = &scenario.nodes[at] {
            let set = found.entry(ending.id.as_str()).or_default();
            for outcome in Outcome::ALL {
                if outcome_band_meets(outcome, low.loyalty, high.loyalty, customer) {
                    set.insert(outcome);
                }
            }
            continue;
        }
        for edge in &edges[at] {
            let (l, h) = match edge.moves {
                Some((lo, hi)) => (low.moved(lo), high.moved(hi)),
                None => (low, high),
            };
            stack.push(Visit::Enter(edge.to, l, h));
        }
    }
    found
}

/// The score band each branch of a free-text turn covers, as (lowest, highest, next).
pub fn branch_bands(turn: &crate::scenario::FreeTextTurn) -> Vec<(f64, f64, &str)> {
    let mut thresholds: Vec<(u8, &str)> = turn
        .branches
        .iter()
        .map(|b| (b.at_least, b.next.as_str()))
        .collect();
    thresholds.sort_by_key(|(t, _)| *t);
    thresholds.dedup_by_key(|(t, _)| *t);
    let mut bands = Vec::new();
    for (i, (t, next)) in thresholds.iter().enumerate() {
        let lo = if i == 0 { 0.0 } else { f64::from(*t) };
        let hi = thresholds
            .get(i + 1)
            .map_or(100.0, |(u, _)| f64::from(*u) - 0.01);
        bands.push((lo, hi, *next));
    }
    bands
}

/// Whether some loyalty in `low..=high` produces `outcome`.
fn outcome_band_meets(outcome: Outcome, low: f64, high: f64, customer: &Customer) -> bool {
    let threshold = f64::from(customer.recovery_threshold());
    let baseline = f64::from(customer.loyalty_baseline);
    match outcome {
        Outcome::Lost => low < threshold,
        Outcome::Recovered => high >= threshold && low <= baseline,
        Outcome::Advocate => high > baseline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_replies_cost_more_the_slower_they_are() {
        assert_eq!(slow_penalty(30_000, 30), 0.0);
        assert_eq!(slow_penalty(30_001, 30), 5.0);
        assert_eq!(slow_penalty(61_000, 30), 10.0);
        assert_eq!(slow_penalty(10_000_000, 30), MAX_SLOW_PENALTY);
    }

    #[test]
    fn temperament_is_fixed_by_the_seed_and_stays_small() {
        for seed in 0..200 {
            let t = Temperament::from_seed(seed);
            assert_eq!(t, Temperament::from_seed(seed));
            assert!(t.start_mood_offset.abs() <= MAX_START_MOOD_OFFSET);
            assert!((t.sensitivity - 1.0).abs() <= MAX_SENSITIVITY_SPREAD + 1e-9);
        }
        let distinct: BTreeSet<i32> = (0..50)
            .map(|s| Temperament::from_seed(s).start_mood_offset)
            .collect();
        assert!(
            distinct.len() > 3,
            "the seed should vary temperament: {distinct:?}"
        );
    }

    #[test]
    fn loyalty_follows_the_change_mood_really_made() {
        let f = Feelings {
            mood: 95.0,
            loyalty: 50.0,
        };
        let g = f.moved(20.0);
        assert_eq!(g.mood, 100.0);
        assert_eq!(g.loyalty, 55.0);
        let h = Feelings {
            mood: 10.0,
            loyalty: 40.0,
        }
        .moved(-30.0);
        assert_eq!((h.mood, h.loyalty), (0.0, 30.0));
    }
}
