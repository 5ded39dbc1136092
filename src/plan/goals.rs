//! The goals section: the goal tree (mission → objectives → deeper goals), the
//! goal form, and the room-wide exports (JSON, IATI XML).
//!
//! Each goal is drawn by id and reads itself from the room, so a remote edit
//! redraws what changed without closing a form someone is typing in.

use constellation_core::goals::{
    validate_goal, Field as GoalField, FormError, Goal, GoalDraft, GoalId, GoalLevel, IatiConfig,
    Status, StatusRule,
};
use leptos::prelude::*;

use super::experiments::Experiments;
use super::fields::{focus_on_open, Choice, Control, Field, FormButtons, Opener};
use super::indicators::Indicators;
use super::refusals::{iati_error, said_file, said_goal};
use super::today;
use crate::i18n::{format_date, t, t_args, Said};
use crate::tr;
use crate::browser::download::download_text;
use crate::live::LiveRoom;
use crate::room::use_live_room;

#[component]
pub fn Goals() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! { <section class="section page"><h1>{tr!("section-goals")}</h1></section> }.into_any();
    };
    let missions = move || {
        live.read(|room| room.goals())
            .into_iter()
            .filter(|g| g.parent.is_none())
            .collect::<Vec<_>>()
    };
    let adding = Opener::new();
    view! {
        <section class="section page plan goals" aria-labelledby="goals-heading">
            <div class="section-head">
                <h1 id="goals-heading">{tr!("section-goals")}</h1>
                <button type="button" class="primary inline" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>{tr!("goal-add")}</button>
            </div>
            <p class="lede">{tr!("goals-lede")}</p>
            <Show when=move || adding.open.get()>
                <GoalForm live editing=None on_done=adding.done()/>
            </Show>
            <Show when=move || live.ready.get() fallback=|| view! { <p class="hint">{tr!("board-opening")}</p> }>
                <Show when=move || !missions().is_empty() fallback=|| view! { <p class="hint">{tr!("goals-none")}</p> }>
                    <ul class="goal-tree" aria-label=tr!("p-goal-tree")>
                        <For each=missions key=|g| g.id.clone() children=move |g| view! { <GoalBranch live id=g.id depth=0/> }/>
                    </ul>
                </Show>
            </Show>
            <Exports live/>
        </section>
    }
    .into_any()
}

/// Level names as headings show them.
fn level_name(level: GoalLevel) -> String {
    t(match level {
        GoalLevel::Mission => "level-mission",
        GoalLevel::Objective => "level-objective",
        GoalLevel::SubObjective => "level-sub-objective",
    })
}

/// A status in words, for badges (never colour alone).
pub(super) fn status_text(status: Status) -> String {
    t(match status {
        Status::OnTrack => "status-on-track",
        Status::AtRisk => "status-at-risk",
        Status::OffTrack => "status-off-track",
        Status::NoData => "status-no-data",
    })
}

pub(super) fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "badge on-track",
        Status::AtRisk => "badge at-risk",
        Status::OffTrack => "badge off-track",
        Status::NoData => "badge no-data",
    }
}

/// One goal and, under it, the goals that serve it.
#[component]
fn GoalBranch(live: LiveRoom, id: GoalId, depth: usize) -> AnyView {
    let id = StoredValue::new(id);
    let goal = Memo::new(move |_| live.read(|room| room.goal(&id.get_value())));
    let children = move || live.read(|room| room.sub_goals(&id.get_value()));
    let status = Memo::new(move |_| {
        live.read(|room| room.goal_status(&id.get_value(), today(), &StatusRule::default()))
    });
    let editing = Opener::new();
    let error = RwSignal::new(None::<Said>);
    let heading_id = super::unique_id("goal");
    let labelled = heading_id.clone();
    let title = move || goal.with(|g| g.as_ref().map(|g| g.title.clone()).unwrap_or_default());
    let delete = move |_| {
        let message = t_args("goal-delete-confirm", &[("title", title().into())]);
        if window().confirm_with_message(&message).unwrap_or(false) {
            if let Err(e) = live.edit(|room| room.delete_goal(&id.get_value())) {
                error.set(Some(said_goal(e)));
            }
        }
    };
    view! {
        <li class=format!("goal-branch depth-{}", depth.min(2))>
            <article class="goal card" aria-labelledby=labelled>
                <header class="goal-head">
                    <p class="level">{move || level_name(GoalLevel::from_depth(depth))}</p>
                    <h2 id=heading_id dir="auto">{title}</h2>
                    {move || status.get().map(|s| view! { <p class=status_class(s)>{move || t_args("goal-status", &[("status", status_text(s).into())])}</p> }.into_any())}
                </header>
                {move || goal.get().map(|g| view! { <GoalFacts goal=g/> }.into_any())}
                <div class="card-actions">
                    <button type="button" node_ref=editing.button on:click=move |_| editing.open.set(true) hidden=move || editing.open.get()>{tr!("goal-edit")}</button>
                    <button type="button" class="danger" on:click=delete>{tr!("goal-delete")}</button>
                </div>
                <p class="error" role="alert">{move || error.get().map(|e| e.text())}</p>
                <Show when=move || editing.open.get()>
                    {move || goal.get_untracked().map(|g| view! { <GoalForm live editing=Some(g) on_done=editing.done()/> }.into_any())}
                </Show>
                <Indicators live goal=id.get_value()/>
                <Experiments live goal=id.get_value()/>
            </article>
            <Show when=move || !children().is_empty()>
                <ul class="goal-children" aria-label=move || t_args("goal-under", &[("title", title().into())])>
                    <For each=children key=|g| g.id.clone() children=move |g| view! { <GoalBranch live id=g.id depth=depth + 1/> }/>
                </ul>
            </Show>
        </li>
    }
    .into_any()
}

#[component]
fn GoalFacts(goal: Goal) -> impl IntoView {
    let dates = match (goal.start, goal.end) {
        (Some(s), Some(e)) => Some((s.to_string(), e.to_string())),
        _ => None,
    };
    view! {
        {(!goal.statement.is_empty()).then(|| view! { <p class="statement" dir="auto">{goal.statement.clone()}</p> })}
        <dl class="facts">
            {(!goal.hashtag.is_empty()).then(|| view! { <div><dt>{tr!("fact-hashtag")}</dt><dd class="hashtag" dir="auto">{goal.hashtag.clone()}</dd></div> })}
            {(!goal.population.is_empty()).then(|| view! { <div><dt>{tr!("fact-population")}</dt><dd dir="auto">{goal.population.clone()}</dd></div> })}
            {dates.map(|(s, e)| view! { <div><dt>{tr!("fact-dates")}</dt><dd>{move || t_args("goal-dates", &[("start", format_date(&s).into()), ("end", format_date(&e).into())])}</dd></div> })}
        </dl>
    }
}

/// The message of the first problem of `field` (target rows: of `row`).
pub(super) fn problem(
    result: &Result<impl Sized, Vec<FormError>>,
    field: GoalField,
    row: Option<usize>,
) -> Option<String> {
    result
        .as_ref()
        .err()?
        .iter()
        .find(|e| e.field == field && e.row == row)
        .map(|e| super::goal_error_text(&e.error))
}

/// Adds a goal, or edits one (`editing`).
#[component]
fn GoalForm(live: LiveRoom, editing: Option<Goal>, on_done: Callback<()>) -> impl IntoView {
    let text = |f: fn(&Goal) -> String| RwSignal::new(editing.as_ref().map(f).unwrap_or_default());
    let title = text(|g| g.title.clone());
    let statement = text(|g| g.statement.clone());
    let hashtag = text(|g| g.hashtag.clone());
    let population = text(|g| g.population.clone());
    let start = text(|g| g.start.map(|d| d.to_string()).unwrap_or_default());
    let end = text(|g| g.end.map(|d| d.to_string()).unwrap_or_default());
    let parent = text(|g| g.parent.as_ref().map(|p| p.to_string()).unwrap_or_default());
    let editing_id = editing.as_ref().map(|g| g.id.clone());
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<Said>);
    let checked = Memo::new(move |_| {
        validate_goal(&GoalDraft {
            title: title.get(),
            statement: statement.get(),
            hashtag: hashtag.get(),
            population: population.get(),
            start: start.get(),
            end: end.get(),
            parent: Some(parent.get())
                .filter(|p| !p.is_empty())
                .map(GoalId::new),
        })
    });
    let err = move |field| Signal::derive(move || checked.with(|c| problem(c, field, None)));
    let own = editing_id.clone();
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), t("goal-parent-none"))];
        options.extend(
            live.read(|room| room.goals())
                .into_iter()
                .filter(|g| own.as_ref() != Some(&g.id))
                .map(|g| (g.id.to_string(), g.title)),
        );
        options
    });
    let submit_label = if editing.is_some() {
        "goal-save"
    } else {
        "goal-add"
    };
    let editing_id = StoredValue::new(editing_id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Ok(goal) = checked.get_untracked() else {
            return;
        };
        let result = match editing_id.get_value() {
            Some(id) => live.edit(|room| room.edit_goal(&id, goal)),
            None => live.edit(|room| room.add_goal(goal)).map(|_| ()),
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => refused.set(Some(said_goal(e))),
        }
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h2 class="form-title">{let id = if editing.is_some() { "goal-edit" } else { "goal-new" }; move || t(id)}</h2>
            <div class="form-grid">
                <Field label="p-title" value=title error=err(GoalField::Title) attempted required=true/>
                <Field label="p-hashtag" value=hashtag error=err(GoalField::Hashtag) attempted hint="p-brands-the-mission-like-cleanriver2030"/>
                <div class="wide"><Field label="p-statement" value=statement error=err(GoalField::Statement) attempted control=Control::Long/></div>
                <Field label="p-population" value=population error=err(GoalField::Population) attempted hint="p-who-or-what-the-goal-is-about"/>
                <Choice label="p-parent-goal" value=parent options=parents error=err(GoalField::Parent)/>
                <Field label="p-start-date" value=start error=err(GoalField::StartDate) attempted control=Control::Date required=true/>
                <Field label="p-end-date" value=end error=err(GoalField::EndDate) attempted control=Control::Date required=true/>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit=submit_label on_cancel=on_done/>
        </form>
    }
}

/// The room's exports: everything as JSON, the results as IATI XML.
#[component]
fn Exports(live: LiveRoom) -> impl IntoView {
    let org_name = RwSignal::new(String::new());
    let org_ref = RwSignal::new(String::new());
    let org_type = RwSignal::new("22".to_owned());
    let message = RwSignal::new(None::<Said>);
    let attempted = Signal::derive(|| false);
    let no_error = Signal::derive(|| None::<String>);
    let file_stem = move || {
        let title = live.read(|room| room.title());
        let slug: String = title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let slug = slug
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if slug.is_empty() {
            "coalition".to_owned()
        } else {
            slug
        }
    };
    let report = move |result: Result<(), Said>| message.set(result.err());
    let export_json = move |_| {
        let json = live.read(|room| room.coalition_data().to_json());
        report(
            download_text(
                &format!("{}-data.json", file_stem()),
                "application/json",
                &json,
            )
            .map_err(said_file),
        );
    };
    let export_iati = move |_| {
        let config = IatiConfig {
            reporting_org_ref: org_ref.get_untracked(),
            reporting_org_type: org_type.get_untracked(),
            reporting_org_name: org_name.get_untracked(),
            partners: live
                .read(|room| room.commitments())
                .into_iter()
                .map(|c| c.organization)
                .fold(Vec::new(), |mut all, o| {
                    if !all.contains(&o) {
                        all.push(o);
                    }
                    all
                }),
            language: "en".into(),
            activity_status: "2".into(),
            generated_on: today(),
        };
        let result = live
            .read(|room| room.iati_activities_xml(&config))
            .map_err(|e| Said::new(move || iati_error(&e)))
            .and_then(|xml| {
                download_text(
                    &format!("{}-iati.xml", file_stem()),
                    "application/xml",
                    &xml,
                )
                .map_err(said_file)
            });
        report(result);
    };
    let types = Signal::derive(|| {
        [
            ("10", "Government"),
            ("21", "International NGO"),
            ("22", "National NGO"),
            ("23", "Regional NGO"),
            ("70", "Private sector"),
            ("80", "Academic, training and research"),
            ("90", "Other"),
        ]
        .into_iter()
        .map(|(c, l)| (c.to_owned(), format!("{} ({c})", crate::i18n::t_or(&format!("org-type-{c}"), l))))
        .collect::<Vec<_>>()
    });
    view! {
        <section class="exports card" aria-labelledby="goal-exports">
            <h2 id="goal-exports">{tr!("open-data")}</h2>
            <p class="hint">{tr!("open-data-hint")}</p>
            <details class="iati-settings">
                <summary>{tr!("iati-settings")}</summary>
                <div class="form-grid">
                    <Field label="p-reporting-organization" value=org_name error=no_error attempted/>
                    <Field label="p-iati-organization-identifier" value=org_ref error=no_error attempted hint="p-for-example-xm-dac-47015-or-xi-iati-with"/>
                    <Choice label="p-organization-type" value=org_type options=types/>
                </div>
            </details>
            <div class="button-row">
                <button type="button" on:click=export_json>{tr!("export-json")}</button>
                <button type="button" on:click=export_iati>{tr!("export-iati")}</button>
            </div>
            <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
        </section>
    }
}
