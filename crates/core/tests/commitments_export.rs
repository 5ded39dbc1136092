//! The JSON export of goals, indicators, measurements and commitments: it
//! validates against the JSON Schema published in docs/schema, and reads back
//! to the same data.

mod goals_support;

use constellation_core::commitments::{CoalitionData, ExportError, COALITION_DATA_VERSION};
use constellation_core::goals::Date;
use serde_json::Value as Json;

fn schema() -> Json {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/coalition-data-v1.schema.json"
    );
    let text = std::fs::read_to_string(path).expect("the schema is published in docs/schema");
    serde_json::from_str(&text).expect("the schema is valid JSON")
}

/// A validator for the part of JSON Schema 2020-12 the published schema uses
/// ($ref to $defs, type, const, enum, properties, required,
/// additionalProperties: false, items, anyOf, minimum, minLength, format:
/// date). A keyword it does not know fails, so the schema cannot quietly grow
/// past what this test checks. Returns the problems, with their JSON path.
fn validate(root: &Json, schema: &Json, value: &Json, path: &str, problems: &mut Vec<String>) {
    let Json::Object(rules) = schema else {
        panic!("a schema at {path} is not an object")
    };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" | "pattern" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .unwrap()
                    .strip_prefix("#/$defs/")
                    .expect("local refs only");
                validate(root, &root["$defs"][name], value, path, problems);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Json::String(t) => vec![t.as_str()],
                    Json::Array(list) => list.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type at {path}"),
                };
                let actual = match value {
                    Json::Null => "null",
                    Json::Bool(_) => "boolean",
                    Json::Number(n) if n.is_i64() || n.is_u64() => "integer",
                    Json::Number(_) => "number",
                    Json::String(_) => "string",
                    Json::Array(_) => "array",
                    Json::Object(_) => "object",
                };
                let ok =
                    types.contains(&actual) || (actual == "integer" && types.contains(&"number"));
                if !ok {
                    problems.push(format!("{path}: {actual} is not {types:?}"));
                }
            }
            "const" if value != rule => problems.push(format!("{path}: {value} is not {rule}")),
            "const" => {}
            "enum" if !rule.as_array().unwrap().contains(value) => {
                problems.push(format!("{path}: {value} is not one of {rule}"))
            }
            "enum" => {}
            "required" => {
                for key in rule.as_array().unwrap() {
                    if value.get(key.as_str().unwrap()).is_none() && value.is_object() {
                        problems.push(format!("{path}: {key} is missing"));
                    }
                }
            }
            "properties" => {
                if let Json::Object(fields) = value {
                    for (key, field) in fields {
                        if let Some(sub) = rule.get(key) {
                            validate(root, sub, field, &format!("{path}.{key}"), problems);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(
                    rule,
                    &Json::Bool(false),
                    "only additionalProperties: false is used"
                );
                if let Json::Object(fields) = value {
                    for key in fields.keys() {
                        if rules["properties"].get(key).is_none() {
                            problems.push(format!("{path}: {key} is not in the schema"));
                        }
                    }
                }
            }
            "items" => {
                if let Json::Array(items) = value {
                    for (i, item) in items.iter().enumerate() {
                        validate(root, rule, item, &format!("{path}[{i}]"), problems);
                    }
                }
            }
            "anyOf" => {
                let fits = rule.as_array().unwrap().iter().any(|option| {
                    let mut sub = Vec::new();
                    validate(root, option, value, path, &mut sub);
                    sub.is_empty()
                });
                if !fits {
                    problems.push(format!("{path}: {value} fits none of the options"));
                }
            }
            "minimum" => {
                if let Some(n) = value.as_f64() {
                    if n < rule.as_f64().unwrap() {
                        problems.push(format!("{path}: {n} is below {rule}"));
                    }
                }
            }
            "minLength" => {
                if let Some(s) = value.as_str() {
                    if (s.chars().count() as u64) < rule.as_u64().unwrap() {
                        problems.push(format!("{path}: '{s}' is too short"));
                    }
                }
            }
            "format" => {
                assert_eq!(rule, "date");
                if let Some(s) = value.as_str() {
                    if Date::parse(s).is_err() {
                        problems.push(format!("{path}: '{s}' is not a date"));
                    }
                }
            }
            other => panic!("the test validator does not know the keyword {other} (at {path})"),
        }
    }
}

fn problems_of(json: &Json) -> Vec<String> {
    let schema = schema();
    let mut problems = Vec::new();
    validate(&schema, &schema, json, "$", &mut problems);
    problems
}

#[test]
fn the_export_validates_against_the_published_schema() {
    let sample = goals_support::sample();
    let json: Json = serde_json::from_str(&sample.room.coalition_data().to_json()).unwrap();
    assert_eq!(problems_of(&json), Vec::<String>::new());
    // Every list is filled, so every definition of the schema was exercised.
    for list in [
        "goals",
        "indicators",
        "measurements",
        "experiments",
        "commitments",
        "check_ins",
        "roles",
    ] {
        assert!(!json[list].as_array().unwrap().is_empty(), "{list}");
    }
    // An empty room's export is valid too.
    let empty = constellation_core::Room::new(constellation_core::ClientId::new(1).unwrap());
    let json: Json = serde_json::from_str(&empty.coalition_data().to_json()).unwrap();
    assert_eq!(problems_of(&json), Vec::<String>::new());
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let sample = goals_support::sample();
    let mut json: Json = serde_json::from_str(&sample.room.coalition_data().to_json()).unwrap();
    json["goals"][0]["colour"] = Json::from("red");
    json["indicators"][0]["direction"] = Json::from("sideways");
    json["commitments"][0]["due"] = Json::from("2025-02-30");
    json["measurements"][0]
        .as_object_mut()
        .unwrap()
        .remove("value");
    let mut problems = problems_of(&json);
    problems.sort();
    assert_eq!(
        problems,
        vec![
            "$.commitments[0].due: \"2025-02-30\" fits none of the options",
            "$.goals[0]: colour is not in the schema",
            "$.indicators[0].direction: \"sideways\" is not one of [\"higher_is_better\",\"lower_is_better\"]",
            "$.measurements[0]: \"value\" is missing",
        ]
    );
}

#[test]
fn the_schema_file_is_named_for_the_version_it_describes() {
    let schema = schema();
    assert_eq!(
        schema["properties"]["version"]["const"],
        Json::from(COALITION_DATA_VERSION)
    );
    assert!(schema["$id"].as_str().unwrap().ends_with(&format!(
        "coalition-data-v{COALITION_DATA_VERSION}.schema.json"
    )));
}

#[test]
fn export_then_read_gives_back_the_same_data() {
    let data = goals_support::sample().room.coalition_data();
    let json = data.to_json();
    assert_eq!(CoalitionData::from_json(&json).unwrap(), data);
    // A snapshot of the room exports the same data.
    let copy = constellation_core::Room::from_snapshot(
        constellation_core::ClientId::new(7).unwrap(),
        goals_support::sample().room.snapshot().as_bytes(),
    )
    .unwrap();
    assert_eq!(copy.coalition_data(), data);
}

#[test]
fn reading_refuses_other_formats_and_newer_versions() {
    let json = goals_support::sample().room.coalition_data().to_json();
    let other = json.replacen("constellation/coalition-data", "something/else", 1);
    assert_eq!(
        CoalitionData::from_json(&other).unwrap_err().to_string(),
        "this is not Constellation coalition data: its format is 'something/else', expected 'constellation/coalition-data'"
    );
    let newer = json.replacen("\"version\": 1", "\"version\": 2", 1);
    assert_eq!(
        CoalitionData::from_json(&newer).unwrap_err(),
        ExportError::NewerVersion { found: 2 }
    );
    assert!(matches!(
        CoalitionData::from_json("{\"format\": \"constellation/coalition-data\", \"version\": 1}"),
        Err(ExportError::Malformed { .. })
    ));
    assert!(matches!(
        CoalitionData::from_json("not json"),
        Err(ExportError::Malformed { .. })
    ));
}
