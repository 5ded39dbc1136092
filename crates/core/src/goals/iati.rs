//! Goals and indicators as IATI activity XML (standard 2.03), results part.
//!
//! Each mission (goal without parent) becomes one `iati-activity`; it and every
//! goal under it that has indicators become its `result`s — the mission an
//! impact (type 3), an objective an outcome (2), deeper goals outputs (1).
//! Indicators map to `indicator` (measure: number → 1 unit, percentage → 2,
//! yes/no → 3 nominal, qualitative → 5; `ascending` from the direction), the
//! baseline to `baseline`, and each target to a `period` that ends on the
//! target's date and starts the day after the previous target (the first on
//! the baseline date, or the goal's start). A period's `actual` is the latest
//! measurement dated within it. Qualitative values go into `comment`s, since
//! IATI allows no qualitative `value`; yes/no values are written 1 and 0.
//!
//! The output validates against the IATI activity schema 2.03 (a test runs
//! xmllint against the schema in /work/shared/fixtures/iati). Activity
//! identifiers are `{reporting-org ref}-{goal id}`. All text is XML-escaped.

use super::date::Date;
use super::model::{Goal, GoalLevel, Indicator, MeasureType, Measurement, Target, Value};
use crate::room::Room;

/// Who publishes the file, and what IATI needs to know that a room does not.
#[derive(Debug, Clone, PartialEq)]
pub struct IatiConfig {
    /// The reporting organization's IATI identifier (for example `XM-DAC-47015`,
    /// or `XI-IATI-…` for organizations without a registry number).
    pub reporting_org_ref: String,
    /// Its IATI OrganisationType code (for example `22` national NGO, `80` other).
    pub reporting_org_type: String,
    pub reporting_org_name: String,
    /// Partners to list as implementing organizations (role 4), in order.
    pub partners: Vec<String>,
    /// ISO 639-1 code of the text (`en`).
    pub language: String,
    /// IATI ActivityStatus code (`2` implementation).
    pub activity_status: String,
    /// The day the file is generated (core reads no clock).
    pub generated_on: Date,
}

/// A setting of the IATI export that must be filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IatiSetting {
    /// The reporting organization's identifier (`ref`).
    OrganizationRef,
    /// The reporting organization's type code.
    OrganizationType,
    /// The reporting organization's name.
    OrganizationName,
}

impl IatiSetting {
    /// The setting's name in English (logs, CLI); the web app words it from its catalogs.
    pub fn label(self) -> &'static str {
        match self {
            IatiSetting::OrganizationRef => "identifier (ref)",
            IatiSetting::OrganizationType => "organization type code",
            IatiSetting::OrganizationName => "name",
        }
    }
}

/// Why no IATI file could be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IatiError {
    #[error(
        "the IATI export needs the reporting organization's {}: fill it in the export settings", .0.label()
    )]
    MissingSetting(IatiSetting),
    #[error(
        "there is no mission goal with indicators to export: add an indicator to a goal first"
    )]
    NothingToExport,
}

impl Room {
    /// The room's missions and their results as an IATI activities file.
    pub fn iati_activities_xml(&self, config: &IatiConfig) -> Result<String, IatiError> {
        let view = self.goals_view();
        iati_activities_xml(&view.goals, &view.indicators, &view.measurements, config)
    }
}

/// The IATI activities file for plain data (goals with parents resolved).
pub fn iati_activities_xml(
    goals: &[Goal],
    indicators: &[Indicator],
    measurements: &[Measurement],
    config: &IatiConfig,
) -> Result<String, IatiError> {
    for (value, name) in [
        (&config.reporting_org_ref, IatiSetting::OrganizationRef),
        (&config.reporting_org_type, IatiSetting::OrganizationType),
        (&config.reporting_org_name, IatiSetting::OrganizationName),
    ] {
        if value.trim().is_empty() {
            return Err(IatiError::MissingSetting(name));
        }
    }
    let language = if config.language.trim().is_empty() {
        "en"
    } else {
        config.language.trim()
    };
    let status = if config.activity_status.trim().is_empty() {
        "2"
    } else {
        config.activity_status.trim()
    };
    let mut xml = Xml::default();
    xml.line(0, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.line(
        0,
        &format!(
            r#"<iati-activities version="2.03" generated-datetime="{}T00:00:00Z">"#,
            config.generated_on
        ),
    );
    let mut activities = 0;
    for mission in goals.iter().filter(|g| g.parent.is_none()) {
        let tree = branch(goals, mission);
        let results: Vec<(&Goal, usize, Vec<&Indicator>)> = tree
            .into_iter()
            .map(|(goal, depth)| {
                (
                    goal,
                    depth,
                    indicators
                        .iter()
                        .filter(|i| i.goal == goal.id)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, _, list)| !list.is_empty())
            .collect();
        if results.is_empty() {
            continue;
        }
        activities += 1;
        write_activity(
            &mut xml,
            mission,
            &results,
            measurements,
            config,
            language,
            status,
        );
    }
    if activities == 0 {
        return Err(IatiError::NothingToExport);
    }
    xml.line(0, "</iati-activities>");
    Ok(xml.0)
}

fn write_activity(
    xml: &mut Xml,
    mission: &Goal,
    results: &[(&Goal, usize, Vec<&Indicator>)],
    measurements: &[Measurement],
    config: &IatiConfig,
    language: &str,
    status: &str,
) {
    let org_ref = escape(config.reporting_org_ref.trim());
    xml.line(
        1,
        &format!(
            r#"<iati-activity last-updated-datetime="{}T00:00:00Z" xml:lang="{}">"#,
            config.generated_on,
            escape(language)
        ),
    );
    xml.line(
        2,
        &format!(
            "<iati-identifier>{org_ref}-{}</iati-identifier>",
            escape(mission.id.as_str())
        ),
    );
    xml.line(
        2,
        &format!(
            r#"<reporting-org ref="{org_ref}" type="{}">"#,
            escape(config.reporting_org_type.trim())
        ),
    );
    xml.narrative(3, &config.reporting_org_name);
    xml.line(2, "</reporting-org>");
    xml.text_element(2, "title", &mission.title);
    let description = if mission.statement.is_empty() {
        &mission.title
    } else {
        &mission.statement
    };
    xml.line(2, r#"<description type="1">"#);
    xml.narrative(3, description);
    xml.line(2, "</description>");
    xml.line(
        2,
        &format!(r#"<participating-org ref="{org_ref}" role="2">"#),
    );
    xml.narrative(3, &config.reporting_org_name);
    xml.line(2, "</participating-org>");
    for partner in config.partners.iter().filter(|p| !p.trim().is_empty()) {
        xml.line(2, r#"<participating-org role="4">"#);
        xml.narrative(3, partner);
        xml.line(2, "</participating-org>");
    }
    xml.line(
        2,
        &format!(r#"<activity-status code="{}"/>"#, escape(status)),
    );
    let start = mission.start.unwrap_or(config.generated_on);
    xml.line(
        2,
        &format!(r#"<activity-date type="1" iso-date="{start}"/>"#),
    );
    if let Some(end) = mission.end {
        xml.line(2, &format!(r#"<activity-date type="3" iso-date="{end}"/>"#));
    }
    if let Some(tag) = mission.hashtag.strip_prefix('#').filter(|t| !t.is_empty()) {
        // Vocabulary 99: the reporting organization's own tags.
        xml.line(
            2,
            &format!(r#"<tag vocabulary="99" code="{}">"#, escape(tag)),
        );
        xml.narrative(3, &mission.hashtag);
        xml.line(2, "</tag>");
    }
    for (goal, depth, indicators) in results {
        let kind = match GoalLevel::from_depth(*depth) {
            GoalLevel::Mission => "3",
            GoalLevel::Objective => "2",
            GoalLevel::SubObjective => "1",
        };
        xml.line(2, &format!(r#"<result type="{kind}">"#));
        xml.text_element(3, "title", &goal.title);
        if !goal.statement.is_empty() {
            xml.text_element(3, "description", &goal.statement);
        }
        for indicator in indicators {
            write_indicator(xml, goal, indicator, measurements);
        }
        xml.line(2, "</result>");
    }
    xml.line(1, "</iati-activity>");
}

fn write_indicator(
    xml: &mut Xml,
    goal: &Goal,
    indicator: &Indicator,
    measurements: &[Measurement],
) {
    let measure = match indicator.measure {
        MeasureType::Number => "1",
        MeasureType::Percentage => "2",
        MeasureType::YesNo => "3",
        MeasureType::Qualitative => "5",
    };
    let ascending = match (indicator.measure, indicator.direction) {
        (MeasureType::Qualitative, _) => String::new(),
        (_, super::model::Direction::HigherIsBetter) => r#" ascending="1""#.into(),
        (_, super::model::Direction::LowerIsBetter) => r#" ascending="0""#.into(),
    };
    xml.line(3, &format!(r#"<indicator measure="{measure}"{ascending}>"#));
    xml.text_element(4, "title", &indicator.name);
    let mut about = Vec::new();
    if !indicator.unit.is_empty() {
        about.push(format!("Unit: {}.", indicator.unit));
    }
    if !indicator.source.is_empty() {
        about.push(format!("Data source: {}.", indicator.source));
    }
    if indicator.proxy {
        about.push("This is a proxy indicator.".into());
    }
    if !about.is_empty() {
        xml.text_element(4, "description", &about.join(" "));
    }
    if let Some(baseline) = &indicator.baseline {
        let year = baseline.date.year();
        xml.open_with_value(
            4,
            &format!(r#"baseline year="{year}" iso-date="{}""#, baseline.date),
            "baseline",
            &baseline.value,
        );
    }
    let mut sorted: Vec<&Target> = indicator.targets.iter().collect();
    sorted.sort_by_key(|t| t.date);
    let mut start = indicator.baseline.as_ref().map(|b| b.date).or(goal.start);
    for target in sorted {
        let period_start = start.filter(|s| *s <= target.date).unwrap_or(target.date);
        xml.line(4, "<period>");
        xml.line(5, &format!(r#"<period-start iso-date="{period_start}"/>"#));
        xml.line(5, &format!(r#"<period-end iso-date="{}"/>"#, target.date));
        xml.open_with_value(5, "target", "target", &target.value);
        let actual = measurements
            .iter()
            .filter(|m| {
                m.indicator == indicator.id && m.date >= period_start && m.date <= target.date
            })
            .filter(|m| indicator.measure.fits(&m.value))
            .max_by_key(|m| m.date);
        if let Some(actual) = actual {
            xml.open_with_value(5, "actual", "actual", &actual.value);
        }
        xml.line(4, "</period>");
        start = target.date.add_days(1);
    }
    xml.line(3, "</indicator>");
}

/// A goal and every goal under it, with their depth below the mission.
fn branch<'a>(goals: &'a [Goal], mission: &'a Goal) -> Vec<(&'a Goal, usize)> {
    let mut out = vec![(mission, 0)];
    let mut index = 0;
    while index < out.len() {
        let (parent, depth) = out[index];
        for child in goals
            .iter()
            .filter(|g| g.parent.as_ref() == Some(&parent.id))
        {
            out.push((child, depth + 1));
        }
        index += 1;
    }
    out
}

/// Text made safe for XML content, keeping its line breaks.
pub(crate) fn escape(text: &str) -> String {
    crate::markup::escape(text, crate::markup::Whitespace::Keep)
}

#[derive(Default)]
struct Xml(String);

impl Xml {
    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.0.push_str("  ");
        }
        self.0.push_str(text);
        self.0.push('\n');
    }

    fn narrative(&mut self, indent: usize, text: &str) {
        self.line(indent, &format!("<narrative>{}</narrative>", escape(text)));
    }

    fn text_element(&mut self, indent: usize, name: &str, text: &str) {
        self.line(indent, &format!("<{name}>"));
        self.narrative(indent + 1, text);
        self.line(indent, &format!("</{name}>"));
    }

    /// An element carrying a value: numbers (yes = 1, no = 0) in `value`, with
    /// the words in a comment for yes/no and qualitative values.
    fn open_with_value(&mut self, indent: usize, open: &str, name: &str, value: &Value) {
        let (attribute, comment) = match value {
            Value::Number(n) => (format!(r#" value="{n}""#), None),
            Value::YesNo(yes) => (
                format!(r#" value="{}""#, u8::from(*yes)),
                Some(value.to_string()),
            ),
            Value::Text(text) => (String::new(), Some(text.clone())),
        };
        match comment {
            None => self.line(indent, &format!("<{open}{attribute}/>")),
            Some(comment) => {
                self.line(indent, &format!("<{open}{attribute}>"));
                self.text_element(indent + 1, "comment", &comment);
                self.line(indent, &format!("</{name}>"));
            }
        }
    }
}
