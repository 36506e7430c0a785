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
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .from_str::<Scenario>(&source.text)
        .map_err(|e| Box::new(parse_diagnostic(source, &e)))
}

fn parse_diagnostic(source: &SourceFile, error: &SpannedError) -> Diagnostic {
    let start = source.offset_of(error.span.start.line, error.span.start.col);
    let end = source
        .offset_of(error.span.end.line, error.span.end.col)
        .max(start);
    let diagnostic = Diagnostic::new(Severity::Error, source, start..end, error.code.to_string());
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
