//! The forms that add to the network: quick entry ("I am … at …; I work with
//! …", one edit, made for a phone), organization, person, tie, and merging two
//! entries that are the same. Every check is core's: a refused edit comes back
//! as a `NetworkEditError` whose `field()` names the field that shows it.

use constellation_core::network::{
    Colleague, Level, NetworkEditError, NetworkField, NewOrganization, NewPerson, NewTie, NodeRef, QuickEntry, Sector, suggestions, SuggestionKind};
use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::tr;
use super::words::{edit_error_text, kind_name, sector_name};
use super::{kind_label, NetState, KINDS};

/// Names suggested under a text box at most.
const SUGGESTIONS: usize = 8;

/// A form's last refusal: the field it names and why, worded when shown (so
/// a refusal on screen re-words when the language changes).
type FormError = RwSignal<Option<(NetworkField, Refusal)>>;

/// Why a form was refused: core's refusal, or the form's own message.
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    Edit(NetworkEditError),
    Message(&'static str),
}

impl Refusal {
    fn text(&self) -> String {
        match self {
            Refusal::Edit(e) => edit_error_text(e),
            Refusal::Message(id) => t(id),
        }
    }
}

fn show(error: FormError, e: &NetworkEditError) {
    error.set(Some((e.field(), Refusal::Edit(e.clone()))));
}

/// The one labelled field every form is made of: a text box (with optional
/// suggestions), a number box or a drop-down, with its error under it.
#[component]
fn Fld(
    label: &'static str,
    /// Said after the label to screen readers only (which row a field is in).
    #[prop(optional, into)]
    more: Option<Signal<String>>,
    /// The field whose errors it shows (none for choices core never refuses).
    #[prop(optional)]
    field: Option<NetworkField>,
    value: RwSignal<String>,
    error: FormError,
    /// Drop-down choices as (value, label).
    #[prop(optional, into)]
    options: Option<Signal<Vec<(String, String)>>>,
    /// Suggest existing names of this kind while someone types (so a
    /// duplicate is not made by accident).
    #[prop(optional)]
    suggest: Option<(NetState, SuggestionKind)>,
    #[prop(optional)] number: bool,
) -> impl IntoView {
    let id = crate::plan::unique_id("net-field");
    let error_id = format!("{id}-error");
    let list = suggest.map(|_| format!("{id}-names"));
    // The few names that fit what is typed, worked out as it is typed (a
    // list of every name would be thousands of options to rebuild whenever
    // the network changes).
    let names = suggest.map(|(st, kind)| {
        let list = list.clone().unwrap_or_default();
        view! {
            <datalist id=list>
                {move || {
                    let typed = value.get();
                    // Each name with what tells it apart: a person's
                    // organization, an organization's sector (in words).
                    let found: Vec<(String, String)> = st.net.with(|n| {
                        suggestions(&n.stored.network, &typed, kind, SUGGESTIONS)
                            .into_iter()
                            .filter(|s| s.name != typed.trim())
                            .map(|s| {
                                let detail = match kind {
                                    SuggestionKind::People => s.detail,
                                    SuggestionKind::Organizations => sector_name(n.index.get(&s.node).and_then(|&i| n.nodes[i].sector)),
                                };
                                (s.name, detail)
                            })
                            .collect()
                    });
                    found.into_iter().map(|(name, detail)| view! { <option value=name label=detail></option> }).collect_view()
                }}
            </datalist>
        }
    });
    let message = move || error.get().filter(|(f, _)| Some(*f) == field).map(|(_, m)| m.text());
    let invalid = move || message().is_some().to_string();
    let control = match options {
        Some(options) => view! {
            <select id=id.clone() aria-describedby=error_id.clone() aria-invalid=invalid
                on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(v, l)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                type=if number { "number" } else { "text" }
                inputmode=number.then_some("numeric")
                min=number.then_some("1")
                max=number.then_some("5")
                list=list.clone()
                dir=(!number).then_some("auto")
                autocomplete="off"
                aria-describedby=error_id.clone()
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any(),
    };
    view! {
        <div class="net-field">
            <label for=id>{move || t(label)}{more.map(|m| view! { <span class="visually-hidden">{m}</span> })}</label>
            {control}
            {names}
            <p id=error_id class="error">{message}</p>
        </div>
    }
}

fn sector_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| Sector::ALL.iter().enumerate().map(|(i, s)| (i.to_string(), sector_name(Some(*s)))).collect())
}

fn sector_of(v: &str) -> Sector {
    v.parse::<usize>().ok().and_then(|i| Sector::ALL.get(i).copied()).unwrap_or(Sector::Other)
}

/// The record-level error of a form (not tied to one field).
fn record_error(error: FormError) -> impl IntoView {
    move || error.get().filter(|(f, _)| *f == NetworkField::Record).map(|(_, m)| view! { <p class="error" role="alert">{m.text()}</p> })
}

#[component]
pub fn QuickEntryForm(state: NetState) -> impl IntoView {
    let st = state;
    let name = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let sector = RwSignal::new("3".to_string());
    let rows = RwSignal::new(vec![(RwSignal::new(String::new()), RwSignal::new(String::new()))]);
    let error: FormError = RwSignal::new(None);
    let done = RwSignal::new(String::new());
    let numbered = move || rows.get().into_iter().enumerate().collect::<Vec<_>>();
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let works_with: Vec<Colleague> = rows.get_untracked().iter().map(|(n, o)| Colleague::new(&n.get_untracked(), &o.get_untracked())).collect();
        let mut q = QuickEntry::new(&name.get_untracked(), &org.get_untracked(), works_with);
        q.sector = sector_of(&sector.get_untracked());
        match st.live.edit(|room| room.quick_entry(q)) {
            Ok(out) => {
                error.set(None);
                done.set(t_args("net-quick-done", &[
                    ("name", name.get_untracked().trim().to_owned().into()),
                    ("people", out.created_people.into()),
                    ("organizations", out.created_organizations.into()),
                    ("ties", out.added_ties.into()),
                ]));
                name.set(String::new());
                org.set(String::new());
                // The rows keep their fields (keyed by position): empty them.
                rows.update(|r| r.truncate(1));
                rows.with_untracked(|r| r.iter().for_each(|(who, at)| {
                    who.set(String::new());
                    at.set(String::new());
                }));
            }
            Err(e) => {
                done.set(String::new());
                show(error, &e);
            }
        }
    };
    view! {
        <form class="net-quick card" novalidate on:submit=submit aria-labelledby="net-quick-heading">
            <h2 id="net-quick-heading">{tr!("net-quick")}</h2>
            <p class="hint">{tr!("net-quick-hint")}</p>
            <div class="net-pair">
                <Fld label="n-i-am" field=NetworkField::Name value=name error suggest=(st, SuggestionKind::People)/>
                <Fld label="n-at" field=NetworkField::Organization value=org error suggest=(st, SuggestionKind::Organizations)/>
            </div>
            <Fld label="n-sector-of-a-new-organization" field=NetworkField::Sector value=sector error options=sector_options()/>
            <For
                each=numbered
                key=|(i, _)| *i
                children=move |(i, (who, at))| view! {
                    <div class="net-pair">
                        <Fld label="n-i-work-with" more=Signal::derive(move || t_args("net-more-person", &[("n", (i + 1).into())])) field=NetworkField::WorksWith(i + 1) value=who error suggest=(st, SuggestionKind::People)/>
                        <Fld label="n-at" more=Signal::derive(move || t_args("net-more-org", &[("n", (i + 1).into())])) field=NetworkField::WorksWithOrganization(i + 1) value=at error suggest=(st, SuggestionKind::Organizations)/>
                    </div>
                }
            />
            <div class="net-actions">
                <button type="button" on:click=move |_| rows.update(|r| if r.len() < 20 { r.push((RwSignal::new(String::new()), RwSignal::new(String::new()))) })>
                    {tr!("net-add-another")}
                </button>
                <button type="submit" class="primary inline">{tr!("net-add-me")}</button>
            </div>
            {record_error(error)}
            <p class="net-done" role="status">{move || done.get()}</p>
        </form>
    }
}

/// Which form is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Organization,
    Person,
    Tie,
    Merge,
}

#[component]
pub fn EditForms(state: NetState) -> impl IntoView {
    let open = RwSignal::new(Open::None);
    let opener = move |which: Open, label: &'static str| {
        view! {
            <button type="button" hidden=move || open.get() == which on:click=move |_| open.set(which)>{move || t(label)}</button>
        }
    };
    view! {
        <section class="net-forms" aria-labelledby="net-forms-heading">
            <h2 id="net-forms-heading">{tr!("net-edit")}</h2>
            <div class="net-actions">
                {opener(Open::Organization, "n-add-organization")}
                {opener(Open::Person, "n-add-person")}
                {opener(Open::Tie, "n-add-tie")}
                {opener(Open::Merge, "n-merge-duplicates")}
            </div>
            {move || match open.get() {
                Open::None => ().into_any(),
                Open::Organization => view! { <OrgForm state open/> }.into_any(),
                Open::Person => view! { <PersonForm state open/> }.into_any(),
                Open::Tie => view! { <TieForm state open/> }.into_any(),
                Open::Merge => view! { <MergeForm state open/> }.into_any(),
            }}
        </section>
    }
}

/// A form's frame: heading, fields, the submit button and Cancel.
fn frame(title: &'static str, submit_label: &'static str, open: RwSignal<Open>, error: FormError, on_submit: impl Fn() + 'static, fields: impl IntoView) -> impl IntoView {
    view! {
        <form class="net-form card" novalidate aria-label=move || t(title) on:submit=move |ev: web_sys::SubmitEvent| { ev.prevent_default(); on_submit(); }>
            <h3>{move || t(title)}</h3>
            {fields}
            {record_error(error)}
            <div class="net-actions">
                <button type="submit" class="primary inline">{move || t(submit_label)}</button>
                <button type="button" on:click=move |_| open.set(Open::None)>{tr!("cancel")}</button>
            </div>
        </form>
    }
}

fn org_options(st: NetState, none: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let mut v: Vec<(String, String)> = none.map(|n| (String::new(), t(n))).into_iter().collect();
        st.net.with(|n| v.extend(n.stored.network.organizations.iter().map(|o| (o.id.clone(), o.name.clone()))));
        v
    })
}

fn node_options(st: NetState) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let mut v = vec![(String::new(), t("net-choose"))];
        st.net.with(|n| {
            v.extend(n.nodes.iter().enumerate().map(|(i, nd)| {
                let code = match &nd.node {
                    NodeRef::Person(id) => format!("p:{id}"),
                    NodeRef::Organization(id) => format!("o:{id}"),
                };
                (code, n.describe(i))
            }))
        });
        v
    })
}

fn node_of(code: &str) -> Option<NodeRef> {
    match code.split_once(':')? {
        ("p", id) => Some(NodeRef::Person(id.to_string())),
        ("o", id) => Some(NodeRef::Organization(id.to_string())),
        _ => None,
    }
}

#[component]
fn OrgForm(state: NetState, open: RwSignal<Open>) -> impl IntoView {
    let (name, sector, tags) = (RwSignal::new(String::new()), RwSignal::new("3".to_string()), RwSignal::new(String::new()));
    let error: FormError = RwSignal::new(None);
    let submit = move || {
        let new = NewOrganization {
            name: name.get_untracked(),
            sector: sector_of(&sector.get_untracked()),
            tags: tags.get_untracked().split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
        };
        match state.live.edit(|room| room.add_organization(new)) {
            Ok(id) => {
                open.set(Open::None);
                state.selected.set(Some(NodeRef::Organization(id)));
                state.announcement.set(t_args("net-added-org", &[("name", name.get_untracked().trim().to_owned().into())]));
            }
            Err(e) => show(error, &e),
        }
    };
    frame("n-new-organization", "n-add-organization", open, error, submit, view! {
        <Fld label="n-name" field=NetworkField::Name value=name error/>
        <Fld label="n-sector" field=NetworkField::Sector value=sector error options=sector_options()/>
        <Fld label="n-tags" more=Signal::derive(|| t("net-more-tags")) field=NetworkField::Tags value=tags error/>
    })
}

#[component]
fn PersonForm(state: NetState, open: RwSignal<Open>) -> impl IntoView {
    let (name, org, role, level) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: FormError = RwSignal::new(None);
    let levels = Signal::stored(vec![
        (String::new(), t("net-level-none")),
        ("senior".to_string(), t("net-level-senior")),
        ("mid".to_string(), t("net-level-mid")),
        ("junior".to_string(), t("net-level-junior")),
    ]);
    let submit = move || {
        let new = NewPerson {
            name: name.get_untracked(),
            organization: Some(org.get_untracked()).filter(|o| !o.is_empty()),
            role: role.get_untracked(),
            level: match level.get_untracked().as_str() {
                "senior" => Some(Level::Senior),
                "mid" => Some(Level::Mid),
                "junior" => Some(Level::Junior),
                _ => None,
            },
        };
        match state.live.edit(|room| room.add_person(new)) {
            Ok(id) => {
                open.set(Open::None);
                state.selected.set(Some(NodeRef::Person(id)));
                state.announcement.set(t_args("net-added", &[("name", name.get_untracked().trim().to_owned().into())]));
            }
            Err(e) => show(error, &e),
        }
    };
    frame("n-new-person", "n-add-person", open, error, submit, view! {
        <Fld label="n-name" field=NetworkField::Name value=name error/>
        <Fld label="n-organization" field=NetworkField::Organization value=org error options=org_options(state, Some("net-none"))/>
        <Fld label="n-role" field=NetworkField::Role value=role error/>
        <Fld label="n-level" field=NetworkField::Level value=level error options=levels/>
    })
}

#[component]
fn TieForm(state: NetState, open: RwSignal<Open>) -> impl IntoView {
    let selected = state.selected.get_untracked().map(|n| match n {
        NodeRef::Person(id) => format!("p:{id}"),
        NodeRef::Organization(id) => format!("o:{id}"),
    });
    let from = RwSignal::new(selected.unwrap_or_default());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new("collaborates".to_string());
    let trust = RwSignal::new("3".to_string());
    let direction = RwSignal::new("both".to_string());
    let note = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let kinds = Signal::derive(|| KINDS.iter().map(|k| (kind_label(*k).to_string(), kind_name(*k))).collect());
    let directions = Signal::stored(vec![("both".to_string(), t("net-both-ways")), ("from".to_string(), t("net-from-to"))]);
    let submit = move || {
        let (Some(a), Some(b)) = (node_of(&from.get_untracked()), node_of(&to.get_untracked())) else {
            let field = if node_of(&from.get_untracked()).is_none() { NetworkField::From } else { NetworkField::To };
            error.set(Some((field, Refusal::Message(if field == NetworkField::From { "net-tie-from-missing" } else { "net-tie-to-missing" }))));
            return;
        };
        let Ok(t) = trust.get_untracked().trim().parse::<i64>() else {
            error.set(Some((NetworkField::Trust, Refusal::Message("net-tie-trust-invalid"))));
            return;
        };
        let new = NewTie {
            from: a,
            to: b,
            kind: KINDS.iter().copied().find(|k| kind_label(*k) == kind.get_untracked()).unwrap_or(KINDS[0]),
            trust: t,
            directed: direction.get_untracked() == "from",
            note: note.get_untracked(),
        };
        match state.live.edit(|room| room.add_tie(new)) {
            Ok(_) => {
                open.set(Open::None);
                state.announcement.set(crate::i18n::t("net-tie-added"));
            }
            Err(e) => show(error, &e),
        }
    };
    frame("n-new-tie", "n-add-tie", open, error, submit, view! {
        <Fld label="n-from" field=NetworkField::From value=from error options=node_options(state)/>
        <Fld label="n-to" field=NetworkField::To value=to error options=node_options(state)/>
        <Fld label="n-kind" field=NetworkField::Kind value=kind error options=kinds/>
        <Fld label="n-trust-1-5" field=NetworkField::Trust value=trust error number=true/>
        <Fld label="n-direction" value=direction error options=directions/>
        <Fld label="n-note" field=NetworkField::Note value=note error/>
    })
}

#[component]
fn MergeForm(state: NetState, open: RwSignal<Open>) -> impl IntoView {
    let what = RwSignal::new("o".to_string());
    let keep = RwSignal::new(String::new());
    let merge = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let whats = Signal::stored(vec![("o".to_string(), t("net-two-orgs")), ("p".to_string(), t("net-two-people"))]);
    let entries = Signal::derive(move || {
        let prefix = what.get();
        node_options(state).get().into_iter().filter(|(v, _)| v.is_empty() || v.starts_with(&prefix)).collect::<Vec<_>>()
    });
    let submit = move || {
        let (k, m) = (node_of(&keep.get_untracked()), node_of(&merge.get_untracked()));
        let result = match (k, m) {
            (Some(NodeRef::Organization(k)), Some(NodeRef::Organization(m))) => state.live.edit(|room| room.merge_organizations(&k, &m)),
            (Some(NodeRef::Person(k)), Some(NodeRef::Person(m))) => state.live.edit(|room| room.merge_people(&k, &m)),
            _ => {
                error.set(Some((NetworkField::Record, Refusal::Message("net-merge-choose"))));
                return;
            }
        };
        match result {
            Ok(()) => {
                open.set(Open::None);
                state.announcement.set(t("net-merged"));
            }
            Err(e) => show(error, &e),
        }
    };
    frame("n-merge-duplicates", "n-merge", open, error, submit, view! {
        <Fld label="n-merge" value=what error options=whats/>
        {move || {
            what.track();
            view! {
                <Fld label="n-keep" value=keep error options=entries/>
                <Fld label="n-merge-into-it" value=merge error options=entries/>
            }
        }}
    })
}
