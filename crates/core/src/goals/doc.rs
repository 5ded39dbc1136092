//! Reading and writing the goals' entries in the yrs document, leniently.
//!
//! Like `crate::values`, readers never fail: a missing or odd field reads as
//! `None` and the caller decides what the entry means without it. Writers change
//! a field only when its value differs, so two people editing different fields
//! of one record at the same time both keep their change.

use std::collections::HashMap;
use std::sync::Arc;

use yrs::{Any, Map, MapRef, Out, ReadTxn, TransactionMut, WriteTxn};

use super::date::Date;
use super::model::Value;
use crate::values::read_string;

/// A root map for reading; `None` until something was ever written to it.
pub(crate) fn root<T: ReadTxn>(txn: &T, name: &str) -> Option<MapRef> {
    txn.get_map(name)
}

/// A root map for writing (created on first use; root maps are named, so every
/// replica that creates one creates the same one).
pub(crate) fn root_mut(txn: &mut TransactionMut<'_>, name: &str) -> MapRef {
    txn.get_or_insert_map(name)
}

/// The nested map stored under `key` of root map `root_name`.
pub(crate) fn entry<T: ReadTxn>(txn: &T, root_name: &str, key: &str) -> Option<MapRef> {
    match root(txn, root_name)?.get(txn, key)? {
        Out::YMap(map) => Some(map),
        _ => None,
    }
}

/// Every (id, nested map) of a root map, in no particular order.
pub(crate) fn entries<T: ReadTxn>(txn: &T, root_name: &str) -> Vec<(String, MapRef)> {
    let Some(map) = root(txn, root_name) else {
        return Vec::new();
    };
    map.iter(txn)
        .filter_map(|(id, value)| match value {
            Out::YMap(inner) => Some((id.to_string(), inner)),
            _ => None,
        })
        .collect()
}

/// Every (key, plain value) of a map, in no particular order.
pub(crate) fn values<T: ReadTxn>(txn: &T, map: &MapRef) -> Vec<(String, Any)> {
    map.iter(txn)
        .filter_map(|(key, value)| match value {
            Out::Any(any) => Some((key.to_string(), any)),
            _ => None,
        })
        .collect()
}

/// A new id from this client's clock before the next insertion. Each call must
/// be followed by at least one insertion before the next call, which moves the
/// clock on, so ids made in one transaction differ too.
pub(crate) fn new_id(txn: &TransactionMut<'_>, client: u64) -> String {
    let clock = txn.state_vector().get(&yrs::ClientID::new(client));
    format!("{client}-{clock}")
}

/// The (clock, client) of an id made by [`new_id`]: sorting by it lists items
/// roughly in the order they were made. Other ids sort last, by text.
pub(crate) fn creation_order(id: &str) -> (u64, u64, String) {
    let parsed = id
        .split_once('-')
        .and_then(|(client, clock)| Some((clock.parse().ok()?, client.parse().ok()?)));
    match parsed {
        Some((clock, client)) => (clock, client, String::new()),
        None => (u64::MAX, u64::MAX, id.to_string()),
    }
}

pub(crate) fn read_bool<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<bool> {
    match map.get(txn, key)? {
        Out::Any(Any::Bool(value)) => Some(value),
        _ => None,
    }
}

pub(crate) fn read_date<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<Date> {
    Date::parse(&read_string(txn, map, key)?).ok()
}

/// A plain value that is a JSON-like object.
pub(crate) fn read_record<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<Record> {
    match map.get(txn, key)? {
        Out::Any(any) => Record::from_any(&any),
        _ => None,
    }
}

/// Writes `value` under `key` unless it is already there.
pub(crate) fn set(txn: &mut TransactionMut<'_>, map: &MapRef, key: &str, value: Any) {
    let current = match map.get(txn, key) {
        Some(Out::Any(any)) => Some(any),
        _ => None,
    };
    if current.as_ref() != Some(&value) {
        map.insert(txn, key, value);
    }
}

/// Removes `key` unless it is already absent.
pub(crate) fn unset(txn: &mut TransactionMut<'_>, map: &MapRef, key: &str) {
    if map.get(txn, key).is_some() {
        map.remove(txn, key);
    }
}

pub(crate) fn text(value: &str) -> Any {
    Any::from(value)
}

pub(crate) fn date(value: Date) -> Any {
    Any::from(value.to_string())
}

pub(crate) fn value_to_any(value: &Value) -> Any {
    match value {
        Value::Number(n) => Any::from(*n),
        Value::YesNo(yes) => Any::Bool(*yes),
        Value::Text(text) => Any::from(text.as_str()),
    }
}

pub(crate) fn any_to_value(any: &Any) -> Option<Value> {
    match any {
        Any::Number(n) => n.as_f64().filter(|n| n.is_finite()).map(Value::Number),
        Any::Bool(yes) => Some(Value::YesNo(*yes)),
        Any::String(text) => Some(Value::Text(text.to_string())),
        _ => None,
    }
}

/// A small record stored as one plain value (a target, a measurement, a task):
/// replaced as a whole, so its fields always belong together.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record(HashMap<String, Any>);

impl Record {
    pub fn new() -> Record {
        Record::default()
    }

    pub fn from_any(any: &Any) -> Option<Record> {
        match any {
            Any::Map(map) => Some(Record((**map).clone())),
            _ => None,
        }
    }

    pub fn with(mut self, key: &str, value: Any) -> Record {
        self.0.insert(key.to_string(), value);
        self
    }

    pub fn into_any(self) -> Any {
        Any::Map(Arc::new(self.0))
    }

    pub fn string(&self, key: &str) -> Option<String> {
        match self.0.get(key)? {
            Any::String(s) => Some(s.to_string()),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<Date> {
        Date::parse(&self.string(key)?).ok()
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.0.get(key)? {
            Any::Bool(value) => Some(*value),
            _ => None,
        }
    }

    pub fn value(&self, key: &str) -> Option<Value> {
        any_to_value(self.0.get(key)?)
    }
}
