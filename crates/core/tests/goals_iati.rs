//! The IATI results export validates against the IATI activity schema 2.03
//! (the fixtures in /work/shared/fixtures/iati), checked with xmllint.

mod goals_support;

use std::io::Write;
use std::process::{Command, Stdio};

use constellation_core::goals::{IatiConfig, IatiError};
use goals_support::date;

const SCHEMA: &str = "/work/shared/fixtures/iati/iati-activities-schema.xsd";

fn config() -> IatiConfig {
    IatiConfig {
        reporting_org_ref: "XI-IATI-RIVER".into(),
        reporting_org_type: "22".into(),
        reporting_org_name: "River Coalition <backbone> & co".into(),
        partners: vec!["Water Utility".into(), "City".into()],
        language: "en".into(),
        activity_status: "2".into(),
        generated_on: date("2025-07-01"),
    }
}

/// Runs xmllint on `xml` against the IATI schema; Err holds its complaint.
fn xmllint(xml: &str) -> Result<(), String> {
    assert!(
        std::path::Path::new(SCHEMA).exists(),
        "the IATI schema fixture is missing at {SCHEMA}"
    );
    let child = Command::new("xmllint")
        .args(["--noout", "--schema", SCHEMA, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => panic!(
            "xmllint could not be run ({error}): install libxml2-utils (`apt-get install libxml2-utils`) to validate the IATI export"
        ),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn the_results_xml_validates_against_the_iati_schema() {
    let sample = goals_support::sample();
    let xml = sample.room.iati_activities_xml(&config()).unwrap();
    if let Err(complaint) = xmllint(&xml) {
        panic!("xmllint refused the export:\n{complaint}\n{xml}");
    }
}

#[test]
fn the_validation_is_real_a_broken_file_is_refused() {
    let sample = goals_support::sample();
    let xml = sample.room.iati_activities_xml(&config()).unwrap();
    let broken = xml.replacen("<activity-status code=\"2\"/>", "", 1);
    assert!(
        xmllint(&broken).is_err(),
        "removing a required element must fail validation"
    );
}

#[test]
fn results_follow_the_goal_tree_with_baselines_targets_and_actuals() {
    let sample = goals_support::sample();
    let xml = sample.room.iati_activities_xml(&config()).unwrap();
    assert_eq!(
        xml.matches("<iati-activity ").count(),
        1,
        "one activity per mission"
    );
    assert!(xml.contains(&format!(
        "<iati-identifier>XI-IATI-RIVER-{}</iati-identifier>",
        sample.mission
    )));
    assert!(
        xml.contains(r#"<result type="3">"#),
        "the mission is an impact"
    );
    assert!(
        xml.contains(r#"<result type="2">"#),
        "the objective is an outcome"
    );
    assert!(xml.contains(r#"<tag vocabulary="99" code="CleanRiver2030">"#));
    // Swimming days: baseline 10 on 2025-01-01, targets 30 (2025) and 90 (2030);
    // the first period's actual is the latest measurement in it, 21.
    assert!(xml.contains(r#"<baseline year="2025" iso-date="2025-01-01" value="10"/>"#));
    assert!(xml.contains("<period-start iso-date=\"2025-01-01\"/>\n          <period-end iso-date=\"2025-12-31\"/>\n          <target value=\"30\"/>\n          <actual value=\"21\"/>"));
    assert!(xml.contains("<period-start iso-date=\"2026-01-01\"/>\n          <period-end iso-date=\"2030-12-31\"/>\n          <target value=\"90\"/>\n        </period>"));
    assert!(
        xml.contains(r#"<indicator measure="1" ascending="0">"#),
        "fewer overflows are better"
    );
    assert!(
        xml.contains(r#"<indicator measure="3" ascending="1">"#),
        "yes/no is nominal"
    );
    assert!(
        xml.contains(r#"<indicator measure="5">"#),
        "qualitative has no direction"
    );
    assert!(
        xml.contains("<narrative>with &lt;some&gt; hope</narrative>"),
        "a qualitative actual is a comment"
    );
    assert!(xml.contains("<narrative>Unit: events per year. Data source: basin survey. This is a proxy indicator.</narrative>"));
    // Every piece of user text is escaped.
    assert!(xml.contains("<narrative>River Coalition &lt;backbone&gt; &amp; co</narrative>"));
    assert!(xml.contains("children &lt;b&gt;swim&lt;/b&gt; &amp; fish &quot;again&quot;"));
    assert!(!xml.contains("<b>"));
}

#[test]
fn settings_and_content_are_checked_first() {
    let sample = goals_support::sample();
    let err = sample
        .room
        .iati_activities_xml(&IatiConfig {
            reporting_org_ref: " ".into(),
            ..config()
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "the IATI export needs the reporting organization's identifier (ref): fill it in the export settings");
    let empty = constellation_core::Room::new(constellation_core::ClientId::new(1).unwrap());
    assert_eq!(
        empty.iati_activities_xml(&config()).unwrap_err(),
        IatiError::NothingToExport
    );
}
