//! The reply scorer: agreement with labelled replies, the rubric's hard cases one by
//! one, evidence that points at the trainee's own words, and awkward input.

use std::path::PathBuf;

use turnaround::scenario::Dimension;
use turnaround::scoring::{Assessment, Effect, ReplyInput, Scorer};

use crate::util::{data, root};

const CUSTOMER: &str = "You charged me twice for my mortgage, £1,240 each time, and now my council tax has bounced. I've been on hold for 50 minutes.";

fn assess(reply: &str) -> Assessment {
    Scorer::default().assess(&ReplyInput {
        customer: CUSTOMER,
        reply,
        hints: None,
    })
}

#[track_caller]
fn check(reply: &str, dimension: Dimension, expected: u8) -> Assessment {
    let a = assess(reply);
    assert_eq!(
        a.levels.get(dimension),
        expected,
        "{} for {reply:?}\nevidence: {:#?}",
        dimension.label(),
        a.evidence
    );
    a
}

fn has(a: &Assessment, effect: Effect, reason_start: &str) -> bool {
    a.evidence
        .iter()
        .any(|e| e.effect == effect && e.reason.starts_with(reason_start))
}

// --- agreement on labelled data -------------------------------------------------

pub(crate) struct Item {
    pub(crate) customer: String,
    pub(crate) reply: String,
    gold: [u8; 3],
}

/// A labelled set (JSON lines): each reply, what the customer said, the gold levels.
pub(crate) fn read_items(path: &PathBuf) -> Vec<Item> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            let g = &v["gold"];
            let level = |k: &str| g[k].as_u64().expect("gold level") as u8;
            Item {
                customer: v["customer"].as_str().expect("customer").to_string(),
                reply: v["reply"].as_str().expect("reply").to_string(),
                gold: [
                    level("active_listening"),
                    level("ownership"),
                    level("exceeding_expectations"),
                ],
            }
        })
        .collect()
}

fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        for k in i..=j {
            r[order[k]] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let num: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let den = (a.iter().map(|x| (x - ma).powi(2)).sum::<f64>()
        * b.iter().map(|y| (y - mb).powi(2)).sum::<f64>())
    .sqrt();
    if den == 0.0 { 0.0 } else { num / den }
}

/// Quadratic-weighted Cohen's kappa on 0-4 levels.
fn qwk(a: &[u8], b: &[u8]) -> f64 {
    let k = 5;
    let n = a.len() as f64;
    let mut obs = vec![vec![0.0; k]; k];
    for (x, y) in a.iter().zip(b) {
        obs[*x as usize][*y as usize] += 1.0;
    }
    let ha: Vec<f64> = (0..k).map(|i| obs[i].iter().sum()).collect();
    let hb: Vec<f64> = (0..k).map(|j| (0..k).map(|i| obs[i][j]).sum()).collect();
    let (mut num, mut den) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let w = ((i as f64 - j as f64) / (k as f64 - 1.0)).powi(2);
            num += w * obs[i][j];
            den += w * ha[i] * hb[j] / n;
        }
    }
    if den == 0.0 { 0.0 } else { 1.0 - num / den }
}

/// Spearman and QWK per dimension of the scorer against the gold labels.
fn agreement(items: &[Item]) -> [(f64, f64); 3] {
    let scorer = Scorer::default();
    let levels: Vec<[u8; 3]> = items
        .iter()
        .map(|i| {
            let a = scorer.assess(&ReplyInput {
                customer: &i.customer,
                reply: &i.reply,
                hints: None,
            });
            Dimension::ALL.map(|d| a.levels.get(d))
        })
        .collect();
    [0, 1, 2].map(|d| {
        let g: Vec<u8> = items.iter().map(|i| i.gold[d]).collect();
        let s: Vec<u8> = levels.iter().map(|l| l[d]).collect();
        let gf: Vec<f64> = g.iter().map(|&x| f64::from(x)).collect();
        let sf: Vec<f64> = s.iter().map(|&x| f64::from(x)).collect();
        (pearson(&ranks(&gf), &ranks(&sf)), qwk(&g, &s))
    })
}

fn report(name: &str, figures: &[(f64, f64); 3]) {
    for (d, (rho, kappa)) in Dimension::ALL.iter().zip(figures) {
        eprintln!(
            "{name}: {:<24} spearman {rho:.2}  qwk {kappa:.2}",
            d.label()
        );
    }
}

#[track_caller]
fn own_set_holds(file: &str) {
    let items = read_items(&data(file));
    assert!(
        items.len() >= 60,
        "at least 60 labelled replies, found {}",
        items.len()
    );
    let figures = agreement(&items);
    report(file, &figures);
    for (d, (rho, _)) in Dimension::ALL.iter().zip(figures) {
        assert!(
            rho >= 0.75,
            "{}: Spearman {rho:.2} fell below 0.75 on {file}",
            d.label()
        );
    }
}

#[test]
fn agreement_on_the_projects_own_labelled_replies() {
    own_set_holds("scoring/labelled.jsonl");
}

#[test]
fn agreement_on_the_projects_second_labelled_set() {
    own_set_holds("scoring/labelled-2.jsonl");
}

#[test]
fn agreement_on_the_shared_dev_set_when_present() {
    let path = root().join("../shared/scoring/dev.jsonl");
    if !path.exists() {
        let msg = format!(
            "the shared dev set is absent ({}): its agreement was NOT checked",
            path.display()
        );
        // CI always has ../shared; there its absence is a failure, never a silent pass.
        assert!(std::env::var_os("CI").is_none(), "{msg}");
        eprintln!("NOTE: {msg}");
        return;
    }
    let figures = agreement(&read_items(&path));
    report("shared dev set", &figures);
    for (d, (rho, kappa)) in Dimension::ALL.iter().zip(figures) {
        assert!(
            rho >= 0.80 && kappa >= 0.70,
            "{}: Spearman {rho:.2}, QWK {kappa:.2}",
            d.label()
        );
    }
}

#[test]
fn the_agreement_maths_matches_known_values() {
    // Perfect agreement, and perfect disagreement on ranks.
    assert!((pearson(&ranks(&[1.0, 2.0, 3.0]), &ranks(&[10.0, 20.0, 30.0])) - 1.0).abs() < 1e-9);
    assert!((pearson(&ranks(&[1.0, 2.0, 3.0]), &ranks(&[3.0, 2.0, 1.0])) + 1.0).abs() < 1e-9);
    assert!((qwk(&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 4]) - 1.0).abs() < 1e-9);
    assert!(qwk(&[0, 0, 4, 4], &[4, 4, 0, 0]) < 0.0);
}

// --- the rubric's hard cases ------------------------------------------------------

#[test]
fn negation_scope_separates_owning_from_denying() {
    let owns = check(
        "I'm so sorry. This isn't your fault, it's ours, and I'll refund the second payment today.",
        Dimension::Ownership,
        3,
    );
    assert!(has(&owns, Effect::Plus, "accepted responsibility"));
    let denies = check(
        "Sorry about that, but it's not our fault: the direct debit came from your mortgage provider.",
        Dimension::Ownership,
        0,
    );
    assert!(
        has(&denies, Effect::Minus, "denied responsibility")
            || has(&denies, Effect::Minus, "blame")
    );
}

#[test]
fn an_apology_undercut_by_but_or_hedged_is_level_1() {
    let a = check(
        "I'm sorry, but we've had a lot of calls this week.",
        Dimension::Ownership,
        1,
    );
    assert!(has(&a, Effect::Minus, "apology undercut by 'but'"));
    let b = check(
        "We're sorry for any inconvenience caused.",
        Dimension::Ownership,
        1,
    );
    assert!(has(&b, Effect::Minus, "hedged apology"));
    check("I'm sorry you feel that way.", Dimension::Ownership, 1);
}

#[test]
fn blame_is_named_by_its_target() {
    let cases = [
        (
            "That's company policy, I'm afraid.",
            "blame shifted to policy",
        ),
        (
            "It was a system error on the night, nothing we could do.",
            "blame shifted to the system",
        ),
        (
            "Our supplier changed the date without telling us.",
            "blame shifted to a supplier",
        ),
        (
            "Head office handles that, not us.",
            "blame shifted to another department",
        ),
        (
            "Kayleigh should have checked, she's new.",
            "blame shifted to a colleague",
        ),
    ];
    for (reply, reason) in cases {
        let a = check(reply, Dimension::Ownership, 0);
        assert!(
            has(&a, Effect::Minus, reason),
            "{reply:?}: {:#?}",
            a.evidence
        );
    }
}

#[test]
fn tone_policing_is_listening_0() {
    for reply in [
        "Please calm down and I'll look at it.",
        "There's no need to raise your voice at me.",
    ] {
        let a = check(reply, Dimension::ActiveListening, 0);
        assert!(has(&a, Effect::Minus, "dismissive"));
    }
}

#[test]
fn parroting_is_capped_below_a_real_paraphrase() {
    let parrot = assess(
        "You charged me twice for my mortgage, £1,240 each time, and now my council tax has bounced. That's so frustrating.",
    );
    assert!(parrot.levels.active_listening <= 2);
    assert!(has(
        &parrot,
        Effect::Minus,
        "repeated the customer's words verbatim"
    ));
    let paraphrase = assess(
        "We took your mortgage payment twice and that's made your council tax bounce, after fifty minutes on hold: that's so frustrating.",
    );
    assert!(
        paraphrase.levels.active_listening >= 3,
        "{:#?}",
        paraphrase.evidence
    );
}

#[test]
fn feelings_and_questions_lift_listening_but_interrogation_does_not() {
    let named = check(
        "Two mortgage payments out and your council tax bounced: that's really stressful.",
        Dimension::ActiveListening,
        3,
    );
    assert!(has(&named, Effect::Plus, "named the feeling"));
    let asks = check(
        "Two mortgage payments out and your council tax bounced: that's really stressful. Which account did the council tax come from?",
        Dimension::ActiveListening,
        4,
    );
    assert!(has(&asks, Effect::Plus, "asked an open question"));
    let grilled = assess(
        "Two mortgage payments out and your council tax bounced: that's really stressful. What's your account number? When did it bounce? Which branch? What's your postcode?",
    );
    assert!(grilled.levels.active_listening < 4);
    assert!(has(&grilled, Effect::Minus, "too many questions"));
}

#[test]
fn commitments_with_a_time_reach_level_4_and_hedges_do_not() {
    let timed = check(
        "I'm so sorry, that was our mistake. I'll refund the second payment and call you by 5 pm today.",
        Dimension::Ownership,
        4,
    );
    assert!(has(&timed, Effect::Plus, "put a time or a name on it"));
    check(
        "I'm so sorry, that was our mistake. I'll refund the second payment.",
        Dimension::Ownership,
        3,
    );
    let hedged = check(
        "I'm so sorry, that was our mistake. I'll try to sort it, hopefully this week.",
        Dimension::Ownership,
        2,
    );
    assert!(has(&hedged, Effect::Minus, "hedged commitment"));
}

#[test]
fn offers_rise_from_the_fix_to_a_tailored_extra_and_upsells_count_for_nothing() {
    check(
        "I'll refund the second payment.",
        Dimension::ExceedingExpectations,
        1,
    );
    check(
        "I'll refund the second payment and add a £20 voucher for the trouble.",
        Dimension::ExceedingExpectations,
        2,
    );
    check(
        "I'll refund the second payment, and I've upgraded you to our premium account free for a year.",
        Dimension::ExceedingExpectations,
        3,
    );
    check(
        "I'll refund the second payment, upgrade you to our premium account free for a year, and flag your profile so this can't happen again.",
        Dimension::ExceedingExpectations,
        4,
    );
    let sell = check(
        "Have you seen our new savings account? It's only £5 a month.",
        Dimension::ExceedingExpectations,
        0,
    );
    assert!(has(&sell, Effect::Minus, "upsell"));
}

#[test]
fn typos_lower_case_and_curly_quotes_are_forgiven() {
    let a = assess(
        "im so sory, thats our mistake. i\u{2019}ll refund it and call you by 5pm. we apologise for the frustratign wait",
    );
    assert!(a.levels.ownership >= 3, "{:#?}", a.evidence);
    assert!(
        has(&a, Effect::Plus, "named the feeling"),
        "a transposed letter is forgiven"
    );
}

#[test]
fn evidence_points_at_the_replys_own_bytes() {
    let reply = "We took it twice — I’m so sorry, that’s our mistake. I’ll refund it by 5 pm.";
    let a = assess(reply);
    assert!(!a.evidence.is_empty());
    for e in &a.evidence {
        assert_eq!(&reply[e.start..e.end], e.text, "{e:?}");
        assert!(!e.reason.is_empty());
    }
}

#[test]
fn hints_add_facts_fixes_delights_and_forbidden_promises() {
    let hints = turnaround::scenario::Hints {
        facts: vec![turnaround::scenario::Fact {
            fact: "navy three-piece".into(),
            synonyms: vec!["navy suit".into()],
        }],
        fix: vec!["replacement suit".into()],
        delight: vec!["deliver it to the venue".into()],
        forbidden: vec!["promise the suit will be found".into()],
    };
    let scorer = Scorer::default();
    let with = |reply: &str| {
        scorer.assess(&ReplyInput {
            customer: "My navy three-piece is missing.",
            reply,
            hints: Some(&hints),
        })
    };
    let a = with(
        "Your navy suit is lost and the wedding is tomorrow; I'll have a replacement suit fitted and deliver it to the venue myself.",
    );
    assert!(has(&a, Effect::Plus, "restated a fact"));
    assert!(has(&a, Effect::Plus, "offered the fix they expect"));
    assert!(has(&a, Effect::Plus, "offered something made for them"));
    assert!(a.levels.exceeding_expectations >= 3);
    let b = with("I promise the suit will be found today.");
    assert!(has(&b, Effect::Minus, "promised what staff must not"));
}

// --- awkward input ------------------------------------------------------------------

#[test]
fn an_empty_reply_scores_zero_with_a_notice() {
    let a = assess("   \n ");
    assert_eq!(a.scores, [0.0; 3]);
    assert!(a.notice.as_deref().is_some_and(|n| n.contains("empty")));
}

#[test]
fn emoji_only_scores_zero_with_a_notice() {
    let a = assess("😡🙏🙏 👍");
    assert_eq!(a.scores, [0.0; 3]);
    assert!(a.supported);
    assert!(a.notice.as_deref().is_some_and(|n| n.contains("no words")));
}

#[test]
fn another_language_is_reported_as_unsupported() {
    let a = assess(
        "Lo siento mucho, fue culpa nuestra. Le devolveré el dinero hoy mismo y le llamaré a las cinco.",
    );
    assert!(!a.supported);
    assert!(a.notice.as_deref().is_some_and(|n| n.contains("English")));
    assert_eq!(a.scores, [0.0; 3]);
}

#[test]
fn a_pasted_megabyte_is_scored_on_its_start_with_a_notice() {
    let mut reply = String::from(
        "I'm so sorry, that was our mistake. I'll refund the second payment by 5 pm today. ",
    );
    while reply.len() < 1024 * 1024 {
        reply.push_str("Here is the whole account history you asked about, ünïcödé ✓ and all. ");
    }
    let a = assess(&reply);
    assert!(
        a.notice
            .as_deref()
            .is_some_and(|n| n.contains("Only the first")),
        "{:?}",
        a.notice
    );
    assert_eq!(
        a.levels.ownership, 4,
        "the start of the reply is still scored"
    );
    assert!(
        a.evidence
            .iter()
            .all(|e| e.end <= turnaround::scoring::MAX_SCORED_BYTES)
    );
}

#[test]
fn scores_sit_inside_their_level_band() {
    for reply in [
        "",
        "Calm down.",
        "I'm sorry, that was our mistake. I'll refund it by 5 pm and flag your file so it never happens again.",
    ] {
        let a = assess(reply);
        for d in Dimension::ALL {
            let (level, score) = (f64::from(a.levels.get(d)), a.scores[d.index()]);
            assert!((0.0..=100.0).contains(&score));
            assert!(
                (score - level * 25.0).abs() <= 12.0,
                "{reply:?} {d:?}: level {level}, score {score}"
            );
        }
    }
}
