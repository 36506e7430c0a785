//! Where Turnaround keeps its files: the data dir and the trainer's scenario folder.
//!
//! Resolution, and `make_private` for the data dir; nothing else here writes.

use std::path::{Path, PathBuf};

/// The environment variable that overrides the data dir (PRODUCT.md).
pub const DATA_DIR_ENV: &str = "TURNAROUND_DATA_DIR";

/// The data dir: the flag if given, else `TURNAROUND_DATA_DIR` (clap reads it into the
/// flag), else the platform's project data dir, else `./turnaround-data`.
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    directories::ProjectDirs::from("", "", "turnaround")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("turnaround-data"))
}

/// The trainer's scenario folder: the flag if given, else `<data dir>/scenarios`.
pub fn trainer_scenarios(data_dir: &Path, flag: Option<&Path>) -> PathBuf {
    flag.map_or_else(|| data_dir.join("scenarios"), Path::to_path_buf)
}

/// Creates `dir` if needed and, on Unix, makes it owner-only (PRODUCT.md: OS permissions
/// guard the files). Best effort: a folder we cannot chmod (not ours) is left as it is.
pub fn make_private(dir: &Path) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
}

/// Creates `dir` and any missing parents owner-only (0700 on Unix); existing folders are
/// left as they are.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
