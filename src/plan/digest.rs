//! The digest of a chosen period (core's `commitments::digest`): shown as
//! Markdown to copy or download for a newsletter, and as printable HTML in a
//! framed preview that prints on its own or downloads as a file.

use constellation_core::commitments::{DigestSection, DigestWord, Period};
use constellation_core::goals::{Date, StatusRule, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::fields::{Control, Field};
use super::refusals::{digest_error, said_file};
use super::today;
use crate::browser::download::{copy_text, download_text};
use crate::i18n::{format_date, format_number, lang, t, t_args, t_or, Said};
use crate::live::LiveRoom;
use crate::tr;

#[component]
pub fn DigestPanel(live: LiveRoom) -> impl IntoView {
    let now = today();
    let from = RwSignal::new(now.add_days(-30).unwrap_or(now).to_string());
    let to = RwSignal::new(now.to_string());
    let message = RwSignal::new(None::<Said>);
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let period = Memo::new(move |_| -> Result<Period, String> {
        let read = |text: String, name: &str| {
            Date::parse(&text).map_err(|_| t_args("digest-bad-date", &[("name", t(name).into()), ("found", text.trim().to_owned().into())]))
        };
        Ok(Period {
            from: read(from.get(), "digest-from")?,
            to: read(to.get(), "digest-to")?,
        })
    });
    let digest = Memo::new(move |_| {
        let period = period.get()?;
        live.read(|room| room.digest(period, &StatusRule::default()))
            .map(|d| (d.to_markdown_in(&word), d.to_html_in(&word)))
            .map_err(|e| digest_error(&e))
    });
    let problem = Signal::derive(move || digest.get().err());
    let no_error = Signal::derive(|| None::<String>);
    let attempted = Signal::derive(|| false);
    let markdown = move || digest.get().map(|d| d.0).unwrap_or_default();
    let html = move || digest.get().map(|d| d.1).unwrap_or_default();
    let stem = move || format!("digest-{}-to-{}", from.get_untracked(), to.get_untracked());
    let copy = move |_| {
        let text = markdown();
        leptos::task::spawn_local(async move {
            message.set(Some(match copy_text(&text).await {
                Ok(()) => Said::id("digest-copied"),
                Err(e) => said_file(e),
            }));
        });
    };
    let print = move |_| {
        let window = frame.get().and_then(|f| {
            f.unchecked_ref::<web_sys::HtmlIFrameElement>()
                .content_window()
        });
        match window {
            Some(w) => message.set(
                w.print()
                    .err()
                    .map(|_| Said::id("digest-print-refused")),
            ),
            None => message.set(Some(Said::id("digest-not-ready"))),
        }
    };
    view! {
        <section class="digest card" aria-labelledby="digest-heading">
            <h2 id="digest-heading">{tr!("digest")}</h2>
            <p class="hint">{tr!("digest-hint")}</p>
            <div class="form-grid">
                <Field label="p-from" value=from error=no_error attempted control=Control::Date/>
                <Field label="p-to" value=to error=no_error attempted control=Control::Date/>
            </div>
            <p class="error" role="alert">{move || problem.get()}</p>
            <Show when=move || digest.with(|d| d.is_ok())>
                <label for="digest-markdown">{tr!("digest-markdown")}</label>
                <textarea id="digest-markdown" class="digest-markdown" readonly rows="8" prop:value=markdown></textarea>
                <div class="button-row">
                    <button type="button" on:click=copy>{tr!("digest-copy")}</button>
                    <button type="button" on:click=move |_| message.set(download_text(&format!("{}.md", stem()), "text/markdown", &markdown()).err().map(said_file))>{tr!("digest-download-md")}</button>
                    <button type="button" on:click=move |_| message.set(download_text(&format!("{}.html", stem()), "text/html", &html()).err().map(said_file))>{tr!("digest-download-html")}</button>
                    <button type="button" on:click=print>{tr!("digest-print")}</button>
                </div>
                <p role="status" class="hint">{move || message.get().map(|m| m.text())}</p>
                <iframe class="digest-preview" node_ref=frame title=tr!("digest-printable") srcdoc=html></iframe>
            </Show>
        </section>
    }
}

/// The digest document's words in the reader's language (`digest-doc-*`),
/// dates and numbers the locale's way.
fn word(w: DigestWord) -> String {
    use DigestSection as S;
    use DigestWord as W;
    let section = |s: S| match s {
        S::StatusChanges => "status-changes",
        S::Measurements => "measurements",
        S::NewCommitments => "new-commitments",
        S::Met => "met",
        S::Overdue => "overdue",
        S::CheckIns => "check-ins",
    };
    let date = |d: Date| format_date(&d.to_string());
    let amount = |n: f64, unit: &str| if unit.is_empty() { format_number(n, 6) } else { format!("{} {unit}", format_number(n, 6)) };
    match w {
        W::Lang => lang().code().to_owned(),
        W::Title(Some(title)) => t_args("digest-doc-title", &[("title", title.to_owned().into())]),
        W::Title(None) => t("digest-doc-title-none"),
        W::Period(from, to) => t_args("digest-doc-period", &[("from", from.to_owned().into()), ("to", to.to_owned().into())]),
        W::Heading(s, count) => t_args(&format!("digest-doc-{}", section(s)), &[("count", count.into())]),
        W::Empty(s) => t(&format!("digest-doc-empty-{}", section(s))),
        W::Date(d) => date(d),
        W::Amount(n, unit) => amount(n, unit),
        W::Measured(Value::Number(n), unit) => amount(*n, unit),
        W::Measured(Value::YesNo(yes), _) => t(if *yes { "digest-doc-yes" } else { "digest-doc-no" }),
        W::Measured(Value::Text(text), _) => text.clone(),
        W::Kind(kind) => t_args("digest-doc-kind", &[("kind", t_or(&format!("kind-{}", kind.name()), kind.label()).into())]),
        W::StatusChange(before, after) => t_args(
            "digest-doc-status-change",
            &[
                ("before", super::goals::status_text(before).to_lowercase().into()),
                ("after", super::goals::status_text(after).to_lowercase().into()),
            ],
        ),
        W::DateSeparator => t("digest-doc-date-sep"),
        W::AmountSeparator => t("digest-doc-amount-sep"),
        W::Due(d) => t_args("digest-doc-due", &[("date", date(d).into())]),
        W::MetOn(d) => t_args("digest-doc-met-on", &[("date", date(d).into())]),
        W::DaysLate(days) => t_args("digest-doc-days-late", &[("days", days.into())]),
        W::DueOnLastDay => t("digest-doc-due-last-day"),
        W::GoalOpen => t("digest-doc-goal-open"),
        W::GoalClose => t("digest-doc-goal-close"),
        W::ReportedBy => t("digest-doc-reported-by"),
        W::CheckedInOn => t("digest-doc-checked-in-on"),
        W::CheckInText => t("digest-doc-check-in-text"),
        W::Responses(count) => t_args("digest-doc-responses", &[("count", count.into())]),
        W::Evidence => t("digest-doc-evidence"),
    }
}
