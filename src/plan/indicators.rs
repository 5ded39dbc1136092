//! The indicators of one goal: each with its progress, trend and status (the
//! rule is core's `goals::progress`), its chart and data table, its
//! measurements, a CSV import of measurements (all or nothing, problems by line
//! and column) and its Open SDG CSV export; and the indicator and measurement
//! forms.

use constellation_core::goals::{
    open_sdg_file_name, validate_indicator, validate_measurement, Assessment, Direction,
    Field as GoalField, GoalId, Indicator, IndicatorDraft, IndicatorId, MeasureType,
    MeasurementDraft, MeasurementId, StatusReason, StatusRule, TargetDraft, Trend,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart::IndicatorChart;
use super::fields::{focus_on_open, Choice, Control, Field, FormButtons, Opener, Tick};
use super::goals::{problem, status_class, status_text};
use super::refusals::{csv_problem, open_sdg_error, said_file, said_goal};
use super::{number, today, value_text};
use crate::i18n::{format_date, format_percent, t, t_args, Said};
use crate::tr;
use crate::browser::download::{download_text, read_chosen_file};
use crate::live::LiveRoom;

/// The indicators of a goal and the button that adds one.
#[component]
pub fn Indicators(live: LiveRoom, goal: GoalId) -> impl IntoView {
    let goal = StoredValue::new(goal);
    let list = move || live.read(|room| room.indicators(&goal.get_value()));
    let adding = Opener::new();
    view! {
        <section class="indicators" aria-label=tr!("p-indicators")>
            <div class="sub-head">
                <h3 class="sub-title">{tr!("p-indicators")}</h3>
                <button type="button" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>{tr!("indicator-add")}</button>
            </div>
            <Show when=move || adding.open.get()>
                <IndicatorForm live goal=goal.get_value() editing=None on_done=adding.done()/>
            </Show>
            <Show when=move || !list().is_empty() fallback=|| view! { <p class="hint">{tr!("indicators-none")}</p> }>
                <ul class="indicator-list">
                    <For each=list key=|i| i.id.clone() children=move |i| view! { <IndicatorCard live id=i.id/> }/>
                </ul>
            </Show>
        </section>
    }
}

fn direction_label(d: Direction) -> String {
    t(match d {
        Direction::HigherIsBetter => "direction-higher",
        Direction::LowerIsBetter => "direction-lower",
    })
}

fn measure_label(m: MeasureType) -> String {
    t(match m {
        MeasureType::Number => "measure-number",
        MeasureType::Percentage => "measure-percentage",
        MeasureType::YesNo => "measure-yes-no",
        MeasureType::Qualitative => "measure-qualitative",
    })
}

fn trend_text(trend: Trend) -> String {
    t(match trend {
        Trend::Improving => "trend-improving",
        Trend::Steady => "trend-steady",
        Trend::Worsening => "trend-worsening",
        Trend::Unknown => "trend-unknown",
    })
}

/// One indicator with everything about it.
#[component]
fn IndicatorCard(live: LiveRoom, id: IndicatorId) -> impl IntoView {
    let id = StoredValue::new(id);
    let indicator = Memo::new(move |_| live.read(|room| room.indicator(&id.get_value())));
    let measurements = Memo::new(move |_| live.read(|room| room.measurements(&id.get_value())));
    let assessment = Memo::new(move |_| {
        live.read(|room| room.indicator_progress(&id.get_value(), today(), &StatusRule::default()))
    });
    let adding = Opener::new();
    let editing = Opener::new();
    let message = RwSignal::new(None::<Said>);
    let heading_id = super::unique_id("indicator");
    let labelled = heading_id.clone();
    let name = move || indicator.with(|i| i.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let export_csv = move |_| {
        let Some(found) = indicator.get_untracked() else {
            return;
        };
        let result = live
            .read(|room| room.open_sdg_csv(&found.id))
            .map_err(|e| Said::new(move || open_sdg_error(&e)))
            .and_then(|csv| {
                download_text(&open_sdg_file_name(&found), "text/csv", &csv)
                    .map_err(said_file)
            });
        message.set(result.err());
    };
    let delete_measurement = Callback::new(move |measurement: MeasurementId| {
        if let Err(e) = live.edit(|room| room.delete_measurement(&measurement)) {
            message.set(Some(said_goal(e)));
        }
    });
    let delete = move |_| {
        if window()
            .confirm_with_message(&t_args("indicator-delete-confirm", &[("name", name().into())]))
            .unwrap_or(false)
        {
            if let Err(e) = live.edit(|room| room.delete_indicator(&id.get_value())) {
                message.set(Some(said_goal(e)));
            }
        }
    };
    view! {
        <li>
            <article class="indicator" aria-labelledby=labelled>
                <h4 id=heading_id>{name}</h4>
                <div class="indicator-body">
                    <div>
                    {move || indicator.get().map(|i| view! { <IndicatorFacts indicator=i/> }.into_any())}
                    {move || assessment.get().map(|a| view! { <Standing assessment=a unit=indicator.with(|i| i.as_ref().map(|i| i.unit.clone()).unwrap_or_default())/> }.into_any())}
                    </div>
                    <div>{move || indicator.get().map(|i| view! { <IndicatorChart indicator=i measurements=measurements on_delete=delete_measurement/> })}</div>
                </div>
                <div class="card-actions">
                    <button type="button" class="primary inline" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>{tr!("measurement-add")}</button>
                    <button type="button" on:click=export_csv>{tr!("export-csv")}</button>
                    <button type="button" node_ref=editing.button hidden=move || editing.open.get() on:click=move |_| editing.open.set(true)>{tr!("indicator-edit")}</button>
                    <button type="button" class="danger" on:click=delete>{tr!("indicator-delete")}</button>
                </div>
                <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
                <Show when=move || adding.open.get()>
                    {move || indicator.get_untracked().map(|i| view! { <MeasurementForm live indicator=i on_done=adding.done()/> }.into_any())}
                </Show>
                <Show when=move || editing.open.get()>
                    {move || indicator.get_untracked().map(|i| view! { <IndicatorForm live goal=i.goal.clone() editing=Some(i) on_done=editing.done()/> }.into_any())}
                </Show>
                <CsvImport live indicator=id.get_value()/>
            </article>
        </li>
    }
}

#[component]
fn IndicatorFacts(indicator: Indicator) -> impl IntoView {
    let (measure, direction, unit, proxy) = (indicator.measure, indicator.direction, indicator.unit.clone(), indicator.proxy);
    let kind = move || {
        let mut kind = format!("{} · {}", measure_label(measure), direction_label(direction));
        if !unit.is_empty() {
            kind = format!("{kind} · {}", t_args("indicator-unit", &[("unit", unit.clone().into())]));
        }
        if proxy {
            kind = format!("{kind} · {}", t("indicator-proxy"));
        }
        kind
    };
    let source = indicator.source.clone();
    view! {
        <p class="facts-line">{kind}</p>
        {(!source.is_empty()).then(|| view! { <p class="facts-line" dir="auto">{move || t_args("data-source", &[("source", source.clone().into())])}</p> })}
    }
}

/// Progress, trend and status, in words.
#[component]
fn Standing(assessment: Assessment, unit: String) -> impl IntoView {
    let target = assessment.current_target.as_ref().map(|t| {
        let (value, unit) = (t.value.clone(), unit.clone());
        let value = move || if unit.is_empty() { value_text(&value) } else { format!("{} {unit}", value_text(&value)) };
        (value, t.date.to_string())
    });
    let progress = assessment.progress.map(|p| {
        move || match &target {
            Some((value, date)) => t_args("progress-toward", &[("percent", format_percent(p).into()), ("target", value().into()), ("date", format_date(date).into())]),
            None => t_args("progress", &[("percent", format_percent(p).into())]),
        }
    });
    let latest = assessment.latest.as_ref().map(|m| {
        let (value, date) = (m.value.clone(), m.date.to_string());
        move || t_args("value-on-date", &[("value", value_text(&value).into()), ("date", format_date(&date).into())])
    });
    let status = assessment.status;
    let trend = assessment.trend;
    let reason = assessment.reason.clone();
    view! {
        <div class="standing">
            <p class=status_class(assessment.status)>{move || t_args("status-line", &[("status", status_text(status).into())])}</p>
            <p class="reason">{move || reason_text(&reason)}</p>
            <dl class="facts">
                {progress.map(|p| view! { <div><dt>{tr!("fact-progress")}</dt><dd>{p}</dd></div> })}
                <div><dt>{tr!("fact-trend")}</dt><dd>{move || trend_text(trend)}</dd></div>
                {latest.map(|l| view! { <div><dt>{tr!("fact-latest")}</dt><dd>{l}</dd></div> })}
                {assessment.expected.map(|e| view! { <div><dt>{tr!("fact-expected")}</dt><dd>{move || number(e)}</dd></div> })}
            </dl>
        </div>
    }
}

/// One editable target row of the indicator form.
#[derive(Clone, Copy)]
struct TargetRow {
    key: u32,
    value: RwSignal<String>,
    date: RwSignal<String>,
}

/// Adds an indicator to a goal, or edits one (`editing`).
#[component]
fn IndicatorForm(
    live: LiveRoom,
    goal: GoalId,
    editing: Option<Indicator>,
    on_done: Callback<()>,
) -> impl IntoView {
    let text = |f: &dyn Fn(&Indicator) -> String| {
        RwSignal::new(editing.as_ref().map(f).unwrap_or_default())
    };
    let name = text(&|i| i.name.clone());
    let unit = text(&|i| i.unit.clone());
    let direction = RwSignal::new(
        editing
            .as_ref()
            .map(|i| i.direction)
            .unwrap_or_default()
            .name()
            .to_owned(),
    );
    let measure = RwSignal::new(
        editing
            .as_ref()
            .map(|i| i.measure)
            .unwrap_or_default()
            .name()
            .to_owned(),
    );
    let baseline_value = text(&|i| {
        i.baseline
            .as_ref()
            .map(|b| b.value.to_string())
            .unwrap_or_default()
    });
    let baseline_date = text(&|i| {
        i.baseline
            .as_ref()
            .map(|b| b.date.to_string())
            .unwrap_or_default()
    });
    let source = text(&|i| i.source.clone());
    let proxy = RwSignal::new(editing.as_ref().is_some_and(|i| i.proxy));
    let next_key = StoredValue::new(0u32);
    let new_row = move |value: String, date: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        TargetRow {
            key,
            value: RwSignal::new(value),
            date: RwSignal::new(date),
        }
    };
    let initial: Vec<TargetRow> = match &editing {
        Some(i) => i
            .targets
            .iter()
            .map(|t| new_row(t.value.to_string(), t.date.to_string()))
            .collect(),
        None => vec![new_row(String::new(), String::new())],
    };
    let targets = RwSignal::new(initial);
    let numbered_targets = move || targets.get().into_iter().enumerate().collect::<Vec<_>>();
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<Said>);
    let checked = Memo::new(move |_| {
        validate_indicator(&IndicatorDraft {
            name: name.get(),
            unit: unit.get(),
            direction: Direction::from_name(&direction.get()).unwrap_or_default(),
            measure: MeasureType::from_name(&measure.get()).unwrap_or_default(),
            baseline_value: baseline_value.get(),
            baseline_date: baseline_date.get(),
            targets: targets
                .get()
                .iter()
                .map(|r| TargetDraft {
                    value: r.value.get(),
                    date: r.date.get(),
                })
                .collect(),
            source: source.get(),
            proxy: proxy.get(),
        })
    });
    let err = move |field, row| Signal::derive(move || checked.with(|c| problem(c, field, row)));
    let directions = Signal::derive(|| {
        Direction::ALL
            .into_iter()
            .map(|d| (d.name().to_owned(), direction_label(d)))
            .collect::<Vec<_>>()
    });
    let measures = Signal::derive(|| {
        MeasureType::ALL
            .into_iter()
            .map(|m| (m.name().to_owned(), measure_label(m)))
            .collect::<Vec<_>>()
    });
    let goal = StoredValue::new(goal);
    let editing_id = StoredValue::new(editing.as_ref().map(|i| i.id.clone()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Ok(indicator) = checked.get_untracked() else {
            return;
        };
        let result = match editing_id.get_value() {
            Some(id) => live.edit(|room| room.edit_indicator(&id, indicator)),
            None => live
                .edit(|room| room.add_indicator(&goal.get_value(), indicator))
                .map(|_| ()),
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => refused.set(Some(said_goal(e))),
        }
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h4 class="form-title">{let id = if editing.is_some() { "indicator-edit" } else { "indicator-new" }; move || t(id)}</h4>
            <div class="form-grid">
                <Field label="p-name" value=name error=err(GoalField::IndicatorName, None) attempted required=true/>
                <Field label="p-unit" value=unit error=err(GoalField::Unit, None) attempted hint="p-households-tonnes"/>
                <Choice label="p-direction" value=direction options=directions/>
                <Choice label="p-measure-type" value=measure options=measures/>
                <Field label="p-baseline-value" value=baseline_value error=err(GoalField::BaselineValue, None) attempted control=Control::Number/>
                <Field label="p-baseline-date" value=baseline_date error=err(GoalField::BaselineDate, None) attempted control=Control::Date/>
            </div>
            <For
                each=numbered_targets
                key=|(index, row)| (*index, row.key)
                children=move |(index, row)| {
                    let n = index + 1;
                    let legend = move || t_args("target-n", &[("n", n.into())]);
                    view! {
                        <fieldset class="target-row">
                            <legend>{legend}</legend>
                            <div class="form-grid">
                                <Field label="p-target-value" value=row.value error=err(GoalField::TargetValue, Some(index + 1)) attempted control=Control::Number/>
                                <Field label="p-target-date" value=row.date error=err(GoalField::TargetDate, Some(index + 1)) attempted control=Control::Date/>
                            </div>
                            <button
                                type="button"
                                class="quiet-button"
                                aria-label=move || t_args("target-remove", &[("n", n.into())])
                                on:click=move |_| targets.update(|rows| rows.retain(|r| r.key != row.key))
                            >{tr!("remove")}</button>
                        </fieldset>
                    }
                }
            />
            <button type="button" class="add-row" on:click=move |_| targets.update(|rows| rows.push(new_row(String::new(), String::new())))>{tr!("target-add")}</button>
            <div class="form-grid">
                <Field label="p-data-source" value=source error=err(GoalField::DataSource, None) attempted/>
                <Tick label="p-proxy" value=proxy hint="p-stands-in-for-something-that-cannot-be-m"/>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit=if editing.is_some() { "indicator-save" } else { "indicator-add" } on_cancel=on_done/>
        </form>
    }
}

/// Records one measurement of an indicator.
#[component]
fn MeasurementForm(live: LiveRoom, indicator: Indicator, on_done: Callback<()>) -> impl IntoView {
    let value = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let source = RwSignal::new(String::new());
    let organization = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<Said>);
    let measure = indicator.measure;
    let checked = Memo::new(move |_| {
        validate_measurement(
            &MeasurementDraft {
                value: value.get(),
                date: date.get(),
                source: source.get(),
                organization: organization.get(),
                note: note.get(),
            },
            measure,
        )
    });
    let err = move |field| Signal::derive(move || checked.with(|c| problem(c, field, None)));
    let id = StoredValue::new(indicator.id.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Ok(measurement) = checked.get_untracked() else {
            return;
        };
        match live.edit(|room| room.add_measurement(&id.get_value(), measurement)) {
            Ok(_) => on_done.run(()),
            Err(e) => refused.set(Some(said_goal(e))),
        }
    };
    let hint = match measure {
        MeasureType::Number => "hint-number",
        MeasureType::Percentage => "hint-percentage",
        MeasureType::YesNo => "hint-yes-no",
        MeasureType::Qualitative => "hint-text",
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h5 class="form-title">{let name = indicator.name.clone(); move || t_args("measurement-new", &[("name", name.clone().into())])}</h5>
            <div class="form-grid">
                <Field label="p-value" value error=err(GoalField::Value) attempted control=Control::Number hint required=true/>
                <Field label="p-date" value=date error=err(GoalField::Date) attempted control=Control::Date required=true/>
                <Field label="p-source" value=source error=err(GoalField::Source) attempted/>
                <Field label="p-reporting-organization" value=organization error=err(GoalField::Organization) attempted/>
                <div class="wide"><Field label="p-note" value=note error=err(GoalField::Note) attempted control=Control::Long/></div>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit="p-add-measurement" on_cancel=on_done/>
        </form>
    }
}

/// Imports measurements from a CSV file: every row or none.
#[component]
fn CsvImport(live: LiveRoom, indicator: IndicatorId) -> impl IntoView {
    let indicator = StoredValue::new(indicator);
    let problems = RwSignal::new(Vec::<Said>::new());
    let summary = RwSignal::new(None::<Said>);
    let id = super::unique_id("csv");
    let report_id = format!("{id}-report");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let chosen = read_chosen_file(&input).await;
            input.set_value("");
            let (name, text) = match chosen {
                Ok(Some(file)) => file,
                Ok(None) => return,
                Err(e) => {
                    problems.set(Vec::new());
                    summary.set(Some(said_file(e)));
                    return;
                }
            };
            match live.edit(|room| {
                room.import_measurements_csv(&text, Some(&indicator.get_value()))
                    .map(|i| (i.update.clone(), i))
            }) {
                Ok(imported) => {
                    problems.set(Vec::new());
                    let (count, skipped) = (imported.added.len(), imported.skipped_duplicates);
                    summary.set(Some(Said::new(move || t_args("csv-imported", &[("count", count.into()), ("name", name.clone().into()), ("skipped", skipped.into())]))));
                }
                Err(e) => {
                    let total = e.problems.len() + e.more;
                    summary.set(Some(Said::new(move || t_args("csv-refused", &[("name", name.clone().into()), ("total", total.into())]))));
                    let mut list: Vec<Said> = e.problems.into_iter().map(|p| Said::new(move || csv_problem(&p))).collect();
                    if e.more > 0 {
                        let more = e.more;
                        list.push(Said::new(move || t_args("csv-more", &[("count", more.into())])));
                    }
                    problems.set(list);
                }
            }
        });
    };
    view! {
        <div class="csv-import">
            <label for=id.clone()>{tr!("csv-import")}</label>
            <p class="hint" id=format!("{id}-hint")>{tr!("csv-hint")}</p>
            <input id=id.clone() type="file" accept=".csv,text/csv" aria-describedby=format!("{id}-hint {report_id}") on:change=on_change/>
            <div id=report_id role="status">
                <p>{move || summary.get().map(|s| s.text())}</p>
                <Show when=move || !problems.get().is_empty()>
                    <ul class="problems" aria-label=tr!("p-problems-in-the-file")>
                        {move || problems.get().into_iter().map(|p| view! { <li>{move || p.text()}</li> }.into_any()).collect_view()}
                    </ul>
                </Show>
            </div>
        </div>
    }
}

/// Why an indicator has its status, in the current language (`reason-*`).
fn reason_text(reason: &StatusReason) -> String {
    let date = |d: &constellation_core::goals::Date| format_date(&d.to_string());
    match reason {
        StatusReason::Qualitative => t("reason-qualitative"),
        StatusReason::NoBaseline => t("reason-no-baseline"),
        StatusReason::NoTarget => t("reason-no-target"),
        StatusReason::NoMeasurement => t("reason-no-measurement"),
        StatusReason::Reached { target, date: d } => t_args("reason-reached", &[("target", number(*target).into()), ("date", date(d).into())]),
        StatusReason::DeadlinePassed { target, date: d } => {
            t_args("reason-deadline-passed", &[("target", number(*target).into()), ("date", date(d).into())])
        }
        StatusReason::AwaitingYes { date: d, elapsed } => {
            t_args("reason-awaiting-yes", &[("percent", format_percent(*elapsed).into()), ("date", date(d).into())])
        }
        StatusReason::NotHeld { target } => t_args("reason-not-held", &[("target", number(*target).into())]),
        StatusReason::Behind { share, expected, target, date: d } if *share <= 0.0 => t_args(
            "reason-ahead",
            &[("expected", number(*expected).into()), ("target", number(*target).into()), ("date", date(d).into())],
        ),
        StatusReason::Behind { share, expected, target, date: d } => t_args(
            "reason-behind",
            &[
                ("percent", format_percent(*share).into()),
                ("expected", number(*expected).into()),
                ("target", number(*target).into()),
                ("date", date(d).into()),
            ],
        ),
    }
}
