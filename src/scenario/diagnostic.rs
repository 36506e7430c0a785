//! Problems found in a scenario file, located by file, line and column.
//!
//! A diagnostic is plain data so the CLI, the GUI and tests can all show it; `render`
//! turns a batch into compiler-style text with the offending source line. Nothing here
//! reads files or decides what counts as a problem.

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

/// How bad a problem is: errors stop a file from playing; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// The text of one scenario file, with the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// A path or a `builtin:` name, as a person would look for it.
    pub name: String,
    pub text: String,
    /// Where each line starts, found once when the first problem is located: counting
    /// lines from the top for every diagnostic made thousands of them quadratic.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The text with comments and string contents blanked, for finding fields.
    code: std::sync::OnceLock<String>,
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    /// Wraps a file's name and text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            code: std::sync::OnceLock::new(),
        }
    }

    /// The text with every comment and string's contents blanked, byte for byte: where
    /// to search for `field:` so that none is found in a comment or in what someone says.
    pub fn code(&self) -> &str {
        self.code
            .get_or_init(|| super::locate::code_mask(&self.text))
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&start| start <= offset).max(1);
        let line_start = starts[line - 1];
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// The byte offset of a 1-based line and column (in characters), clamped to the text.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let mut offset = 0;
        for _ in 1..line {
            match self.text[offset..].find('\n') {
                Some(i) => offset += i + 1,
                None => return self.text.len(),
            }
        }
        let rest = &self.text[offset..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let in_line = rest[..line_end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line_end, |(i, _)| i);
        offset + in_line
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line of the problem's start.
    pub line: usize,
    /// 1-based column (in characters) of the problem's start.
    pub col: usize,
    /// What is wrong, and what was expected.
    pub message: String,
    /// A suggestion, such as a did-you-mean.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The node the problem is in, when it is inside one: the trainer's views jump to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Byte range in the file, for drawing the source line.
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A problem at a byte range of a file.
    pub fn new(
        severity: Severity,
        source: &SourceFile,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (line, col) = source.line_col(span.start);
        Self {
            severity,
            file: source.name.clone(),
            line,
            col,
            message: message.into(),
            help: None,
            node: None,
            span,
        }
    }

    /// Adds a suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for problems that stop the file from playing.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.file, self.line, self.col, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

/// Renders diagnostics as compiler-style text, each with its source line underlined.
pub fn render(source: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let config = Config::default();
    let mut out = String::new();
    for d in diagnostics {
        let report = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        let start = floor_char_boundary(&source.text, d.span.start);
        let end = floor_char_boundary(&source.text, d.span.end.max(start));
        let mut report = report
            .with_message(d.message.as_str())
            .with_labels(vec![Label::primary((), start..end)]);
        if let Some(help) = &d.help {
            report = report.with_notes(vec![format!("help: {help}")]);
        }
        match term::emit_into_string(&config, &file, &report) {
            Ok(text) => out.push_str(&text),
            // A span past the text cannot be drawn; the one-line form still locates it.
            Err(_) => {
                out.push_str(&d.to_string());
                out.push('\n');
            }
        }
    }
    out
}

/// The closest of `candidates` to `wanted`, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}
