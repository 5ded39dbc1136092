//! Decides, for a parsed remote update, whether yrs may integrate it now, later, or
//! never, so that yrs itself never holds half-integrated ("pending") blocks.
//!
//! yrs parks blocks whose dependencies have not arrived and retries them during a
//! later, unrelated update; if a parked block then turns out to name a non-type item
//! as its parent, that later update fails half-way, and a failed update cannot be
//! rolled back. So the room keeps updates that are not ready in its own waiting list
//! and only passes yrs an update once everything it refers to is in the document or
//! in the update itself, without reference cycles. To check parents it remembers,
//! per item id, the facts yrs would look up: which ids are shared types, and which
//! ranges are deleted or collected. It learns them only from blocks yrs actually
//! integrated, never from a claim about an id the document already has.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::wire::{BlockKind, Content, Id, ParsedUpdate};

/// The verdict on one update against the current document.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Readiness {
    /// Everything it refers to is known: yrs integrates all of it.
    Ready,
    /// It refers to an item that has not arrived yet.
    Waiting,
    /// It can never be integrated safely; the reason says why.
    Invalid(String),
}

/// What the room knows about the items in its document.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    /// Ids of items that hold a shared type (map, array or text).
    types: HashSet<Id>,
    /// Per client, deleted or collected ranges as start → end (exclusive), merged.
    tombstones: HashMap<u64, BTreeMap<u32, u32>>,
}

impl Facts {
    /// Checks `update` against the document whose state vector is `known`
    /// (the clock each client has reached).
    pub fn check(&self, update: &ParsedUpdate, known: &dyn Fn(u64) -> u32) -> Readiness {
        // An update that starts after a gap in a client's history must wait for the
        // gap to be filled: yrs would otherwise park it.
        if update
            .runs
            .iter()
            .any(|run| !run.blocks.is_empty() && run.start > known(run.client))
        {
            return Readiness::Waiting;
        }
        let graph = NewBlocks::index(update, known);
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); graph.blocks.len()];
        for (node, &(run, index)) in graph.blocks.iter().enumerate() {
            let r = &update.runs[run];
            let block = &r.blocks[index];
            if index > 0 && r.blocks[index - 1].clock + r.blocks[index - 1].len > known(r.client) {
                edges[node].push(node - 1);
            }
            let BlockKind::Item {
                origin,
                right_origin,
                parent,
                ..
            } = &block.kind
            else {
                continue;
            };
            for (reference, is_parent) in [(origin, false), (right_origin, false), (parent, true)] {
                let Some(id) = reference else { continue };
                if id.clock < known(id.client) {
                    if is_parent && !self.may_be_parent(*id) {
                        return Readiness::Invalid(format!(
                            "an item names {}:{} as its parent, which is not a shared type",
                            id.client, id.clock
                        ));
                    }
                    continue;
                }
                let Some(target) = graph.find(update, *id) else {
                    return Readiness::Waiting;
                };
                if is_parent && !graph.may_be_parent(update, target, *id) {
                    return Readiness::Invalid(format!(
                        "an item names {}:{} as its parent, which is not a shared type",
                        id.client, id.clock
                    ));
                }
                edges[node].push(target);
            }
        }
        if has_cycle(&edges) {
            return Readiness::Invalid("its items refer to each other in a cycle".to_string());
        }
        Readiness::Ready
    }

    /// Learns from the blocks yrs integrated: those between the clocks `before` and
    /// `after` of each client (the state vectors around the integration).
    pub fn learn(
        &mut self,
        update: &ParsedUpdate,
        before: &dyn Fn(u64) -> u32,
        after: &dyn Fn(u64) -> u32,
    ) {
        for run in &update.runs {
            let (from, to) = (before(run.client), after(run.client));
            for block in &run.blocks {
                let start = block.clock.max(from);
                let end = (block.clock + block.len).min(to);
                if start >= end {
                    continue;
                }
                match block.kind {
                    BlockKind::Collected
                    | BlockKind::Item {
                        content: Content::Deleted,
                        ..
                    } => self.add_tombstone(run.client, start, end),
                    BlockKind::Item {
                        content: Content::Type,
                        ..
                    } => {
                        self.types.insert(Id {
                            client: run.client,
                            clock: block.clock,
                        });
                    }
                    BlockKind::Item {
                        content: Content::Value,
                        ..
                    } => {}
                }
            }
        }
    }

    /// Whether yrs accepts the known item `id` as a parent: a shared type, or gone.
    fn may_be_parent(&self, id: Id) -> bool {
        self.types.contains(&id)
            || self.tombstones.get(&id.client).is_some_and(|ranges| {
                ranges
                    .range(..=id.clock)
                    .next_back()
                    .is_some_and(|(_, &end)| id.clock < end)
            })
    }

    fn add_tombstone(&mut self, client: u64, mut start: u32, mut end: u32) {
        let ranges = self.tombstones.entry(client).or_default();
        // Merge with every range that overlaps or touches [start, end).
        let touching: Vec<(u32, u32)> = ranges
            .range(..=end)
            .rev()
            .take_while(|(_, &e)| e >= start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in touching {
            ranges.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        ranges.insert(start, end);
    }
}

/// The blocks of an update that the document does not have yet, as graph nodes.
struct NewBlocks {
    /// (run index, block index) of each node.
    blocks: Vec<(usize, usize)>,
    /// Per client: the run index and the node of its first new block.
    first: HashMap<u64, (usize, usize)>,
}

impl NewBlocks {
    fn index(update: &ParsedUpdate, known: &dyn Fn(u64) -> u32) -> Self {
        let mut blocks = Vec::new();
        let mut first = HashMap::new();
        for (run_index, run) in update.runs.iter().enumerate() {
            let clock = known(run.client);
            for (index, block) in run.blocks.iter().enumerate() {
                if block.clock + block.len > clock {
                    first.entry(run.client).or_insert((run_index, blocks.len()));
                    blocks.push((run_index, index));
                }
            }
        }
        NewBlocks { blocks, first }
    }

    /// The node of the new block that contains `id`, if the update has one.
    fn find(&self, update: &ParsedUpdate, id: Id) -> Option<usize> {
        let &(run_index, first_node) = self.first.get(&id.client)?;
        let run = &update.runs[run_index];
        let (_, first_block) = self.blocks[first_node];
        let offset = run.blocks[first_block..].partition_point(|b| b.clock + b.len <= id.clock);
        (first_block + offset < run.blocks.len()).then_some(first_node + offset)
    }

    fn may_be_parent(&self, update: &ParsedUpdate, node: usize, id: Id) -> bool {
        let (run, index) = self.blocks[node];
        let block = &update.runs[run].blocks[index];
        match block.kind {
            BlockKind::Collected
            | BlockKind::Item {
                content: Content::Deleted,
                ..
            } => true,
            BlockKind::Item {
                content: Content::Type,
                ..
            } => block.clock == id.clock,
            BlockKind::Item {
                content: Content::Value,
                ..
            } => false,
        }
    }
}

/// Whether the directed graph has a cycle (iterative depth-first search, so a long
/// chain of blocks cannot exhaust the stack).
fn has_cycle(edges: &[Vec<usize>]) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; edges.len()];
    for root in 0..edges.len() {
        if marks[root] != Mark::New {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        marks[root] = Mark::Open;
        while let Some((node, next)) = stack.last_mut() {
            if let Some(&target) = edges[*node].get(*next) {
                *next += 1;
                match marks[target] {
                    Mark::Open => return true,
                    Mark::New => {
                        marks[target] = Mark::Open;
                        stack.push((target, 0));
                    }
                    Mark::Done => {}
                }
            } else {
                marks[*node] = Mark::Done;
                stack.pop();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found() {
        assert!(!has_cycle(&[vec![1], vec![2], vec![]]));
        assert!(has_cycle(&[vec![1], vec![2], vec![0]]));
        assert!(has_cycle(&[vec![0]]));
    }

    #[test]
    fn tombstones_merge_and_answer_membership() {
        let mut facts = Facts::default();
        facts.add_tombstone(1, 5, 8);
        facts.add_tombstone(1, 8, 10);
        facts.add_tombstone(1, 2, 4);
        facts.add_tombstone(1, 3, 6);
        assert_eq!(
            facts.tombstones[&1].iter().collect::<Vec<_>>(),
            vec![(&2, &10)]
        );
        assert!(facts.may_be_parent(Id {
            client: 1,
            clock: 9
        }));
        assert!(!facts.may_be_parent(Id {
            client: 1,
            clock: 10
        }));
        assert!(!facts.may_be_parent(Id {
            client: 2,
            clock: 3
        }));
    }
}
