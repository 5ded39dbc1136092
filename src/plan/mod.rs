//! The plan of a room: its mission goals (with indicators, measurements and
//! prototype experiments) and the partners' commitments (with check-ins, the
//! accountability view, roles and the digest).
//!
//! Like the rest of `src/`, these views only draw and forward gestures: every
//! rule (validation, progress, status, accountability, exports) is a call into
//! `constellation_core::goals` or `constellation_core::commitments`. The one
//! thing the views add is "today", read from the browser's clock, because core
//! reads none. Each module mirrors a core module: `goals` and `indicators`
//! (goals), `experiments`, `commitments` and `digest` (commitments); `fields`
//! is the one form field every form uses, `chart` draws an indicator.

mod chart;
mod commitments;
mod digest;
mod experiments;
mod fields;
mod goals;
mod indicators;
mod refusals;

pub use commitments::Commitments;
pub use goals::Goals;

use constellation_core::goals::Date;

/// Today's date on this device (the browser's local calendar day).
pub(crate) fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2000, 1, 1).expect("a valid date"))
}

/// What is wrong with a field, in the current language: the problem kind and
/// the field's name come from the catalogs (`problem-*`, `field-*`).
pub(crate) fn field_problem(field_label: &str, problem: &constellation_core::goals::FieldProblem) -> String {
    use crate::i18n::{t_args, t_or, Arg};
    use constellation_core::goals::FieldProblem as P;
    let slug: String = field_label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let field: Arg = t_or(&format!("field-{slug}"), field_label).into();
    let found = |f: &str| -> Arg { f.to_owned().into() };
    match problem {
        P::Required => t_args("problem-required", &[("field", field)]),
        P::TooLong { length, max } => t_args("problem-too-long", &[("field", field), ("length", (*length).into()), ("max", (*max).into())]),
        P::NotADate { found: f } => t_args("problem-not-a-date", &[("field", field), ("found", found(f))]),
        P::NotANumber { found: f } => t_args("problem-not-a-number", &[("field", field), ("found", found(f))]),
        P::NotFinite => t_args("problem-not-finite", &[("field", field)]),
        P::Negative { found: f } => t_args("problem-negative", &[("field", field), ("found", found(f))]),
        P::NotYesNo { found: f } => t_args("problem-not-yes-no", &[("field", field), ("found", found(f))]),
        P::NotALink { found: f } => t_args("problem-not-a-link", &[("field", field), ("found", found(f))]),
    }
}

/// A goals error for a form, in the current language.
pub(crate) fn goal_error_text(error: &constellation_core::goals::GoalError) -> String {
    refusals::goal_error(error)
}

/// A commitments error for a form, in the current language.
pub(crate) fn commitment_error_text(error: &constellation_core::commitments::CommitmentError) -> String {
    refusals::commitment_error(error)
}

/// An id unique in the page, for tying labels and messages to their controls.
pub(crate) fn unique_id(prefix: &str) -> String {
    use std::cell::Cell;
    thread_local!(static NEXT: Cell<u32> = const { Cell::new(0) });
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    });
    format!("{prefix}-{n}")
}

/// A number as people read it: no needless decimals, at most two.
/// Written the current language's way (`1,234.5` / `1 234,5`). Reactive.
pub(crate) fn number(value: f64) -> String {
    crate::i18n::format_number(value, 2)
}

/// An indicator's value as people read it: a number the language's way
/// (`12.5` / `12,5`), yes or no in the language, a text as typed. Reactive.
pub(crate) fn value_text(value: &constellation_core::goals::Value) -> String {
    use constellation_core::goals::Value;
    match value {
        Value::Number(n) => number(*n),
        Value::YesNo(true) => crate::i18n::t("value-yes"),
        Value::YesNo(false) => crate::i18n::t("value-no"),
        Value::Text(text) => text.clone(),
    }
}

/// A name followed by the roles its holder has in the room.
pub(crate) fn with_roles(live: crate::live::LiveRoom, name: &str) -> String {
    let roles = live.read(|room| room.roles());
    match roles
        .iter()
        .find(|p| p.participant.trim().eq_ignore_ascii_case(name.trim()))
    {
        Some(p) if !p.roles.is_empty() => {
            format!(
                "{name} ({})",
                p.roles
                    .iter()
                    .map(|r| crate::i18n::t_or(&format!("role-{}", r.name()), r.label()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        _ => name.to_owned(),
    }
}
