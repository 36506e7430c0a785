//! Sound: voice clips and short cues, through rodio.
//!
//! With no sound device the app runs silently: `Audio::open` keeps the failure as a
//! notice for the UI to show once, and every call after that is a quiet no-op. Nothing
//! here panics or blocks the UI thread for long.

use std::path::Path;
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

/// The app's sound output.
pub struct Audio {
    sink: Option<rodio::MixerDeviceSink>,
    /// Why there is no sound, for the UI to say once.
    pub notice: Option<String>,
    /// 0.0-1.0.
    pub volume: f32,
    pub muted: bool,
}

impl Audio {
    /// Opens the default output device, or stays silent with a notice.
    pub fn open(volume: f32, muted: bool) -> Audio {
        match rodio::DeviceSinkBuilder::open_default_sink() {
            Ok(mut sink) => {
                sink.log_on_drop(false);
                Audio {
                    sink: Some(sink),
                    notice: None,
                    volume,
                    muted,
                }
            }
            Err(e) => Audio::silent(format!(
                "No sound device ({e}); Turnaround will run silently."
            )),
        }
    }

    /// An output that never plays, with the reason.
    pub fn silent(notice: impl Into<String>) -> Audio {
        Audio {
            sink: None,
            notice: Some(notice.into()),
            volume: 0.8,
            muted: false,
        }
    }

    fn gain(&self) -> Option<f32> {
        (!self.muted && self.volume > 0.0 && self.sink.is_some())
            .then_some(self.volume.clamp(0.0, 1.0))
    }

    /// Plays a cue.
    pub fn cue(&self, cue: Cue) {
        let (Some(gain), Some(sink)) = (self.gain(), &self.sink) else {
            return;
        };
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

    /// Plays a WAV clip; a missing or unreadable clip is skipped and its error returned
    /// for the caller to report once.
    pub fn clip(&self, path: &Path) -> Result<(), String> {
        let (Some(gain), Some(sink)) = (self.gain(), &self.sink) else {
            return Ok(());
        };
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let decoder =
            rodio::Decoder::try_from(file).map_err(|e| format!("{}: {e}", path.display()))?;
        sink.mixer().add(decoder.amplify(gain));
        Ok(())
    }
}
