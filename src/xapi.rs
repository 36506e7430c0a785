//! An attempt as xAPI statements, following the ADL vocabulary and cmi5's conventions:
//! `initialized`, one `answered` per turn, `completed`, `passed` or `failed`, then
//! `terminated`. Pure: the same attempt always gives the same statements, ids and
//! timestamps included, so a statement re-sent after a crash is identical and an LRS
//! accepts it without storing it twice. `docs/xapi.md` documents every field.

use serde_json::{Value, json};

use crate::engine::{Entry, Reply};
use crate::progress::{AttemptKind, AttemptRecord};
use crate::scenario::{Dimension, Node, Scenario};

/// The xAPI version statements are written for.
pub const XAPI_VERSION: &str = "1.0.3";

const VERBS: &str = "http://adlnet.gov/expapi/verbs";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const MASTERY: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

/// Who the statements are about, and under which IRIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The organisation's home page, for the actor's `account` (its name is the trainee id).
    pub home_page: String,
    /// The base of Turnaround's activity and extension IRIs.
    pub iri_base: String,
}

/// The base of our own IRIs when a configuration names none.
pub const DEFAULT_IRI_BASE: &str = "https://turnaround.example/xapi";

/// A stable UUID from `parts`: blake3 over them, shaped as a version 4 UUID.
pub fn stable_uuid(parts: &[&str]) -> String {
    let mut hasher = blake3::Hasher::new();
    for p in parts {
        hasher.update(p.as_bytes());
        hasher.update(&[0]);
    }
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// The attempt's registration: one UUID per attempt, the same every time.
pub fn registration(attempt: &AttemptRecord) -> String {
    registration_of(&attempt.about)
}

/// The registration of the attempt with this header.
pub fn registration_of(a: &crate::progress::AttemptHeader) -> String {
    stable_uuid(&[
        "registration",
        &a.trainee,
        &a.scenario_id,
        &a.started_ms.to_string(),
        &a.seed.to_string(),
    ])
}

/// An id as one IRI path segment: anything but unreserved characters percent-encoded, so
/// an id with a space or a slash still makes a valid IRI.
fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An ISO 8601 UTC timestamp with milliseconds.
fn timestamp(ms: u64) -> String {
    let iso = crate::report::iso_utc(ms);
    // iso_utc gives seconds; add the milliseconds xAPI timestamps may carry.
    match iso.strip_suffix('Z') {
        Some(base) => format!("{base}.{:03}Z", ms % 1000),
        None => iso,
    }
}

/// An ISO 8601 duration in seconds: `PT12.345S`.
fn duration(ms: u64) -> String {
    format!("PT{}.{:03}S", ms / 1000, ms % 1000)
}

fn slug(d: Dimension) -> &'static str {
    match d {
        Dimension::ActiveListening => "active-listening",
        Dimension::Ownership => "ownership",
        Dimension::ExceedingExpectations => "exceeding-expectations",
    }
}

/// Every statement for a finished attempt, in the order they happened. `scenario` (the
/// version played, when the library still has it) names the activity and lists a choice
/// turn's replies; without it the statements still carry every result.
pub fn statements(
    attempt: &AttemptRecord,
    scenario: Option<&Scenario>,
    who: &Identity,
) -> Vec<Value> {
    let a = &attempt.about;
    let d = &attempt.debrief;
    let base = who.iri_base.trim_end_matches('/');
    let scenario_iri = format!("{base}/scenarios/{}", segment(&a.scenario_id));
    let title = scenario.map_or(a.scenario_id.as_str(), |s| s.title.as_str());
    let registration = registration(attempt);
    let kind = match a.kind {
        AttemptKind::Assessment => "assessment",
        AttemptKind::Practice => "practice",
    };
    let actor = json!({
        "objectType": "Agent",
        "account": {"homePage": who.home_page, "name": a.trainee},
    });
    let scenario_activity = json!({
        "objectType": "Activity",
        "id": scenario_iri,
        "definition": {"type": SIMULATION, "name": {"en-US": title}},
    });
    let context = json!({
        "registration": registration,
        "extensions": {
            format!("{base}/extensions/attempt-kind"): kind,
            format!("{base}/extensions/scenario-version"): a.scenario_version,
        },
    });
    let parent = scenario_activity.clone();
    let mut n = 0;
    let mut statement = |verb: &str, object: Value, result: Option<Value>, at_ms: u64| {
        n += 1;
        let id = stable_uuid(&[&registration, verb, &n.to_string()]);
        let mut s = json!({
            "id": id,
            "actor": actor,
            "verb": {"id": format!("{VERBS}/{verb}"), "display": {"en-US": verb}},
            "object": object,
            "context": context,
            "timestamp": timestamp(at_ms),
        });
        // A turn sits inside the scenario; the lifecycle statements are about the
        // scenario itself, which is their object, not their parent.
        if verb == "answered" {
            s["context"]["contextActivities"] = json!({"parent": [parent]});
        }
        // cmi5 puts the mastery score on the statement that judges against it.
        if verb == "passed" || verb == "failed" {
            s["context"]["extensions"][MASTERY] = json!(f64::from(d.pass_mark) / 100.0);
        }
        if let Some(r) = result {
            s["result"] = r;
        }
        s
    };
    let mut out = vec![statement(
        "initialized",
        scenario_activity.clone(),
        None,
        a.started_ms,
    )];
    // Each reply at the start plus the time taken so far, never past the end.
    let mut elapsed = 0u64;
    for entry in &attempt.transcript {
        let Entry::Trainee(turn) = entry else {
            continue;
        };
        elapsed = elapsed.saturating_add(turn.response_ms);
        let at = a
            .started_ms
            .saturating_add(elapsed)
            .min(attempt.finished_ms);
        let mut definition = json!({
            "type": INTERACTION,
            "name": {"en-US": format!("{title}: turn {}", turn.node)},
        });
        let response = match &turn.reply {
            Reply::Choice { index, .. } => {
                definition["interactionType"] = json!("choice");
                if let Some(Node::Choice(t)) = scenario.and_then(|s| s.node(&turn.node)) {
                    definition["choices"] = t
                        .choices
                        .iter()
                        .enumerate()
                        .map(|(i, c)| json!({"id": format!("choice-{i}"), "description": {"en-US": c.text}}))
                        .collect();
                }
                format!("choice-{index}")
            }
            Reply::Text { text } => {
                definition["interactionType"] = json!("long-fill-in");
                text.clone()
            }
        };
        let mut extensions = serde_json::Map::new();
        for dim in Dimension::ALL {
            extensions.insert(
                format!("{base}/extensions/level/{}", slug(dim)),
                json!(turn.levels.get(dim)),
            );
            extensions.insert(
                format!("{base}/extensions/score/{}", slug(dim)),
                json!(turn.scores[dim.index()]),
            );
        }
        let object = json!({
            "objectType": "Activity",
            "id": format!("{scenario_iri}/turns/{}", segment(&turn.node)),
            "definition": definition,
        });
        let result = json!({
            "response": response,
            "duration": duration(turn.response_ms),
            "extensions": extensions,
        });
        out.push(statement("answered", object, Some(result), at));
    }
    let spent = duration(attempt.finished_ms.saturating_sub(a.started_ms));
    out.push(statement(
        "completed",
        scenario_activity.clone(),
        Some(json!({"completion": true, "duration": spent})),
        attempt.finished_ms,
    ));
    let mut scores = serde_json::Map::new();
    for dim in Dimension::ALL {
        scores.insert(
            format!("{base}/extensions/score/{}", slug(dim)),
            json!(d.scores.get(dim)),
        );
    }
    scores.insert(
        format!("{base}/extensions/outcome"),
        json!(d.outcome.label().to_lowercase()),
    );
    out.push(statement(
        if d.passed { "passed" } else { "failed" },
        scenario_activity.clone(),
        Some(json!({
            "success": d.passed,
            "completion": true,
            "duration": spent,
            "score": {
                "scaled": (d.overall / 100.0).clamp(0.0, 1.0),
                "raw": d.overall,
                "min": 0,
                "max": 100,
            },
            "extensions": scores,
        })),
        attempt.finished_ms,
    ));
    out.push(statement(
        "terminated",
        scenario_activity,
        Some(json!({"duration": spent})),
        attempt.finished_ms,
    ));
    out
}
