//! Indicators, their targets and their measurements in the room document.
//!
//! An indicator is a nested map under root map `indicators`, with its targets in
//! a nested map (target id → {value, date}), so two people adding targets at the
//! same time both keep theirs. A baseline, a target and a measurement are each
//! one plain value, replaced as a whole: a value never ends up paired with the
//! date of another edit. Measurements sit in root map `measurements`, one entry
//! each, naming their indicator.
//!
//! An indicator whose goal was deleted (someone added it while another person
//! deleted the goal) is not shown, and neither are its measurements: like a note
//! edited while it is deleted, it is lost with its goal.

use std::collections::HashSet;

use yrs::{Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::doc::{
    self, creation_order, entries, entry, read_bool, read_record, root, root_mut, set, unset,
    Record,
};
use super::error::GoalError;
use super::model::{
    Baseline, Direction, GoalId, Indicator, IndicatorId, MeasureType, Measurement, MeasurementId,
    Target, TargetId,
};
use super::store::{delete_indicator_in, goals_in, GOAL};
use super::validate::{
    check_indicator, check_measurement, check_target, NewIndicator, NewMeasurement, NewTarget,
};
use super::{GOALS, INDICATORS, MEASUREMENTS};
use crate::room::{Room, Update};
use crate::values::read_string;

const NAME: &str = "name";
const UNIT: &str = "unit";
const DIRECTION: &str = "direction";
const MEASURE: &str = "measure";
const BASELINE: &str = "baseline";
const TARGETS: &str = "targets";
const SOURCE: &str = "source";
const PROXY: &str = "proxy";
pub(crate) const INDICATOR: &str = "indicator";
const VALUE: &str = "value";
const DATE: &str = "date";
const ORGANIZATION: &str = "organization";
const NOTE: &str = "note";

impl Room {
    /// Adds an indicator, with its targets, to a goal.
    pub fn add_indicator(
        &mut self,
        goal: &GoalId,
        indicator: NewIndicator,
    ) -> Result<(Update, IndicatorId), GoalError> {
        let indicator = check_indicator(&indicator)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            if entry(txn, GOALS, goal.as_str()).is_none() {
                return Err(GoalError::UnknownGoal(goal.clone()));
            }
            let id = IndicatorId::new(doc::new_id(txn, client));
            let indicators = root_mut(txn, INDICATORS);
            let map = indicators.insert(txn, id.as_str(), MapPrelim::default());
            set(txn, &map, GOAL, doc::text(goal.as_str()));
            write_definition(txn, &map, &indicator);
            let targets = map.insert(txn, TARGETS, MapPrelim::default());
            for target in &indicator.targets {
                insert_target(txn, &targets, client, target);
            }
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Saves an indicator form: its definition, and its targets matched by date
    /// (a target on a date already there keeps its id and takes the new value;
    /// targets on dates no longer listed are removed; new dates are added).
    /// Changing the measure type is refused while measurements do not fit it.
    pub fn edit_indicator(
        &mut self,
        id: &IndicatorId,
        indicator: NewIndicator,
    ) -> Result<Update, GoalError> {
        let indicator = check_indicator(&indicator)?;
        let client = self.client().get();
        let ((), update) = self.edit(|txn, _| {
            let map = entry(txn, INDICATORS, id.as_str())
                .ok_or_else(|| GoalError::UnknownIndicator(id.clone()))?;
            let misfits = measurements_in(txn)
                .iter()
                .filter(|m| &m.indicator == id && !indicator.measure.fits(&m.value))
                .count();
            if misfits > 0 {
                return Err(GoalError::MeasureChangeWouldBreak {
                    measure: indicator.measure,
                    count: misfits,
                });
            }
            write_definition(txn, &map, &indicator);
            let targets = targets_map(txn, &map);
            let existing = read_targets(txn, &targets);
            for old in &existing {
                match indicator.targets.iter().find(|t| t.date == old.date) {
                    Some(new) => write_target(txn, &targets, old.id.as_str(), new),
                    None => {
                        targets.remove(txn, old.id.as_str());
                    }
                }
            }
            for new in indicator
                .targets
                .iter()
                .filter(|t| existing.iter().all(|old| old.date != t.date))
            {
                insert_target(txn, &targets, client, new);
            }
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes an indicator and its measurements.
    pub fn delete_indicator(&mut self, id: &IndicatorId) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            if entry(txn, INDICATORS, id.as_str()).is_none() {
                return Err(GoalError::UnknownIndicator(id.clone()));
            }
            delete_indicator_in(txn, id);
            Ok(())
        })?;
        Ok(update)
    }

    /// Adds a target for a new date.
    pub fn add_target(
        &mut self,
        indicator: &IndicatorId,
        target: NewTarget,
    ) -> Result<(Update, TargetId), GoalError> {
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            let (map, current) = indicator_for_edit(txn, indicator)?;
            check_target(&target, current.measure, current.baseline.as_ref())?;
            if current.targets.iter().any(|t| t.date == target.date) {
                return Err(GoalError::DuplicateTargetDate { date: target.date });
            }
            let targets = targets_map(txn, &map);
            Ok(TargetId::new(insert_target(txn, &targets, client, &target)))
        })?;
        Ok((update, id))
    }

    /// Changes one target's value or date.
    pub fn edit_target(
        &mut self,
        indicator: &IndicatorId,
        target: &TargetId,
        new: NewTarget,
    ) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let (map, current) = indicator_for_edit(txn, indicator)?;
            if current.targets.iter().all(|t| &t.id != target) {
                return Err(GoalError::UnknownTarget {
                    indicator: indicator.clone(),
                    target: target.clone(),
                });
            }
            check_target(&new, current.measure, current.baseline.as_ref())?;
            if current
                .targets
                .iter()
                .any(|t| &t.id != target && t.date == new.date)
            {
                return Err(GoalError::DuplicateTargetDate { date: new.date });
            }
            let targets = targets_map(txn, &map);
            write_target(txn, &targets, target.as_str(), &new);
            Ok(())
        })?;
        Ok(update)
    }

    pub fn remove_target(
        &mut self,
        indicator: &IndicatorId,
        target: &TargetId,
    ) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let (map, _) = indicator_for_edit(txn, indicator)?;
            let targets = targets_map(txn, &map);
            targets
                .remove(txn, target.as_str())
                .ok_or_else(|| GoalError::UnknownTarget {
                    indicator: indicator.clone(),
                    target: target.clone(),
                })?;
            Ok(())
        })?;
        Ok(update)
    }

    /// The indicators of one goal, in the order they were created.
    pub fn indicators(&self, goal: &GoalId) -> Vec<Indicator> {
        let mut list = self.all_indicators();
        list.retain(|i| &i.goal == goal);
        list
    }

    pub fn indicator(&self, id: &IndicatorId) -> Option<Indicator> {
        self.all_indicators().into_iter().find(|i| &i.id == id)
    }

    /// Every indicator whose goal exists, in the order they were created.
    pub fn all_indicators(&self) -> Vec<Indicator> {
        self.read(|txn, _| indicators_in(txn))
    }

    /// Records a measurement of an indicator.
    pub fn add_measurement(
        &mut self,
        indicator: &IndicatorId,
        measurement: NewMeasurement,
    ) -> Result<(Update, MeasurementId), GoalError> {
        let client = self.client().get();
        let (mut ids, update) = self.edit(|txn, _| {
            let (_, current) = indicator_for_edit(txn, indicator)?;
            let measurement = check_measurement(&measurement, current.measure)?;
            Ok(insert_measurements(txn, client, indicator, &[measurement]))
        })?;
        Ok((update, ids.remove(0)))
    }

    /// Replaces a measurement's value, date and notes.
    pub fn edit_measurement(
        &mut self,
        id: &MeasurementId,
        measurement: NewMeasurement,
    ) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let current = measurements_in(txn)
                .into_iter()
                .find(|m| &m.id == id)
                .ok_or_else(|| GoalError::UnknownMeasurement(id.clone()))?;
            let (_, indicator) = indicator_for_edit(txn, &current.indicator)?;
            let measurement = check_measurement(&measurement, indicator.measure)?;
            root_mut(txn, MEASUREMENTS).insert(
                txn,
                id.as_str(),
                measurement_record(&current.indicator, &measurement),
            );
            Ok(())
        })?;
        Ok(update)
    }

    pub fn delete_measurement(&mut self, id: &MeasurementId) -> Result<Update, GoalError> {
        let ((), update) = self.edit(|txn, _| {
            let exists = root(txn, MEASUREMENTS).is_some_and(|m| m.get(txn, id.as_str()).is_some());
            if !exists {
                return Err(GoalError::UnknownMeasurement(id.clone()));
            }
            root_mut(txn, MEASUREMENTS).remove(txn, id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// The measurements of one indicator, by date (then creation).
    pub fn measurements(&self, indicator: &IndicatorId) -> Vec<Measurement> {
        let mut list = self.all_measurements();
        list.retain(|m| &m.indicator == indicator);
        list
    }

    /// Every measurement of a shown indicator, by date (then creation).
    pub fn all_measurements(&self) -> Vec<Measurement> {
        self.read(|txn, _| {
            let shown: HashSet<IndicatorId> =
                indicators_in(txn).into_iter().map(|i| i.id).collect();
            let mut list = measurements_in(txn);
            list.retain(|m| shown.contains(&m.indicator));
            list
        })
    }
}

/// Inserts checked measurements of one indicator; returns their ids.
pub(crate) fn insert_measurements(
    txn: &mut TransactionMut<'_>,
    client: u64,
    indicator: &IndicatorId,
    measurements: &[NewMeasurement],
) -> Vec<MeasurementId> {
    let root_map = root_mut(txn, MEASUREMENTS);
    measurements
        .iter()
        .map(|measurement| {
            let id = MeasurementId::new(doc::new_id(txn, client));
            root_map.insert(txn, id.as_str(), measurement_record(indicator, measurement));
            id
        })
        .collect()
}

/// The indicator's map and its current content, or `UnknownIndicator`.
pub(crate) fn indicator_for_edit<T: ReadTxn>(
    txn: &T,
    id: &IndicatorId,
) -> Result<(MapRef, Indicator), GoalError> {
    let unknown = || GoalError::UnknownIndicator(id.clone());
    let map = entry(txn, INDICATORS, id.as_str()).ok_or_else(unknown)?;
    let goals: HashSet<GoalId> = goals_in(txn).into_iter().map(|g| g.id).collect();
    let indicator = read_indicator(txn, id.as_str(), &map)
        .filter(|i| goals.contains(&i.goal))
        .ok_or_else(unknown)?;
    Ok((map, indicator))
}

/// Every indicator whose goal exists, by creation.
pub(crate) fn indicators_in<T: ReadTxn>(txn: &T) -> Vec<Indicator> {
    let goals: HashSet<GoalId> = goals_in(txn).into_iter().map(|g| g.id).collect();
    let mut list: Vec<Indicator> = entries(txn, INDICATORS)
        .into_iter()
        .filter_map(|(id, map)| read_indicator(txn, &id, &map))
        .filter(|i| goals.contains(&i.goal))
        .collect();
    list.sort_by_cached_key(|i| creation_order(i.id.as_str()));
    list
}

/// Every measurement in the document, shown or not, by date then creation.
pub(crate) fn measurements_in<T: ReadTxn>(txn: &T) -> Vec<Measurement> {
    let Some(map) = root(txn, MEASUREMENTS) else {
        return Vec::new();
    };
    let mut list: Vec<Measurement> = doc::values(txn, &map)
        .into_iter()
        .filter_map(|(id, any)| {
            let record = Record::from_any(&any)?;
            Some(Measurement {
                id: MeasurementId::new(id),
                indicator: IndicatorId::new(record.string(INDICATOR)?),
                value: record.value(VALUE)?,
                date: record.date(DATE)?,
                source: record.string(SOURCE).unwrap_or_default(),
                organization: record.string(ORGANIZATION).unwrap_or_default(),
                note: record.string(NOTE).unwrap_or_default(),
            })
        })
        .collect();
    list.sort_by_cached_key(|m| (m.date, creation_order(m.id.as_str())));
    list
}

/// An indicator without a goal cannot have been written by this app.
fn read_indicator<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Indicator> {
    let baseline = read_record(txn, map, BASELINE).and_then(|r| {
        Some(Baseline {
            value: r.value(VALUE)?,
            date: r.date(DATE)?,
        })
    });
    let targets = match map.get(txn, TARGETS) {
        Some(Out::YMap(targets)) => read_targets(txn, &targets),
        _ => Vec::new(),
    };
    Some(Indicator {
        id: IndicatorId::new(id),
        goal: GoalId::new(read_string(txn, map, GOAL)?),
        name: read_string(txn, map, NAME).unwrap_or_default(),
        unit: read_string(txn, map, UNIT).unwrap_or_default(),
        direction: read_string(txn, map, DIRECTION)
            .and_then(|d| Direction::from_name(&d))
            .unwrap_or_default(),
        measure: read_string(txn, map, MEASURE)
            .and_then(|m| MeasureType::from_name(&m))
            .unwrap_or_default(),
        baseline,
        targets,
        source: read_string(txn, map, SOURCE).unwrap_or_default(),
        proxy: read_bool(txn, map, PROXY).unwrap_or(false),
    })
}

fn read_targets<T: ReadTxn>(txn: &T, targets: &MapRef) -> Vec<Target> {
    let mut list: Vec<Target> = doc::values(txn, targets)
        .into_iter()
        .filter_map(|(id, any)| {
            let record = Record::from_any(&any)?;
            Some(Target {
                id: TargetId::new(id),
                value: record.value(VALUE)?,
                date: record.date(DATE)?,
            })
        })
        .collect();
    list.sort_by_cached_key(|t| (t.date, creation_order(t.id.as_str())));
    list
}

fn write_definition(txn: &mut TransactionMut<'_>, map: &MapRef, indicator: &NewIndicator) {
    set(txn, map, NAME, doc::text(&indicator.name));
    set(txn, map, UNIT, doc::text(&indicator.unit));
    set(txn, map, DIRECTION, doc::text(indicator.direction.name()));
    set(txn, map, MEASURE, doc::text(indicator.measure.name()));
    match &indicator.baseline {
        Some(baseline) => {
            let record = Record::new()
                .with(VALUE, doc::value_to_any(&baseline.value))
                .with(DATE, doc::date(baseline.date));
            set(txn, map, BASELINE, record.into_any());
        }
        None => unset(txn, map, BASELINE),
    }
    set(txn, map, SOURCE, doc::text(&indicator.source));
    set(txn, map, PROXY, yrs::Any::Bool(indicator.proxy));
}

/// The indicator's nested map of targets (created if a damaged entry lacks it).
fn targets_map(txn: &mut TransactionMut<'_>, map: &MapRef) -> MapRef {
    match map.get(txn, TARGETS) {
        Some(Out::YMap(targets)) => targets,
        _ => map.insert(txn, TARGETS, MapPrelim::default()),
    }
}

fn insert_target(
    txn: &mut TransactionMut<'_>,
    targets: &MapRef,
    client: u64,
    target: &NewTarget,
) -> String {
    let id = doc::new_id(txn, client);
    targets.insert(txn, id.as_str(), target_record(target));
    id
}

fn write_target(txn: &mut TransactionMut<'_>, targets: &MapRef, id: &str, target: &NewTarget) {
    set(txn, targets, id, target_record(target));
}

fn target_record(target: &NewTarget) -> yrs::Any {
    Record::new()
        .with(VALUE, doc::value_to_any(&target.value))
        .with(DATE, doc::date(target.date))
        .into_any()
}

fn measurement_record(indicator: &IndicatorId, m: &NewMeasurement) -> yrs::Any {
    Record::new()
        .with(INDICATOR, doc::text(indicator.as_str()))
        .with(VALUE, doc::value_to_any(&m.value))
        .with(DATE, doc::date(m.date))
        .with(SOURCE, doc::text(&m.source))
        .with(ORGANIZATION, doc::text(&m.organization))
        .with(NOTE, doc::text(&m.note))
        .into_any()
}
