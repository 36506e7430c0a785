//! Finding where things are written in a scenario's text, so problems can point at the
//! right line and a located problem can name the node it belongs to.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::SourceFile;
use super::model::Scenario;

/// Where each node of a parsed scenario is declared in its text.
#[derive(Debug, Clone, Default)]
pub struct NodeSpans {
    /// Every node's `id: "..."` inside the `nodes` list, by value, in order.
    ids: HashMap<String, Vec<Range<usize>>>,
    /// Each node's declaration start and id, in text order.
    starts: Vec<(usize, String)>,
    /// Where the `nodes` list ends.
    end: usize,
}

impl NodeSpans {
    /// Indexes the text `scenario` was parsed from, in one pass. Only `id:` fields inside
    /// the `nodes: [...]` list count, and never in comments or strings; each node has
    /// exactly one, in file order.
    pub fn new(scenario: &Scenario, source: &SourceFile) -> NodeSpans {
        let code = source.code();
        let list = nodes_list(code);
        let mut ids: HashMap<String, Vec<Range<usize>>> = HashMap::new();
        let mut starts = Vec::with_capacity(scenario.nodes.len());
        let mut found = id_spans_in(code, &source.text, list.clone()).into_iter();
        for node in &scenario.nodes {
            let Some((value, span)) = found.next() else {
                break;
            };
            if value == node.id() {
                starts.push((span.start, value.clone()));
            }
            ids.entry(value).or_default().push(span);
        }
        NodeSpans {
            ids,
            starts,
            end: list.end,
        }
    }

    /// Where the node with this id is declared (its quoted id), by occurrence.
    pub fn node(&self, id: &str, occurrence: usize) -> Range<usize> {
        self.ids
            .get(id)
            .and_then(|spans| spans.get(occurrence))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The text of the node declared at `start` (its quoted id): up to the next node's
    /// declaration, or the end of the list.
    pub fn extent(&self, start: usize) -> Range<usize> {
        let next = self.starts.partition_point(|(s, _)| *s <= start);
        let end = self.starts.get(next).map_or(self.end, |(s, _)| *s);
        start..end.max(start)
    }

    /// The node whose declaration a byte offset falls in: the last one declared at or
    /// before it. `None` before the first node and after the `nodes` list (the scenario's
    /// own fields and its translations).
    pub fn node_at(&self, offset: usize) -> Option<&str> {
        if offset >= self.end {
            return None;
        }
        let after = self.starts.partition_point(|(start, _)| *start <= offset);
        after.checked_sub(1).map(|i| self.starts[i].1.as_str())
    }
}

/// `text` with every comment and the inside of every string blanked to spaces, byte for
/// byte, so that searching it for `field:` never finds one in a comment or in a line the
/// customer says. Offsets are the same as in `text`; line breaks are kept.
pub fn code_mask(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, range: Range<usize>| {
        for b in &mut out[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                blank(&mut out, i..end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // Block comments nest in RON.
                let (mut depth, mut j) = (1, i + 2);
                while j < bytes.len() && depth > 0 {
                    if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if bytes[j] == b'*' && bytes.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i..j);
                i = j;
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(bytes.len());
                blank(&mut out, i + 1..end);
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    // Only ASCII bytes were written over whole characters' bytes, so this stays UTF-8;
    // the fallback is never taken.
    String::from_utf8(out).unwrap_or_else(|_| " ".repeat(text.len()))
}

/// The `nodes: [...]` list's extent in masked text; the whole text when it is not found.
fn nodes_list(code: &str) -> Range<usize> {
    let Some(field) = find_field(code, "nodes", 0) else {
        return 0..code.len();
    };
    let Some(open) = code[field.end..].find('[').map(|i| field.end + i) else {
        return 0..code.len();
    };
    let mut depth = 0usize;
    for (i, b) in code.bytes().enumerate().skip(open) {
        match b {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return open..i + 1;
                }
            }
            _ => {}
        }
    }
    open..code.len()
}

/// Where the value opened by the first `open` bracket (`(`, `[` or `{`) at or after `from`
/// in masked `code` ends: just past its matching bracket, or the end of the code.
pub(crate) fn value_extent(code: &str, open: u8, from: usize) -> Option<Range<usize>> {
    let start = from + code.get(from..)?.bytes().position(|b| b == open)?;
    let mut depth = 0usize;
    for (i, b) in code.bytes().enumerate().skip(start) {
        match b {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(start..i + 1);
                }
            }
            _ => {}
        }
    }
    Some(start..code.len())
}

/// The top-level items of the bracketed value at `extent` (a list, a map or a struct),
/// split at its commas: each item's span, trimmed of white space. Masked `code` keeps
/// commas in strings and comments out of it.
pub(crate) fn items(code: &str, extent: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if extent.len() < 2 {
        return out;
    }
    let inner = extent.start + 1..extent.end - 1;
    let mut depth = 0usize;
    let mut item_start = inner.start;
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let text = &code[from..to];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if from + lead < to - trail {
            out.push(from + lead..to - trail);
        }
    };
    for (i, b) in code.bytes().enumerate().take(inner.end).skip(inner.start) {
        match b {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                push(item_start, i, &mut out);
                item_start = i + 1;
            }
            _ => {}
        }
    }
    push(item_start, inner.end, &mut out);
    out
}

/// A map entry written `"key": value`: the key as written, and the span of the quoted
/// key. `None` for an item that is not one.
pub(crate) fn map_entry(source: &SourceFile, item: Range<usize>) -> Option<(String, Range<usize>)> {
    let code = source.code();
    let rest = code.get(item.clone())?;
    if !rest.starts_with('"') {
        return None;
    }
    let len = rest[1..].find('"')?;
    let key = source.text.get(item.start + 1..item.start + 1 + len)?;
    Some((key.to_string(), item.start..item.start + len + 2))
}

/// The span of `field:` at or after `from`: the field name itself.
pub(crate) fn find_field(text: &str, field: &str, from: usize) -> Option<Range<usize>> {
    let mut at = from.min(text.len());
    while let Some(i) = text[at..].find(field) {
        let start = at + i;
        let end = start + field.len();
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = text[end..].trim_start().starts_with(':');
        if before_ok && after_ok {
            return Some(start..end);
        }
        at = end;
    }
    None
}

/// Every `id: "value"` (or `id: Some("value")`) within `range`, in order, searched in the
/// masked `code` and read from `text`; the spans cover the quoted value, as `find_value`
/// gives them.
pub(crate) fn id_spans_in(
    code: &str,
    text: &str,
    range: Range<usize>,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = range.start;
    while let Some(f) = find_field(code, "id", at) {
        if f.start >= range.end {
            break;
        }
        at = f.end;
        let rest = code[f.end..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("Some(").map_or(rest, str::trim_start);
        if !rest.starts_with('"') {
            continue;
        }
        let start = code.len() - rest.len();
        // The masked string is blank inside; its closing quote is where it ends.
        let Some(len) = code[start + 1..].find('"') else {
            continue;
        };
        let Some(value) = text.get(start + 1..start + 1 + len) else {
            continue;
        };
        out.push((value.to_string(), start..start + len + 2));
    }
    out
}

/// The span of the `occurrence`-th (0-based) `field: "value"` at or after `from`,
/// covering the quoted value. `field: Some("value")` counts too.
pub(crate) fn find_value(
    source: &SourceFile,
    field: &str,
    value: &str,
    from: usize,
    occurrence: usize,
) -> Option<Range<usize>> {
    let (code, text) = (source.code(), source.text.as_str());
    let mut at = from;
    let mut seen = 0;
    while let Some(f) = find_field(code, field, at) {
        let rest = code[f.end..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let offset_rest = code.len() - rest.len();
        let offset = match rest.strip_prefix("Some(") {
            Some(r) => code.len() - r.trim_start().len(),
            None => offset_rest,
        };
        let quoted = format!("\"{value}\"");
        if text.get(offset..).is_some_and(|r| r.starts_with(&quoted)) {
            if seen == occurrence {
                return Some(offset..offset + quoted.len());
            }
            seen += 1;
        }
        at = f.end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_value_skips_other_fields_and_counts_occurrences() {
        let source = SourceFile::new(
            "t",
            r#"( nid: "a", id: "b", id: "a", next: Some("a"), id: "a" )"#,
        );
        let text = source.text.as_str();
        let first = find_value(&source, "id", "a", 0, 0).expect("first");
        assert_eq!(&text[first.clone()], "\"a\"");
        assert_eq!(first.start, text.find(", id: \"a\"").expect("x") + 6);
        let second = find_value(&source, "id", "a", 0, 1).expect("second");
        assert!(second.start > first.start);
        let next = find_value(&source, "next", "a", 0, 0).expect("next");
        assert_eq!(&text[next], "\"a\"");
    }

    #[test]
    fn comments_and_strings_are_masked_byte_for_byte() {
        let text =
            "(id: \"x\", // id: \"c\"\n say: \"next: é \\\" id: q\", /* a /* b */ id: */ n: 1)";
        let code = code_mask(text);
        assert_eq!(code.len(), text.len());
        assert_eq!(find_field(&code, "id", 0).map(|r| r.start), Some(1));
        assert_eq!(find_field(&code, "id", 2), None, "{code}");
        assert!(find_field(&code, "n", 0).is_some());
        assert_eq!(code.matches('\n').count(), 1);
    }
}
