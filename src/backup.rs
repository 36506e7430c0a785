//! Backup and restore of a whole data dir as one archive file.
//!
//! The archive: a header line, every file's bytes one after another, then a manifest
//! (JSON: each file's path, size and blake3 checksum) and a trailer line giving the
//! manifest's offset and checksum. Restoring checks the trailer, the manifest and every
//! file's checksum before it touches anything; then it moves the current data dir aside
//! (never deleting it) and puts the restored one in its place.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

const MAGIC: &str = "turnaround-backup 1\n";
/// `<16 hex: manifest offset> <64 hex: manifest blake3>\n`
const TRAILER_LEN: u64 = 16 + 1 + 64 + 1;

/// One file in an archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the data dir, with `/` between parts.
    pub path: String,
    pub bytes: u64,
    pub blake3: String,
}

/// What an archive holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Unix ms.
    pub created_ms: u64,
    pub files: Vec<Entry>,
}

/// What went wrong.
#[derive(Debug, Error)]
pub enum BackupError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a Turnaround backup")]
    NotABackup(PathBuf),
    #[error("{path} is damaged: {what}; nothing was restored")]
    Damaged { path: PathBuf, what: String },
    #[error("cancelled")]
    Cancelled,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Files under `dir` worth keeping, sorted: everything but temp files and lock files.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, BackupError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io(&d)(e)),
        };
        for e in entries {
            let e = e.map_err(io(&d))?;
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let kind = e.file_type().map_err(io(&p))?;
            if kind.is_dir() {
                stack.push(p);
            } else if kind.is_file() && !name.starts_with(".tmp") && name != ".lock" {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn relative(dir: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// Writes a backup of `data_dir` to `out`; `progress(done, total)` after each file,
/// returning false cancels. The archive appears only when complete.
pub fn create(
    data_dir: &Path,
    out: &Path,
    now_ms: u64,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<Manifest, BackupError> {
    let files = files_under(data_dir)?;
    let dir = out.parent().unwrap_or(Path::new("."));
    crate::paths::create_private_dir(dir).map_err(io(dir))?;
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io(dir))?;
    let mut w = BufWriter::new(tmp.as_file());
    w.write_all(MAGIC.as_bytes()).map_err(io(out))?;
    let mut offset = MAGIC.len() as u64;
    let mut entries = Vec::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        let Some(path) = relative(data_dir, f) else {
            // A name that is not Unicode cannot be listed in the manifest: say so.
            return Err(BackupError::Io {
                path: f.clone(),
                source: std::io::Error::other("the file name is not valid Unicode"),
            });
        };
        let bytes = fs::read(f).map_err(io(f))?;
        w.write_all(&bytes).map_err(io(out))?;
        offset += bytes.len() as u64;
        entries.push(Entry {
            path,
            bytes: bytes.len() as u64,
            blake3: blake3::hash(&bytes).to_hex().to_string(),
        });
        if !progress(i + 1, files.len()) {
            return Err(BackupError::Cancelled);
        }
    }
    let manifest = Manifest {
        created_ms: now_ms,
        files: entries,
    };
    let json = serde_json::to_vec(&manifest).map_err(|e| io(out)(std::io::Error::other(e)))?;
    w.write_all(&json).map_err(io(out))?;
    let trailer = format!("{offset:016x} {}\n", blake3::hash(&json).to_hex());
    w.write_all(trailer.as_bytes()).map_err(io(out))?;
    w.flush().map_err(io(out))?;
    drop(w);
    tmp.as_file().sync_all().map_err(io(out))?;
    tmp.persist(out).map_err(|e| io(out)(e.error))?;
    Ok(manifest)
}

/// Reads and checks an archive completely: the trailer, the manifest, safe paths and
/// every file's checksum. Touches nothing.
pub fn verify(archive: &Path) -> Result<Manifest, BackupError> {
    let damaged = |what: &str| BackupError::Damaged {
        path: archive.to_path_buf(),
        what: what.to_string(),
    };
    let mut f = File::open(archive).map_err(io(archive))?;
    let len = f.metadata().map_err(io(archive))?.len();
    let mut magic = vec![0; MAGIC.len()];
    if len < MAGIC.len() as u64 + TRAILER_LEN
        || f.read_exact(&mut magic).is_err()
        || magic != MAGIC.as_bytes()
    {
        return Err(BackupError::NotABackup(archive.to_path_buf()));
    }
    f.seek(SeekFrom::Start(len - TRAILER_LEN))
        .map_err(io(archive))?;
    let mut trailer = vec![0; TRAILER_LEN as usize];
    f.read_exact(&mut trailer).map_err(io(archive))?;
    let trailer = String::from_utf8(trailer).map_err(|_| damaged("the trailer is unreadable"))?;
    let (offset, sum) = trailer
        .trim_end()
        .split_once(' ')
        .ok_or_else(|| damaged("the trailer is unreadable"))?;
    let offset =
        u64::from_str_radix(offset, 16).map_err(|_| damaged("the trailer is unreadable"))?;
    if offset < MAGIC.len() as u64 || offset > len - TRAILER_LEN {
        return Err(damaged("the manifest's offset is out of range"));
    }
    f.seek(SeekFrom::Start(offset)).map_err(io(archive))?;
    let mut json = vec![0; (len - TRAILER_LEN - offset) as usize];
    f.read_exact(&mut json).map_err(io(archive))?;
    if blake3::hash(&json).to_hex().as_str() != sum {
        return Err(damaged("the manifest's checksum does not match"));
    }
    let manifest: Manifest =
        serde_json::from_slice(&json).map_err(|_| damaged("the manifest is unreadable"))?;
    let total = manifest
        .files
        .iter()
        .try_fold(MAGIC.len() as u64, |sum, e| sum.checked_add(e.bytes));
    if total != Some(offset) {
        return Err(damaged("the files' sizes do not add up"));
    }
    f.seek(SeekFrom::Start(MAGIC.len() as u64))
        .map_err(io(archive))?;
    let mut r = BufReader::new(f);
    for e in &manifest.files {
        if !safe(&e.path) {
            return Err(damaged(&format!(
                "`{}` is not a path inside a data dir",
                e.path
            )));
        }
        let mut bytes = vec![0; usize::try_from(e.bytes).unwrap_or(usize::MAX).min(1 << 31)];
        r.read_exact(&mut bytes).map_err(io(archive))?;
        if blake3::hash(&bytes).to_hex().as_str() != e.blake3 {
            return Err(damaged(&format!(
                "`{}` does not match its checksum",
                e.path
            )));
        }
    }
    Ok(manifest)
}

/// A relative path with only normal parts: nothing absolute, no `..`.
fn safe(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub files: usize,
    /// Where the data dir that was there before now is.
    pub moved_aside: Option<PathBuf>,
}

/// Restores `archive` into `data_dir` after checking all of it. The current data dir is
/// moved aside to `<data dir>.before-restore-<ms>`, never deleted.
pub fn restore(archive: &Path, data_dir: &Path, now_ms: u64) -> Result<Restored, BackupError> {
    let manifest = verify(archive)?;
    let parent = data_dir.parent().unwrap_or(Path::new("."));
    let name = data_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "turnaround".into());
    // Unpack beside the data dir first, so a failure here leaves the current data as it is.
    let staging = parent.join(format!(".{name}.restoring-{now_ms}"));
    crate::paths::create_private_dir(&staging).map_err(io(&staging))?;
    let unpack = || -> Result<(), BackupError> {
        let mut r = BufReader::new(File::open(archive).map_err(io(archive))?);
        r.seek(SeekFrom::Start(MAGIC.len() as u64))
            .map_err(io(archive))?;
        for e in &manifest.files {
            let mut bytes = vec![0; usize::try_from(e.bytes).unwrap_or(usize::MAX).min(1 << 31)];
            r.read_exact(&mut bytes).map_err(io(archive))?;
            if blake3::hash(&bytes).to_hex().as_str() != e.blake3 {
                return Err(BackupError::Damaged {
                    path: archive.to_path_buf(),
                    what: format!("`{}` changed while restoring", e.path),
                });
            }
            let target = staging.join(&e.path);
            crate::progress::write_atomic(&target, &bytes).map_err(io(&target))?;
        }
        Ok(())
    };
    if let Err(e) = unpack() {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let moved_aside = if data_dir.exists() {
        let aside = parent.join(format!("{name}.before-restore-{now_ms}"));
        if let Err(e) = fs::rename(data_dir, &aside) {
            let _ = fs::remove_dir_all(&staging);
            return Err(io(data_dir)(e));
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(&staging, data_dir) {
        // Put the old data back rather than leave nothing in place.
        if let Some(aside) = &moved_aside {
            let _ = fs::rename(aside, data_dir);
        }
        return Err(io(data_dir)(e));
    }
    Ok(Restored {
        files: manifest.files.len(),
        moved_aside,
    })
}
