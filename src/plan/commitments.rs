//! The commitments section: what each partner promised, its status and
//! check-ins (with acknowledgements and questions from anyone), the
//! accountability view per partner (promised vs delivered, overdue, freshness),
//! the roles people hold, and the digest for a period.
//!
//! The accountability figures are core's (`commitments::accountability`); the
//! view only lays them out so that who carries the work and who has gone quiet
//! reads at a glance.

use constellation_core::commitments::{
    validate_check_in, validate_commitment, AccountabilityConfig, CheckIn, CheckInDraft,
    CommitmentDraft, CommitmentField, CommitmentFormError, CommitmentId, CommitmentKind,
    CommitmentStatus, NewResponse, PartnerAccount, ResponseKind, Role, StatusChange, Toward,
};
use constellation_core::goals::{GoalId, IndicatorId};
use leptos::prelude::*;

use super::digest::DigestPanel;
use super::fields::{focus_on_open, Choice, Control, Field, FormButtons, Opener};
use super::{number, sentence, today};
use crate::browser::{LocalPreferences, Preferences};
use crate::live::LiveRoom;
use crate::room::use_live_room;

#[component]
pub fn Commitments() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! { <section class="section page"><h1>"Commitments"</h1></section> }.into_any();
    };
    let list = move || live.read(|room| room.commitments());
    let adding = Opener::new();
    view! {
        <section class="section page plan commitments" aria-labelledby="commitments-heading">
            <div class="section-head">
                <h1 id="commitments-heading">"Commitments"</h1>
                <button type="button" class="primary inline" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>"Add commitment"</button>
            </div>
            <p class="lede">"What each partner promised, what it delivered, and who has gone quiet."</p>
            <Show when=move || adding.open.get()>
                <CommitmentForm live on_done=adding.done()/>
            </Show>
            <div class="commitments-layout">
                <Accountability live/>
                <section class="commitment-list" aria-labelledby="commitment-list-heading">
                    <h2 id="commitment-list-heading">"All commitments"</h2>
                    <Show when=move || !list().is_empty() fallback=|| view! { <p class="hint">"No commitments yet."</p> }>
                        <ul class="cards">
                            <For each=list key=|c| c.id.clone() children=move |c| view! { <CommitmentCard live id=c.id/> }/>
                        </ul>
                    </Show>
                </section>
            </div>
            <div class="commitments-layout">
                <RolesPanel live/>
                <DigestPanel live/>
            </div>
        </section>
    }
    .into_any()
}

/// The name this person reports under.
fn my_name() -> String {
    LocalPreferences
        .display_name()
        .unwrap_or_else(|| "Anonymous".into())
}

fn status_label(status: CommitmentStatus) -> String {
    let label = status.label();
    label[..1].to_uppercase() + &label[1..]
}

/// Per partner: promised vs delivered, overdue, freshness.
#[component]
fn Accountability(live: LiveRoom) -> impl IntoView {
    let accounts =
        move || live.read(|room| room.accountability(today(), &AccountabilityConfig::default()));
    view! {
        <section class="accountability" aria-labelledby="accountability-heading">
            <h2 id="accountability-heading">"Accountability by partner"</h2>
            <Show when=move || !accounts().is_empty() fallback=|| view! { <p class="hint">"Partners appear here once they commit or report a measurement."</p> }>
                <ul class="partners" aria-label="Partners">
                    {move || accounts().into_iter().map(|a| view! { <PartnerCard account=a/> }.into_any()).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PartnerCard(account: PartnerAccount) -> impl IntoView {
    let heading_id = super::unique_id("partner");
    let labelled = heading_id.clone();
    let delivered = account.met + account.partially_met;
    let freshness = match account.days_since_report {
        None => "Never reported".to_owned(),
        Some(0) => "Last report today".to_owned(),
        Some(1) => "Last report yesterday".to_owned(),
        Some(days) => format!("Last report {days} days ago"),
    };
    let quiet = account.quiet;
    let amounts = account
        .amounts
        .iter()
        .map(|a| {
            let share = if a.promised > 0.0 { (a.delivered / a.promised).clamp(0.0, 1.0) } else { 1.0 };
            view! {
                <li>
                    <span>{format!("{}: {} of {} {} delivered", a.kind.label(), number(a.delivered), number(a.promised), a.unit)}</span>
                    <meter min="0" max="1" value=share aria-hidden="true"></meter>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="partner card" class:quiet=quiet aria-labelledby=labelled>
            <h3 id=heading_id>{account.organization.clone()}</h3>
            <p class="tally">
                <span class="big">{format!("{delivered} of {}", account.promised)}</span>
                " commitments delivered ("{account.met}" met, "{account.partially_met}" partly, "{account.open}" open, "{account.not_met}" not met)"
            </p>
            <ul class="amounts">{amounts}</ul>
            <p class=if account.overdue.is_empty() { "overdue none" } else { "overdue" }>
                {if account.overdue.is_empty() { "Nothing overdue".to_owned() } else { format!("{} overdue", account.overdue.len()) }}
            </p>
            {(!account.overdue.is_empty()).then(|| view! {
                <ul class="overdue-list">
                    {account.overdue.iter().map(|c| view! { <li>{format!("{} (due {})", c.description, c.due.map(|d| d.to_string()).unwrap_or_default())}</li> }).collect_view()}
                </ul>
            })}
            <p class="freshness">
                {freshness}
                {quiet.then_some(view! { " · " <strong>"Gone quiet"</strong> })}
            </p>
        </li>
    }
}

fn first_problem<T>(
    result: &Result<T, Vec<CommitmentFormError>>,
    field: CommitmentField,
) -> Option<String> {
    result
        .as_ref()
        .err()?
        .iter()
        .find(|e| e.field == field)
        .map(|e| sentence(&e.error))
}

fn parse_toward(value: &str) -> Option<Toward> {
    match value.split_once(':')? {
        ("goal", id) => Some(Toward::Goal(GoalId::new(id))),
        ("indicator", id) => Some(Toward::Indicator(IndicatorId::new(id))),
        _ => None,
    }
}

#[component]
fn CommitmentForm(live: LiveRoom, on_done: Callback<()>) -> impl IntoView {
    let organization = RwSignal::new(String::new());
    let kind = RwSignal::new(CommitmentKind::Other.name().to_owned());
    let description = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let toward = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let status = RwSignal::new(CommitmentStatus::Planned.name().to_owned());
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<String>);
    let targets = Signal::derive(move || {
        let (goals, indicators) = live.read(|room| (room.goals(), room.all_indicators()));
        let mut options = vec![(String::new(), "Choose a goal or indicator".to_owned())];
        for goal in goals {
            options.push((format!("goal:{}", goal.id), format!("Goal: {}", goal.title)));
            for i in indicators.iter().filter(|i| i.goal == goal.id) {
                options.push((
                    format!("indicator:{}", i.id),
                    format!("Indicator: {} ({})", i.name, goal.title),
                ));
            }
        }
        options
    });
    let checked = Memo::new(move |_| {
        let draft = CommitmentDraft {
            organization: organization.get(),
            kind: CommitmentKind::from_name(&kind.get()).unwrap_or_default(),
            description: description.get(),
            amount: amount.get(),
            unit: unit.get(),
            toward: parse_toward(&toward.get()).unwrap_or(Toward::Goal(GoalId::new(""))),
            due: due.get(),
            made_on: today(),
        };
        validate_commitment(&draft)
    });
    let toward_missing = Signal::derive(move || {
        (attempted.get() && parse_toward(&toward.get()).is_none())
            .then(|| "Choose the goal or indicator this commitment serves.".to_owned())
    });
    let err = move |field| Signal::derive(move || checked.with(|c| first_problem(c, field)));
    let kinds = Signal::derive(|| {
        CommitmentKind::ALL
            .into_iter()
            .map(|k| (k.name().to_owned(), status_case(k.label())))
            .collect::<Vec<_>>()
    });
    let statuses = Signal::derive(|| {
        CommitmentStatus::ALL
            .into_iter()
            .map(|s| (s.name().to_owned(), status_label(s)))
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let (Ok(commitment), Some(_)) = (
            checked.get_untracked(),
            parse_toward(&toward.get_untracked()),
        ) else {
            return;
        };
        let made_on = commitment.made_on;
        let chosen = CommitmentStatus::from_name(&status.get_untracked()).unwrap_or_default();
        let result = live
            .edit(|room| room.add_commitment(commitment))
            .and_then(|id| {
                if chosen == CommitmentStatus::Planned {
                    return Ok(());
                }
                live.edit(|room| {
                    room.set_commitment_status(
                        &id,
                        StatusChange {
                            status: chosen,
                            date: made_on,
                            delivered: None,
                        },
                    )
                })
            });
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => refused.set(Some(sentence(e))),
        }
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h2 class="form-title">"New commitment"</h2>
            <div class="form-grid">
                <Field label="Organization" value=organization error=err(CommitmentField::Organization) attempted required=true/>
                <Choice label="Kind" value=kind options=kinds hint="What is put in"/>
                <div class="wide"><Field label="What is promised" value=description error=err(CommitmentField::Description) attempted required=true control=Control::Long/></div>
                <Field label="Amount" value=amount error=err(CommitmentField::Amount) attempted control=Control::Number hint="Where it applies"/>
                <Field label="Unit" value=unit error=err(CommitmentField::Unit) attempted hint="Hours, EUR, data sets…"/>
                <Choice label="Toward goal or indicator" value=toward options=targets error=toward_missing/>
                <Field label="Due date" value=due error=err(CommitmentField::Due) attempted control=Control::Date required=true/>
                <Choice label="Status" value=status options=statuses/>
            </div>
            <p class="error" role="alert">{move || refused.get()}</p>
            <FormButtons submit="Add commitment" on_cancel=on_done/>
        </form>
    }
}

fn status_case(label: &str) -> String {
    label[..1].to_uppercase() + &label[1..]
}

/// One commitment: what, toward what, status, delivered, check-ins.
#[component]
fn CommitmentCard(live: LiveRoom, id: CommitmentId) -> impl IntoView {
    let id = StoredValue::new(id);
    let commitment = Memo::new(move |_| live.read(|room| room.commitment(&id.get_value())));
    let check_ins = move || live.read(|room| room.check_ins(&id.get_value()));
    let checking_in = Opener::new();
    let message = RwSignal::new(None::<String>);
    let heading_id = super::unique_id("commitment");
    let labelled = heading_id.clone();
    let status = RwSignal::new(
        commitment
            .get_untracked()
            .map(|c| c.status.name().to_owned())
            .unwrap_or_default(),
    );
    let delivered = RwSignal::new(String::new());
    // The status picker and the delivered amount follow the room (someone
    // else may change them); what this person picks stays until then.
    Effect::new(move |_| {
        if let Some(c) = commitment.get() {
            status.set(c.status.name().to_owned());
            delivered.set(c.delivered.map(number).unwrap_or_default());
        }
    });
    let statuses = Signal::derive(|| {
        CommitmentStatus::ALL
            .into_iter()
            .map(|s| (s.name().to_owned(), status_label(s)))
            .collect::<Vec<_>>()
    });
    let save_status = move |_| {
        let chosen = CommitmentStatus::from_name(&status.get_untracked()).unwrap_or_default();
        let typed = delivered.get_untracked();
        let amount = match typed.trim() {
            "" => Ok(None),
            text => constellation_core::commitments::parse_amount(text, CommitmentField::Delivered)
                .map(Some),
        };
        let result = amount.and_then(|delivered| {
            live.edit(|room| {
                room.set_commitment_status(
                    &id.get_value(),
                    StatusChange {
                        status: chosen,
                        date: today(),
                        delivered,
                    },
                )
            })
        });
        message.set(result.err().map(sentence));
    };
    let toward = move || {
        let c = commitment.get()?;
        let name = live.read(|room| match c.toward.as_ref()? {
            Toward::Goal(g) => room.goal(g).map(|g| format!("Goal: {}", g.title)),
            Toward::Indicator(i) => room.indicator(i).map(|i| format!("Indicator: {}", i.name)),
        });
        Some(name.unwrap_or_else(|| "Its goal or indicator was deleted".into()))
    };
    let head = move || {
        commitment.get().map(|c| {
            let amount = c.amount.map(|a| format!(" · {} {}", number(a), c.unit)).unwrap_or_default();
            let overdue = c.is_overdue(today());
            view! {
                <p class="facts-line">{format!("{}{amount}", status_case(c.kind.label()))}</p>
                <p class="description">{c.description.clone()}</p>
                <p class="facts-line">{toward}</p>
                <p class="facts-line">
                    {format!("Due {} · ", c.due.map(|d| d.to_string()).unwrap_or_default())}
                    <span class=format!("badge status-{}", c.status.name())>{format!("Status: {}", c.status.label())}</span>
                    {overdue.then_some(view! { " " <span class="badge off-track">"Overdue"</span> })}
                </p>
            }
            .into_any()
        })
    };
    let has_amount = move || commitment.with(|c| c.as_ref().is_some_and(|c| c.amount.is_some()));
    let never = Signal::derive(|| false);
    let no_error = Signal::derive(|| None::<String>);
    view! {
        <li>
            <article class="commitment card" aria-labelledby=labelled>
                <h3 id=heading_id>{move || commitment.with(|c| c.as_ref().map(|c| c.organization.clone()).unwrap_or_default())}</h3>
                {head}
                <div class="status-change">
                    <Choice label="Status" value=status options=statuses/>
                    <Show when=has_amount>
                        <Field label="Delivered so far" value=delivered error=no_error attempted=never control=Control::Number/>
                    </Show>
                    <button type="button" on:click=save_status>"Save status"</button>
                </div>
                <p class="error" role="alert">{move || message.get()}</p>
                <section class="check-ins" aria-label="Check-ins">
                    <h4>"Check-ins"</h4>
                    <ul>
                        <For each=check_ins key=|c| (c.id.clone(), c.responses.len()) children=move |c| view! { <CheckInItem live check_in=c/> }/>
                    </ul>
                    <button type="button" class="primary inline" node_ref=checking_in.button hidden=move || checking_in.open.get() on:click=move |_| checking_in.open.set(true)>"Check in"</button>
                    <Show when=move || checking_in.open.get()>
                        <CheckInForm live commitment=id.get_value() on_done=checking_in.done()/>
                    </Show>
                </section>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        if window().confirm_with_message("Delete this commitment and its check-ins?").unwrap_or(false) {
                            message.set(live.edit(|room| room.delete_commitment(&id.get_value())).err().map(sentence));
                        }
                    }
                >"Delete commitment"</button>
            </article>
        </li>
    }
}

#[component]
fn CheckInForm(live: LiveRoom, commitment: CommitmentId, on_done: Callback<()>) -> impl IntoView {
    let date = RwSignal::new(today().to_string());
    let text = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<String>);
    let checked = Memo::new(move |_| {
        validate_check_in(&CheckInDraft {
            date: date.get(),
            by: my_name(),
            text: text.get(),
            evidence: evidence.get(),
        })
    });
    let err = move |field| Signal::derive(move || checked.with(|c| first_problem(c, field)));
    let commitment = StoredValue::new(commitment);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Ok(check_in) = checked.get_untracked() else {
            return;
        };
        match live.edit(|room| room.add_check_in(&commitment.get_value(), check_in)) {
            Ok(_) => on_done.run(()),
            Err(e) => refused.set(Some(sentence(e))),
        }
    };
    view! {
        <form class="plan-form" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <div class="form-grid">
                <Field label="Date" value=date error=err(CommitmentField::Date) attempted control=Control::Date required=true/>
                <Field label="Evidence link" value=evidence error=err(CommitmentField::Evidence) attempted control=Control::Link hint="A report or photo online (https://…)"/>
                <div class="wide"><Field label="Text" value=text error=err(CommitmentField::Text) attempted control=Control::Long required=true hint="What was done since the last check-in"/></div>
            </div>
            <p class="error" role="alert">{move || refused.get()}</p>
            <FormButtons submit="Check in" on_cancel=on_done/>
        </form>
    }
}

/// One check-in, its responses, and the buttons to respond.
#[component]
fn CheckInItem(live: LiveRoom, check_in: CheckIn) -> impl IntoView {
    let id = StoredValue::new(check_in.id.clone());
    let asking = RwSignal::new(false);
    let question = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let respond = move |kind: ResponseKind, text: String| -> bool {
        let response = NewResponse {
            kind,
            by: my_name(),
            date: today(),
            text,
        };
        let result = live.edit(|room| room.respond_to_check_in(&id.get_value(), response));
        message.set(result.as_ref().err().map(sentence));
        result.is_ok()
    };
    let by = super::with_roles(live, &check_in.by);
    let responses = check_in
        .responses
        .iter()
        .map(|r| {
            let what = match r.kind {
                ResponseKind::Acknowledgement => "acknowledged".to_owned(),
                ResponseKind::Question => "asked".to_owned(),
                ResponseKind::Answer => "answered".to_owned(),
            };
            let text = if r.text.is_empty() {
                String::new()
            } else {
                format!(": {}", r.text)
            };
            view! { <li>{format!("{} {what} on {}{text}", super::with_roles(live, &r.by), r.date)}</li> }
        })
        .collect_view();
    let never = Signal::derive(|| false);
    let no_error = Signal::derive(|| None::<String>);
    let evidence = check_in.evidence.clone();
    view! {
        <li class="check-in">
            <p class="facts-line">{format!("{} · {by}", check_in.date)}</p>
            <p>{check_in.text.clone()}</p>
            {(!evidence.is_empty()).then(|| view! { <p><a href=evidence.clone() rel="noopener noreferrer" target="_blank">"Evidence"</a></p> })}
            <ul class="responses" aria-label="Responses">{responses}</ul>
            <div class="button-row">
                <button type="button" on:click=move |_| { respond(ResponseKind::Acknowledgement, String::new()); }>"Acknowledge"</button>
                <button type="button" hidden=move || asking.get() on:click=move |_| asking.set(true)>"Ask a question"</button>
            </div>
            <Show when=move || asking.get()>
                <form
                    class="inline-form"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        if respond(ResponseKind::Question, question.get_untracked()) {
                            question.set(String::new());
                            asking.set(false);
                        }
                    }
                >
                    <Field label="Question" value=question error=no_error attempted=never/>
                    <button type="submit">"Send question"</button>
                </form>
            </Show>
            <p class="error" role="alert">{move || message.get()}</p>
        </li>
    }
}

/// Who holds which role, and giving or taking roles.
#[component]
fn RolesPanel(live: LiveRoom) -> impl IntoView {
    let roles = move || live.read(|room| room.roles());
    let participant = RwSignal::new(my_name());
    let role = RwSignal::new(Role::Initiator.name().to_owned());
    let message = RwSignal::new(None::<String>);
    let options = Signal::derive(|| {
        Role::ALL
            .into_iter()
            .map(|r| (r.name().to_owned(), status_case(r.label())))
            .collect::<Vec<_>>()
    });
    let never = Signal::derive(|| false);
    let no_error = Signal::derive(|| None::<String>);
    let give = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = Role::from_name(&role.get_untracked()) else {
            return;
        };
        message.set(
            live.edit(|room| room.assign_role(&participant.get_untracked(), chosen))
                .err()
                .map(sentence),
        );
    };
    view! {
        <section class="roles card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">"Roles"</h2>
            <ul class="role-holders" aria-label="Role holders">
                {move || {
                    roles()
                        .into_iter()
                        .map(|p| {
                            let name = p.participant.clone();
                            view! {
                                <li>
                                    <strong>{p.participant.clone()}</strong>
                                    <ul class="chips">
                                        {p.roles
                                            .iter()
                                            .map(|r| {
                                                let (r, name) = (*r, name.clone());
                                                let label = format!("Remove role {} from {}", r.label(), name);
                                                view! {
                                                    <li class="chip">
                                                        {r.label()}
                                                        <button
                                                            type="button"
                                                            class="chip-remove"
                                                            aria-label=label
                                                            on:click=move |_| message.set(live.edit(|room| room.unassign_role(&name, r)).err().map(sentence))
                                                        >"×"</button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form class="inline-form" on:submit=give>
                <Field label="Participant" value=participant error=no_error attempted=never/>
                <Choice label="Role" value=role options/>
                <button type="submit">"Give role"</button>
            </form>
            <p class="error" role="alert">{move || message.get()}</p>
        </section>
    }
}
