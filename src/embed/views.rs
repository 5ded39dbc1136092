//! What each embed shows, compact: one goal's indicators and their progress;
//! every partner's promised vs delivered; the network map (a small SVG laid
//! out by `core::network::layout`, with the same people and organizations as
//! a list for screen readers). Everything is read from `core`.

use constellation_core::commitments::AccountabilityConfig;
use constellation_core::goals::{GoalId, Status, StatusRule};
use constellation_core::network::layout::{map_graph, Layout};
use constellation_core::network::{NodeRef, Sector};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{format_percent, t, t_args};
use crate::plan::today;
use crate::room::use_live_room;
use crate::tr;

fn status_text(status: Status) -> String {
    t(match status {
        Status::OnTrack => "status-on-track",
        Status::AtRisk => "status-at-risk",
        Status::OffTrack => "status-off-track",
        Status::NoData => "status-no-data",
    })
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "embed-status on-track",
        Status::AtRisk => "embed-status at-risk",
        Status::OffTrack => "embed-status off-track",
        Status::NoData => "embed-status no-data",
    }
}

/// `/embed/{room}/goal/{goal}`: the goal, its status, and each indicator's progress.
#[component]
pub fn EmbedGoal() -> impl IntoView {
    let Some(live) = use_live_room() else { return ().into_any() };
    let params = use_params_map();
    let goal_id = move || GoalId::new(params.read().get("goal").unwrap_or_default());
    let goal = move || live.read(|room| room.goal(&goal_id()));
    let status = move || live.read(|room| room.goal_status(&goal_id(), today(), &StatusRule::default()));
    let indicators = move || {
        live.read(|room| {
            room.indicators(&goal_id())
                .into_iter()
                .filter_map(|i| Some((i.name.clone(), room.indicator_progress(&i.id, today(), &StatusRule::default())?)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <article class="embed-card" aria-labelledby="embed-goal-title">
            {move || match goal() {
                None => view! {
                    <p class="hint" id="embed-goal-title">{move || if live.ready.get() { t("embed-goal-missing") } else { t("board-opening") }}</p>
                }.into_any(),
                Some(g) => view! {
                    <h1 id="embed-goal-title" dir="auto">{g.title.clone()}</h1>
                    {(!g.hashtag.is_empty()).then(|| view! { <p class="embed-hashtag" dir="auto">{g.hashtag.clone()}</p> })}
                    {status().map(|s| view! { <p class=status_class(s)>{t_args("status-line", &[("status", status_text(s).into())])}</p> })}
                }.into_any(),
            }}
            <ul class="embed-indicators" aria-label=tr!("embed-indicators")>
                {move || indicators().into_iter().map(|(name, a)| {
                    let share = a.progress.unwrap_or(0.0).clamp(0.0, 1.0);
                    view! {
                        <li>
                            <span class="embed-indicator-name" dir="auto">{name}</span>
                            <span class=status_class(a.status)>{status_text(a.status)}</span>
                            <span class="embed-progress">
                                {a.progress.map(|p| t_args("progress", &[("percent", format_percent(p).into())]))}
                            </span>
                            <meter min="0" max="1" value=share aria-hidden="true"></meter>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
    .into_any()
}

/// `/embed/{room}/accountability`: each partner's commitments delivered.
#[component]
pub fn EmbedAccountability() -> impl IntoView {
    let Some(live) = use_live_room() else { return ().into_any() };
    let accounts = move || live.read(|room| room.accountability(today(), &AccountabilityConfig::default()));
    view! {
        <article class="embed-card" aria-labelledby="embed-accountability-title">
            <h1 id="embed-accountability-title">{tr!("accountability-heading")}</h1>
            {move || {
                let accounts = accounts();
                if accounts.is_empty() {
                    view! { <p class="hint">{tr!("accountability-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="embed-partners" aria-labelledby="embed-accountability-title">
                            {accounts.into_iter().map(|a| {
                                let delivered = a.met + a.partially_met;
                                let overdue = a.overdue.len();
                                view! {
                                    <li>
                                        <strong dir="auto">{a.organization.clone()}</strong>
                                        <span>{t_args("embed-delivered", &[("delivered", delivered.into()), ("promised", a.promised.into())])}</span>
                                        {(overdue > 0).then(|| view! { <span class="embed-overdue">{t_args("overdue-count", &[("count", overdue.into())])}</span> })}
                                        <meter min="0" max=a.promised.max(1) as f64 value=delivered as f64 aria-hidden="true"></meter>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </article>
    }
    .into_any()
}

/// One drawn node of the embedded map.
#[derive(Clone, PartialEq)]
struct Dot {
    x: f64,
    y: f64,
    name: String,
    organization: bool,
    sector: Option<Sector>,
}

/// `/embed/{room}/network`: the map, small, and the same as a list.
#[component]
pub fn EmbedNetwork() -> impl IntoView {
    let Some(live) = use_live_room() else { return ().into_any() };
    // Laid out once per change of the network (not on every edit to the
    // room: a board in use moves notes many times a second), from a fixed
    // seed, so the picture is the same on every load for the same network.
    let version = Memo::new(move |_| live.read(|room| room.network_version()));
    let map = Memo::new(move |_| {
        // Read, not only tracked: a memo that is never read never runs.
        let _ = version.get();
        let network = untrack(|| live.read(|room| room.network()));
        let Ok(graph) = map_graph(&network) else { return (Vec::new(), Vec::new()) };
        let mut layout: Layout<NodeRef> = Layout::new(7);
        if layout.sync(&graph.nodes, graph.spring_refs()).is_err() {
            return (Vec::new(), Vec::new());
        }
        let mut steps = 0;
        while !layout.settled() && steps < 400 {
            layout.step();
            steps += 1;
        }
        let dots: Vec<Dot> = graph
            .nodes
            .iter()
            .filter_map(|node| {
                let p = layout.position(node)?;
                let (name, organization, sector) = match node {
                    NodeRef::Organization(id) => {
                        let o = network.organizations.iter().find(|o| &o.id == id)?;
                        (o.name.clone(), true, Some(o.sector))
                    }
                    NodeRef::Person(id) => (network.people.iter().find(|p| &p.id == id)?.name.clone(), false, None),
                };
                Some(Dot { x: p.x, y: p.y, name, organization, sector })
            })
            .collect();
        let lines: Vec<(f64, f64, f64, f64)> = graph
            .springs
            .iter()
            .filter_map(|(a, b, _)| {
                let (pa, pb) = (layout.position(a)?, layout.position(b)?);
                Some((pa.x, pa.y, pb.x, pb.y))
            })
            .collect();
        (dots, lines)
    });
    let view_box = move || {
        let (dots, _) = map.get();
        if dots.is_empty() {
            return "0 0 100 60".to_owned();
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for d in &dots {
            x0 = x0.min(d.x);
            y0 = y0.min(d.y);
            x1 = x1.max(d.x);
            y1 = y1.max(d.y);
        }
        // At least this much of the plane is shown, so a map of three nodes
        // is not blown up to fill the frame.
        let pad = 30.0;
        let (w, h) = (((x1 - x0) + 2.0 * pad).max(300.0), ((y1 - y0) + 2.0 * pad).max(170.0));
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        format!("{} {} {} {}", cx - w / 2.0, cy - h / 2.0, w, h)
    };
    let counts = move || {
        let (dots, _) = map.get();
        let orgs = dots.iter().filter(|d| d.organization).count();
        t_args("embed-network-count", &[("people", (dots.len() - orgs).into()), ("organizations", orgs.into())])
    };
    view! {
        <article class="embed-card" aria-labelledby="embed-network-title">
            <h1 id="embed-network-title">{tr!("embed-network")}</h1>
            <p class="embed-count">{counts}</p>
            <svg class="embed-map" viewBox=view_box aria-hidden="true" preserveAspectRatio="xMidYMid meet">
                {move || map.get().1.into_iter().map(|(x1, y1, x2, y2)| view! {
                    <line x1=x1 y1=y1 x2=x2 y2=y2 class="embed-tie"/>
                }).collect_view()}
                {move || map.get().0.into_iter().map(|d| {
                    let class = format!("embed-node {}", d.sector.map(sector_class).unwrap_or("person"));
                    view! {
                        <g>
                            {if d.organization {
                                view! { <rect x=d.x - 7.0 y=d.y - 7.0 width="14" height="14" class=class.clone()/> }.into_any()
                            } else {
                                view! { <circle cx=d.x cy=d.y r="5" class=class.clone()/> }.into_any()
                            }}
                            <text x=d.x y=d.y - 10.0 text-anchor="middle" class="embed-label">{d.name.clone()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <ul class="visually-hidden" aria-label=tr!("embed-network-list")>
                {move || map.get().0.into_iter().map(|d| view! { <li dir="auto">{d.name}</li> }).collect_view()}
            </ul>
        </article>
    }
    .into_any()
}

fn sector_class(sector: Sector) -> &'static str {
    match sector {
        Sector::Government => "government",
        Sector::Business => "business",
        Sector::CivilSociety => "civil-society",
        Sector::Other => "other",
    }
}
