//! The progress digest: what happened in a chosen period, as Markdown (for a
//! newsletter or a chat) and as printable HTML.
//!
//! A digest lists the goals whose status changed (status on the day before the
//! period against status on its last day), the measurements dated in the
//! period, the commitments made in it, those met in it, those overdue at its
//! end, and the check-ins reported in it.
//!
//! History is read from dates, not from an edit log: a commitment counts as
//! open at the end of the period when it is open now or its status changed
//! after the period; a past goal status uses the measurements dated up to that
//! day against today's baselines and targets. All user text is escaped in
//! both outputs, and only http(s) evidence links become links.

use serde::{Deserialize, Serialize};

use super::model::{CheckIn, Commitment, CommitmentKind, CommitmentStatus};
use crate::goals::{escape_markup, goal_statuses, Date, GoalId, Measurement, Status, StatusRule, Value};
use crate::room::Room;

/// The days a digest covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// Why no digest could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DigestError {
    #[error("the period ends ({to}) before it starts ({from}): swap the two dates")]
    EndsBeforeStart { from: Date, to: Date },
}

/// A measurement with what a reader needs to place it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestMeasurement {
    pub measurement: Measurement,
    pub indicator: String,
    pub unit: String,
    pub goal: String,
}

/// A goal whose status differs between the start and the end of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChangeOfGoal {
    pub goal: GoalId,
    pub title: String,
    pub before: Status,
    pub after: Status,
}

/// A check-in with the organization whose commitment it reports on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestCheckIn {
    pub check_in: CheckIn,
    pub organization: String,
    pub commitment: String,
}

/// What happened in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub title: String,
    pub period: Period,
    pub status_changes: Vec<StatusChangeOfGoal>,
    pub new_measurements: Vec<DigestMeasurement>,
    pub new_commitments: Vec<Commitment>,
    pub met: Vec<Commitment>,
    /// Open at the end of the period and due on or before its last day.
    pub overdue: Vec<Commitment>,
    pub check_ins: Vec<DigestCheckIn>,
}

impl Room {
    /// The digest of `period` (module documentation).
    pub fn digest(&self, period: Period, rule: &StatusRule) -> Result<Digest, DigestError> {
        if period.to < period.from {
            return Err(DigestError::EndsBeforeStart {
                from: period.from,
                to: period.to,
            });
        }
        let within = |date: Date| date >= period.from && date <= period.to;
        let view = self.goals_view();
        let before_day = period.from.add_days(-1).unwrap_or(period.from);
        let before = goal_statuses(
            &view.goals,
            &view.indicators,
            &view.measurements,
            before_day,
            rule,
        );
        let after = goal_statuses(
            &view.goals,
            &view.indicators,
            &view.measurements,
            period.to,
            rule,
        );
        let status_changes = before
            .into_iter()
            .zip(after)
            .filter(|((_, b), (_, a))| b != a)
            .filter_map(|((goal, before), (_, after))| {
                let title = view.goals.iter().find(|g| g.id == goal)?.title.clone();
                Some(StatusChangeOfGoal {
                    goal,
                    title,
                    before,
                    after,
                })
            })
            .collect();
        let new_measurements = view
            .measurements
            .iter()
            .filter(|m| within(m.date))
            .filter_map(|m| {
                let indicator = view.indicators.iter().find(|i| i.id == m.indicator)?;
                let goal = view.goals.iter().find(|g| g.id == indicator.goal)?;
                Some(DigestMeasurement {
                    measurement: m.clone(),
                    indicator: indicator.name.clone(),
                    unit: indicator.unit.clone(),
                    goal: goal.title.clone(),
                })
            })
            .collect();
        let commitments = self.commitments();
        let open_at_end =
            |c: &Commitment| c.status.is_open() || c.status_date.is_some_and(|d| d > period.to);
        let pick = |keep: &dyn Fn(&Commitment) -> bool| -> Vec<Commitment> {
            commitments.iter().filter(|c| keep(c)).cloned().collect()
        };
        let new_commitments = pick(&|c| c.made_on.is_some_and(within));
        let met = pick(&|c| c.status == CommitmentStatus::Met && c.status_date.is_some_and(within));
        let mut overdue = pick(&|c| {
            open_at_end(c)
                && c.due.is_some_and(|due| due <= period.to)
                && c.made_on.is_none_or(|m| m <= period.to)
        });
        overdue.sort_by_key(|c| c.due);
        let check_ins = self
            .all_check_ins()
            .into_iter()
            .filter(|c| within(c.date))
            .filter_map(|check_in| {
                let commitment = commitments.iter().find(|c| c.id == check_in.commitment)?;
                Some(DigestCheckIn {
                    organization: commitment.organization.clone(),
                    commitment: commitment.description.clone(),
                    check_in,
                })
            })
            .collect();
        Ok(Digest {
            title: self.title(),
            period,
            status_changes,
            new_measurements,
            new_commitments,
            met,
            overdue,
            check_ins,
        })
    }
}

/// The parts of a digest document that are words rather than data, for
/// the reader's language: [`Digest::to_markdown_in`] and
/// [`Digest::to_html_in`] ask a function for each (the web app answers from
/// its catalogs, `digest-doc-*`); [`english`] is the English one. Each word
/// carries its own spacing and punctuation (French puts a space before a colon).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DigestWord<'a> {
    /// The language's code, for `<html lang>`.
    Lang,
    /// The document's heading with the room's title (escaped for the output),
    /// or without one.
    Title(Option<&'a str>),
    /// The period, its dates already written ([`DigestWord::Date`]).
    Period(&'a str, &'a str),
    /// A section's heading with how many items it lists.
    Heading(DigestSection, usize),
    /// What a section with nothing in it says.
    Empty(DigestSection),
    /// A calendar date.
    Date(Date),
    /// A commitment's amount with its unit (possibly empty).
    Amount(f64, &'a str),
    /// A measured value with its indicator's unit (possibly empty).
    Measured(&'a Value, &'a str),
    /// After a partner's name: the kind of what they promised, then the promise.
    Kind(CommitmentKind),
    /// A goal's status before and after the period.
    StatusChange(Status, Status),
    /// Between a date and what happened on it.
    DateSeparator,
    /// Before the amount of a commitment.
    AmountSeparator,
    /// After a promise: when it is due.
    Due(Date),
    /// After a promise met: when.
    MetOn(Date),
    /// After an overdue promise: how many days late at the end of the period.
    DaysLate(i64),
    /// After a promise due on the period's last day and not delivered.
    DueOnLastDay,
    /// Before the indicator's goal (in brackets).
    GoalOpen,
    /// After the indicator's goal, before the value.
    GoalClose,
    /// Before the organization that reported a measurement.
    ReportedBy,
    /// Between a partner and the commitment they checked in on.
    CheckedInOn,
    /// Between the commitment and the check-in's text.
    CheckInText,
    /// After a check-in: how many responses it had.
    Responses(usize),
    /// An evidence link's text.
    Evidence,
}

/// The sections of a digest, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestSection {
    StatusChanges,
    Measurements,
    NewCommitments,
    Met,
    Overdue,
    CheckIns,
}

/// A number as the digest writes it in English: no needless decimals.
fn number(value: f64) -> String {
    value.to_string()
}

/// The digest's words in English (what [`Digest::to_markdown`] and
/// [`Digest::to_html`] use).
pub fn english(word: DigestWord) -> String {
    use DigestSection as S;
    use DigestWord as W;
    match word {
        W::Lang => "en".into(),
        W::Title(title) => format!("Progress digest: {}", title.unwrap_or("the coalition")),
        W::Period(from, to) => format!("{from} to {to}"),
        W::Heading(section, count) => {
            let heading = match section {
                S::StatusChanges => "Goals whose status changed",
                S::Measurements => "New measurements",
                S::NewCommitments => "New commitments",
                S::Met => "Commitments met",
                S::Overdue => "Overdue at the end of the period",
                S::CheckIns => "Check-ins",
            };
            format!("{heading} ({count})")
        }
        W::Empty(section) => match section {
            S::StatusChanges => "No goal changed status.",
            S::Measurements => "No measurement is dated in this period.",
            S::NewCommitments => "No commitment was made in this period.",
            S::Met => "No commitment was met in this period.",
            S::Overdue => "Nothing is overdue.",
            S::CheckIns => "No partner checked in during this period.",
        }
        .into(),
        W::Date(date) => date.to_string(),
        W::Amount(value, "") => number(value),
        W::Amount(value, unit) => format!("{} {unit}", number(value)),
        W::Measured(value, "") => value.to_string(),
        W::Measured(value, unit) => format!("{value} {unit}"),
        W::Kind(kind) => format!(" ({}): ", kind.label()),
        W::StatusChange(before, after) => format!(": {} → {}", before.label(), after.label()),
        W::DateSeparator => " · ".into(),
        W::AmountSeparator => " — ".into(),
        W::Due(date) => format!(", due {date}"),
        W::MetOn(date) => format!("; met on {date}"),
        W::DaysLate(days) => format!(" ({days} days late at the end of the period)"),
        W::DueOnLastDay => " (due on the last day, not delivered)".into(),
        W::GoalOpen => " (".into(),
        W::GoalClose => "): ".into(),
        W::ReportedBy => ", reported by ".into(),
        W::CheckedInOn => " on ".into(),
        W::CheckInText => ": ".into(),
        W::Responses(k) => format!(" ({k} response{})", if k == 1 { "" } else { "s" }),
        W::Evidence => "evidence".into(),
    }
}

impl Digest {
    /// The digest as Markdown in English; user text is escaped so it cannot add formatting.
    pub fn to_markdown(&self) -> String {
        self.to_markdown_in(&english)
    }

    /// The digest as Markdown, its words from `say`.
    pub fn to_markdown_in(&self, say: &dyn Fn(DigestWord) -> String) -> String {
        let mut out = String::new();
        let title = (!self.title.is_empty()).then(|| md(&self.title));
        let (from, to) = (say(DigestWord::Date(self.period.from)), say(DigestWord::Date(self.period.to)));
        out.push_str(&format!(
            "# {}\n\n{}\n",
            say(DigestWord::Title(title.as_deref())),
            say(DigestWord::Period(&from, &to))
        ));
        for section in self.sections(say) {
            out.push_str(&format!("\n## {}\n\n", say(DigestWord::Heading(section.kind, section.items.len()))));
            if section.items.is_empty() {
                out.push_str(&format!("{}\n", say(DigestWord::Empty(section.kind))));
            }
            for item in &section.items {
                out.push_str("- ");
                for part in item {
                    match part {
                        Part::Text(text) => out.push_str(&md(text)),
                        Part::Plain(text) => out.push_str(text),
                        Part::Strong(text) => out.push_str(&format!("**{}**", md(text))),
                        Part::Link(url) => out.push_str(&format!("[{}]({})", say(DigestWord::Evidence), md_url(url))),
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    /// The digest as a standalone, printable HTML page in English; user text is escaped.
    pub fn to_html(&self) -> String {
        self.to_html_in(&english)
    }

    /// The digest as a printable HTML page, its words from `say`.
    pub fn to_html_in(&self, say: &dyn Fn(DigestWord) -> String) -> String {
        let title = (!self.title.is_empty()).then(|| escape_markup(&self.title));
        let title = say(DigestWord::Title(title.as_deref()));
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
            escape_markup(&say(DigestWord::Lang))
        );
        out.push_str(&format!("<title>{title}</title>\n"));
        out.push_str(concat!(
            "<style>\n",
            "body { font: 11pt/1.45 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; }\n",
            "h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #999; }\n",
            "li { margin: 0.25rem 0; } .empty { color: #555; font-style: italic; }\n",
            "@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } li { break-inside: avoid; } }\n",
            "</style>\n</head>\n<body>\n<main>\n",
        ));
        let time = |date: Date| format!("<time datetime=\"{date}\">{}</time>", escape_markup(&say(DigestWord::Date(date))));
        let (from, to) = (time(self.period.from), time(self.period.to));
        out.push_str(&format!(
            "<h1>{title}</h1>\n<p>{}</p>\n",
            say(DigestWord::Period(&from, &to))
        ));
        for section in self.sections(say) {
            out.push_str(&format!(
                "<section>\n<h2>{}</h2>\n",
                escape_markup(&say(DigestWord::Heading(section.kind, section.items.len())))
            ));
            if section.items.is_empty() {
                out.push_str(&format!("<p class=\"empty\">{}</p>\n", escape_markup(&say(DigestWord::Empty(section.kind)))));
            } else {
                out.push_str("<ul>\n");
                for item in &section.items {
                    out.push_str("<li>");
                    for part in item {
                        match part {
                            Part::Text(text) => out.push_str(&escape_markup(text)),
                            Part::Plain(text) => out.push_str(&escape_markup(text)),
                            Part::Strong(text) => {
                                out.push_str(&format!("<strong>{}</strong>", escape_markup(text)))
                            }
                            Part::Link(url) => out.push_str(&format!(
                                "<a href=\"{}\">{}</a>",
                                escape_markup(url),
                                escape_markup(&say(DigestWord::Evidence))
                            )),
                        }
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// The content of both outputs, in order, as marked-up parts.
    fn sections(&self, say: &dyn Fn(DigestWord) -> String) -> Vec<Section> {
        let plain = |s: String| Part::Plain(s);
        let text = |s: &str| Part::Text(s.to_string());
        let strong = |s: &str| Part::Strong(s.to_string());
        let commitment = |c: &Commitment| -> Vec<Part> {
            let mut parts = vec![strong(&c.organization), plain(say(DigestWord::Kind(c.kind))), text(&c.description)];
            if let Some(amount) = c.amount {
                parts.push(plain(say(DigestWord::AmountSeparator)));
                parts.push(Part::Text(say(DigestWord::Amount(amount, &c.unit))));
            }
            if let Some(due) = c.due {
                parts.push(plain(say(DigestWord::Due(due))));
            }
            parts
        };
        let dated = |date: Date| plain(format!("{}{}", say(DigestWord::Date(date)), say(DigestWord::DateSeparator)));
        let changes = self
            .status_changes
            .iter()
            .map(|c| vec![strong(&c.title), plain(say(DigestWord::StatusChange(c.before, c.after)))])
            .collect();
        let measurements = self
            .new_measurements
            .iter()
            .map(|m| {
                let mut parts = vec![
                    dated(m.measurement.date),
                    strong(&m.indicator),
                    plain(say(DigestWord::GoalOpen)),
                    text(&m.goal),
                    plain(say(DigestWord::GoalClose)),
                    Part::Text(say(DigestWord::Measured(&m.measurement.value, &m.unit))),
                ];
                if !m.measurement.organization.is_empty() {
                    parts.push(plain(say(DigestWord::ReportedBy)));
                    parts.push(text(&m.measurement.organization));
                }
                parts
            })
            .collect();
        let met = self
            .met
            .iter()
            .map(|c| {
                let mut parts = commitment(c);
                if let Some(date) = c.status_date {
                    parts.push(plain(say(DigestWord::MetOn(date))));
                }
                parts
            })
            .collect();
        let overdue = self
            .overdue
            .iter()
            .map(|c| {
                let mut parts = commitment(c);
                if let Some(due) = c.due {
                    let late = self.period.to.days_since(due);
                    parts.push(plain(say(if late > 0 { DigestWord::DaysLate(late) } else { DigestWord::DueOnLastDay })));
                }
                parts
            })
            .collect();
        let check_ins = self
            .check_ins
            .iter()
            .map(|c| {
                let mut parts = vec![
                    dated(c.check_in.date),
                    strong(&c.organization),
                    plain(say(DigestWord::CheckedInOn)),
                    text(&c.commitment),
                    plain(say(DigestWord::CheckInText)),
                    text(&c.check_in.text),
                ];
                let link = c.check_in.evidence.trim();
                let lower = link.to_ascii_lowercase();
                if lower.starts_with("https://") || lower.starts_with("http://") {
                    parts.push(plain(" ".into()));
                    parts.push(Part::Link(link.to_string()));
                }
                let responses = c.check_in.responses.len();
                if responses > 0 {
                    parts.push(plain(say(DigestWord::Responses(responses))));
                }
                parts
            })
            .collect();
        use DigestSection as S;
        vec![
            Section { kind: S::StatusChanges, items: changes },
            Section { kind: S::Measurements, items: measurements },
            Section { kind: S::NewCommitments, items: self.new_commitments.iter().map(commitment).collect() },
            Section { kind: S::Met, items: met },
            Section { kind: S::Overdue, items: overdue },
            Section { kind: S::CheckIns, items: check_ins },
        ]
    }
}

struct Section {
    kind: DigestSection,
    items: Vec<Vec<Part>>,
}

enum Part {
    /// User text: escaped in both outputs.
    Text(String),
    /// Our own words and dates: no Markdown to escape.
    Plain(String),
    /// User text, emphasized.
    Strong(String),
    /// A checked http(s) link.
    Link(String),
}

/// User text made inert in Markdown: characters that start formatting, links
/// or HTML are backslash-escaped and line breaks become spaces.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A link target that cannot end the Markdown link early.
fn md_url(url: &str) -> String {
    url.chars()
        .map(|c| match c {
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            ' ' => "%20".to_string(),
            c => c.to_string(),
        })
        .collect()
}
