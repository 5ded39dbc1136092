//! What a person types to add or change an organization, a person or a tie,
//! the checks that make it safe to store, and the errors that name the field.
//!
//! Every check runs before anything is written: a refused edit changes nothing
//! (see [`crate::room::Room`]'s `edit`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::model::{Level, NodeRef, OrgId, PersonId, Sector, TieKind, Trust};
use crate::goals::FieldProblem;

/// The id of a tie in the room (ties in a plain [`super::Network`] have none).
pub type TieId = String;

/// The longest name of a person or an organization, and the longest role.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest note on a tie.
pub const MAX_NOTE_CHARS: usize = 2000;
/// How many tags an organization may carry, and how long each may be.
pub const MAX_TAGS: usize = 30;
pub const MAX_TAG_CHARS: usize = 60;

/// A field of a network form, named in messages the way the form labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NetworkField {
    Name,
    Sector,
    Tags,
    Organization,
    Role,
    Level,
    From,
    To,
    Kind,
    Trust,
    Note,
    /// The name of the n-th colleague (from 1) in quick entry.
    WorksWith(usize),
    /// The organization of the n-th colleague (from 1) in quick entry.
    WorksWithOrganization(usize),
    /// The whole entry rather than one field (an unknown id, a merge).
    Record,
}

impl NetworkField {
    /// The field as the form labels it.
    pub fn label(self) -> String {
        match self {
            NetworkField::Name => "name".into(),
            NetworkField::Sector => "sector".into(),
            NetworkField::Tags => "tags".into(),
            NetworkField::Organization => "organization".into(),
            NetworkField::Role => "role".into(),
            NetworkField::Level => "level".into(),
            NetworkField::From => "from".into(),
            NetworkField::To => "to".into(),
            NetworkField::Kind => "kind of tie".into(),
            NetworkField::Trust => "trust".into(),
            NetworkField::Note => "note".into(),
            NetworkField::WorksWith(n) => format!("works with (person {n})"),
            NetworkField::WorksWithOrganization(n) => {
                format!("works with (organization of person {n})")
            }
            NetworkField::Record => "entry".into(),
        }
    }
}

/// What is wrong with one field of a network form. Structured, so the web
/// app words it in the reader's language; `Display` is English for logs and
/// tests' messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkProblem {
    /// A problem any form may have (required, too long), shared with goals.
    Field(FieldProblem),
    /// A line break, tab or other control character in the text.
    ControlCharacters,
    /// More tags than [`MAX_TAGS`].
    TooManyTags { count: usize, max: usize },
    /// Trust must be a whole number from 1 to 5.
    TrustOutOfRange { found: i64 },
    /// A tie between a person and an organization.
    MixedTie,
    /// A tie from an entry to itself.
    TieToItself,
    /// Quick entry: a colleague's organization without their name.
    ColleagueNeedsName,
    /// Quick entry: a colleague who is the person entering.
    ColleagueIsSelf,
    /// The organization chosen is not (or no longer) in the room.
    NoSuchOrganization { id: OrgId },
    /// A tie's end is not (or no longer) in the room.
    NoSuchEnd { end: NodeRef },
}

impl std::fmt::Display for NetworkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetworkProblem::Field(FieldProblem::Required) => f.write_str("is required"),
            NetworkProblem::Field(FieldProblem::TooLong { max, .. }) => {
                write!(f, "is too long (at most {max} characters)")
            }
            NetworkProblem::Field(other) => f.write_str(&other.describe("value")),
            NetworkProblem::ControlCharacters => {
                f.write_str("must be one line without control characters")
            }
            NetworkProblem::TooManyTags { max, .. } => write!(f, "at most {max} tags"),
            NetworkProblem::TrustOutOfRange { found } => write!(f, "must be 1–5, found {found}"),
            NetworkProblem::MixedTie => f.write_str("a tie joins two people or two organizations"),
            NetworkProblem::TieToItself => {
                f.write_str("a tie must join two different people or organizations")
            }
            NetworkProblem::ColleagueNeedsName => {
                f.write_str("a name is needed with the organization")
            }
            NetworkProblem::ColleagueIsSelf => {
                f.write_str("is the person entering; list the people they work with")
            }
            NetworkProblem::NoSuchOrganization { id } => write!(f, "there is no organization {id:?}"),
            NetworkProblem::NoSuchEnd { end } => write!(f, "there is no {end}"),
        }
    }
}

/// Why an edit of the network was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkEditError {
    #[error("{}: {problem}", field.label())]
    Invalid {
        field: NetworkField,
        problem: NetworkProblem,
    },
    #[error("there is no organization {0:?} (someone may have deleted or merged it)")]
    UnknownOrganization(OrgId),
    #[error("there is no person {0:?} (someone may have deleted or merged them)")]
    UnknownPerson(PersonId),
    #[error("there is no tie {0:?} (someone may have deleted it)")]
    UnknownTie(TieId),
    #[error("an entry cannot be merged into itself")]
    MergeWithItself,
}

impl NetworkEditError {
    /// The field a form should mark.
    pub fn field(&self) -> NetworkField {
        match self {
            NetworkEditError::Invalid { field, .. } => *field,
            _ => NetworkField::Record,
        }
    }

    pub(crate) fn invalid(field: NetworkField, problem: NetworkProblem) -> Self {
        NetworkEditError::Invalid { field, problem }
    }
}

/// An organization as a form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganization {
    pub name: String,
    pub sector: Sector,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A person as a form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPerson {
    pub name: String,
    #[serde(default)]
    pub organization: Option<OrgId>,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub level: Option<Level>,
}

/// A tie as a form gives it; `trust` is checked to be 1–5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTie {
    pub from: NodeRef,
    pub to: NodeRef,
    pub kind: TieKind,
    pub trust: i64,
    #[serde(default)]
    pub directed: bool,
    #[serde(default)]
    pub note: String,
}

/// A checked tie: what is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CheckedTie {
    pub from: NodeRef,
    pub to: NodeRef,
    pub kind: TieKind,
    pub trust: Trust,
    pub directed: bool,
    pub note: String,
}

/// A one-line text: trimmed, at most `max` characters, no control characters.
pub(crate) fn line(
    field: NetworkField,
    text: &str,
    max: usize,
    required: bool,
) -> Result<String, NetworkEditError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(NetworkEditError::invalid(field, NetworkProblem::Field(FieldProblem::Required)));
    }
    let length = text.chars().count();
    if length > max {
        return Err(NetworkEditError::invalid(
            field,
            NetworkProblem::Field(FieldProblem::TooLong { length, max }),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(NetworkEditError::invalid(field, NetworkProblem::ControlCharacters));
    }
    Ok(text.to_string())
}

/// A note: trimmed, at most [`MAX_NOTE_CHARS`], line breaks allowed.
pub(crate) fn note(text: &str) -> Result<String, NetworkEditError> {
    let text = text.trim();
    let length = text.chars().count();
    if length > MAX_NOTE_CHARS {
        return Err(NetworkEditError::invalid(
            NetworkField::Note,
            NetworkProblem::Field(FieldProblem::TooLong { length, max: MAX_NOTE_CHARS }),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(NetworkEditError::invalid(
            NetworkField::Note,
            NetworkProblem::ControlCharacters,
        ));
    }
    Ok(text.to_string())
}

/// Tags trimmed, blank ones dropped, repeats (case-insensitive) dropped.
pub(crate) fn tags(tags: &[String]) -> Result<Vec<String>, NetworkEditError> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = line(NetworkField::Tags, tag, MAX_TAG_CHARS, false)?;
        if !tag.is_empty() && !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(NetworkEditError::invalid(
            NetworkField::Tags,
            NetworkProblem::TooManyTags { count: out.len(), max: MAX_TAGS },
        ));
    }
    Ok(out)
}

/// Tags made storable without refusing any: trimmed, control characters
/// dropped, each cut to [`MAX_TAG_CHARS`], repeats and blanks dropped, at most
/// [`MAX_TAGS`]. For merges and imports, which join tags rather than type them.
pub(crate) fn check_tags(list: &[String]) -> Vec<String> {
    let cleaned: Vec<String> = list
        .iter()
        .map(|t| {
            t.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .chars()
                .take(MAX_TAG_CHARS)
                .collect()
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for tag in cleaned {
        if !tag.is_empty() && !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    out.truncate(MAX_TAGS);
    out
}

pub(crate) fn check_organization(
    org: &NewOrganization,
) -> Result<NewOrganization, NetworkEditError> {
    Ok(NewOrganization {
        name: line(NetworkField::Name, &org.name, MAX_NAME_CHARS, true)?,
        sector: org.sector,
        tags: tags(&org.tags)?,
    })
}

pub(crate) fn check_person(person: &NewPerson) -> Result<NewPerson, NetworkEditError> {
    Ok(NewPerson {
        name: line(NetworkField::Name, &person.name, MAX_NAME_CHARS, true)?,
        organization: person.organization.clone(),
        role: line(NetworkField::Role, &person.role, MAX_NAME_CHARS, false)?,
        level: person.level,
    })
}

pub(crate) fn check_trust(trust: i64) -> Result<Trust, NetworkEditError> {
    Trust::new(trust).map_err(|_| {
        NetworkEditError::invalid(NetworkField::Trust, NetworkProblem::TrustOutOfRange { found: trust })
    })
}

/// Checks a tie's own fields (whether its ends exist is checked against the room).
pub(crate) fn check_tie(tie: &NewTie) -> Result<CheckedTie, NetworkEditError> {
    let same_kind = matches!(
        (&tie.from, &tie.to),
        (NodeRef::Person(_), NodeRef::Person(_))
            | (NodeRef::Organization(_), NodeRef::Organization(_))
    );
    if !same_kind {
        return Err(NetworkEditError::invalid(NetworkField::To, NetworkProblem::MixedTie));
    }
    if tie.from == tie.to {
        return Err(NetworkEditError::invalid(NetworkField::To, NetworkProblem::TieToItself));
    }
    Ok(CheckedTie {
        from: tie.from.clone(),
        to: tie.to.clone(),
        kind: tie.kind,
        trust: check_trust(tie.trust)?,
        directed: tie.directed,
        note: note(&tie.note)?,
    })
}

/// The name a serde enum of the model uses for `value` ("civil_society").
pub fn code_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A sector by its code, without serde (the room's reader calls this per entry).
pub(crate) fn sector_from_code(code: &str) -> Option<Sector> {
    Sector::ALL.into_iter().find(|s| sector_code(*s) == code)
}

pub(crate) fn sector_code(sector: Sector) -> &'static str {
    match sector {
        Sector::Government => "government",
        Sector::Business => "business",
        Sector::CivilSociety => "civil_society",
        Sector::Other => "other",
    }
}

pub(crate) fn kind_from_code(code: &str) -> Option<TieKind> {
    Some(match code {
        "collaborates" => TieKind::Collaborates,
        "knows" => TieKind::Knows,
        "funds" => TieKind::Funds,
        "governs" => TieKind::Governs,
        "other" => TieKind::Other,
        _ => return None,
    })
}

pub(crate) fn level_from_code(code: &str) -> Option<Level> {
    Some(match code {
        "senior" => Level::Senior,
        "mid" => Level::Mid,
        "junior" => Level::Junior,
        _ => return None,
    })
}

/// The model enum value named `code` ("civil_society", "collaborates"), if any.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// Reads a sector, kind or level leniently: case, spaces, hyphens and
/// underscores do not matter ("Civil society" is `civil_society`).
pub fn parse_code<T: DeserializeOwned>(text: &str) -> Option<T> {
    let code: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    from_code(&code)
}

/// A node reference as stored: `person:ID` or `organization:ID`.
pub(crate) fn node_code(node: &NodeRef) -> String {
    match node {
        NodeRef::Person(id) => format!("person:{id}"),
        NodeRef::Organization(id) => format!("organization:{id}"),
    }
}

pub(crate) fn parse_node_code(code: &str) -> Option<NodeRef> {
    if let Some(id) = code.strip_prefix("person:") {
        Some(NodeRef::person(id))
    } else {
        code.strip_prefix("organization:")
            .map(NodeRef::organization)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_codes_agree_with_serde() {
        for s in Sector::ALL {
            assert_eq!(sector_from_code(&code_of(s)), Some(s));
        }
        for k in [
            TieKind::Collaborates,
            TieKind::Knows,
            TieKind::Funds,
            TieKind::Governs,
            TieKind::Other,
        ] {
            assert_eq!(kind_from_code(&code_of(k)), Some(k));
        }
        for l in [Level::Senior, Level::Mid, Level::Junior] {
            assert_eq!(level_from_code(&code_of(l)), Some(l));
        }
    }

    #[test]
    fn codes_read_leniently() {
        assert_eq!(
            parse_code::<Sector>("Civil society"),
            Some(Sector::CivilSociety)
        );
        assert_eq!(
            parse_code::<Sector>("civil-society"),
            Some(Sector::CivilSociety)
        );
        assert_eq!(parse_code::<TieKind>(" Funds "), Some(TieKind::Funds));
        assert_eq!(parse_code::<Level>("boss"), None);
        assert_eq!(code_of(Sector::CivilSociety), "civil_society");
    }

    #[test]
    fn errors_name_the_field() {
        let err = check_person(&NewPerson {
            name: "  ".into(),
            organization: None,
            role: String::new(),
            level: None,
        })
        .unwrap_err();
        assert_eq!(
            err,
            NetworkEditError::Invalid {
                field: NetworkField::Name,
                problem: NetworkProblem::Field(FieldProblem::Required)
            }
        );
        assert_eq!(err.field(), NetworkField::Name);
        let err = check_tie(&NewTie {
            from: NodeRef::person("a"),
            to: NodeRef::person("b"),
            kind: TieKind::Knows,
            trust: 7,
            directed: false,
            note: String::new(),
        })
        .unwrap_err();
        assert_eq!(
            err,
            NetworkEditError::Invalid {
                field: NetworkField::Trust,
                problem: NetworkProblem::TrustOutOfRange { found: 7 }
            }
        );
        // The English words stay for logs and the command line.
        assert_eq!(err.to_string(), "trust: must be 1–5, found 7");
    }
}
