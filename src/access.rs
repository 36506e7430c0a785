//! Who may see what (PRODUCT.md): the manager and trainer PINs, optional trainee PINs,
//! and whether trainees must have one. PINs are stored only as salted argon2 hashes, in
//! `<data dir>/access.ron`, written atomically and owner-only.
//!
//! A damaged access file is never overwritten or set aside: that would unset the PINs and
//! let anyone choose new ones. It is reported and the gated areas stay locked.

use std::fs;
use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The environment variable the CLI reads the manager PIN from (PRODUCT.md).
pub const MANAGER_PIN_ENV: &str = "TURNAROUND_MANAGER_PIN";

/// The shortest and longest PINs accepted.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=12;

/// A gated role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Sees all trainees and exports; sets PINs.
    Manager,
    /// Authors and playtests. The manager PIN opens this too.
    Trainer,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Trainer => "trainer",
        }
    }
}

/// What can go wrong with PINs.
#[derive(Debug, Error)]
pub enum AccessError {
    #[error("a PIN is {min}-{max} digits", min = PIN_DIGITS.start(), max = PIN_DIGITS.end())]
    BadPin,
    #[error("the {0} PIN is already set; only the manager can change it")]
    AlreadySet(&'static str),
    #[error(
        "{path} is damaged ({reason}); fix or remove it to unlock the manager and trainer areas"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not hash the PIN: {0}")]
    Hash(String),
}

/// The access file's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessFile {
    pub format: u32,
    /// PHC strings (argon2id, salted).
    pub manager_pin: Option<String>,
    pub trainer_pin: Option<String>,
    /// Whether every trainee must set a PIN on their profile.
    pub trainee_pins_required: bool,
}

/// Checks that a PIN is 4-12 digits.
pub fn check_pin_shape(pin: &str) -> Result<(), AccessError> {
    if PIN_DIGITS.contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AccessError::BadPin)
    }
}

/// A salted argon2id hash of a PIN, as a PHC string.
pub fn hash_pin(pin: &str) -> Result<String, AccessError> {
    check_pin_shape(pin)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AccessError::Hash(e.to_string()))
}

/// Whether `pin` matches a stored hash. A hash that does not parse matches nothing.
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The PINs of one data dir.
#[derive(Debug, Clone)]
pub struct Access {
    path: PathBuf,
    pub file: AccessFile,
}

impl Access {
    /// Reads `<data dir>/access.ron`; none yet means no PINs are set.
    pub fn load(data_dir: &Path) -> Result<Access, AccessError> {
        let path = data_dir.join("access.ron");
        let file = match fs::read_to_string(&path) {
            Ok(text) => ron::from_str(&text).map_err(|e| AccessError::Damaged {
                path: path.clone(),
                reason: e.to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => AccessFile::default(),
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                return Err(AccessError::Damaged {
                    path,
                    reason: "not text".into(),
                });
            }
            Err(source) => return Err(AccessError::Io { path, source }),
        };
        Ok(Access { path, file })
    }

    fn hash(&self, role: Role) -> Option<&str> {
        match role {
            Role::Manager => self.file.manager_pin.as_deref(),
            Role::Trainer => self.file.trainer_pin.as_deref(),
        }
    }

    /// Whether the role's PIN has been set.
    pub fn is_set(&self, role: Role) -> bool {
        self.hash(role).is_some()
    }

    /// Whether `pin` opens the role's area. The manager PIN opens the trainer area too.
    pub fn check(&self, role: Role, pin: &str) -> bool {
        let own = self.hash(role).is_some_and(|h| verify_pin(pin, h));
        own || (role == Role::Trainer
            && self.hash(Role::Manager).is_some_and(|h| verify_pin(pin, h)))
    }

    /// Sets a PIN the first time. Changing one that is set goes through `change_pin`.
    pub fn set_first_pin(&mut self, role: Role, pin: &str) -> Result<(), AccessError> {
        if self.is_set(role) {
            return Err(AccessError::AlreadySet(role.label()));
        }
        self.change_pin(role, pin)
    }

    /// Sets or replaces a role's PIN (the caller has checked the manager PIN).
    pub fn change_pin(&mut self, role: Role, pin: &str) -> Result<(), AccessError> {
        let hash = hash_pin(pin)?;
        match role {
            Role::Manager => self.file.manager_pin = Some(hash),
            Role::Trainer => self.file.trainer_pin = Some(hash),
        }
        self.save()
    }

    /// Requires trainee PINs or not (the caller has checked the manager PIN).
    pub fn require_trainee_pins(&mut self, required: bool) -> Result<(), AccessError> {
        self.file.trainee_pins_required = required;
        self.save()
    }

    fn save(&mut self) -> Result<(), AccessError> {
        self.file.format = crate::progress::FORMAT_VERSION;
        let text = ron::ser::to_string_pretty(&self.file, ron::ser::PrettyConfig::default())
            .map_err(|e| AccessError::Hash(e.to_string()))?;
        if let Some(dir) = self.path.parent() {
            crate::paths::make_private(dir);
        }
        // write_atomic's temp file is created owner-only, and rename keeps that.
        crate::progress::write_atomic(&self.path, text.as_bytes()).map_err(|source| {
            AccessError::Io {
                path: self.path.clone(),
                source,
            }
        })
    }
}
