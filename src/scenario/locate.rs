//! Finding where things are written in a scenario's text, so problems can point at the
//! right line and a located problem can name the node it belongs to.

use std::collections::HashMap;
use std::ops::Range;

use super::model::Scenario;

/// Where each node of a parsed scenario is declared in its text.
#[derive(Debug, Clone, Default)]
pub struct NodeSpans {
    /// Every `id: "..."` in the text, by value, in order.
    ids: HashMap<String, Vec<Range<usize>>>,
    /// Each node's declaration start and id, in text order.
    starts: Vec<(usize, String)>,
}

impl NodeSpans {
    /// Indexes `text`, which `scenario` was parsed from, in one pass.
    pub fn new(scenario: &Scenario, text: &str) -> NodeSpans {
        let ids = id_spans(text);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // The scenario's own `id:` comes first in the file; a node sharing its id would
        // be the next occurrence.
        let top = usize::from(ids.contains_key(scenario.id.as_str()));
        let mut starts = Vec::with_capacity(scenario.nodes.len());
        for node in &scenario.nodes {
            let n = seen
                .entry(node.id())
                .or_insert(if node.id() == scenario.id { top } else { 0 });
            if let Some(span) = ids.get(node.id()).and_then(|s| s.get(*n)) {
                starts.push((span.start, node.id().to_string()));
            }
            *n += 1;
        }
        starts.sort();
        NodeSpans { ids, starts }
    }

    /// Where the node with this id is declared (its quoted id), by occurrence.
    pub fn node(&self, id: &str, occurrence: usize) -> Range<usize> {
        self.ids
            .get(id)
            .and_then(|spans| spans.get(occurrence))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The node whose declaration a byte offset falls in: the last one declared at or
    /// before it. `None` before the first node (the scenario's own fields).
    pub fn node_at(&self, offset: usize) -> Option<&str> {
        let after = self.starts.partition_point(|(start, _)| *start <= offset);
        after.checked_sub(1).map(|i| self.starts[i].1.as_str())
    }
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

/// Every `id: "value"` (or `id: Some("value")`) in the text, by value, in order; the
/// spans cover the quoted value, as `find_value` gives them.
pub(crate) fn id_spans(text: &str) -> HashMap<String, Vec<Range<usize>>> {
    let mut out: HashMap<String, Vec<Range<usize>>> = HashMap::new();
    let mut at = 0;
    while let Some(f) = find_field(text, "id", at) {
        at = f.end;
        let rest = text[f.end..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("Some(").map_or(rest, str::trim_start);
        let Some(inner) = rest.strip_prefix('"') else {
            continue;
        };
        let Some(len) = inner.find('"') else {
            continue;
        };
        let start = text.len() - rest.len();
        out.entry(inner[..len].to_string())
            .or_default()
            .push(start..start + len + 2);
    }
    out
}

/// The span of the `occurrence`-th (0-based) `field: "value"` at or after `from`,
/// covering the quoted value. `field: Some("value")` counts too.
pub(crate) fn find_value(
    text: &str,
    field: &str,
    value: &str,
    from: usize,
    occurrence: usize,
) -> Option<Range<usize>> {
    let mut at = from;
    let mut seen = 0;
    while let Some(f) = find_field(text, field, at) {
        let rest = text[f.end..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let offset_rest = text.len() - rest.len();
        let (rest, offset) = match rest.strip_prefix("Some(") {
            Some(r) => (r.trim_start(), text.len() - r.trim_start().len()),
            None => (rest, offset_rest),
        };
        let quoted = format!("\"{value}\"");
        if rest.starts_with(&quoted) {
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
        let text = r#"( nid: "a", id: "b", id: "a", next: Some("a"), id: "a" )"#;
        let first = find_value(text, "id", "a", 0, 0).expect("first");
        assert_eq!(&text[first.clone()], "\"a\"");
        assert_eq!(first.start, text.find(", id: \"a\"").expect("x") + 6);
        let second = find_value(text, "id", "a", 0, 1).expect("second");
        assert!(second.start > first.start);
        let next = find_value(text, "next", "a", 0, 0).expect("next");
        assert_eq!(&text[next], "\"a\"");
    }
}
