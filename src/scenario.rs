//! Scenarios: the model trainers write, parsing with located errors, validation, the
//! version hash, and localized copies for playing in another language.
//!
//! No GUI, no sound, and no disk access: `library` reads the files and hands their text in.

mod diagnostic;
pub mod graph;
mod load;
mod localize;
mod locate;
mod model;
mod translations;
mod validate;

pub use diagnostic::{Diagnostic, Severity, SourceFile, did_you_mean, render};
pub use load::{MAX_NESTING, MAX_NODES, MAX_SCENARIO_BYTES, parse};
pub use locate::{NodeSpans, code_mask};
pub(crate) use locate::{find_field, find_value};
pub use model::*;
pub use validate::{name_nodes, validate};

/// The scenario's content version: blake3 over the canonical form of its original-language
/// content, so reformatting, re-commenting or translating a file does not count as a
/// change (PRODUCT.md). The `translations` are left out; a typed turn's fallback
/// `choices` are original content and count. A copy made by `Scenario::localized` has
/// its original's version.
pub fn version_hash(scenario: &Scenario) -> String {
    if let Some(version) = scenario.original_version() {
        return version.to_string();
    }
    // Serialising plain data with derived impls cannot fail; an empty string would only
    // make two broken scenarios share a hash, never lose data. Empty translations are
    // not serialised, so only a translated scenario needs a copy without them.
    let canonical = if scenario.translations.is_empty() {
        ron::to_string(scenario)
    } else {
        let mut original = scenario.clone();
        original.translations.clear();
        ron::to_string(&original)
    }
    .unwrap_or_default();
    blake3::hash(canonical.as_bytes()).to_hex()[..16].to_string()
}
