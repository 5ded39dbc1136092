//! Prototype experiments under a goal: a hypothesis, a team, tasks, and what was
//! learned, moving through the cycle communicate → negotiate → act → learn.
//!
//! An experiment is a nested map under root map `experiments`. Its team is a
//! nested map keyed by member (so two people adding members at once both keep
//! theirs) and its tasks a nested map of task id → {text, done}. Like an
//! indicator, an experiment whose goal was deleted is not shown.

use std::collections::HashSet;

use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::doc::{self, creation_order, entries, entry, root_mut, set, Record};
use super::error::GoalError;
use super::model::{
    CyclePhase, Experiment, ExperimentId, GoalId, MemberKind, Task, TaskId, TeamMember,
};
use super::store::{goals_in, GOAL};
use super::validate::{
    check_experiment_text, check_member, check_task, ExperimentText, NewExperiment,
};
use super::{EXPERIMENTS, GOALS};
use crate::room::{Room, Update};
use crate::values::read_string;

const TITLE: &str = "title";
const HYPOTHESIS: &str = "hypothesis";
const LEARNED: &str = "learned";
const PHASE: &str = "phase";
const TEAM: &str = "team";
const TASKS: &str = "tasks";
const TEXT: &str = "text";
const DONE: &str = "done";

impl Room {
    /// Starts an experiment under a goal, in the communicate phase.
    pub fn add_experiment(
        &mut self,
        goal: &GoalId,
        experiment: NewExperiment,
    ) -> Result<(Update, ExperimentId), GoalError> {
        let text = check_experiment_text(&ExperimentText {
            title: experiment.title.clone(),
            hypothesis: experiment.hypothesis.clone(),
            learned: String::new(),
        })?;
        let team = experiment
            .team
            .iter()
            .map(check_member)
            .collect::<Result<Vec<_>, _>>()?;
        for (index, member) in team.iter().enumerate() {
            if team[..index].contains(member) {
                return Err(GoalError::DuplicateMember(member.name.clone()));
            }
        }
        let tasks = experiment
            .tasks
            .iter()
            .map(|t| check_task(t))
            .collect::<Result<Vec<_>, _>>()?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            if entry(txn, GOALS, goal.as_str()).is_none() {
                return Err(GoalError::UnknownGoal(goal.clone()));
            }
            let id = ExperimentId::new(doc::new_id(txn, client));
            let experiments = root_mut(txn, EXPERIMENTS);
            let map = experiments.insert(txn, id.as_str(), MapPrelim::default());
            set(txn, &map, GOAL, doc::text(goal.as_str()));
            write_text(txn, &map, &text);
            set(txn, &map, PHASE, doc::text(CyclePhase::Communicate.name()));
            let team_map = map.insert(txn, TEAM, MapPrelim::default());
            for member in &team {
                team_map.insert(txn, member_key(member), Any::Bool(true));
            }
            let tasks_map = map.insert(txn, TASKS, MapPrelim::default());
            for task in &tasks {
                insert_task(txn, &tasks_map, client, task);
            }
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Rewrites an experiment's title, hypothesis and what was learned.
    pub fn edit_experiment(
        &mut self,
        id: &ExperimentId,
        text: ExperimentText,
    ) -> Result<Update, GoalError> {
        let text = check_experiment_text(&text)?;
        self.edit_experiment_map(id, |txn, map| {
            write_text(txn, map, &text);
            Ok(())
        })
    }

    /// Moves an experiment to a phase of the cycle (usually `phase.next()`).
    pub fn set_experiment_phase(
        &mut self,
        id: &ExperimentId,
        phase: CyclePhase,
    ) -> Result<Update, GoalError> {
        self.edit_experiment_map(id, |txn, map| {
            set(txn, map, PHASE, doc::text(phase.name()));
            Ok(())
        })
    }

    pub fn add_team_member(
        &mut self,
        id: &ExperimentId,
        member: TeamMember,
    ) -> Result<Update, GoalError> {
        let member = check_member(&member)?;
        self.edit_experiment_map(id, |txn, map| {
            let team = nested(txn, map, TEAM);
            let key = member_key(&member);
            if team.get(txn, &key).is_some() {
                return Err(GoalError::DuplicateMember(member.name.clone()));
            }
            team.insert(txn, key, Any::Bool(true));
            Ok(())
        })
    }

    pub fn remove_team_member(
        &mut self,
        id: &ExperimentId,
        member: &TeamMember,
    ) -> Result<Update, GoalError> {
        self.edit_experiment_map(id, |txn, map| {
            let team = nested(txn, map, TEAM);
            team.remove(txn, &member_key(member))
                .map(|_| ())
                .ok_or_else(|| GoalError::UnknownMember(member.name.clone()))
        })
    }

    /// Adds a task at the end of the experiment's list.
    pub fn add_task(
        &mut self,
        id: &ExperimentId,
        text: &str,
    ) -> Result<(Update, TaskId), GoalError> {
        let text = check_task(text)?;
        let client = self.client().get();
        let mut task = None;
        let update = self.edit_experiment_map(id, |txn, map| {
            let tasks = nested(txn, map, TASKS);
            task = Some(TaskId::new(insert_task(txn, &tasks, client, &text)));
            Ok(())
        })?;
        Ok((update, task.expect("set by the edit")))
    }

    /// Rewrites a task and marks it done or not.
    pub fn edit_task(
        &mut self,
        id: &ExperimentId,
        task: &TaskId,
        text: &str,
        done: bool,
    ) -> Result<Update, GoalError> {
        let text = check_task(text)?;
        self.edit_experiment_map(id, |txn, map| {
            let tasks = nested(txn, map, TASKS);
            if tasks.get(txn, task.as_str()).is_none() {
                return Err(GoalError::UnknownTask {
                    experiment: id.clone(),
                    task: task.clone(),
                });
            }
            set(txn, &tasks, task.as_str(), task_record(&text, done));
            Ok(())
        })
    }

    pub fn remove_task(&mut self, id: &ExperimentId, task: &TaskId) -> Result<Update, GoalError> {
        self.edit_experiment_map(id, |txn, map| {
            let tasks = nested(txn, map, TASKS);
            tasks
                .remove(txn, task.as_str())
                .map(|_| ())
                .ok_or_else(|| GoalError::UnknownTask {
                    experiment: id.clone(),
                    task: task.clone(),
                })
        })
    }

    pub fn delete_experiment(&mut self, id: &ExperimentId) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            if entry(txn, EXPERIMENTS, id.as_str()).is_none() {
                return Err(GoalError::UnknownExperiment(id.clone()));
            }
            root_mut(txn, EXPERIMENTS).remove(txn, id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// The experiments under one goal, in the order they were started.
    pub fn experiments(&self, goal: &GoalId) -> Vec<Experiment> {
        let mut list = self.all_experiments();
        list.retain(|e| &e.goal == goal);
        list
    }

    pub fn experiment(&self, id: &ExperimentId) -> Option<Experiment> {
        self.all_experiments().into_iter().find(|e| &e.id == id)
    }

    /// Every experiment whose goal exists, in the order they were started.
    pub fn all_experiments(&self) -> Vec<Experiment> {
        self.read(|txn, _| experiments_in(txn))
    }

    fn edit_experiment_map(
        &mut self,
        id: &ExperimentId,
        change: impl FnOnce(&mut TransactionMut<'_>, &MapRef) -> Result<(), GoalError>,
    ) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let shown = experiments_in(txn).iter().any(|e| &e.id == id);
            let map = entry(txn, EXPERIMENTS, id.as_str())
                .filter(|_| shown)
                .ok_or_else(|| GoalError::UnknownExperiment(id.clone()))?;
            change(txn, &map)
        })?;
        Ok(update)
    }
}

fn experiments_in<T: ReadTxn>(txn: &T) -> Vec<Experiment> {
    let goals: HashSet<GoalId> = goals_in(txn).into_iter().map(|g| g.id).collect();
    let mut list: Vec<Experiment> = entries(txn, EXPERIMENTS)
        .into_iter()
        .filter_map(|(id, map)| read_experiment(txn, &id, &map))
        .filter(|e| goals.contains(&e.goal))
        .collect();
    list.sort_by_cached_key(|e| creation_order(e.id.as_str()));
    list
}

fn read_experiment<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Experiment> {
    let mut team: Vec<TeamMember> = match map.get(txn, TEAM) {
        Some(Out::YMap(team)) => team.keys(txn).filter_map(parse_member_key).collect(),
        _ => Vec::new(),
    };
    team.sort();
    let mut tasks: Vec<Task> = match map.get(txn, TASKS) {
        Some(Out::YMap(tasks)) => doc::values(txn, &tasks)
            .into_iter()
            .filter_map(|(id, any)| {
                let record = Record::from_any(&any)?;
                Some(Task {
                    id: TaskId::new(id),
                    text: record.string(TEXT)?,
                    done: record.bool(DONE).unwrap_or(false),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    tasks.sort_by_cached_key(|t| creation_order(t.id.as_str()));
    Some(Experiment {
        id: ExperimentId::new(id),
        goal: GoalId::new(read_string(txn, map, GOAL)?),
        title: read_string(txn, map, TITLE).unwrap_or_default(),
        hypothesis: read_string(txn, map, HYPOTHESIS).unwrap_or_default(),
        team,
        tasks,
        phase: read_string(txn, map, PHASE)
            .and_then(|p| CyclePhase::from_name(&p))
            .unwrap_or_default(),
        learned: read_string(txn, map, LEARNED).unwrap_or_default(),
    })
}

fn write_text(txn: &mut TransactionMut<'_>, map: &MapRef, text: &ExperimentText) {
    set(txn, map, TITLE, doc::text(&text.title));
    set(txn, map, HYPOTHESIS, doc::text(&text.hypothesis));
    set(txn, map, LEARNED, doc::text(&text.learned));
}

/// The nested map under `key` (created if a damaged entry lacks it).
fn nested(txn: &mut TransactionMut<'_>, map: &MapRef, key: &str) -> MapRef {
    match map.get(txn, key) {
        Some(Out::YMap(inner)) => inner,
        _ => map.insert(txn, key, MapPrelim::default()),
    }
}

fn insert_task(txn: &mut TransactionMut<'_>, tasks: &MapRef, client: u64, text: &str) -> String {
    let id = doc::new_id(txn, client);
    tasks.insert(txn, id.as_str(), task_record(text, false));
    id
}

fn task_record(text: &str, done: bool) -> Any {
    Record::new()
        .with(TEXT, doc::text(text))
        .with(DONE, Any::Bool(done))
        .into_any()
}

/// Team members are keyed `person:Name` or `organization:Name`.
fn member_key(member: &TeamMember) -> String {
    let kind = match member.kind {
        MemberKind::Person => "person",
        MemberKind::Organization => "organization",
    };
    format!("{kind}:{}", member.name)
}

fn parse_member_key(key: &str) -> Option<TeamMember> {
    let (kind, name) = key.split_once(':')?;
    let kind = match kind {
        "person" => MemberKind::Person,
        "organization" => MemberKind::Organization,
        _ => return None,
    };
    Some(TeamMember {
        kind,
        name: name.to_string(),
    })
}
