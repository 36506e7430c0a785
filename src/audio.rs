//! Sound: voice clips and short cues, through rodio.
//!
//! With no sound device the app runs silently: the sound thread reports the failure once,
//! through `Audio::notices`, and every call after that is a quiet no-op. Nothing here
//! panics or blocks the UI thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use rodio::Source;

/// Short synthesised cues, so the app needs no bundled sound files for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The customer says something new.
    CustomerLine,
    /// The conversation has ended.
    Ending,
}

/// The app's sound output. The output device is opened and owned by a thread of its own:
/// opening it (ALSA, PulseAudio) takes milliseconds to tens of milliseconds, which the
/// first frame does not wait for, and what is played is handed over on a channel.
pub struct Audio {
    /// Requests for the sound thread; `None` when silent from the start.
    to_device: Option<mpsc::Sender<Play>>,
    /// What the sound thread has to say: that there is no device, or a clip that failed.
    from_device: Option<mpsc::Receiver<String>>,
    /// Why there is no sound, for the UI to say once.
    pub notice: Option<String>,
    /// 0.0-1.0.
    pub volume: f32,
    pub muted: bool,
}

/// One thing for the sound thread to play, at a gain.
enum Play {
    Cue(Cue, f32),
    Clip(PathBuf, f32),
}

impl Audio {
    /// Opens the default output device on the sound thread; without one it stays silent
    /// and says so through `notices`. `wake` is called after each notice, so a window
    /// can draw it at once rather than at its next input.
    pub fn open(volume: f32, muted: bool, wake: impl Fn() + Send + 'static) -> Audio {
        let (to_device, requests) = mpsc::channel::<Play>();
        let (tell, from_device) = mpsc::channel::<String>();
        let spawned = std::thread::Builder::new()
            .name("sound".into())
            .spawn(move || {
                let mut sink = match rodio::DeviceSinkBuilder::open_default_sink() {
                    Ok(sink) => sink,
                    Err(e) => {
                        let _ = tell.send(format!(
                            "No sound device ({e}); Turnaround will run silently."
                        ));
                        wake();
                        return;
                    }
                };
                sink.log_on_drop(false);
                // Until the app drops its `Audio`.
                for play in requests {
                    match play {
                        Play::Cue(cue, gain) => play_cue(&sink, cue, gain),
                        Play::Clip(path, gain) => {
                            if let Err(e) = play_clip(&sink, &path, gain) {
                                let _ = tell.send(format!("Could not play a voice clip: {e}"));
                                wake();
                            }
                        }
                    }
                }
            });
        match spawned {
            Ok(_) => Audio {
                to_device: Some(to_device),
                from_device: Some(from_device),
                notice: None,
                volume,
                muted,
            },
            Err(e) => Audio::silent(format!(
                "Sound could not start ({e}); Turnaround will run silently."
            )),
        }
    }

    /// An output that never plays, with the reason.
    pub fn silent(notice: impl Into<String>) -> Audio {
        Audio {
            to_device: None,
            from_device: None,
            notice: Some(notice.into()),
            volume: 0.8,
            muted: false,
        }
    }

    /// What the sound thread reported since the last call, for the UI to show.
    pub fn notices(&mut self) -> Vec<String> {
        self.from_device
            .as_ref()
            .map(|r| r.try_iter().collect())
            .unwrap_or_default()
    }

    fn send(&self, play: impl FnOnce(f32) -> Play) {
        if let Some(to_device) = &self.to_device
            && !self.muted
            && self.volume > 0.0
        {
            // A closed channel means there is no device: silence, as promised.
            let _ = to_device.send(play(self.volume.clamp(0.0, 1.0)));
        }
    }

    /// Plays a cue.
    pub fn cue(&self, cue: Cue) {
        self.send(|gain| Play::Cue(cue, gain));
    }

    /// Plays a WAV or Ogg Vorbis clip; a missing or unreadable clip is skipped, and
    /// reported once through `notices`.
    pub fn clip(&self, path: &Path) {
        self.send(|gain| Play::Clip(path.to_path_buf(), gain));
    }
}

fn play_cue(sink: &rodio::MixerDeviceSink, cue: Cue, gain: f32) {
    let (first, second) = match cue {
        Cue::CustomerLine => (660.0, 880.0),
        Cue::Ending => (523.0, 784.0),
    };
    let tone = |f: f32, ms: u64| {
        rodio::source::SineWave::new(f)
            .take_duration(Duration::from_millis(ms))
            .fade_in(Duration::from_millis(10))
            .amplify(0.15 * gain)
    };
    sink.mixer().add(tone(first, 90));
    sink.mixer()
        .add(tone(second, 140).delay(Duration::from_millis(90)));
}

fn play_clip(sink: &rodio::MixerDeviceSink, path: &Path, gain: f32) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let decoder = rodio::Decoder::try_from(file).map_err(|e| format!("{}: {e}", path.display()))?;
    sink.mixer().add(decoder.amplify(gain));
    Ok(())
}
