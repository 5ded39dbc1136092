//! Goals in the room document: add, edit, move, delete, and the goal tree.
//!
//! Goals nest through a `parent` field. A person cannot create a loop (placing a
//! goal under one of its own sub-goals is refused), but two people moving goals
//! at the same time can: A under B on one phone, B under A on another. Every
//! replica then reads the same document and resolves it the same way: in each
//! loop, the goal with the smallest id becomes a mission again. A goal whose
//! parent was deleted also becomes a mission, so nothing disappears from view.

use std::collections::{BTreeMap, HashMap};

use yrs::{Map, MapPrelim, MapRef, ReadTxn, TransactionMut};

use super::doc::{self, creation_order, entries, entry, read_date, root, root_mut, set, unset};
use super::error::GoalError;
use super::model::{Goal, GoalId, GoalLevel, GoalNode, GoalsView, IndicatorId};
use super::validate::{check_goal, NewGoal};
use super::{EXPERIMENTS, GOALS, INDICATORS, MEASUREMENTS};
use crate::room::{Room, Update};
use crate::values::read_string;

const TITLE: &str = "title";
const STATEMENT: &str = "statement";
const HASHTAG: &str = "hashtag";
const POPULATION: &str = "population";
const START: &str = "start";
const END: &str = "end";
const PARENT: &str = "parent";
pub(crate) const GOAL: &str = "goal";

impl Room {
    /// Adds a goal: a mission when `goal.parent` is `None`, else a goal under it.
    pub fn add_goal(&mut self, goal: NewGoal) -> Result<(Update, GoalId), GoalError> {
        let goal = check_goal(&goal)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            if let Some(parent) = &goal.parent {
                if entry(txn, GOALS, parent.as_str()).is_none() {
                    return Err(GoalError::UnknownParent(parent.clone()));
                }
            }
            let id = GoalId::new(doc::new_id(txn, client));
            let goals = root_mut(txn, GOALS);
            let map = goals.insert(txn, id.as_str(), MapPrelim::default());
            write_goal(txn, &map, &goal);
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Rewrites a goal's fields (only those that changed), including its parent.
    pub fn edit_goal(&mut self, id: &GoalId, goal: NewGoal) -> Result<Update, GoalError> {
        let goal = check_goal(&goal)?;
        let ((), update) = self.edit(|txn, _| {
            let map =
                entry(txn, GOALS, id.as_str()).ok_or_else(|| GoalError::UnknownGoal(id.clone()))?;
            check_parent(txn, id, goal.parent.as_ref())?;
            write_goal(txn, &map, &goal);
            Ok(())
        })?;
        Ok(update)
    }

    /// Places a goal under another one, or makes it a mission (`None`).
    pub fn move_goal(&mut self, id: &GoalId, parent: Option<&GoalId>) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let map =
                entry(txn, GOALS, id.as_str()).ok_or_else(|| GoalError::UnknownGoal(id.clone()))?;
            check_parent(txn, id, parent)?;
            write_parent(txn, &map, parent);
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes a goal with its indicators, their measurements and its
    /// experiments. A goal with sub-goals is refused: move or delete them first.
    /// Commitments toward the goal stay, and show that their goal is gone.
    pub fn delete_goal(&mut self, id: &GoalId) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            if entry(txn, GOALS, id.as_str()).is_none() {
                return Err(GoalError::UnknownGoal(id.clone()));
            }
            let count = goals_in(txn)
                .iter()
                .filter(|g| g.parent.as_ref() == Some(id))
                .count();
            if count > 0 {
                return Err(GoalError::HasSubGoals {
                    goal: id.clone(),
                    count,
                });
            }
            let indicators: Vec<String> = ids_where(txn, INDICATORS, GOAL, id.as_str());
            for indicator in &indicators {
                delete_indicator_in(txn, &IndicatorId::new(indicator.as_str()));
            }
            for experiment in ids_where(txn, EXPERIMENTS, GOAL, id.as_str()) {
                root_mut(txn, EXPERIMENTS).remove(txn, &experiment);
            }
            root_mut(txn, GOALS).remove(txn, id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// Every goal, in the order they were created.
    pub fn goals(&self) -> Vec<Goal> {
        self.read(|txn, _| goals_in(txn))
    }

    pub fn goal(&self, id: &GoalId) -> Option<Goal> {
        self.goals().into_iter().find(|g| &g.id == id)
    }

    /// The goals directly under `id`, in the order they were created.
    pub fn sub_goals(&self, id: &GoalId) -> Vec<Goal> {
        let mut goals = self.goals();
        goals.retain(|g| g.parent.as_ref() == Some(id));
        goals
    }

    /// Whether a goal is a mission, an objective or deeper.
    pub fn goal_level(&self, id: &GoalId) -> Option<GoalLevel> {
        let goals = self.goals();
        let parents: HashMap<&GoalId, Option<&GoalId>> =
            goals.iter().map(|g| (&g.id, g.parent.as_ref())).collect();
        let mut depth = 0;
        let mut current = parents.get(id)?;
        while let Some(parent) = current {
            depth += 1;
            current = parents.get(parent)?;
        }
        Some(GoalLevel::from_depth(depth))
    }

    /// The goals as a forest: missions, each with the goals under it.
    pub fn goal_tree(&self) -> Vec<GoalNode> {
        let goals = self.goals();
        let mut children: HashMap<Option<GoalId>, Vec<Goal>> = HashMap::new();
        for goal in goals {
            children.entry(goal.parent.clone()).or_default().push(goal);
        }
        build_nodes(&mut children, None, 0)
    }

    /// Everything the goals part of the room holds, in canonical order.
    pub fn goals_view(&self) -> GoalsView {
        GoalsView {
            goals: self.goals(),
            indicators: self.all_indicators(),
            measurements: self.all_measurements(),
            experiments: self.all_experiments(),
        }
    }
}

fn build_nodes(
    children: &mut HashMap<Option<GoalId>, Vec<Goal>>,
    parent: Option<GoalId>,
    depth: usize,
) -> Vec<GoalNode> {
    let goals = children.remove(&parent).unwrap_or_default();
    goals
        .into_iter()
        .map(|goal| {
            let below = build_nodes(children, Some(goal.id.clone()), depth + 1);
            GoalNode {
                goal,
                level: GoalLevel::from_depth(depth),
                children: below,
            }
        })
        .collect()
}

fn write_goal(txn: &mut TransactionMut<'_>, map: &MapRef, goal: &NewGoal) {
    set(txn, map, TITLE, doc::text(&goal.title));
    set(txn, map, STATEMENT, doc::text(&goal.statement));
    set(txn, map, HASHTAG, doc::text(&goal.hashtag));
    set(txn, map, POPULATION, doc::text(&goal.population));
    set(txn, map, START, doc::date(goal.start));
    set(txn, map, END, doc::date(goal.end));
    write_parent(txn, map, goal.parent.as_ref());
}

fn write_parent(txn: &mut TransactionMut<'_>, map: &MapRef, parent: Option<&GoalId>) {
    match parent {
        Some(parent) => set(txn, map, PARENT, doc::text(parent.as_str())),
        None => unset(txn, map, PARENT),
    }
}

/// Refuses a parent that does not exist, is the goal itself, or sits under it.
fn check_parent<T: ReadTxn>(
    txn: &T,
    id: &GoalId,
    parent: Option<&GoalId>,
) -> Result<(), GoalError> {
    let Some(parent) = parent else {
        return Ok(());
    };
    if parent == id {
        return Err(GoalError::ParentIsSelf);
    }
    let goals = goals_in(txn);
    let parents: HashMap<&GoalId, Option<&GoalId>> =
        goals.iter().map(|g| (&g.id, g.parent.as_ref())).collect();
    let mut current = match parents.get(parent) {
        Some(_) => Some(parent),
        None => return Err(GoalError::UnknownParent(parent.clone())),
    };
    while let Some(goal) = current {
        if goal == id {
            return Err(GoalError::ParentLoop {
                goal: id.clone(),
                parent: parent.clone(),
            });
        }
        current = parents.get(goal).copied().flatten();
    }
    Ok(())
}

/// Every goal with its parent resolved (see the module comment), by creation.
pub(crate) fn goals_in<T: ReadTxn>(txn: &T) -> Vec<Goal> {
    let mut goals: Vec<Goal> = entries(txn, GOALS)
        .into_iter()
        .map(|(id, map)| Goal {
            id: GoalId::new(id),
            title: read_string(txn, &map, TITLE).unwrap_or_default(),
            statement: read_string(txn, &map, STATEMENT).unwrap_or_default(),
            hashtag: read_string(txn, &map, HASHTAG).unwrap_or_default(),
            population: read_string(txn, &map, POPULATION).unwrap_or_default(),
            start: read_date(txn, &map, START),
            end: read_date(txn, &map, END),
            parent: read_string(txn, &map, PARENT).map(GoalId::new),
        })
        .collect();
    goals.sort_by_cached_key(|g| creation_order(g.id.as_str()));
    resolve_parents(&mut goals);
    goals
}

/// Drops parents that are missing or the goal itself, then breaks every loop at
/// its smallest id. Depends only on the goals' content, so all replicas agree.
fn resolve_parents(goals: &mut [Goal]) {
    let known: BTreeMap<GoalId, usize> = goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    for goal in goals.iter_mut() {
        if goal
            .parent
            .as_ref()
            .is_some_and(|p| p == &goal.id || !known.contains_key(p))
        {
            goal.parent = None;
        }
    }
    // Walk up from each goal in id order; a walk that comes back to a goal it
    // visited has found a loop, which is cut at its smallest id.
    for start in known.values().copied() {
        let mut path: Vec<usize> = Vec::new();
        let mut current = Some(start);
        while let Some(index) = current {
            if let Some(position) = path.iter().position(|&i| i == index) {
                let cut = path[position..]
                    .iter()
                    .copied()
                    .min_by(|a, b| goals[*a].id.cmp(&goals[*b].id))
                    .expect("a loop has members");
                goals[cut].parent = None;
                break;
            }
            path.push(index);
            current = goals[index].parent.as_ref().map(|p| known[p]);
        }
    }
}

/// The ids of the entries of `root_name` whose field `key` equals `value`.
pub(crate) fn ids_where<T: ReadTxn>(
    txn: &T,
    root_name: &str,
    key: &str,
    value: &str,
) -> Vec<String> {
    entries(txn, root_name)
        .into_iter()
        .filter(|(_, map)| read_string(txn, map, key).as_deref() == Some(value))
        .map(|(id, _)| id)
        .collect()
}

/// Removes an indicator and every measurement of it.
pub(crate) fn delete_indicator_in(txn: &mut TransactionMut<'_>, indicator: &IndicatorId) {
    let measurements: Vec<String> = match root(txn, MEASUREMENTS) {
        Some(map) => doc::values(txn, &map)
            .into_iter()
            .filter(|(_, any)| {
                doc::Record::from_any(any)
                    .and_then(|r| r.string(super::indicators::INDICATOR))
                    .as_deref()
                    == Some(indicator.as_str())
            })
            .map(|(id, _)| id)
            .collect(),
        None => Vec::new(),
    };
    let root_measurements = root_mut(txn, MEASUREMENTS);
    for id in measurements {
        root_measurements.remove(txn, &id);
    }
    root_mut(txn, INDICATORS).remove(txn, indicator.as_str());
}
