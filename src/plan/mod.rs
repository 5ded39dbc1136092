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

/// A message from core as a sentence: its first letter in capitals.
pub(crate) fn sentence(message: impl std::fmt::Display) -> String {
    let text = message.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => text,
    }
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
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
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
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        _ => name.to_owned(),
    }
}
