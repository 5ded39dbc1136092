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
use super::refusals::said_commitment;
use super::{number, today};
use crate::i18n::{capitalize, format_date, t, t_args, t_or, Said};
use crate::tr;
use crate::browser::{LocalPreferences, Preferences};
use crate::live::LiveRoom;
use crate::room::use_live_room;

#[component]
pub fn Commitments() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! { <section class="section page"><h1>{tr!("section-commitments")}</h1></section> }.into_any();
    };
    let list = move || live.read(|room| room.commitments());
    let adding = Opener::new();
    view! {
        <section class="section page plan commitments" aria-labelledby="commitments-heading">
            <div class="section-head">
                <h1 id="commitments-heading">{tr!("section-commitments")}</h1>
                <button type="button" class="primary inline" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>{tr!("p-add-commitment")}</button>
            </div>
            <p class="lede">{tr!("commitments-lede")}</p>
            <Show when=move || adding.open.get()>
                <CommitmentForm live on_done=adding.done()/>
            </Show>
            <div class="commitments-layout">
                <Accountability live/>
                <section class="commitment-list" aria-labelledby="commitment-list-heading">
                    <h2 id="commitment-list-heading">{tr!("commitments-all")}</h2>
                    <Show when=move || !list().is_empty() fallback=|| view! { <p class="hint">{tr!("commitments-none")}</p> }>
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
        .unwrap_or_else(|| t("anonymous"))
}

/// A status in running text ("in progress"), in the current language.
fn status_word(status: CommitmentStatus) -> String {
    t_or(&format!("status-{}", status.name()), status.label())
}

/// A status as an option's label ("In progress").
fn status_label(status: CommitmentStatus) -> String {
    capitalize(&status_word(status))
}

/// A kind of commitment in running text ("staff time").
fn kind_word(kind: CommitmentKind) -> String {
    t_or(&format!("kind-{}", kind.name()), kind.label())
}

/// A role in running text ("program manager").
fn role_word(role: Role) -> String {
    t_or(&format!("role-{}", role.name()), role.label())
}

/// Per partner: promised vs delivered, overdue, freshness.
#[component]
fn Accountability(live: LiveRoom) -> impl IntoView {
    let accounts =
        move || live.read(|room| room.accountability(today(), &AccountabilityConfig::default()));
    view! {
        <section class="accountability" aria-labelledby="accountability-heading">
            <h2 id="accountability-heading">{tr!("accountability-heading")}</h2>
            <Show when=move || !accounts().is_empty() fallback=|| view! { <p class="hint">{tr!("accountability-none")}</p> }>
                <ul class="partners" aria-label=tr!("p-partners")>
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
    let days_since_report = account.days_since_report;
    let freshness = move || match days_since_report {
        None => t("report-never"),
        Some(days) => t_args("report-days", &[("days", days.into())]),
    };
    let quiet = account.quiet;
    let amounts = account
        .amounts
        .iter()
        .map(|a| {
            let share = if a.promised > 0.0 { (a.delivered / a.promised).clamp(0.0, 1.0) } else { 1.0 };
            view! {
                <li>
                    <span>{let (kind, delivered, promised, unit) = (a.kind, a.delivered, a.promised, a.unit.clone()); move || t_args("amount-delivered", &[("kind", kind_word(kind).into()), ("delivered", number(delivered).into()), ("promised", number(promised).into()), ("unit", unit.clone().into())])}</span>
                    <meter min="0" max="1" value=share aria-hidden="true"></meter>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="partner card" class:quiet=quiet aria-labelledby=labelled>
            <h3 id=heading_id dir="auto">{account.organization.clone()}</h3>
            <p class="tally">
                <span class="big">{let promised = account.promised; move || t_args("tally-big", &[("delivered", delivered.into()), ("promised", promised.into())])}</span>
                " "
                {let (met, partly, open, notmet) = (account.met, account.partially_met, account.open, account.not_met); move || t_args("tally-rest", &[("met", met.into()), ("partly", partly.into()), ("open", open.into()), ("notmet", notmet.into())])}
            </p>
            <ul class="amounts">{amounts}</ul>
            <p class=if account.overdue.is_empty() { "overdue none" } else { "overdue" }>
                {let overdue = account.overdue.len(); move || if overdue == 0 { t("overdue-none") } else { t_args("overdue-count", &[("count", overdue.into())]) }}
            </p>
            {(!account.overdue.is_empty()).then(|| view! {
                <ul class="overdue-list">
                    {account.overdue.iter().map(|c| { let (description, due) = (c.description.clone(), c.due.map(|d| d.to_string()).unwrap_or_default()); view! { <li dir="auto">{move || t_args("overdue-item", &[("description", description.clone().into()), ("due", format_date(&due).into())])}</li> } }).collect_view()}
                </ul>
            })}
            <p class="freshness">
                {freshness}
                {quiet.then_some(view! { " · " <strong>{tr!("gone-quiet")}</strong> })}
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
        .map(|e| super::commitment_error_text(&e.error))
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
    let refused = RwSignal::new(None::<Said>);
    let targets = Signal::derive(move || {
        let (goals, indicators) = live.read(|room| (room.goals(), room.all_indicators()));
        let mut options = vec![(String::new(), t("target-choose"))];
        for goal in goals {
            options.push((format!("goal:{}", goal.id), t_args("target-goal", &[("title", goal.title.clone().into())])));
            for i in indicators.iter().filter(|i| i.goal == goal.id) {
                options.push((
                    format!("indicator:{}", i.id),
                    t_args("target-indicator", &[("name", i.name.clone().into()), ("goal", goal.title.clone().into())]),
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
            .then(|| t("toward-missing"))
    });
    let err = move |field| Signal::derive(move || checked.with(|c| first_problem(c, field)));
    let kinds = Signal::derive(|| {
        CommitmentKind::ALL
            .into_iter()
            .map(|k| (k.name().to_owned(), capitalize(&kind_word(k))))
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
            Err(e) => refused.set(Some(said_commitment(e))),
        }
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h2 class="form-title">{tr!("commitment-new")}</h2>
            <div class="form-grid">
                <Field label="p-organization" value=organization error=err(CommitmentField::Organization) attempted required=true/>
                <Choice label="p-kind" value=kind options=kinds hint="p-what-is-put-in"/>
                <div class="wide"><Field label="p-what-is-promised" value=description error=err(CommitmentField::Description) attempted required=true control=Control::Long/></div>
                <Field label="p-amount" value=amount error=err(CommitmentField::Amount) attempted control=Control::Number hint="p-where-it-applies"/>
                <Field label="p-unit" value=unit error=err(CommitmentField::Unit) attempted hint="p-hours-eur-data-sets"/>
                <Choice label="p-toward-goal-or-indicator" value=toward options=targets error=toward_missing/>
                <Field label="p-due-date" value=due error=err(CommitmentField::Due) attempted control=Control::Date required=true/>
                <Choice label="p-status" value=status options=statuses/>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit="p-add-commitment" on_cancel=on_done/>
        </form>
    }
}


/// One commitment: what, toward what, status, delivered, check-ins.
#[component]
fn CommitmentCard(live: LiveRoom, id: CommitmentId) -> impl IntoView {
    let id = StoredValue::new(id);
    let commitment = Memo::new(move |_| live.read(|room| room.commitment(&id.get_value())));
    let check_ins = move || live.read(|room| room.check_ins(&id.get_value()));
    let checking_in = Opener::new();
    let message = RwSignal::new(None::<Said>);
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
        message.set(result.err().map(said_commitment));
    };
    let toward = move || {
        let c = commitment.get()?;
        let name = live.read(|room| match c.toward.as_ref()? {
            Toward::Goal(g) => room.goal(g).map(|g| t_args("target-goal", &[("title", g.title.into())])),
            Toward::Indicator(i) => room.indicator(i).map(|i| t_args("toward-indicator", &[("name", i.name.into())])),
        });
        Some(name.unwrap_or_else(|| t("toward-deleted")))
    };
    let head = move || {
        commitment.get().map(|c| {
            let amount = c.amount.map(|a| format!(" · {} {}", number(a), c.unit)).unwrap_or_default();
            let overdue = c.is_overdue(today());
            view! {
                <p class="facts-line">{format!("{}{amount}", capitalize(&kind_word(c.kind)))}</p>
                <p class="description" dir="auto">{c.description.clone()}</p>
                <p class="facts-line">{toward}</p>
                <p class="facts-line">
                    {t_args("commitment-due", &[("date", format_date(&c.due.map(|d| d.to_string()).unwrap_or_default()).into())])}" · "
                    <span class=format!("badge status-{}", c.status.name())>{t_args("commitment-status", &[("status", status_word(c.status).into())])}</span>
                    {overdue.then_some(view! { " " <span class="badge off-track">{tr!("overdue")}</span> })}
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
                <h3 id=heading_id dir="auto">{move || commitment.with(|c| c.as_ref().map(|c| c.organization.clone()).unwrap_or_default())}</h3>
                {head}
                <div class="status-change">
                    <Choice label="p-status" value=status options=statuses/>
                    <Show when=has_amount>
                        <Field label="p-delivered-so-far" value=delivered error=no_error attempted=never control=Control::Number/>
                    </Show>
                    <button type="button" on:click=save_status>{tr!("status-save")}</button>
                </div>
                <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
                <section class="check-ins" aria-label=tr!("p-check-ins")>
                    <h4>{tr!("p-check-ins")}</h4>
                    <ul>
                        <For each=check_ins key=|c| (c.id.clone(), c.responses.len()) children=move |c| view! { <CheckInItem live check_in=c/> }/>
                    </ul>
                    <button type="button" class="primary inline" node_ref=checking_in.button hidden=move || checking_in.open.get() on:click=move |_| checking_in.open.set(true)>{tr!("p-check-in")}</button>
                    <Show when=move || checking_in.open.get()>
                        <CheckInForm live commitment=id.get_value() on_done=checking_in.done()/>
                    </Show>
                </section>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        if window().confirm_with_message(&t("commitment-delete-confirm")).unwrap_or(false) {
                            message.set(live.edit(|room| room.delete_commitment(&id.get_value())).err().map(said_commitment));
                        }
                    }
                >{tr!("commitment-delete")}</button>
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
    let refused = RwSignal::new(None::<Said>);
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
            Err(e) => refused.set(Some(said_commitment(e))),
        }
    };
    view! {
        <form class="plan-form" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <div class="form-grid">
                <Field label="p-date" value=date error=err(CommitmentField::Date) attempted control=Control::Date required=true/>
                <Field label="p-evidence-link" value=evidence error=err(CommitmentField::Evidence) attempted control=Control::Link hint="p-a-report-or-photo-online-https"/>
                <div class="wide"><Field label="p-text" value=text error=err(CommitmentField::Text) attempted control=Control::Long required=true hint="p-what-was-done-since-the-last-check-in"/></div>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit="p-check-in" on_cancel=on_done/>
        </form>
    }
}

/// One check-in, its responses, and the buttons to respond.
#[component]
fn CheckInItem(live: LiveRoom, check_in: CheckIn) -> impl IntoView {
    let id = StoredValue::new(check_in.id.clone());
    let asking = RwSignal::new(false);
    let question = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Said>);
    let respond = move |kind: ResponseKind, text: String| -> bool {
        let response = NewResponse {
            kind,
            by: my_name(),
            date: today(),
            text,
        };
        let result = live.edit(|room| room.respond_to_check_in(&id.get_value(), response));
        message.set(result.as_ref().err().cloned().map(said_commitment));
        result.is_ok()
    };
    let by = super::with_roles(live, &check_in.by);
    let responses = check_in
        .responses
        .iter()
        .map(|r| {
            let kind = match r.kind {
                ResponseKind::Acknowledgement => "acknowledgement",
                ResponseKind::Question => "question",
                ResponseKind::Answer => "answer",
            };
            let text = if r.text.is_empty() {
                String::new()
            } else {
                format!(": {}", r.text)
            };
            let (who, date) = (super::with_roles(live, &r.by), r.date.to_string());
            view! { <li dir="auto">{move || t_args("response-line", &[("kind", kind.into()), ("who", who.clone().into()), ("date", format_date(&date).into())])}{text}</li> }
        })
        .collect_view();
    let never = Signal::derive(|| false);
    let no_error = Signal::derive(|| None::<String>);
    let evidence = check_in.evidence.clone();
    view! {
        <li class="check-in">
            <p class="facts-line">{let date = check_in.date.to_string(); move || format!("{} · {by}", format_date(&date))}</p>
            <p dir="auto">{check_in.text.clone()}</p>
            {(!evidence.is_empty()).then(|| view! { <p><a href=evidence.clone() rel="noopener noreferrer" target="_blank">{tr!("evidence")}</a></p> })}
            <ul class="responses" aria-label=tr!("p-responses")>{responses}</ul>
            <div class="button-row">
                <button type="button" on:click=move |_| { respond(ResponseKind::Acknowledgement, String::new()); }>{tr!("acknowledge")}</button>
                <button type="button" hidden=move || asking.get() on:click=move |_| asking.set(true)>{tr!("ask-question")}</button>
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
                    <Field label="p-question" value=question error=no_error attempted=never/>
                    <button type="submit">{tr!("send-question")}</button>
                </form>
            </Show>
            <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
        </li>
    }
}

/// Who holds which role, and giving or taking roles.
#[component]
fn RolesPanel(live: LiveRoom) -> impl IntoView {
    let roles = move || live.read(|room| room.roles());
    let participant = RwSignal::new(my_name());
    let role = RwSignal::new(Role::Initiator.name().to_owned());
    let message = RwSignal::new(None::<Said>);
    let options = Signal::derive(|| {
        Role::ALL
            .into_iter()
            .map(|r| (r.name().to_owned(), capitalize(&role_word(r))))
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
                .map(said_commitment),
        );
    };
    view! {
        <section class="roles card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">{tr!("roles")}</h2>
            <ul class="role-holders" aria-label=tr!("p-role-holders")>
                {move || {
                    roles()
                        .into_iter()
                        .map(|p| {
                            let name = p.participant.clone();
                            view! {
                                <li>
                                    <strong dir="auto">{p.participant.clone()}</strong>
                                    <ul class="chips">
                                        {p.roles
                                            .iter()
                                            .map(|r| {
                                                let (r, name) = (*r, name.clone());
                                                let label = { let name = name.clone(); move || t_args("role-remove", &[("role", role_word(r).into()), ("name", name.clone().into())]) };
                                                view! {
                                                    <li class="chip">
                                                        {move || role_word(r)}
                                                        <button
                                                            type="button"
                                                            class="chip-remove"
                                                            aria-label=label
                                                            on:click=move |_| message.set(live.edit(|room| room.unassign_role(&name, r)).err().map(said_commitment))
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
                <Field label="p-participant" value=participant error=no_error attempted=never/>
                <Choice label="p-role" value=role options/>
                <button type="submit">{tr!("role-give")}</button>
            </form>
            <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
        </section>
    }
}
