//! Calendar dates, as people write them in forms and files (`YYYY-MM-DD`).
//!
//! Core reads no clock, so every "today" is a [`Date`] the caller passes in. A
//! date has no time of day and no time zone: a target "by 2030-12-31" means that
//! day wherever the coalition is. Day arithmetic uses the proleptic Gregorian
//! calendar (the civil-from-days algorithm of Howard Hinnant), exact for every
//! year this type allows.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day between year 1 and year 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order makes the derived ordering chronological.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("a date is written YYYY-MM-DD (for example 2030-12-31), found '{0}'")]
    Format(String),
    #[error("{0} is not a day of the calendar")]
    NoSuchDay(String),
}

impl Date {
    /// The date, if the day exists (2024-02-29 does, 2023-02-29 does not).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, tolerating surrounding whitespace.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let trimmed = text.trim();
        let format = || DateError::Format(trimmed.to_string());
        let bytes = trimmed.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(format());
        }
        let digits = |range: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &trimmed[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| format())
            } else {
                Err(format())
            }
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        Date::new(year, month as u8, day as u8)
            .ok_or_else(|| DateError::NoSuchDay(trimmed.to_string()))
    }

    /// The last day of `year`, which is how a yearly figure is dated.
    pub fn end_of_year(year: u16) -> Option<Date> {
        Date::new(year, 12, 31)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within years 1–9999.
    pub fn from_day_number(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// How many days `self` is after `earlier` (negative when it is before).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// The date `days` later (or earlier, when negative), if it exists.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let date = Date::parse(" 2030-12-31 ").unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (2030, 12, 31));
        assert_eq!(date.to_string(), "2030-12-31");
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "",
            "2030-1-31",
            "31/12/2030",
            "2030-12-3x",
            "+030-12-31",
            "2030_12_31",
        ] {
            assert!(
                matches!(Date::parse(bad), Err(DateError::Format(_))),
                "{bad}"
            );
        }
        for impossible in ["2023-02-29", "2030-13-01", "2030-04-31", "0000-01-01"] {
            assert!(
                matches!(Date::parse(impossible), Err(DateError::NoSuchDay(_))),
                "{impossible}"
            );
        }
        assert_eq!(
            Date::parse("12/31/2030").unwrap_err().to_string(),
            "a date is written YYYY-MM-DD (for example 2030-12-31), found '12/31/2030'"
        );
    }

    #[test]
    fn day_numbers_round_trip_and_count_days() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.day_number(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().day_number(), 11_017);
        for days in (-719_162..2_932_896).step_by(997) {
            let date = Date::from_day_number(days).unwrap();
            assert_eq!(date.day_number(), days, "{date}");
        }
        assert_eq!(Date::from_day_number(-719_163), None);
        let a = Date::parse("2024-02-28").unwrap();
        assert_eq!(a.add_days(2).unwrap().to_string(), "2024-03-01");
        assert_eq!(Date::parse("2025-01-01").unwrap().days_since(a), 308);
        assert!(a < a.add_days(1).unwrap());
    }

    #[test]
    fn serializes_as_a_string() {
        let date = Date::parse("2026-03-01").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-03-01\"");
        assert_eq!(
            serde_json::from_str::<Date>("\"2026-03-01\"").unwrap(),
            date
        );
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}
