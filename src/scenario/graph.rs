//! The conversation graph's shape: what links to what, what the start reaches, what can
//! still end, and a deterministic left-to-right layout for drawing it.
//!
//! Pure, like the rest of `scenario`: the validator judges with it and the trainer's
//! graph view draws with it.

use std::collections::{HashMap, VecDeque};

use super::model::{Node, Scenario};

/// Links between a scenario's nodes, by position in `Scenario::nodes`.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Each node id's position (the first node with that id).
    pub index: HashMap<String, usize>,
    /// Each node's successors, in authored order; links to missing ids are left out.
    pub edges: Vec<Vec<usize>>,
    /// The start node's position, when it exists.
    pub start: Option<usize>,
    /// Reachable from the start.
    pub reachable: Vec<bool>,
    /// Some ending can be reached from here.
    pub can_end: Vec<bool>,
}

impl Graph {
    /// The graph of `scenario`.
    pub fn of(scenario: &Scenario) -> Graph {
        let mut index = HashMap::with_capacity(scenario.nodes.len());
        for (i, n) in scenario.nodes.iter().enumerate() {
            index.entry(n.id().to_string()).or_insert(i);
        }
        let edges: Vec<Vec<usize>> = scenario
            .nodes
            .iter()
            .map(|n| {
                n.links()
                    .iter()
                    .filter_map(|t| index.get(*t).copied())
                    .collect()
            })
            .collect();
        let start = index.get(&scenario.start).copied();
        let reachable = match start {
            Some(s) => bfs(&[s], &edges),
            None => vec![false; edges.len()],
        };
        let endings: Vec<usize> = scenario
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n, Node::Ending(_)))
            .map(|(i, _)| i)
            .collect();
        let can_end = bfs(&endings, &reverse(&edges));
        Graph {
            index,
            edges,
            start,
            reachable,
            can_end,
        }
    }

    /// A reachable node from which no ending can be reached: the conversation would
    /// get stuck there.
    pub fn is_dead_end(&self, node: usize) -> bool {
        self.reachable[node] && !self.can_end[node]
    }
}

/// Each node's predecessors.
pub fn reverse(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut reverse = vec![Vec::new(); edges.len()];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            reverse[to].push(from);
        }
    }
    reverse
}

/// Where each node is drawn: a column (its distance from the start) and a row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// (column, row) by node position.
    pub cells: Vec<(usize, usize)>,
    pub columns: usize,
    /// The most rows any column has.
    pub rows: usize,
}

/// A layered layout, left to right and the same every time for the same scenario:
/// - a node's column is its shortest distance from the start;
/// - nodes the start cannot reach are laid out the same way from their own roots, below
///   the reachable nodes of the same column;
/// - within a column, nodes are ordered by the mean row of the nodes that lead to them
///   (so branches stay near their source), ties by file order.
pub fn layout(graph: &Graph) -> Layout {
    let n = graph.edges.len();
    let mut column = vec![usize::MAX; n];
    let mut queue = VecDeque::new();
    if let Some(s) = graph.start {
        column[s] = 0;
        queue.push_back(s);
    }
    distances(&graph.edges, &mut column, &mut queue);
    // Unreachable nodes: from those nothing unreachable leads to, then any left (loops).
    let preds = reverse(&graph.edges);
    let roots: Vec<usize> = (0..n)
        .filter(|&i| column[i] == usize::MAX && preds[i].iter().all(|&p| column[p] != usize::MAX))
        .collect();
    for r in roots {
        column[r] = 0;
        queue.push_back(r);
    }
    distances(&graph.edges, &mut column, &mut queue);
    for i in 0..n {
        if column[i] == usize::MAX {
            column[i] = 0;
            queue.push_back(i);
            distances(&graph.edges, &mut column, &mut queue);
        }
    }
    let columns = column.iter().max().map_or(0, |m| m + 1);
    let mut by_column: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for (i, &c) in column.iter().enumerate() {
        by_column[c].push(i);
    }
    let mut row = vec![0usize; n];
    let mut placed = vec![false; n];
    for members in &mut by_column {
        let key = |i: usize| -> (bool, u64, usize) {
            let from: Vec<usize> = preds[i].iter().copied().filter(|&p| placed[p]).collect();
            // Mean row of placed predecessors, in thousandths, so it sorts exactly.
            let mean = if from.is_empty() {
                u64::MAX
            } else {
                (from.iter().map(|&p| row[p] as u64).sum::<u64>() * 1000) / from.len() as u64
            };
            (!graph.reachable[i], mean, i)
        };
        let mut keyed: Vec<((bool, u64, usize), usize)> =
            members.iter().map(|&i| (key(i), i)).collect();
        keyed.sort_unstable();
        for (r, (_, i)) in keyed.into_iter().enumerate() {
            row[i] = r;
            placed[i] = true;
        }
        members.sort_by_key(|&i| row[i]);
    }
    let rows = by_column.iter().map(Vec::len).max().unwrap_or(0);
    Layout {
        cells: (0..n).map(|i| (column[i], row[i])).collect(),
        columns,
        rows,
    }
}

/// Breadth-first distances from what is queued, filling only unset entries.
fn distances(edges: &[Vec<usize>], column: &mut [usize], queue: &mut VecDeque<usize>) {
    while let Some(at) = queue.pop_front() {
        for &next in &edges[at] {
            if column[next] == usize::MAX {
                column[next] = column[at] + 1;
                queue.push_back(next);
            }
        }
    }
}

/// Every node reachable from `starts`.
pub fn bfs(starts: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = starts.iter().copied().collect();
    for &s in starts {
        seen[s] = true;
    }
    while let Some(n) = queue.pop_front() {
        for &m in &edges[n] {
            if !seen[m] {
                seen[m] = true;
                queue.push_back(m);
            }
        }
    }
    seen
}

/// Marks nodes that lie on a cycle (a node reachable from one of its own successors),
/// in linear time: Tarjan's strongly connected components, without recursion so that a
/// 20,000-node chain cannot overflow the stack. A node is on a cycle when its component
/// has more than one node, or it links to itself.
pub fn nodes_on_cycles(edges: &[Vec<usize>]) -> Vec<bool> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut on_cycle = vec![false; n];
    let mut next_index = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, how many of its edges have been followed)
        let mut calls = vec![(root, 0usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut followed)) = calls.last_mut() {
            if let Some(&w) = edges[v].get(*followed) {
                *followed += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                let cyclic = members.len() > 1 || edges[v].contains(&v);
                for w in members {
                    on_cycle[w] = cyclic;
                }
            }
        }
    }
    on_cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_only_on_cycles() {
        // 0 -> 1 -> 2 -> 1, 3 alone
        let edges = vec![vec![1], vec![2], vec![1], vec![]];
        assert_eq!(nodes_on_cycles(&edges), vec![false, true, true, false]);
        // A self-loop, two separate loops, and a node between them.
        let edges = vec![vec![0], vec![2], vec![1, 3], vec![4], vec![3]];
        assert_eq!(nodes_on_cycles(&edges), vec![true, true, true, true, true]);
        let edges = vec![vec![1], vec![2], vec![3], vec![]];
        assert_eq!(nodes_on_cycles(&edges), vec![false; 4]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let mut edges: Vec<Vec<usize>> = (0..n).map(|i| vec![i + 1]).collect();
        edges[n - 1] = vec![0];
        assert!(nodes_on_cycles(&edges).iter().all(|c| *c));
    }
}
