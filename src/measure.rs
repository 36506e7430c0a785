//! What `--measure-startup` and the bare-window example print, so that both are measured
//! the same way in one place.

use std::time::Instant;

/// The process's peak resident memory so far, in KiB (Linux's `VmHWM`); `None` where
/// the platform does not say.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Prints `WHAT: N ms` since `started`, then `peak RSS: N KiB` when known. A closed
/// standard output is ignored: the window closes either way.
pub fn report_first_frame(what: &str, started: Instant) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{what}: {} ms", started.elapsed().as_millis());
    if let Some(kib) = peak_rss_kib() {
        let _ = writeln!(out, "peak RSS: {kib} KiB");
    }
}
