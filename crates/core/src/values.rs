//! Reading typed fields out of document maps, leniently.
//!
//! The document is written by every replica, including older and newer versions
//! of the app and, in principle, by anyone holding the room key. So a field may be
//! missing or of an unexpected kind. Readers here never fail: they return `None`
//! (or a neutral value) and the domain modules decide what an entry without it
//! means. Because every replica reads the same document with the same rules, the
//! result is the same everywhere.

use yrs::{Any, GetString, Map, MapRef, Out, ReadTxn};

/// A string field, stored either as a plain value or as a shared text.
pub(crate) fn read_string<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<String> {
    match map.get(txn, key)? {
        Out::Any(Any::String(s)) => Some(s.to_string()),
        Out::YText(text) => Some(text.get_string(txn)),
        _ => None,
    }
}

/// A finite number field.
pub(crate) fn read_number<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<f64> {
    match map.get(txn, key)? {
        Out::Any(value) => finite(&value),
        _ => None,
    }
}

/// A pair of finite numbers stored as a two-element array value.
pub(crate) fn read_pair<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<(f64, f64)> {
    match map.get(txn, key)? {
        Out::Any(Any::Array(items)) if items.len() == 2 => {
            Some((finite(&items[0])?, finite(&items[1])?))
        }
        _ => None,
    }
}

/// A nested map field.
pub(crate) fn read_map<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<MapRef> {
    match map.get(txn, key)? {
        Out::YMap(inner) => Some(inner),
        _ => None,
    }
}

fn finite(value: &Any) -> Option<f64> {
    match value {
        Any::Number(number) => number.as_f64().filter(|n| n.is_finite()),
        _ => None,
    }
}

/// Declares a string id type (`BoardId`, `GoalId`, …): typed, so one kind of
/// id cannot be passed where another is expected.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
pub(crate) use string_id;
