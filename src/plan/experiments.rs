//! Prototype experiments under a goal: hypothesis, team, tasks and what was
//! learned, moving through the cycle communicate → negotiate → act → learn.

use constellation_core::goals::{
    validate_experiment, CyclePhase, Experiment, ExperimentId, ExperimentText, Field as GoalField,
    FormError, GoalId, MemberKind, NewExperiment, TeamMember,
};
use leptos::prelude::*;

use super::fields::{focus_on_open, Control, Field, FormButtons, Opener};
use super::refusals::said_goal;
use crate::i18n::{t, t_args, Said};
use crate::live::LiveRoom;
use crate::tr;

fn phase_label(phase: CyclePhase) -> String {
    t(match phase {
        CyclePhase::Communicate => "phase-communicate",
        CyclePhase::Negotiate => "phase-negotiate",
        CyclePhase::Act => "phase-act",
        CyclePhase::Learn => "phase-learn",
    })
}

#[component]
pub fn Experiments(live: LiveRoom, goal: GoalId) -> impl IntoView {
    let goal = StoredValue::new(goal);
    let list = move || live.read(|room| room.experiments(&goal.get_value()));
    let adding = Opener::new();
    view! {
        <section class="experiments" aria-label=tr!("p-prototype-experiments")>
            <div class="sub-head">
                <h3 class="sub-title">{tr!("p-prototype-experiments")}</h3>
                <button type="button" node_ref=adding.button hidden=move || adding.open.get() on:click=move |_| adding.open.set(true)>{tr!("experiment-add")}</button>
            </div>
            <Show when=move || adding.open.get()>
                <ExperimentForm live goal=goal.get_value() on_done=adding.done()/>
            </Show>
            <ul class="experiment-list">
                <For each=list key=|e| e.id.clone() children=move |e| view! { <ExperimentCard live id=e.id/> }/>
            </ul>
        </section>
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn first_problem(
    result: &Result<NewExperiment, Vec<FormError>>,
    field: GoalField,
) -> Option<String> {
    result
        .as_ref()
        .err()?
        .iter()
        .find(|e| e.field == field)
        .map(|e| super::goal_error_text(&e.error))
}

#[component]
fn ExperimentForm(live: LiveRoom, goal: GoalId, on_done: Callback<()>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let hypothesis = RwSignal::new(String::new());
    let people = RwSignal::new(String::new());
    let organizations = RwSignal::new(String::new());
    let tasks = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let refused = RwSignal::new(None::<Said>);
    let checked = Memo::new(move |_| {
        let member = |kind| move |name| TeamMember { kind, name };
        let mut team: Vec<TeamMember> = lines(&people.get())
            .into_iter()
            .map(member(MemberKind::Person))
            .collect();
        team.extend(
            lines(&organizations.get())
                .into_iter()
                .map(member(MemberKind::Organization)),
        );
        validate_experiment(&NewExperiment {
            title: title.get(),
            hypothesis: hypothesis.get(),
            team,
            tasks: lines(&tasks.get()),
        })
    });
    let err = move |field| Signal::derive(move || checked.with(|c| first_problem(c, field)));
    let goal = StoredValue::new(goal);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Ok(experiment) = checked.get_untracked() else {
            return;
        };
        match live.edit(|room| room.add_experiment(&goal.get_value(), experiment)) {
            Ok(_) => on_done.run(()),
            Err(e) => refused.set(Some(said_goal(e))),
        }
    };
    view! {
        <form class="plan-form card" node_ref=focus_on_open() on:submit=on_submit novalidate>
            <h4 class="form-title">{tr!("experiment-new")}</h4>
            <div class="form-grid">
                <Field label="p-experiment-title" value=title error=err(GoalField::ExperimentTitle) attempted required=true/>
                <div class="wide"><Field label="p-hypothesis" value=hypothesis error=err(GoalField::Hypothesis) attempted control=Control::Long hint="p-if-we-do-this-we-expect-that"/></div>
                <Field label="p-team-people" value=people error=err(GoalField::TeamMember) attempted control=Control::Long hint="p-one-name-per-line"/>
                <Field label="p-team-organizations" value=organizations error=Signal::derive(|| None::<String>) attempted control=Control::Long hint="p-one-name-per-line"/>
                <div class="wide"><Field label="p-tasks" value=tasks error=err(GoalField::Task) attempted control=Control::Long hint="p-one-task-per-line"/></div>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| e.text())}</p>
            <FormButtons submit="p-start-experiment" on_cancel=on_done/>
        </form>
    }
}

#[component]
fn ExperimentCard(live: LiveRoom, id: ExperimentId) -> impl IntoView {
    let id = StoredValue::new(id);
    let experiment = Memo::new(move |_| live.read(|room| room.experiment(&id.get_value())));
    let message = RwSignal::new(None::<Said>);
    let heading_id = super::unique_id("experiment");
    let labelled = heading_id.clone();
    let learned = RwSignal::new(
        experiment
            .get_untracked()
            .map(|e| e.learned)
            .unwrap_or_default(),
    );
    let new_task = RwSignal::new(String::new());
    let report = move |result: Result<(), Said>| message.set(result.err());
    let advance = move |_| {
        if let Some(e) = experiment.get_untracked() {
            report(
                live.edit(|room| room.set_experiment_phase(&e.id, e.phase.next()))
                    .map_err(said_goal),
            );
        }
    };
    let save_learned = move |_| {
        if let Some(e) = experiment.get_untracked() {
            let text = ExperimentText {
                title: e.title,
                hypothesis: e.hypothesis,
                learned: learned.get_untracked(),
            };
            report(
                live.edit(|room| room.edit_experiment(&e.id, text))
                    .map_err(said_goal),
            );
        }
    };
    let add_task = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = live.edit(|room| room.add_task(&id.get_value(), &new_task.get_untracked()));
        if result.is_ok() {
            new_task.set(String::new());
        }
        report(result.map(|_| ()).map_err(said_goal));
    };
    let no_error = Signal::derive(|| None::<String>);
    let never = Signal::derive(|| false);
    let body = move || {
        experiment.get().map(|e: Experiment| {
            let phase = e.phase;
            let team = e
                .team
                .iter()
                .map(|m| match m.kind {
                    MemberKind::Person => super::with_roles(live, &m.name),
                    MemberKind::Organization => t_args("member-organization", &[("name", m.name.clone().into())]),
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <ol class="cycle" aria-label=tr!("p-cycle-stage")>
                    {CyclePhase::ALL
                        .into_iter()
                        .map(|p| view! { <li aria-current=(p == phase).then_some("step") class:current=p == phase>{move || phase_label(p)}</li> })
                        .collect_view()}
                </ol>
                <p class="facts-line">{move || t_args("experiment-stage", &[("stage", phase_label(phase).into())])}</p>
                {(!e.hypothesis.is_empty()).then(|| view! { <p dir="auto"><strong>{tr!("experiment-hypothesis")}</strong>" "{e.hypothesis.clone()}</p> })}
                {(!team.is_empty()).then(|| view! { <p dir="auto"><strong>{tr!("experiment-team")}</strong>" "{team.clone()}</p> })}
                <ul class="tasks" aria-label=tr!("p-tasks")>
                    {e.tasks
                        .iter()
                        .map(|t| {
                            let (task, text, done) = (t.id.clone(), t.text.clone(), t.done);
                            let experiment_id = e.id.clone();
                            view! {
                                <li>
                                    <label class="task">
                                        <input
                                            type="checkbox"
                                            prop:checked=done
                                            on:change=move |ev| {
                                                let done = event_target_checked(&ev);
                                                report(live.edit(|room| room.edit_task(&experiment_id, &task, &text, done)).map_err(said_goal));
                                            }
                                        />
                                        {t.text.clone()}
                                    </label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <button type="button" on:click=advance>{move || t_args("experiment-advance", &[("stage", phase_label(phase.next()).to_lowercase().into())])}</button>
            }
        })
    };
    view! {
        <li>
            <article class="experiment" aria-labelledby=labelled>
                <h4 id=heading_id dir="auto">{move || experiment.with(|e| e.as_ref().map(|e| e.title.clone()).unwrap_or_default())}</h4>
                {body}
                <form class="inline-form" on:submit=add_task>
                    <Field label="p-new-task" value=new_task error=no_error attempted=never/>
                    <button type="submit">{tr!("task-add")}</button>
                </form>
                <Field label="p-what-was-learned" value=learned error=no_error attempted=never control=Control::Long/>
                <div class="card-actions">
                    <button type="button" on:click=save_learned>{tr!("learned-save")}</button>
                    <button
                        type="button"
                        class="danger"
                        on:click=move |_| report(live.edit(|room| room.delete_experiment(&id.get_value())).map_err(said_goal))
                    >{tr!("experiment-delete")}</button>
                </div>
                <p class="error" role="alert">{move || message.get().map(|e| e.text())}</p>
            </article>
        </li>
    }
}
