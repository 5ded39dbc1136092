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

use super::model::{CheckIn, Commitment, CommitmentStatus};
use crate::goals::{escape_markup, goal_statuses, Date, GoalId, Measurement, Status, StatusRule};
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

impl Digest {
    /// The digest as Markdown; user text is escaped so it cannot add formatting.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let title = if self.title.is_empty() {
            "the coalition".to_string()
        } else {
            md(&self.title)
        };
        out.push_str(&format!(
            "# Progress digest: {title}\n\n{} to {}\n",
            self.period.from, self.period.to
        ));
        for section in self.sections() {
            out.push_str(&format!(
                "\n## {} ({})\n\n",
                section.heading,
                section.items.len()
            ));
            if section.items.is_empty() {
                out.push_str(&format!("{}\n", section.empty));
            }
            for item in &section.items {
                out.push_str("- ");
                for part in item {
                    match part {
                        Part::Text(text) => out.push_str(&md(text)),
                        Part::Plain(text) => out.push_str(text),
                        Part::Strong(text) => out.push_str(&format!("**{}**", md(text))),
                        Part::Link(url) => out.push_str(&format!("[evidence]({})", md_url(url))),
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    /// The digest as a standalone, printable HTML page; user text is escaped.
    pub fn to_html(&self) -> String {
        let title = if self.title.is_empty() {
            "the coalition".to_string()
        } else {
            escape_markup(&self.title)
        };
        let mut out =
            String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(&format!("<title>Progress digest: {title}</title>\n"));
        out.push_str(concat!(
            "<style>\n",
            "body { font: 11pt/1.45 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; }\n",
            "h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #999; }\n",
            "li { margin: 0.25rem 0; } .empty { color: #555; font-style: italic; }\n",
            "@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } li { break-inside: avoid; } }\n",
            "</style>\n</head>\n<body>\n<main>\n",
        ));
        out.push_str(&format!(
            "<h1>Progress digest: {title}</h1>\n<p><time datetime=\"{0}\">{0}</time> to <time datetime=\"{1}\">{1}</time></p>\n",
            self.period.from, self.period.to
        ));
        for section in self.sections() {
            out.push_str(&format!(
                "<section>\n<h2>{} ({})</h2>\n",
                section.heading,
                section.items.len()
            ));
            if section.items.is_empty() {
                out.push_str(&format!("<p class=\"empty\">{}</p>\n", section.empty));
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
                                "<a href=\"{}\">evidence</a>",
                                escape_markup(url)
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
    fn sections(&self) -> Vec<Section> {
        let plain = |s: &str| Part::Plain(s.to_string());
        let text = |s: &str| Part::Text(s.to_string());
        let strong = |s: &str| Part::Strong(s.to_string());
        let commitment = |c: &Commitment| -> Vec<Part> {
            let mut parts = vec![
                strong(&c.organization),
                plain(&format!(" ({}): ", c.kind.label())),
                text(&c.description),
            ];
            if let Some(amount) = c.amount {
                parts.push(plain(" — "));
                parts.push(text(&format!("{amount} {}", c.unit)));
            }
            if let Some(due) = c.due {
                parts.push(plain(&format!(", due {due}")));
            }
            parts
        };
        let changes = self
            .status_changes
            .iter()
            .map(|c| {
                vec![
                    strong(&c.title),
                    plain(&format!(": {} → {}", c.before.label(), c.after.label())),
                ]
            })
            .collect();
        let measurements = self
            .new_measurements
            .iter()
            .map(|m| {
                let value = m.measurement.value.to_string();
                let mut parts = vec![
                    plain(&format!("{} · ", m.measurement.date)),
                    strong(&m.indicator),
                    plain(" ("),
                    text(&m.goal),
                    plain("): "),
                    text(
                        if m.unit.is_empty() {
                            value.clone()
                        } else {
                            format!("{value} {}", m.unit)
                        }
                        .as_str(),
                    ),
                ];
                if !m.measurement.organization.is_empty() {
                    parts.push(plain(", reported by "));
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
                    parts.push(plain(&format!("; met on {date}")));
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
                    if late > 0 {
                        parts.push(plain(&format!(
                            " ({late} days late at the end of the period)"
                        )));
                    } else {
                        parts.push(plain(" (due on the last day, not delivered)"));
                    }
                }
                parts
            })
            .collect();
        let check_ins = self
            .check_ins
            .iter()
            .map(|c| {
                let mut parts = vec![
                    plain(&format!("{} · ", c.check_in.date)),
                    strong(&c.organization),
                    plain(" on "),
                    text(&c.commitment),
                    plain(": "),
                    text(&c.check_in.text),
                ];
                let link = c.check_in.evidence.trim();
                let lower = link.to_ascii_lowercase();
                if lower.starts_with("https://") || lower.starts_with("http://") {
                    parts.push(plain(" "));
                    parts.push(Part::Link(link.to_string()));
                }
                let responses = c.check_in.responses.len();
                if responses > 0 {
                    parts.push(plain(&format!(
                        " ({responses} response{})",
                        if responses == 1 { "" } else { "s" }
                    )));
                }
                parts
            })
            .collect();
        vec![
            Section {
                heading: "Goals whose status changed",
                empty: "No goal changed status.",
                items: changes,
            },
            Section {
                heading: "New measurements",
                empty: "No measurement is dated in this period.",
                items: measurements,
            },
            Section {
                heading: "New commitments",
                empty: "No commitment was made in this period.",
                items: self.new_commitments.iter().map(commitment).collect(),
            },
            Section {
                heading: "Commitments met",
                empty: "No commitment was met in this period.",
                items: met,
            },
            Section {
                heading: "Overdue at the end of the period",
                empty: "Nothing is overdue.",
                items: overdue,
            },
            Section {
                heading: "Check-ins",
                empty: "No partner checked in during this period.",
                items: check_ins,
            },
        ]
    }
}

struct Section {
    heading: &'static str,
    empty: &'static str,
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
