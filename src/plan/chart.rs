//! An indicator drawn over time: its baseline, its targets (joined by the
//! trajectory the status rule measures against) and its measurements, as an
//! SVG image with a text title and description, followed by the same figures
//! as a table for anyone who cannot or would rather not read a chart.
//!
//! Only geometry lives here; which measurements count and what the
//! trajectory is are core's (`goals::progress`).

use constellation_core::goals::{Date, Indicator, MeasureType, Measurement, MeasurementId};
use leptos::prelude::*;

use super::{number, value_text};
use crate::i18n::{format_date, t, t_args};
use crate::tr;

// The drawing's own units. Axis labels are page text beside the drawing, not
// SVG text, so they keep a readable size from a phone to a projector.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 10.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 10.0;

/// The chart and its data table for one indicator.
#[component]
pub fn IndicatorChart(
    #[prop(into)] indicator: Signal<Indicator>,
    #[prop(into)] measurements: Signal<Vec<Measurement>>,
    /// Deletes a measurement (a figure entered by mistake).
    on_delete: Callback<MeasurementId>,
) -> impl IntoView {
    let chart = move || {
        let indicator = indicator.get();
        (indicator.measure != MeasureType::Qualitative)
            .then(|| svg(&indicator, &measurements.get()))
    };
    view! {
        <figure class="chart">
            {chart}
            <details class="chart-data">
                <summary>{move || t_args("chart-data-table", &[("name", indicator.with(|i| i.name.clone()).into())])}</summary>
                <DataTable indicator measurements on_delete/>
            </details>
        </figure>
    }
}

/// One row of the data behind the chart.
struct Row {
    kind: &'static str,
    date: Date,
    value: String,
    by: String,
    measurement: Option<MeasurementId>,
}

fn rows(indicator: &Indicator, measurements: &[Measurement]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    if let Some(b) = &indicator.baseline {
        rows.push(Row {
            kind: "chart-row-baseline",
            date: b.date,
            value: value_text(&b.value),
            by: String::new(),
            measurement: None,
        });
    }
    rows.extend(indicator.targets.iter().map(|t| Row {
        kind: "chart-row-target",
        date: t.date,
        value: value_text(&t.value),
        by: String::new(),
        measurement: None,
    }));
    rows.extend(measurements.iter().map(|m| {
        Row {
            kind: "chart-row-measurement",
            date: m.date,
            value: value_text(&m.value),
            by: [m.organization.as_str(), m.source.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            measurement: Some(m.id.clone()),
        }
    }));
    rows.sort_by_key(|r| r.date);
    rows
}

#[component]
fn DataTable(
    indicator: Signal<Indicator>,
    measurements: Signal<Vec<Measurement>>,
    on_delete: Callback<MeasurementId>,
) -> impl IntoView {
    let unit = move || indicator.with(|i| i.unit.clone());
    view! {
        <table>
            <caption>{move || t_args("chart-caption", &[("name", indicator.with(|i| i.name.clone()).into())])}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!("chart-date")}</th>
                    <th scope="col">{tr!("chart-what")}</th>
                    <th scope="col">{move || if unit().is_empty() { t("chart-value") } else { t_args("chart-value-unit", &[("unit", unit().into())]) }}</th>
                    <th scope="col">{tr!("chart-reported-by")}</th>
                    <th scope="col"><span class="visually-hidden">{tr!("chart-actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    rows(&indicator.get(), &measurements.get())
                        .into_iter()
                        .map(|r| {
                            // The date as typed (YYYY-MM-DD) names the button; the cell shows it the locale's way.
                            let delete_label = t_args("chart-delete-measurement", &[("value", r.value.clone().into()), ("date", r.date.to_string().into())]);
                            view! {
                            <tr>
                                <td>{format_date(&r.date.to_string())}</td>
                                <td>{t(r.kind)}</td>
                                <td>{r.value}</td>
                                <td dir="auto">{r.by}</td>
                                <td>
                                    {r.measurement.map(|id| {
                                        view! { <button type="button" class="danger" aria-label=delete_label on:click=move |_| on_delete.run(id.clone())>{t("delete")}</button> }
                                    })}
                                </td>
                            </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// The chart's sentence for people who cannot see it.
fn description(indicator: &Indicator, points: &[(Date, f64)]) -> String {
    let unit = if indicator.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", indicator.unit)
    };
    let mut parts = Vec::new();
    if let Some(b) = &indicator.baseline {
        parts.push(t_args("chart-desc-baseline", &[("value", format!("{}{unit}", value_text(&b.value)).into()), ("date", format_date(&b.date.to_string()).into())]));
    }
    for t in &indicator.targets {
        parts.push(t_args("chart-desc-target", &[("value", format!("{}{unit}", value_text(&t.value)).into()), ("date", format_date(&t.date.to_string()).into())]));
    }
    match points.last() {
        Some((date, value)) => parts.push(t_args("chart-desc-latest", &[("count", points.len().into()), ("value", format!("{}{unit}", number(*value)).into()), ("date", format_date(&date.to_string()).into())])),
        None => parts.push(t("chart-desc-none")),
    }
    let mut text = parts.join("; ");
    text.push('.');
    text
}

fn svg(indicator: &Indicator, measurements: &[Measurement]) -> AnyView {
    let baseline = indicator
        .baseline
        .as_ref()
        .and_then(|b| Some((b.date, b.value.as_number()?)));
    let mut targets: Vec<(Date, f64)> = indicator
        .targets
        .iter()
        .filter_map(|t| Some((t.date, t.value.as_number()?)))
        .collect();
    targets.sort_by_key(|p| p.0);
    let mut points: Vec<(Date, f64)> = measurements
        .iter()
        .filter(|m| indicator.measure.fits(&m.value))
        .filter_map(|m| Some((m.date, m.value.as_number()?)))
        .collect();
    points.sort_by_key(|p| p.0);
    let all: Vec<(Date, f64)> = baseline
        .iter()
        .chain(&targets)
        .chain(&points)
        .copied()
        .collect();
    let desc = description(indicator, &points);
    let title = t_args("chart-title", &[("name", indicator.name.clone().into())]);
    if all.is_empty() {
        return view! { <p class="hint">{tr!("chart-empty")}</p> }.into_any();
    }
    let (mut d0, mut d1) = (
        all.iter().map(|p| p.0.day_number()).min().unwrap_or(0),
        all.iter().map(|p| p.0.day_number()).max().unwrap_or(0),
    );
    if d0 == d1 {
        d0 -= 15;
        d1 += 15;
    }
    let (mut v0, mut v1) = (
        all.iter().map(|p| p.1).fold(f64::INFINITY, f64::min),
        all.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max),
    );
    if indicator.measure == MeasureType::YesNo {
        (v0, v1) = (0.0, 1.0);
    }
    if v0 > 0.0 && v0 < (v1 - v0) {
        v0 = 0.0;
    }
    let pad = if v1 > v0 {
        (v1 - v0) * 0.08
    } else {
        v0.abs().max(1.0) * 0.5
    };
    let (v0, v1) = (v0 - if v0 == 0.0 { 0.0 } else { pad }, v1 + pad);
    let x = move |d: Date| {
        LEFT + (d.day_number() - d0) as f64 / (d1 - d0) as f64 * (WIDTH - LEFT - RIGHT)
    };
    let y = move |v: f64| TOP + (v1 - v) / (v1 - v0) * (HEIGHT - TOP - BOTTOM);
    let line = |ps: &[(Date, f64)]| {
        ps.iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let trajectory: Vec<(Date, f64)> = baseline.iter().chain(&targets).copied().collect();
    let ticks: Vec<f64> = (0..=3)
        .map(|i| v0 + (v1 - v0) * f64::from(i) / 3.0)
        .collect();
    let first = Date::from_day_number(d0)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let last = Date::from_day_number(d1)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let label_id = super::unique_id("chart");
    let desc_id = format!("{label_id}-desc");
    let (title_ref, desc_ref) = (label_id.clone(), desc_id.clone());
    view! {
        <div class="chart-frame">
            <div class="y-labels" aria-hidden="true">
                {ticks
                    .iter()
                    .map(|t| view! { <span style=format!("top:{:.2}%", y(*t) / HEIGHT * 100.0)>{number(*t)}</span> })
                    .collect_view()}
            </div>
            <svg
                class="indicator-chart"
                role="img"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                aria-labelledby=title_ref
                aria-describedby=desc_ref
                preserveAspectRatio="xMidYMid meet"
            >
                <title id=label_id>{title}</title>
                <desc id=desc_id>{desc}</desc>
                <g class="axis">
                    {ticks.iter().map(|t| view! { <line x1=0 x2=WIDTH y1=y(*t) y2=y(*t)/> }).collect_view()}
                </g>
                {(trajectory.len() > 1).then(|| view! { <polyline class="trajectory" points=line(&trajectory)/> })}
                {baseline.map(|(d, v)| view! { <rect class="baseline" x=x(d) - 6.0 y=y(v) - 6.0 width="12" height="12"/> })}
                {targets
                    .iter()
                    .map(|(d, v)| {
                        let (cx, cy) = (x(*d), y(*v));
                        view! { <path class="target" d=format!("M{cx:.1},{:.1} l8,8 l-8,8 l-8,-8 z", cy - 8.0)/> }
                    })
                    .collect_view()}
                {(points.len() > 1).then(|| view! { <polyline class="measured" points=line(&points)/> })}
                {points.iter().map(|(d, v)| view! { <circle class="measurement" cx=x(*d) cy=y(*v) r="6"/> }).collect_view()}
            </svg>
            <div class="x-labels" aria-hidden="true"><span>{first}</span><span>{last}</span></div>
        </div>
        <ul class="legend" aria-hidden="true">
            <li><span class="key key-baseline"></span>{tr!("chart-key-baseline")}</li>
            <li><span class="key key-target"></span>{tr!("chart-key-target")}</li>
            <li><span class="key key-trajectory"></span>{tr!("chart-key-trajectory")}</li>
            <li><span class="key key-measurement"></span>{tr!("chart-key-measurements")}</li>
        </ul>
    }
    .into_any()
}
