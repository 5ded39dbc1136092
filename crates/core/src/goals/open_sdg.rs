//! One CSV per indicator in the Open SDG data layout, for coalitions that
//! publish their mission's progress on an Open SDG reporting platform.
//!
//! Open SDG reads `Year` and `Value` columns (plus `Units` when there are
//! units), one row per year and series. A year with several measurements
//! gets the latest of them (the last recorded among those on the same day),
//! which is what a yearly figure means. Yes/no values are written 1 and 0;
//! qualitative indicators have no numbers and are refused. The file reads
//! back with `Room::import_measurements_csv` (dated 31 December).

use super::model::{Indicator, IndicatorId, MeasureType, Measurement};
use crate::room::Room;

/// Why an indicator has no Open SDG file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenSdgError {
    #[error("there is no indicator {0} in this room (it may have been deleted)")]
    UnknownIndicator(IndicatorId),
    #[error("'{0}' is qualitative: Open SDG publishes numbers only")]
    Qualitative(String),
}

impl Room {
    /// The Open SDG CSV of one indicator (module documentation).
    pub fn open_sdg_csv(&self, indicator: &IndicatorId) -> Result<String, OpenSdgError> {
        let found = self
            .indicator(indicator)
            .ok_or_else(|| OpenSdgError::UnknownIndicator(indicator.clone()))?;
        open_sdg_csv(&found, &self.measurements(indicator))
    }
}

/// The Open SDG CSV of one indicator from plain data; `measurements` may
/// include other indicators' and be in any order of date.
pub fn open_sdg_csv(
    indicator: &Indicator,
    measurements: &[Measurement],
) -> Result<String, OpenSdgError> {
    if indicator.measure == MeasureType::Qualitative {
        return Err(OpenSdgError::Qualitative(indicator.name.clone()));
    }
    let mut mine: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| m.indicator == indicator.id && indicator.measure.fits(&m.value))
        .collect();
    // Stable: the last of several on one day stays last.
    mine.sort_by_key(|m| m.date);
    let mut yearly: Vec<(u16, f64)> = Vec::new();
    for m in mine {
        let Some(value) = m.value.as_number() else {
            continue;
        };
        match yearly.last_mut() {
            Some((year, last)) if *year == m.date.year() => *last = value,
            _ => yearly.push((m.date.year(), value)),
        }
    }
    let units = indicator.unit.trim();
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let header: &[&str] = if units.is_empty() {
        &["Year", "Value"]
    } else {
        &["Year", "Units", "Value"]
    };
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for (year, value) in yearly {
        let (year, value) = (year.to_string(), value.to_string());
        let _ = if units.is_empty() {
            writer.write_record([year.as_str(), value.as_str()])
        } else {
            writer.write_record([year.as_str(), units, value.as_str()])
        };
    }
    Ok(String::from_utf8(writer.into_inner().unwrap_or_default()).expect("written from strings"))
}

/// A file name for the indicator's CSV, in Open SDG's `indicator_…` style,
/// made only of letters, digits and dashes.
pub fn open_sdg_file_name(indicator: &Indicator) -> String {
    let slug: String = indicator
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let id: String = indicator
        .id
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if slug.is_empty() {
        format!("indicator_{id}.csv")
    } else {
        format!("indicator_{id}_{slug}.csv")
    }
}
