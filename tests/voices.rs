//! The committed voice clips (`assets/voices`, made by `bash .ci/voices`) match the
//! built-in scenarios: one clip for every customer line, none left over, and each one
//! decodes. Decoding needs no sound device.

use std::collections::BTreeSet;
use std::path::Path;

use turnaround::library;
use turnaround::voice;

use crate::util::root;

/// Every clip the built-in scenarios' customer lines need, relative to `assets/`.
fn needed() -> BTreeSet<String> {
    let mut clips = BTreeSet::new();
    for checked in library::check_builtins() {
        let scenario = checked
            .scenario
            .unwrap_or_else(|| panic!("{} does not load", checked.source.name));
        for line in voice::customer_lines(&scenario) {
            clips.insert(voice::clip_path(&scenario.id, line.node));
        }
    }
    clips
}

/// Every `.ogg` file under `assets/voices`, relative to `assets/`.
fn committed(assets: &Path) -> BTreeSet<String> {
    let mut clips = BTreeSet::new();
    let mut folders = vec![assets.join(voice::VOICES_DIR)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == voice::CLIP_EXTENSION) {
                let rel = path.strip_prefix(assets).expect("under assets");
                clips.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    clips
}

#[test]
fn every_customer_line_has_a_clip_and_every_clip_a_line() {
    let assets = root().join("assets");
    let needed = needed();
    let have = committed(&assets);
    assert!(
        needed.len() > 100,
        "expected the built-ins' lines, found {}",
        needed.len()
    );
    let missing: Vec<_> = needed.difference(&have).collect();
    let extra: Vec<_> = have.difference(&needed).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "assets/ and the built-in scenarios disagree; run `bash .ci/voices`\n\
         missing clips: {missing:#?}\nclips no line needs: {extra:#?}"
    );
}

#[test]
fn every_clip_decodes_to_speech() {
    use rodio::Source;

    let assets = root().join("assets");
    let clips = committed(&assets);
    assert!(!clips.is_empty(), "no clips under assets/voices");
    let mut bad = Vec::new();
    for clip in &clips {
        let path = assets.join(clip);
        let file = std::fs::File::open(&path).expect("open a clip");
        let decoder = match rodio::Decoder::try_from(file) {
            Ok(d) => d,
            Err(e) => {
                bad.push(format!("{clip}: {e}"));
                continue;
            }
        };
        let rate = decoder.sample_rate().get();
        let channels = decoder.channels().get();
        let samples = decoder.count();
        let seconds = samples as f64 / f64::from(rate) / f64::from(channels);
        // The shortest line lasts about 3 s here (docs/voices.md); the longest well under two
        // minutes.
        if !(0.5..120.0).contains(&seconds) || channels != 1 {
            bad.push(format!(
                "{clip}: {samples} samples, {channels} channel(s) at {rate} Hz ({seconds:.1} s)"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "clips that do not decode to speech:\n{}",
        bad.join("\n")
    );
}
