//! Scenarios: the model trainers write, parsing with located errors, validation, and
//! the version hash.
//!
//! No GUI, no sound, and no disk access: `library` reads the files and hands their text in.

mod diagnostic;
pub mod graph;
mod load;
mod locate;
mod model;
mod validate;

pub use diagnostic::{Diagnostic, Severity, SourceFile, did_you_mean, render};
pub use load::{MAX_NESTING, MAX_NODES, MAX_SCENARIO_BYTES, parse};
pub use locate::{NodeSpans, code_mask};
pub(crate) use locate::{find_field, find_value};
pub use model::*;
pub use validate::{name_nodes, validate};

/// The scenario's content version: blake3 over its canonical form, so reformatting or
/// re-commenting a file does not count as a change (PRODUCT.md).
pub fn version_hash(scenario: &Scenario) -> String {
    // Serialising plain data with derived impls cannot fail; an empty string would only
    // make two broken scenarios share a hash, never lose data.
    let canonical = ron::to_string(scenario).unwrap_or_default();
    blake3::hash(canonical.as_bytes()).to_hex()[..16].to_string()
}
