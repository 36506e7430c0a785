//! Parsing a scenario's RON text into the model, with located errors.
//!
//! Pure: it takes text and returns a scenario or a diagnostic. Reading files from disk
//! belongs to `library`; judging the content belongs to `validate`.

use ron::error::{Error as RonError, SpannedError};

use super::diagnostic::{Diagnostic, Severity, SourceFile, did_you_mean};
use super::model::Scenario;

/// The largest scenario file accepted. Real ones are tens of kilobytes; this bounds the
/// work a pasted or corrupt file can cause.
pub const MAX_SCENARIO_BYTES: usize = 4 * 1024 * 1024;

/// The most nodes a scenario may have. The shipped ones have 20-40; generated stress
/// scenarios reach 10,000.
pub const MAX_NODES: usize = 20_000;

/// How deeply values may nest. A scenario needs about 6 levels; this stops a crafted file
/// from exhausting the stack.
pub const MAX_NESTING: usize = 32;

/// Parses one scenario file. A failure names the line and column and what was expected.
pub fn parse(source: &SourceFile) -> Result<Scenario, Box<Diagnostic>> {
    if source.text.len() > MAX_SCENARIO_BYTES {
        return Err(Box::new(Diagnostic::new(
            Severity::Error,
            source,
            0..0,
            format!(
                "file is {} bytes; a scenario may be at most {MAX_SCENARIO_BYTES} bytes",
                source.text.len()
            ),
        )));
    }
    // `Line(id: ..)` rather than `Line((id: ..))`: the form trainers expect to write.
    let scenario = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(MAX_NESTING)
        .from_str::<Scenario>(&source.text)
        .map_err(|e| Box::new(parse_diagnostic(source, &e)))?;
    if scenario.nodes.len() > MAX_NODES {
        let at = source.text.find("nodes").unwrap_or(0);
        return Err(Box::new(Diagnostic::new(
            Severity::Error,
            source,
            at..at + "nodes".len().min(source.text.len() - at),
            format!(
                "the scenario has {} nodes; a scenario may have at most {MAX_NODES}",
                scenario.nodes.len()
            ),
        )));
    }
    Ok(scenario)
}

fn parse_diagnostic(source: &SourceFile, error: &SpannedError) -> Diagnostic {
    let start = source.offset_of(error.span.start.line, error.span.start.col);
    let end = source
        .offset_of(error.span.end.line, error.span.end.col)
        .max(start);
    let message = match &error.code {
        RonError::ExceededRecursionLimit => format!(
            "values nest more than {MAX_NESTING} levels deep; expected a scenario (about 6 levels)"
        ),
        code => code.to_string(),
    };
    let diagnostic = Diagnostic::new(Severity::Error, source, start..end, message);
    let suggestion = match &error.code {
        RonError::NoSuchStructField {
            expected, found, ..
        }
        | RonError::NoSuchEnumVariant {
            expected, found, ..
        } => did_you_mean(found, expected.iter().copied()),
        _ => None,
    };
    match suggestion {
        Some(s) => diagnostic.with_help(format!("did you mean `{s}`?")),
        None => diagnostic,
    }
}
