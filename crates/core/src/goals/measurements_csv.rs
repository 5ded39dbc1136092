//! Measurements in and out of CSV files, all or nothing.
//!
//! An import reads the whole file and checks every row before it changes
//! anything: one bad row and nothing of the file is applied, and every bad row
//! is reported with its line, its column and the reason ("line 14, column 3
//! (value): the value must be a number (like 12 or 12.5), found 'n/a'"). Lines
//! count from 1 with the header on line 1, as a spreadsheet shows them.
//!
//! Columns, named in a header row in any order and case (spaces, `_` and `-`
//! ignored): `value` (required); `date` (`YYYY-MM-DD`) or `year` (dated 31
//! December, the Open SDG layout); `indicator` (an id or an exact indicator
//! name; without it, every row goes to the indicator the caller names);
//! `units` (when given, must match the indicator's unit); `source`,
//! `organization` (or `reporting organization`), `note`. Any other column is
//! refused rather than silently dropped: it may hold disaggregations (sex,
//! age…) that would turn one figure into several.
//!
//! A row equal to a measurement already in the room (same indicator, date,
//! value, source, organization and note) is skipped, so importing a file twice
//! does not count its figures twice.

use super::indicators::insert_measurements;
use super::model::{Indicator, IndicatorId, Measurement, MeasurementId};
use super::validate::{check_measurement, parse_value, NewMeasurement};
use super::{date::Date, Field, GoalError};
use crate::room::{Room, Update};

/// The most problems one import reports (the rest are counted).
pub const MAX_REPORTED_PROBLEMS: usize = 100;

/// One problem of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based, the header being line 1.
    pub line: u64,
    /// 1-based column number and header name, when the problem is in one cell.
    pub column: Option<(usize, String)>,
    pub reason: RowReason,
}

/// What is wrong at one place of an imported file. Structured, so each
/// reader words it in its own language; `Display` is English (logs, CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowReason {
    /// The header line cannot be read as CSV; `detail` is the CSV reader's
    /// own (English) explanation.
    UnreadableFile { detail: String },
    /// A line cannot be read as CSV; `detail` as above.
    UnreadableLine { detail: String },
    /// The file has no header row.
    Empty,
    /// This column's name appears twice in the header.
    DuplicateColumn,
    /// A column this import does not know (it might hold disaggregations).
    UnknownColumn,
    NoValueColumn,
    /// Neither a date nor a year column.
    NoDateColumn,
    /// Both a date and a year column.
    DateAndYear,
    /// No indicator column and no indicator chosen to import into.
    NoIndicatorColumn,
    /// The line has `found` fields; the header has `expected`.
    FieldCount { found: usize, expected: usize },
    /// The indicator cell is empty.
    IndicatorMissing,
    /// No indicator has this id or name.
    NoSuchIndicator { name: String },
    /// `count` indicators have this name.
    AmbiguousIndicator { name: String, count: usize },
    /// The year is not four digits.
    BadYear { found: String },
    /// The row's units are not the indicator's unit.
    UnitsDiffer { units: String, expected: String },
    /// A date, value or text the indicator refuses, as its form would.
    Invalid(GoalError),
}

impl std::fmt::Display for RowReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowReason::UnreadableFile { detail } => write!(f, "the file cannot be read as CSV: {detail}"),
            RowReason::UnreadableLine { detail } => write!(f, "this line cannot be read as CSV: {detail}"),
            RowReason::Empty => f.write_str("the file is empty: it needs a header row (date,value…) and one row per measurement"),
            RowReason::DuplicateColumn => f.write_str("this column appears twice: keep one"),
            RowReason::UnknownColumn => f.write_str(
                "unknown column: the columns are indicator, date or year, value, units, source, organization, note",
            ),
            RowReason::NoValueColumn => f.write_str("the header has no value column"),
            RowReason::NoDateColumn => f.write_str("the header needs a date column (YYYY-MM-DD) or a year column"),
            RowReason::DateAndYear => f.write_str("the header has both a date and a year column: keep one"),
            RowReason::NoIndicatorColumn => {
                f.write_str("the file has no indicator column: choose the indicator to import into")
            }
            RowReason::FieldCount { found, expected } => {
                write!(f, "this line has {found} fields; the header has {expected}")
            }
            RowReason::IndicatorMissing => f.write_str("the indicator is missing"),
            RowReason::NoSuchIndicator { name } => {
                write!(f, "there is no indicator '{name}' in this room: use an indicator's name or id")
            }
            RowReason::AmbiguousIndicator { name, count } => {
                write!(f, "{count} indicators are called '{name}': use the indicator's id instead")
            }
            RowReason::BadYear { found } => write!(f, "the year must be four digits, like 2026, found '{found}'"),
            RowReason::UnitsDiffer { units, expected } => {
                write!(f, "the units '{units}' differ from the indicator's unit '{expected}'")
            }
            RowReason::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some((number, name)) => write!(
                f,
                "line {}, column {number} ({name}): {}",
                self.line, self.reason
            ),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// Why a file was not imported. Nothing of it was applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(problems, *more))]
pub struct ImportError {
    /// The first [`MAX_REPORTED_PROBLEMS`] problems, in file order.
    pub problems: Vec<RowProblem>,
    /// How many more problems there were.
    pub more: usize,
}

fn describe(problems: &[RowProblem], more: usize) -> String {
    let total = problems.len() + more;
    let mut text = format!(
        "nothing was imported: {total} problem{} to fix in the file first",
        if total == 1 { "" } else { "s" }
    );
    for problem in problems {
        text.push_str(&format!("\n{problem}"));
    }
    if more > 0 {
        text.push_str(&format!("\n…and {more} more"));
    }
    text
}

/// What a successful import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub update: Update,
    /// The new measurements, in file order.
    pub added: Vec<MeasurementId>,
    /// Rows equal to a measurement already in the room.
    pub skipped_duplicates: usize,
}

/// A checked row, ready to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub line: u64,
    pub indicator: IndicatorId,
    pub measurement: NewMeasurement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Indicator,
    Date,
    Year,
    Value,
    Units,
    Source,
    Organization,
    Note,
}

impl Column {
    fn from_header(name: &str) -> Option<Column> {
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "indicator" => Column::Indicator,
            "date" => Column::Date,
            "year" => Column::Year,
            "value" => Column::Value,
            "units" | "unit" => Column::Units,
            "source" => Column::Source,
            "organization"
            | "organisation"
            | "reportingorganization"
            | "reportingorganisation"
            | "reportingorg" => Column::Organization,
            "note" | "notes" => Column::Note,
            _ => return None,
        })
    }
}

impl Room {
    /// Reads and checks a measurements CSV without changing anything: every
    /// problem, or the rows an import would add. `indicator` is where rows go
    /// when the file has no `indicator` column.
    pub fn check_measurements_csv(
        &self,
        csv: &str,
        indicator: Option<&IndicatorId>,
    ) -> Result<Vec<ImportRow>, ImportError> {
        let indicators = self.all_indicators();
        read_rows(csv, &indicators, indicator)
    }

    /// Imports a measurements CSV: every row, or nothing (module documentation).
    pub fn import_measurements_csv(
        &mut self,
        csv: &str,
        indicator: Option<&IndicatorId>,
    ) -> Result<Imported, ImportError> {
        let rows = self.check_measurements_csv(csv, indicator)?;
        let existing = self.all_measurements();
        let (fresh, skipped_duplicates) = without_duplicates(rows, &existing);
        let client = self.client().get();
        let (added, update) = self
            .edit(|txn, _| {
                let mut added = Vec::new();
                for row in &fresh {
                    added.extend(insert_measurements(
                        txn,
                        client,
                        &row.indicator,
                        std::slice::from_ref(&row.measurement),
                    ));
                }
                Ok::<_, std::convert::Infallible>(added)
            })
            .unwrap_or_else(|never| match never {});
        Ok(Imported {
            update,
            added,
            skipped_duplicates,
        })
    }
}

/// Writes measurements in the layout [`Room::import_measurements_csv`] reads
/// (`indicator,date,value,source,organization,note`), one row each.
pub fn measurements_to_csv(measurements: &[Measurement]) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut write = |fields: [&str; 6]| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(fields);
    };
    write([
        "indicator",
        "date",
        "value",
        "source",
        "organization",
        "note",
    ]);
    for m in measurements {
        let (date, value) = (m.date.to_string(), m.value.to_string());
        write([
            m.indicator.as_str(),
            &date,
            &value,
            &m.source,
            &m.organization,
            &m.note,
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).expect("written from strings")
}

fn without_duplicates(rows: Vec<ImportRow>, existing: &[Measurement]) -> (Vec<ImportRow>, usize) {
    let mut fresh: Vec<ImportRow> = Vec::new();
    let mut skipped = 0;
    for row in rows {
        let m = &row.measurement;
        let same = |indicator: &IndicatorId, other: &NewMeasurement| {
            indicator == &row.indicator
                && other.date == m.date
                && other.value == m.value
                && other.source == m.source
                && other.organization == m.organization
                && other.note == m.note
        };
        let known = existing.iter().any(|e| {
            same(
                &e.indicator,
                &NewMeasurement {
                    value: e.value.clone(),
                    date: e.date,
                    source: e.source.clone(),
                    organization: e.organization.clone(),
                    note: e.note.clone(),
                },
            )
        }) || fresh.iter().any(|f| same(&f.indicator, &f.measurement));
        if known {
            skipped += 1;
        } else {
            fresh.push(row);
        }
    }
    (fresh, skipped)
}

struct Problems {
    list: Vec<RowProblem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, line: u64, column: Option<(usize, &str)>, reason: RowReason) {
        if self.list.len() < MAX_REPORTED_PROBLEMS {
            self.list.push(RowProblem {
                line,
                column: column.map(|(number, name)| (number, name.to_string())),
                reason,
            });
        } else {
            self.more += 1;
        }
    }
}

fn read_rows(
    csv: &str,
    indicators: &[Indicator],
    default: Option<&IndicatorId>,
) -> Result<Vec<ImportRow>, ImportError> {
    let text = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Problems {
        list: Vec::new(),
        more: 0,
    };
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            problems.add(1, None, RowReason::UnreadableFile { detail: error.to_string() });
            return Err(ImportError {
                problems: problems.list,
                more: 0,
            });
        }
        None => {
            problems.add(1, None, RowReason::Empty);
            return Err(ImportError {
                problems: problems.list,
                more: 0,
            });
        }
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut columns: Vec<Column> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        match Column::from_header(name) {
            Some(column) if columns.contains(&column) => {
                problems.add(1, Some((index + 1, name)), RowReason::DuplicateColumn)
            }
            Some(column) => columns.push(column),
            None => problems.add(1, Some((index + 1, name)), RowReason::UnknownColumn),
        }
    }
    let position = |column: Column| -> Option<usize> {
        names
            .iter()
            .position(|n| Column::from_header(n) == Some(column))
    };
    if position(Column::Value).is_none() {
        problems.add(1, None, RowReason::NoValueColumn);
    }
    match (position(Column::Date), position(Column::Year)) {
        (None, None) => problems.add(1, None, RowReason::NoDateColumn),
        (Some(_), Some(_)) => problems.add(1, None, RowReason::DateAndYear),
        _ => {}
    }
    let default = default.and_then(|id| indicators.iter().find(|i| &i.id == id));
    if position(Column::Indicator).is_none() && default.is_none() {
        problems.add(1, None, RowReason::NoIndicatorColumn);
    }
    if !problems.list.is_empty() {
        return Err(ImportError {
            problems: problems.list,
            more: problems.more,
        });
    }

    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                problems.add(line, None, RowReason::UnreadableLine { detail: error.to_string() });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            problems.add(
                line,
                None,
                RowReason::FieldCount {
                    found: record.len(),
                    expected: names.len(),
                },
            );
            continue;
        }
        let cell = |column: Column| position(column).map(|i| (i, record[i].trim()));
        let at = |i: usize| Some((i + 1, names[i].as_str()));
        let indicator = match cell(Column::Indicator) {
            Some((i, text)) => match find_indicator(indicators, text) {
                Ok(found) => Some(found),
                Err(reason) => {
                    problems.add(line, at(i), reason);
                    None
                }
            },
            None => default,
        };
        let Some(indicator) = indicator else { continue };
        let date = match (cell(Column::Date), cell(Column::Year)) {
            (Some((i, text)), _) => super::validate::parse_date(text, Field::Date)
                .map_err(|e| problems.add(line, at(i), RowReason::Invalid(e)))
                .ok(),
            (None, Some((i, text))) => parse_year(text)
                .map_err(|reason| problems.add(line, at(i), reason))
                .ok(),
            (None, None) => None,
        };
        let value = cell(Column::Value).and_then(|(i, text)| {
            parse_value(text, indicator.measure, Field::Value)
                .map_err(|e| problems.add(line, at(i), RowReason::Invalid(e)))
                .ok()
        });
        if let Some((i, units)) = cell(Column::Units) {
            if !units.is_empty()
                && !indicator.unit.is_empty()
                && !units.eq_ignore_ascii_case(indicator.unit.trim())
            {
                problems.add(
                    line,
                    at(i),
                    RowReason::UnitsDiffer {
                        units: units.to_string(),
                        expected: indicator.unit.clone(),
                    },
                );
            }
        }
        let text_of = |column: Column| cell(column).map(|(_, t)| t.to_string()).unwrap_or_default();
        let (Some(date), Some(value)) = (date, value) else {
            continue;
        };
        let measurement = NewMeasurement {
            value,
            date,
            source: text_of(Column::Source),
            organization: text_of(Column::Organization),
            note: text_of(Column::Note),
        };
        match check_measurement(&measurement, indicator.measure) {
            Ok(measurement) => rows.push(ImportRow {
                line,
                indicator: indicator.id.clone(),
                measurement,
            }),
            Err(error) => {
                let column = match error.field() {
                    Field::Source => position(Column::Source),
                    Field::Organization => position(Column::Organization),
                    Field::Note => position(Column::Note),
                    _ => position(Column::Value),
                };
                problems.add(line, column.and_then(at), RowReason::Invalid(error));
            }
        }
    }
    if problems.list.is_empty() {
        Ok(rows)
    } else {
        Err(ImportError {
            problems: problems.list,
            more: problems.more,
        })
    }
}

/// An indicator named by id, or by a name no other indicator has.
fn find_indicator<'a>(indicators: &'a [Indicator], text: &str) -> Result<&'a Indicator, RowReason> {
    if text.is_empty() {
        return Err(RowReason::IndicatorMissing);
    }
    if let Some(found) = indicators.iter().find(|i| i.id.as_str() == text) {
        return Ok(found);
    }
    let named: Vec<&Indicator> = indicators
        .iter()
        .filter(|i| i.name.trim().eq_ignore_ascii_case(text))
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(RowReason::NoSuchIndicator {
            name: text.to_string(),
        }),
        several => Err(RowReason::AmbiguousIndicator {
            name: text.to_string(),
            count: several.len(),
        }),
    }
}

fn parse_year(text: &str) -> Result<Date, RowReason> {
    text.parse::<u16>()
        .ok()
        .filter(|_| text.len() == 4)
        .and_then(Date::end_of_year)
        .ok_or_else(|| RowReason::BadYear {
            found: text.to_string(),
        })
}
