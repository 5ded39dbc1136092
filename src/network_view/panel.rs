//! The selected node's details (metrics, ties, brokerage roles, what if it
//! leaves), the health summary in words, and the sortable table of people and
//! organizations: the map's accessible twin.

use std::sync::Arc;

use constellation_analysis_worker::wire::Column;
use constellation_core::network::NodeRef;
use leptos::prelude::*;

use super::words::{edit_error_text, kind_name, reason, roles, sector_name, summary_text, warning_text, what_if_words};
use super::{slow_note, Metric, NetState};
use crate::i18n::{format_count, format_fixed, t, t_args};
use crate::tr;

fn fmt3(x: f64) -> String {
    format_fixed(x, 3)
}

#[component]
pub fn Details(state: NetState) -> impl IntoView {
    let st = state;
    let what = RwSignal::new(None::<(NodeRef, String)>);
    let body = move || {
        let node = st.selected.get()?;
        let net = st.net.get();
        let Some(&i) = net.index.get(&node) else {
            return Some(view! { <p class="hint">{tr!("net-gone")}</p> }.into_any());
        };
        let nd = &net.nodes[i];
        let analysis = st.analysis.get();
        let n = &net.stored.network;
        let kind_line = if nd.is_org {
            let people = net.members.iter().filter(|(_, o)| *o == i).count();
            t_args("net-kind-org", &[("sector", sector_name(nd.sector).into()), ("people", people.into())])
        } else {
            let p = n.people.iter().find(|p| p.id == node.id());
            let mut line = match nd.org {
                Some(o) => t_args(
                    "net-kind-person-at",
                    &[("organization", net.nodes[o].name.clone().into()), ("sector", sector_name(nd.sector).to_lowercase().into())],
                ),
                None => t("net-kind-person-alone"),
            };
            if let Some(p) = p {
                if !p.role.is_empty() {
                    line.push_str(&format!(" · {}", p.role));
                }
                if let Some(l) = p.level {
                    let level = match l {
                        constellation_core::network::Level::Senior => "net-level-short-senior",
                        constellation_core::network::Level::Mid => "net-level-short-mid",
                        constellation_core::network::Level::Junior => "net-level-short-junior",
                    };
                    line.push_str(&format!(" · {}", t(level)));
                }
            }
            line
        };
        let mut metrics: Vec<(&'static str, String)> = Vec::new();
        let mut brokerage = None;
        if let Some(a) = analysis.as_ref().filter(|a| a.net.index.contains_key(&node)) {
            let num = |c: Column| a.value(&node, c).map_or("—".into(), fmt3);
            let whole = |c: Column| a.value(&node, c).map_or("—".into(), |v| format_count(v.max(0.0) as usize));
            if nd.is_org {
                metrics.extend([
                    ("net-m-tied-organizations", whole(Column::Degree)),
                    ("net-m-betweenness", num(Column::Betweenness)),
                    ("net-m-closeness", num(Column::Closeness)),
                    ("net-m-eigenvector", num(Column::Eigenvector)),
                    ("net-m-constraint", num(Column::Constraint)),
                ]);
            } else {
                metrics.extend([
                    ("net-m-ties", whole(Column::Degree)),
                    ("net-m-betweenness", num(Column::Betweenness)),
                    ("net-m-weighted-betweenness", num(Column::WeightedBetweenness)),
                    ("net-m-closeness", num(Column::Closeness)),
                    ("net-m-eigenvector", num(Column::Eigenvector)),
                    ("net-m-constraint", num(Column::Constraint)),
                    ("net-m-effective-size", num(Column::EffectiveSize)),
                ]);
                brokerage = Some((roles(&a.roles(&node, false)), roles(&a.roles(&node, true))));
            }
        }
        let ties: Vec<(String, String)> = n
            .ties
            .iter()
            .zip(&net.stored.tie_ids)
            .filter_map(|(t, id)| {
                let other = if t.from == node {
                    &t.to
                } else if t.to == node {
                    &t.from
                } else {
                    return None;
                };
                let j = *net.index.get(other)?;
                let line = if !t.directed {
                    "net-tie-line"
                } else if t.from == node {
                    "net-tie-line-to"
                } else {
                    "net-tie-line-from"
                };
                let args = [("kind", kind_name(t.kind).into()), ("other", net.describe(j).into()), ("trust", t.trust.get().into())];
                Some((id.clone(), t_args(line, &args)))
            })
            .collect();
        let name = nd.name.clone();
        let is_org = nd.is_org;
        let wnode = node.clone();
        let shown_what = move || what.get().filter(|(n, _)| *n == wnode).map(|(_, t)| t);
        let ask = {
            let node = node.clone();
            // Computed in the map worker (off the page), shown when it answers.
            move |_| {
                let net = st.net.get_untracked();
                let node = node.clone();
                super::map::what_if(net.clone(), node.clone(), move |answer| {
                    let text = match answer {
                        Ok(w) => what_if_words(&w, |id| {
                            net.index.get(&NodeRef::Organization(id.to_string())).map_or(id.to_string(), |&k| net.nodes[k].name.clone())
                        }),
                        Err(e) => e,
                    };
                    let _ = what.try_set(Some((node, text)));
                });
            }
        };
        let delete = {
            let node = node.clone();
            move |_| {
                let r = st.live.edit(|room| match &node {
                    NodeRef::Person(id) => room.delete_person(id),
                    NodeRef::Organization(id) => room.delete_organization(id),
                });
                match r {
                    Ok(()) => {
                        st.selected.set(None);
                        st.announcement.set(t("net-deleted"));
                    }
                    Err(e) => st.announcement.set(edit_error_text(&e)),
                }
            }
        };
        Some(
            view! {
                <h2 id="net-details-heading" tabindex="-1">{name.clone()}</h2>
                <p>{kind_line}</p>
                <dl class="net-metrics">
                    {metrics.into_iter().map(|(k, v)| view! { <div><dt>{t(k)}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                {brokerage.map(|(s, o)| view! {
                    <p><strong>{t("net-brokerage-sectors")}" "</strong>{s}</p>
                    <p><strong>{t("net-brokerage-organizations")}" "</strong>{o}</p>
                })}
                <h3>{t_args("net-ties-heading", &[("count", ties.len().into())])}</h3>
                <ul class="net-ties">
                    {ties.into_iter().map(|(id, text)| {
                        let label = t_args("net-remove-tie", &[("tie", text.clone().into())]);
                        view! {
                            <li>
                                <span>{text}</span>
                                <button type="button" class="net-remove" aria-label=label on:click=move |_| {
                                    if let Err(e) = st.live.edit(|room| room.delete_tie(&id)) {
                                        st.announcement.set(edit_error_text(&e));
                                    }
                                }>{t("net-remove")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="net-actions">
                    <button type="button" on:click=ask>
                        {t(if is_org { "net-whatif-org" } else { "net-whatif-person" })}
                    </button>
                    <button type="button" class="danger" on:click=delete>
                        {t(if is_org { "net-delete-org" } else { "net-delete-person" })}
                    </button>
                </div>
                <p class="net-whatif" aria-live="polite">{shown_what}</p>
            }
            .into_any(),
        )
    };
    view! {
        <aside class="net-details card" aria-label=tr!("net-details")>
            {move || body().unwrap_or_else(|| view! {
                <h2 id="net-details-heading" tabindex="-1">{tr!("net-details")}</h2>
                <p class="hint">{tr!("net-details-hint")}</p>
            }.into_any())}
        </aside>
    }
}

#[component]
pub fn Summary(state: NetState) -> impl IntoView {
    let st = state;
    let lines = move || {
        let empty = st.net.with(|n| n.nodes.is_empty());
        if empty {
            return view! { <p class="hint">{tr!("net-empty")}</p> }.into_any();
        }
        match st.analysis.get() {
            None => view! { <p class="hint">{tr!("net-analyzing")}</p> }.into_any(),
            Some(a) => {
                let slow = slow_note(&a);
                let warnings = a.digest().warnings.clone();
                let connectors: Vec<(String, String)> = a
                    .digest()
                    .connectors
                    .iter()
                    .filter_map(|c| {
                        let name = a.net.nodes.get(c.node as usize)?.name.clone();
                        Some((name, c.reasons.iter().map(reason).collect::<Vec<_>>().join(&t("list-semicolon"))))
                    })
                    .collect();
                view! {
                    <ul class="net-summary-lines">
                        {a.digest().summary.iter().map(|s| view! { <li>{summary_text(s)}</li> }).collect_view()}
                    </ul>
                    {warnings.iter().map(|w| view! { <p class="hint">{warning_text(w)}</p> }).collect_view()}
                    {(!connectors.is_empty()).then(|| view! {
                        <h3 id="net-connectors-heading">{tr!("net-connectors-heading")}</h3>
                        <ol class="net-connectors" aria-labelledby="net-connectors-heading">
                            {connectors.into_iter().map(|(name, why)| view! {
                                <li><strong dir="auto">{name}</strong>" — "{why}</li>
                            }).collect_view()}
                        </ol>
                    })}
                    {slow.map(|s| view! { <p class="hint">{s}</p> })}
                    {move || st.stale.get().then(|| view! { <p class="hint">{tr!("net-updating")}</p> })}
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="net-summary card" aria-labelledby="net-summary-heading">
            <h2 id="net-summary-heading">{tr!("net-health")}</h2>
            {lines}
        </section>
    }
}

/// The table's columns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Type,
    Sector,
    Organization,
    M(Metric),
}

impl Col {
    fn label(self) -> String {
        match self {
            Col::Name => t("n-name"),
            Col::Type => t("net-col-type"),
            Col::Sector => t("n-sector"),
            Col::Organization => t("n-organization"),
            Col::M(m) => m.name(),
        }
    }
}

/// Rows drawn per page: every row is twenty boxes that the browser styles,
/// lays out and paints, and a page of 250 rows made a task of 100 ms to
/// build and 175 ms to lay out and paint on a big network; 25 rows still
/// took 60–130 ms to lay out and paint in headless Chromium without a GPU
/// (tests/bench/network-page.mjs, TRACE=).
const PAGE_ROWS: usize = 50;
/// Rows added to the page in one task (see `Table`): five rows are about
/// 10 ms of building, styling, layout and painting.
const ROWS_PER_TASK: usize = 5;
const NUMS: [Metric; 5] = [Metric::Degree, Metric::Betweenness, Metric::Closeness, Metric::Eigenvector, Metric::Brokerage];

const COLUMNS: [Col; 9] = [
    Col::Name,
    Col::Type,
    Col::Sector,
    Col::Organization,
    Col::M(Metric::Degree),
    Col::M(Metric::Betweenness),
    Col::M(Metric::Closeness),
    Col::M(Metric::Eigenvector),
    Col::M(Metric::Brokerage),
];

/// The table's rows in order, with the network and analysis they were sorted
/// from (the rows are drawn from these, never from a newer network).
#[derive(Clone)]
struct Sorted {
    net: Arc<super::Net>,
    analysis: Option<Arc<super::Analyzed>>,
    order: Arc<Vec<usize>>,
}

impl PartialEq for Sorted {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.net, &other.net)
            && Arc::ptr_eq(&self.order, &other.order)
            && match (&self.analysis, &other.analysis) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

#[component]
pub fn Table(state: NetState) -> impl IntoView {
    let st = state;
    let sort = RwSignal::new((Col::Name, true));
    let page = RwSignal::new(0usize);
    // The table follows the network a task after the map does, and draws
    // its rows a task after sorting them: on a big network each is a few
    // tens of milliseconds, and the page stays free in between.
    let input = super::later(move || (st.net.get(), st.shown.get(), st.analysis.get()));
    // The shown rows in sort order, as node indices. Keys are computed once
    // per row, not per comparison.
    let sorted = Memo::new(move |_| {
        let (net, shown, analysis) = input.get();
        let (col, asc) = sort.get();
        let mut idx: Vec<usize> = (0..net.nodes.len()).filter(|&i| shown.node.get(i).copied().unwrap_or(false)).collect();
        let text = |i: usize| -> String {
            let nd = &net.nodes[i];
            match col {
                Col::Name => nd.name.to_lowercase(),
                Col::Type => (if nd.is_org { "organization" } else { "person" }).into(),
                Col::Sector => nd.sector.map_or("—".into(), |s| s.label().to_string()),
                _ => nd.org.map_or(String::new(), |o| net.nodes[o].name.to_lowercase()),
            }
        };
        match col {
            Col::M(m) => {
                let v: Vec<f64> = idx.iter().map(|&i| analysis.as_ref().map_or(0.0, |a| a.metric(&net.nodes[i].node, m))).collect();
                let mut pairs: Vec<(f64, usize)> = v.into_iter().zip(idx.iter().copied()).collect();
                pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                idx = pairs.into_iter().map(|p| p.1).collect();
            }
            _ => idx.sort_by_cached_key(|&i| (text(i), i)),
        }
        if !asc {
            idx.reverse();
        }
        Sorted { net, analysis, order: Arc::new(idx) }
    });
    let sorted = super::later(move || sorted.get());
    let pages = move || sorted.with(|r| r.order.len().div_ceil(PAGE_ROWS).max(1));
    let current = move || page.get().min(pages() - 1);
    // Rows are added to the page [`ROWS_PER_TASK`] at a time, a task apart
    // (the browser lays out each batch on its own); rows already there are
    // updated in place when the network or its analysis changes.
    let limit = RwSignal::new(ROWS_PER_TASK);
    let grow = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    Effect::new(move |_| {
        let on_page = sorted.with(|r| r.order.len().saturating_sub(current() * PAGE_ROWS).min(PAGE_ROWS));
        let drawn = limit.get();
        if drawn < on_page {
            grow.set_value(Some(gloo::timers::callback::Timeout::new(0, move || limit.set(drawn + ROWS_PER_TASK))));
        }
    });
    // A new page or order starts again with its first rows.
    let turn = move |to: usize| {
        limit.set(ROWS_PER_TASK);
        page.set(to);
    };
    let rows = move || {
        let Sorted { net, analysis, order } = sorted.get();
        let start = current() * PAGE_ROWS;
        let rows: Vec<(usize, [String; 4], [f64; 5])> = order
            .iter()
            .skip(start)
            .take(PAGE_ROWS.min(limit.get()))
            .map(|&i| {
                let nd = &net.nodes[i];
                let nums = NUMS.map(|m| analysis.as_ref().map_or(0.0, |a| a.metric(&nd.node, m)));
                let text = [
                    nd.name.clone(),
                    t(if nd.is_org { "net-type-organization" } else { "net-type-person" }),
                    nd.sector.map_or("—".into(), |s| sector_name(Some(s))),
                    nd.org.map_or(String::new(), |o| net.nodes[o].name.clone()),
                ];
                (i, text, nums)
            })
            .collect();
        rows.into_iter()
            .map(|(i, text, nums)| {
                let [name, kind, sector, org] = text;
                let is_int = |k: usize| k == 0 || k == 4;
                view! {
                    <tr>
                        <th scope="row"><button type="button" class="net-link" on:click=move |_| st.select(Some(i))>{name}</button></th>
                        <td>{kind}</td>
                        <td>{sector}</td>
                        <td>{org}</td>
                        {nums.iter().enumerate().map(|(k, v)| view! { <td class="num">{if is_int(k) { format_count(v.max(0.0) as usize) } else { fmt3(*v) }}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    let range = move || {
        let total = sorted.with(|r| r.order.len());
        let start = current() * PAGE_ROWS;
        t_args("net-rows", &[("first", (start + 1).min(total).into()), ("last", (start + PAGE_ROWS).min(total).into()), ("total", total.into())])
    };
    view! {
        <section class="net-table-section" aria-labelledby="net-table-heading">
            <h2 id="net-table-heading">{tr!("net-table-heading")}</h2>
            <div class="net-table-scroll">
                <table class="net-table">
                    <caption class="visually-hidden">{tr!("net-table-caption")}</caption>
                    <thead>
                        <tr>
                            {COLUMNS.into_iter().map(|c| {
                                let aria = move || {
                                    let (col, asc) = sort.get();
                                    if col == c { if asc { "ascending" } else { "descending" } } else { "none" }
                                };
                                view! {
                                    <th scope="col" aria-sort=aria>
                                        <button type="button" on:click=move |_| {
                                            // Numbers sort biggest first on the first click.
                                            sort.update(|s| *s = if s.0 == c { (c, !s.1) } else { (c, !matches!(c, Col::M(_))) });
                                            turn(0);
                                        }>{move || c.label()}</button>
                                    </th>
                                }
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="net-pager" hidden=move || { pages() <= 1 }>
                <button type="button" disabled=move || current() == 0 on:click=move |_| turn(current().saturating_sub(1))>{tr!("net-rows-previous")}</button>
                <p role="status">{range}</p>
                <button type="button" disabled=move || { current() + 1 >= pages() } on:click=move |_| turn(current() + 1)>{tr!("net-rows-next")}</button>
            </div>
        </section>
    }
}
