//! Mentions visited by their first day, gathered into blocks that merge alone, holding only the
//! blocks still open: what lets a full rebuild ([`crate::merged::rebuild_in`]) keep in memory
//! the largest block and the days around the one it reads, not the workspace.
//!
//! Two mentions can be one event only when they have one kind, share an actor and their dates
//! overlap (dated, at most month-precise: [`crate::resolve::Rules::compatible`]). So the
//! connected parts of "same kind, a shared actor, overlapping dates" are unions of the connected
//! parts of the compatible graph, and each clustered alone gives the clusters the whole gives
//! (the fact `update.rs` rests on too). Mentions come in order of their first day; a block is
//! complete once that day is past the last day of every member, since no later mention can
//! overlap one of them. Per (kind, actor) the sweep keeps the run the latest mentions form: the
//! last day it reaches and its block.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use chrono::NaiveDate;
use dateline_model::EventKind;

/// A mention came with a first day before the one of the mention before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OutOfOrder;

/// Blocks being gathered: push mentions in order of their first day, take the complete blocks
/// as they come ([`Sweep::take_complete`]), and the rest at the end ([`Sweep::finish`]).
pub(crate) struct Sweep<T> {
    open: HashMap<u64, Open<T>>,
    /// Per (kind, actor): the last day its run reaches, and the run's block.
    runs: HashMap<(EventKind, i64), (NaiveDate, u64)>,
    /// Blocks by their last day, earliest first; an entry whose block has grown or joined
    /// another since is skipped.
    by_end: BinaryHeap<Reverse<(NaiveDate, u64)>>,
    complete: Vec<Vec<T>>,
    next: u64,
    last_start: Option<NaiveDate>,
}

struct Open<T> {
    items: Vec<T>,
    end: NaiveDate,
    /// The runs pointed here when they came to point here (some may point elsewhere since):
    /// each added once per time it does, never sorted, since a block can grow large.
    keys: Vec<(EventKind, i64)>,
}

impl<T> Sweep<T> {
    pub(crate) fn new() -> Self {
        Sweep {
            open: HashMap::new(),
            runs: HashMap::new(),
            by_end: BinaryHeap::new(),
            complete: Vec::new(),
            next: 0,
            last_start: None,
        }
    }

    /// Adds a mention of `kind` from `start` to `end` among `actors` (canonical; repeats do no
    /// harm). Mentions come by `start`, in any order among equal starts.
    pub(crate) fn push(
        &mut self,
        kind: EventKind,
        (start, end): (NaiveDate, NaiveDate),
        actors: &[i64],
        item: T,
    ) -> Result<(), OutOfOrder> {
        if self.last_start.is_some_and(|last| start < last) {
            return Err(OutOfOrder);
        }
        self.last_start = Some(start);
        self.close_before(start);
        // The blocks of the live runs this mention continues.
        let mut joins: Vec<u64> = actors
            .iter()
            .filter_map(|&a| self.runs.get(&(kind, a)).filter(|(last, _)| *last >= start).map(|r| r.1))
            .collect();
        joins.sort_unstable();
        joins.dedup();
        let id = self.next;
        self.next += 1;
        self.open.insert(id, Open { items: vec![item], end, keys: Vec::new() });
        joins.push(id);
        // Everything into the largest, so that each item moves O(log n) times at most.
        let into = *joins.iter().max_by_key(|b| (self.open[b].items.len(), Reverse(**b))).unwrap_or(&id);
        for b in joins.into_iter().filter(|&b| b != into) {
            let Some(from) = self.open.remove(&b) else { continue };
            for key in &from.keys {
                if let Some(run) = self.runs.get_mut(key).filter(|r| r.1 == b) {
                    run.1 = into;
                }
            }
            let to = self.open.get_mut(&into).expect("the block joined is open");
            to.items.extend(from.items);
            to.keys.extend(from.keys);
            to.end = to.end.max(from.end);
        }
        let to = self.open.get_mut(&into).expect("the block joined is open");
        to.end = to.end.max(end);
        for &a in actors {
            match self.runs.get_mut(&(kind, a)) {
                Some(run) => {
                    let pointed = run.1 == into;
                    *run = if run.0 >= start { (run.0.max(end), into) } else { (end, into) };
                    if !pointed {
                        to.keys.push((kind, a));
                    }
                }
                None => {
                    self.runs.insert((kind, a), (end, into));
                    to.keys.push((kind, a));
                }
            }
        }
        self.by_end.push(Reverse((to.end, into)));
        Ok(())
    }

    /// The blocks complete since the last call, in the order they completed.
    pub(crate) fn take_complete(&mut self) -> std::vec::Drain<'_, Vec<T>> {
        self.complete.drain(..)
    }

    /// How many mentions the open blocks hold.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.open.values().map(|o| o.items.len()).sum()
    }

    /// Every block not yet taken: nothing more comes.
    pub(crate) fn finish(mut self) -> Vec<Vec<T>> {
        let mut rest: Vec<(u64, Open<T>)> = self.open.drain().collect();
        rest.sort_unstable_by_key(|(id, _)| *id);
        self.complete.extend(rest.into_iter().map(|(_, o)| o.items));
        self.complete
    }

    /// Completes the blocks whose every member ends before `day`.
    fn close_before(&mut self, day: NaiveDate) {
        while let Some(&Reverse((end, b))) = self.by_end.peek() {
            if end >= day {
                break;
            }
            self.by_end.pop();
            if self.open.get(&b).is_some_and(|o| o.end == end) {
                let done = self.open.remove(&b).expect("open");
                for key in &done.keys {
                    if self.runs.get(key).is_some_and(|r| r.1 == b) {
                        self.runs.remove(key);
                    }
                }
                self.complete.push(done.items);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Mention = (usize, EventKind, NaiveDate, NaiveDate, Vec<i64>);

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).expect("a day") + chrono::Days::new(u64::from(n))
    }

    /// Mentions crowded into few actors and days, some over several days or a month, by start.
    fn crowded(n: usize, seed: u64) -> Vec<Mention> {
        let mut x = seed;
        let mut pick = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let mut out: Vec<Mention> = (0..n)
            .map(|i| {
                let kind = [EventKind::Visit, EventKind::Meeting, EventKind::Call][pick(3) as usize];
                let start = pick(60) as u32;
                let len = match pick(10) {
                    0 => 30,
                    1 | 2 => pick(5) as u32,
                    _ => 0,
                };
                let actors = (0..1 + pick(3)).map(|_| 1 + pick(12) as i64).collect();
                (i, kind, day(start), day(start + len), actors)
            })
            .collect();
        out.sort_by_key(|m| (m.2, m.0));
        out
    }

    /// The blocks stated plainly: every pair of one kind, a shared actor and overlapping dates
    /// joined, by ids, sorted.
    fn plainly(ms: &[Mention]) -> Vec<Vec<usize>> {
        let mut parent: Vec<usize> = (0..ms.len()).collect();
        fn root(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                i = p[i];
            }
            i
        }
        for i in 0..ms.len() {
            for j in 0..i {
                let (a, b) = (&ms[i], &ms[j]);
                if a.1 == b.1 && a.2 <= b.3 && b.2 <= a.3 && a.4.iter().any(|x| b.4.contains(x)) {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, m) in ms.iter().enumerate() {
            let r = root(&mut parent, i);
            by_root.entry(r).or_default().push(m.0);
        }
        sorted(by_root.into_values().collect())
    }

    fn sorted(mut blocks: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        for b in &mut blocks {
            b.sort_unstable();
        }
        blocks.sort();
        blocks
    }

    fn swept(ms: &[Mention]) -> Vec<Vec<usize>> {
        let mut sweep = Sweep::new();
        let mut blocks = Vec::new();
        for m in ms {
            sweep.push(m.1, (m.2, m.3), &m.4, m.0).expect("in order");
            blocks.extend(sweep.take_complete());
        }
        blocks.extend(sweep.finish());
        sorted(blocks)
    }

    #[test]
    fn the_sweep_finds_the_blocks_the_plain_rule_finds() {
        for seed in 1..60u64 {
            let ms = crowded(40 + seed as usize * 9, seed * 0x9E37_79B9);
            let blocks = swept(&ms);
            assert_eq!(blocks, plainly(&ms), "seed {seed}");
            assert!(blocks.iter().any(|b| b.len() > 2), "seed {seed}: some blocks join");
            assert!(blocks.len() > 1, "seed {seed}: more than one block");
        }
    }

    #[test]
    fn the_sweep_holds_only_the_open_blocks() {
        // A call a day between two people for ten years, and every tenth day a second call of
        // one of them lasting three days: blocks of a few days each.
        let mut sweep = Sweep::new();
        let mut taken = 0;
        let mut most = 0;
        for d in 0..3_650u32 {
            sweep.push(EventKind::Call, (day(d), day(d)), &[1, 2], d).expect("in order");
            if d % 10 == 0 {
                sweep.push(EventKind::Call, (day(d), day(d + 2)), &[2], d).expect("in order");
            }
            most = most.max(sweep.held());
            taken += sweep.take_complete().map(|b| b.len()).sum::<usize>();
        }
        assert!(most <= 4, "held at most {most}");
        assert_eq!(taken + sweep.finish().iter().map(Vec::len).sum::<usize>(), 3_650 + 365);
    }

    #[test]
    fn a_mention_out_of_order_is_refused() {
        let mut sweep = Sweep::new();
        sweep.push(EventKind::Call, (day(5), day(5)), &[1], 0).expect("first");
        sweep.push(EventKind::Call, (day(5), day(6)), &[1], 1).expect("same start");
        assert_eq!(sweep.push(EventKind::Call, (day(4), day(4)), &[1], 2), Err(OutOfOrder));
    }
}
