//! Who may see what (PRODUCT.md): the manager and trainer PINs, optional trainee PINs,
//! and whether trainees must have one. PINs are stored only as salted argon2 hashes, in
//! `<data dir>/access.ron`, written atomically and owner-only.
//!
//! A damaged access file is never overwritten or set aside: that would unset the PINs and
//! let anyone choose new ones. It is reported and the gated areas stay locked.
//!
//! Wrong PINs are rate-limited: after `FREE_TRIES` wrong tries in a row, each further try
//! waits a growing delay, and every refusal goes to the audit log. Setting the first
//! manager PIN gives a recovery code, shown once; it (or the old PIN) is the only way to
//! reset the manager PIN.

use std::collections::BTreeMap;
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

/// Wrong tries in a row allowed before the delay starts.
pub const FREE_TRIES: u32 = 3;

/// The delay after the first try past `FREE_TRIES`; it doubles with each further one.
pub const FIRST_DELAY_MS: u64 = 5_000;

/// The longest delay.
pub const MAX_DELAY_MS: u64 = 15 * 60 * 1000;

/// How long to wait after `failures` wrong tries in a row (0 while under `FREE_TRIES`).
pub fn delay_after(failures: u32) -> u64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(20);
    (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
}

/// What a PIN try came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The PIN is right.
    Open,
    /// The PIN is wrong; the next try is allowed after `wait_ms` (0: at once).
    Wrong { wait_ms: u64 },
    /// Too many wrong tries: not checked at all; try again after `wait_ms`.
    Locked { wait_ms: u64 },
    /// The PIN file could not be read or locked: refused, to be safe.
    Unavailable(String),
}

impl Verdict {
    /// What to tell the person, for a refusal.
    pub fn message(&self) -> Option<String> {
        let secs = |ms: u64| ms.div_ceil(1000);
        match self {
            Verdict::Open => None,
            Verdict::Wrong { wait_ms: 0 } => Some("That PIN is not right.".into()),
            Verdict::Wrong { wait_ms } => Some(format!(
                "That PIN is not right. Too many wrong tries: wait {} s before the next one.",
                secs(*wait_ms)
            )),
            Verdict::Locked { wait_ms } => Some(format!(
                "Too many wrong tries. Wait {} s, then try again.",
                secs(*wait_ms)
            )),
            Verdict::Unavailable(why) => Some(format!("The PIN cannot be checked now: {why}")),
        }
    }
}

/// Wrong tries in a row for one PIN, and when the next try is allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    pub failures: u32,
    /// Unix ms.
    pub until_ms: u64,
}

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
    #[error("{0}")]
    Refused(String),
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
    /// A hash of the manager's recovery code, shown once when the PIN was set.
    pub recovery_code: Option<String>,
    /// Wrong tries in a row, by what was tried: `manager`, `trainer`, `recovery`,
    /// `trainee:<id>`.
    pub lockouts: BTreeMap<String, Lockout>,
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
    hash_secret(pin)
}

fn hash_secret(secret: &str) -> Result<String, AccessError> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AccessError::Hash(e.to_string()))
}

/// A fresh recovery code: 16 characters from an unambiguous alphabet (80 random bits), in
/// four groups, e.g. `K7QM-2WXD-9TNB-4HPE`.
pub fn new_recovery_code() -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes = uuid::Uuid::new_v4().into_bytes();
    let mut bits: u128 = u128::from_be_bytes(bytes);
    let mut out = String::new();
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[(bits & 31) as usize] as char);
        bits >>= 5;
    }
    out
}

/// A recovery code as typed: upper case, without spaces or dashes.
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
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

/// Reads `access.ron`; none yet means no PINs are set.
fn read_file(path: &Path) -> Result<AccessFile, AccessError> {
    match fs::read_to_string(path) {
        Ok(text) => ron::from_str(&text).map_err(|e| AccessError::Damaged {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AccessFile::default()),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(AccessError::Damaged {
            path: path.to_path_buf(),
            reason: "not text".into(),
        }),
        Err(source) => Err(AccessError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
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
        let file = read_file(&path)?;
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

    /// Whether `pin` opens the role's area, without counting the try (for tests and
    /// callers that rate-limit themselves). The manager PIN opens the trainer area too.
    pub fn check(&self, role: Role, pin: &str) -> bool {
        let own = self.hash(role).is_some_and(|h| verify_pin(pin, h));
        own || (role == Role::Trainer
            && self.hash(Role::Manager).is_some_and(|h| verify_pin(pin, h)))
    }

    /// Runs `f` holding an exclusive lock on `access.lock`, after reading the file afresh,
    /// so that other processes' changes (a PIN set in the terminal, their wrong tries) are
    /// neither missed nor overwritten. Never nested.
    fn transaction<R>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<R, AccessError>,
    ) -> Result<R, AccessError> {
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let io = |source| AccessError::Io {
            path: dir.join("access.lock"),
            source,
        };
        crate::paths::create_private_dir(&dir).map_err(io)?;
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options.open(dir.join("access.lock")).map_err(io)?;
        lock.lock().map_err(io)?;
        let result = read_file(&self.path).and_then(|file| {
            self.file = file;
            f(self)
        });
        let _ = lock.unlock();
        result
    }

    /// Tries a role's PIN at `now_ms`, counting wrong tries and enforcing the delay. Both
    /// gates share one count: the manager PIN opens the trainer area too, so separate
    /// counts would let it be guessed twice as fast.
    pub fn try_role(&mut self, role: Role, pin: &str, now_ms: u64) -> Verdict {
        self.transaction(|a| {
            let ok = a.check(role, pin);
            Ok(a.settle(
                Role::Manager.label(),
                ok,
                now_ms,
                &format!("a wrong {} PIN", role.label()),
            ))
        })
        .unwrap_or_else(|e| Verdict::Unavailable(e.to_string()))
    }

    /// Tries a trainee's PIN against their stored hash, with the same delays.
    pub fn try_trainee(&mut self, trainee_id: &str, pin: &str, hash: &str, now_ms: u64) -> Verdict {
        let key = format!("trainee:{trainee_id}");
        let ok = verify_pin(pin, hash);
        // The audit log never names a trainee.
        self.transaction(|a| Ok(a.settle(&key, ok, now_ms, "a wrong trainee PIN")))
            .unwrap_or_else(|e| Verdict::Unavailable(e.to_string()))
    }

    /// Records the outcome of a try. A locked key is refused before `ok` counts.
    /// Only inside a transaction.
    fn settle(&mut self, key: &str, ok: bool, now_ms: u64, what: &str) -> Verdict {
        let lockout = self.file.lockouts.get(key).cloned().unwrap_or_default();
        if lockout.until_ms > now_ms {
            let _ = self.audit(now_ms, "system", &format!("refused {what} try: locked out"));
            return Verdict::Locked {
                wait_ms: lockout.until_ms - now_ms,
            };
        }
        if ok {
            if self.file.lockouts.remove(key).is_some() {
                let _ = self.save();
            }
            return Verdict::Open;
        }
        let failures = lockout.failures.saturating_add(1);
        let wait_ms = delay_after(failures);
        self.file.lockouts.insert(
            key.to_string(),
            Lockout {
                failures,
                until_ms: now_ms.saturating_add(wait_ms),
            },
        );
        let _ = self.save();
        let _ = self.audit(
            now_ms,
            "system",
            &format!("refused {what} ({failures} wrong in a row)"),
        );
        Verdict::Wrong { wait_ms }
    }

    /// Records a refusal (`by` "system") or a PIN change (`by` "manager").
    fn audit(&self, now_ms: u64, by: &str, action: &str) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        crate::audit::AuditLog::new(dir).record(now_ms, by, action)
    }

    /// Sets the first manager PIN and returns the recovery code to show once.
    pub fn set_first_manager_pin(&mut self, pin: &str, now_ms: u64) -> Result<String, AccessError> {
        check_pin_shape(pin)?;
        self.transaction(|a| {
            if a.is_set(Role::Manager) {
                return Err(AccessError::AlreadySet(Role::Manager.label()));
            }
            let code = new_recovery_code();
            a.file.recovery_code = Some(hash_secret(&normalise_code(&code))?);
            a.change_pin(Role::Manager, pin)?;
            let _ = a.audit(now_ms, "manager", "set the first manager PIN");
            Ok(code)
        })
    }

    /// Sets a PIN the first time (the trainer's; the manager's goes through
    /// `set_first_manager_pin`, which also makes a recovery code).
    pub fn set_first_pin(&mut self, role: Role, pin: &str) -> Result<(), AccessError> {
        if role == Role::Manager {
            return self.set_first_manager_pin(pin, 0).map(|_| ());
        }
        self.transaction(|a| {
            if a.is_set(role) {
                return Err(AccessError::AlreadySet(role.label()));
            }
            a.change_pin(role, pin)
        })
    }

    /// Replaces the manager PIN given the current one. Rate-limited like any try.
    pub fn change_manager_pin(
        &mut self,
        old: &str,
        new: &str,
        now_ms: u64,
    ) -> Result<(), AccessError> {
        check_pin_shape(new)?;
        self.transaction(|a| {
            let ok = a.check(Role::Manager, old);
            let verdict = a.settle(Role::Manager.label(), ok, now_ms, "a wrong manager PIN");
            if let Some(message) = verdict.message() {
                return Err(AccessError::Refused(format!(
                    "the current manager PIN: {message}"
                )));
            }
            a.change_pin(Role::Manager, new)?;
            let _ = a.audit(now_ms, "manager", "changed the manager PIN");
            Ok(())
        })
    }

    /// Resets the manager PIN with the recovery code; returns the new recovery code (the
    /// old one is used up).
    pub fn reset_with_recovery_code(
        &mut self,
        code: &str,
        new: &str,
        now_ms: u64,
    ) -> Result<String, AccessError> {
        check_pin_shape(new)?;
        self.transaction(|a| {
            let ok = a.file.recovery_code.as_deref().is_some_and(|h| {
                PasswordHash::new(h)
                    .map(|h| {
                        Argon2::default()
                            .verify_password(normalise_code(code).as_bytes(), &h)
                            .is_ok()
                    })
                    .unwrap_or(false)
            });
            if let Some(message) = a
                .settle("recovery", ok, now_ms, "a wrong recovery code")
                .message()
            {
                return Err(AccessError::Refused(
                    message.replace("PIN", "recovery code"),
                ));
            }
            let fresh = new_recovery_code();
            a.file.recovery_code = Some(hash_secret(&normalise_code(&fresh))?);
            a.file.lockouts.remove(Role::Manager.label());
            a.change_pin(Role::Manager, new)?;
            let _ = a.audit(
                now_ms,
                "manager",
                "reset the manager PIN with the recovery code",
            );
            Ok(fresh)
        })
    }

    /// Sets or replaces the trainer PIN (the caller has checked the manager PIN).
    pub fn set_trainer_pin(&mut self, pin: &str, now_ms: u64) -> Result<(), AccessError> {
        self.transaction(|a| {
            a.change_pin(Role::Trainer, pin)?;
            let _ = a.audit(now_ms, "manager", "set the trainer PIN");
            Ok(())
        })
    }

    /// Sets or replaces a role's PIN hash; callers check who may. Only inside a
    /// transaction.
    fn change_pin(&mut self, role: Role, pin: &str) -> Result<(), AccessError> {
        let hash = hash_pin(pin)?;
        match role {
            Role::Manager => self.file.manager_pin = Some(hash),
            Role::Trainer => self.file.trainer_pin = Some(hash),
        }
        self.save()
    }

    /// Forgets what is kept about a trainee (their wrong-try count): when they are
    /// deleted, or their PIN is cleared.
    pub fn forget_trainee(&mut self, trainee_id: &str) -> Result<(), AccessError> {
        let key = format!("trainee:{trainee_id}");
        self.transaction(|a| {
            if a.file.lockouts.remove(&key).is_some() {
                a.save()?;
            }
            Ok(())
        })
    }

    /// Requires trainee PINs or not (the caller has checked the manager PIN).
    pub fn require_trainee_pins(&mut self, required: bool) -> Result<(), AccessError> {
        self.transaction(|a| {
            a.file.trainee_pins_required = required;
            a.save()
        })
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
