//! `voice-lines` (hidden): every customer line of the built-in scenarios, with the
//! espeak-ng voice that says it (from `voice`) and its clip's path under `assets/`.
//! `.ci/voices` reads `--json` to synthesise the clips; this command never runs
//! espeak-ng or writes a file itself.

use serde::Serialize;

use super::{EXIT_INPUT, EXIT_OK};
use crate::library;
use crate::scenario::{self, Emotion};
use crate::voice::{self, Speech};

/// One line to voice, as `--json` prints it.
#[derive(Debug, Serialize)]
struct VoiceLine<'a> {
    scenario: &'a str,
    node: &'a str,
    emotion: Emotion,
    text: &'a str,
    #[serde(flatten)]
    speech: Speech,
    /// Relative to the assets folder.
    clip: String,
}

/// Prints the lines of every built-in scenario, by scenario id then file order; exits 1
/// when a built-in scenario does not load.
pub(super) fn run(json: bool) -> i32 {
    let checked = library::check_builtins();
    let mut broken = false;
    let mut scenarios = Vec::new();
    for c in &checked {
        match &c.scenario {
            Some(s) => scenarios.push(s),
            None => {
                broken = true;
                eprint!("{}", scenario::render(&c.source, &c.diagnostics));
            }
        }
    }
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    let mut count = 0;
    for s in scenarios {
        let persona = voice::persona(&s.customer);
        for line in voice::customer_lines(s) {
            let item = VoiceLine {
                scenario: &s.id,
                node: line.node,
                emotion: line.emotion,
                text: line.say,
                speech: voice::speech(&persona, line.emotion),
                clip: voice::clip_path(&s.id, line.node),
            };
            if json {
                // Plain strings and numbers: serialising them cannot fail.
                println!("{}", serde_json::to_string(&item).unwrap_or_default());
            } else {
                println!(
                    "{:<48} {:<10} -p {:<2} -s {:<3} -a {:<3} -g {}  {}",
                    item.clip,
                    item.speech.voice,
                    item.speech.pitch,
                    item.speech.speed,
                    item.speech.amplitude,
                    item.speech.word_gap,
                    item.emotion.label()
                );
            }
            count += 1;
        }
    }
    if !json {
        println!("{count} customer lines");
    }
    if broken { EXIT_INPUT } else { EXIT_OK }
}
