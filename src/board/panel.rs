//! The panel beside the canvas (below it on a phone): what can be done with the
//! selected note or cluster, all reachable without a pointer.

use constellation_core::board::{ClusterId, NoteColor, NoteId};
use leptos::prelude::*;

use super::{short, BoardState, Selection};
use crate::i18n::{t, t_args, Said};
use crate::tr;

#[component]
pub fn Panel(state: BoardState) -> impl IntoView {
    view! {
        <aside class="board-panel" aria-label=tr!("selection")>
            {move || match state.selection.get() {
                Selection::Note(id) => view! { <NotePanel state id/> }.into_any(),
                Selection::Cluster(id) => view! { <ClusterPanel state id/> }.into_any(),
                Selection::Nothing => view! {
                    <p class="hint">{tr!("panel-hint")}</p>
                }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn NotePanel(state: BoardState, id: NoteId) -> impl IntoView {
    let live = state.live;
    let note_id = StoredValue::new(id);
    let note = Memo::new(move |_| live.read(|room| room.note(&note_id.get_value())));
    let name = move || note.get().map(|n| short(&n.text)).unwrap_or_default();
    let votes = move || state.content.with(|c| c.as_ref().map_or(0, |c| c.tally.votes_for(&note_id.get_value())));
    let ballot = move || state.my_ballot();
    let mine = move || ballot().on.get(&note_id.get_value()).copied().unwrap_or(0);
    let links = move || {
        let id = note_id.get_value();
        state.content.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.links
                .iter()
                .filter(|l| l.from == id || l.to == id)
                .map(|l| {
                    let other = if l.from == id { &l.to } else { &l.from };
                    let other_text = c.notes.iter().find(|n| &n.id == other).map(|n| short(&n.text)).unwrap_or_default();
                    let arrow = if l.from == id { "→" } else { "←" };
                    (l.id.clone(), format!("{arrow} {other_text}"), l.label.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let others = move || {
        let id = note_id.get_value();
        state.content.with(|c| {
            c.as_ref()
                .map(|c| c.reading_order().into_iter().filter(|(_, n)| n.id != id).map(|(_, n)| (n.id.clone(), short(&n.text))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let target = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let add_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = target.get_untracked();
        if to.is_empty() {
            state.error.set(Some(Said::id("link-target-missing")));
            return;
        }
        let to = NoteId::new(to);
        if state.edit(|room| room.add_link(&note_id.get_value(), &to, &label.get_untracked())).is_some() {
            label.set(String::new());
            target.set(String::new());
            state.announcement.set(Some(t("link-added")));
        }
    };

    view! {
        <Show when=move || note.get().is_some() fallback=|| view! { <p class="hint">{tr!("note-gone")}</p> }>
            <h2>{tr!("note")}</h2>
            <p class="panel-text" dir="auto">{move || note.get().map(|n| n.text).unwrap_or_default()}</p>
            <p class="hint">{move || t_args("note-by", &[("author", note.get().map(|n| n.author).filter(|a| !a.is_empty()).unwrap_or_else(|| t("anonymous")).into())])}</p>
            <button type="button" disabled=move || state.locked() on:click=move |_| { state.editing.set(Some(note_id.get_value())); }>{tr!("note-edit-text")}</button>

            <fieldset class="colours">
                <legend>{tr!("colour")}</legend>
                {NoteColor::ALL.into_iter().map(|color| view! {
                    <button type="button" class=format!("swatch note-{}", color.name()) disabled=move || state.locked()
                        aria-pressed=move || (note.get().map(|n| n.color) == Some(color)).to_string()
                        on:click=move |_| { state.edit(|room| room.set_note_color(&note_id.get_value(), color)); }
                    >{move || color_name(color)}</button>
                }).collect_view()}
            </fieldset>

            <div class="panel-votes">
                <h3>{tr!("votes")}</h3>
                <p aria-live="polite">{move || t_args("votes-summary", &[("total", votes().into()), ("mine", mine().into())])}</p>
                <div class="row">
                    <button type="button" disabled=move || state.locked() || ballot().remaining == 0
                        aria-describedby=move || state.locked_reason()
                        aria-label=move || t_args("vote-for", &[("name", name().into())])
                        on:click=move |_| { state.edit(|room| room.place_vote(&state.me.get_value(), &note_id.get_value())); }>{tr!("vote")}</button>
                    <button type="button" disabled=move || state.locked() || mine() == 0
                        aria-describedby=move || state.locked_reason()
                        aria-label=move || t_args("vote-remove-from", &[("name", name().into())])
                        on:click=move |_| { state.edit(|room| room.remove_vote(&state.me.get_value(), &note_id.get_value())); }>{tr!("vote-remove")}</button>
                </div>
            </div>

            <form class="link-form" on:submit=add_link>
                <h3>{tr!("links")}</h3>
                <ul class="links-list">
                    <For each=links key=|l| l.clone() children=move |(link, text, label)| {
                        let link = StoredValue::new(link);
                        view! {
                            <li>
                                <span dir="auto">{text.clone()}</span>
                                {(!label.is_empty()).then(|| view! { <span class="hint" dir="auto">{format!(" “{label}”")}</span> })}
                                <button type="button" class="quiet" aria-label={ let text = text.clone(); move || t_args("link-remove-named", &[("text", text.clone().into())]) }
                                    on:click=move |_| { state.edit(|room| room.delete_link(&link.get_value())); }>{tr!("remove")}</button>
                            </li>
                        }
                    }/>
                </ul>
                <label for="link-target">{tr!("link-to")}</label>
                <select id="link-target" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{tr!("link-choose")}</option>
                    <For each=others key=|o| o.clone() children=|(id, text)| view! { <option value=id.as_str().to_owned()>{text}</option> }/>
                </select>
                <label for="link-label">{tr!("link-label")}</label>
                <input id="link-label" type="text" dir="auto" maxlength="100" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                <button type="submit" disabled=move || state.locked()>{tr!("link-add")}</button>
            </form>

            <button type="button" class="danger" disabled=move || state.locked() on:click=move |_| {
                let text = name();
                if state.edit(|room| room.delete_note(&note_id.get_value())).is_some() {
                    state.selection.set(Selection::Nothing);
                    state.announcement.set(Some(t_args("note-deleted-undo", &[("name", text.into())])));
                }
            }>{tr!("note-delete")}</button>
        </Show>
    }
}

#[component]
fn ClusterPanel(state: BoardState, id: ClusterId) -> impl IntoView {
    let live = state.live;
    let cluster_id = StoredValue::new(id);
    let cluster = Memo::new(move |_| live.read(|room| room.cluster(&cluster_id.get_value())));
    let members = move || state.content.with(|c| c.as_ref().map_or(0, |c| c.notes.iter().filter(|n| n.cluster.as_ref() == Some(&cluster_id.get_value())).count()));
    view! {
        <Show when=move || cluster.get().is_some() fallback=|| view! { <p class="hint">{tr!("cluster-gone")}</p> }>
            <h2>{tr!("cluster")}</h2>
            <label for="cluster-label-field">{tr!("cluster-label")}</label>
            <input id="cluster-label-field" type="text" maxlength="100" dir="auto" readonly=move || state.locked()
                prop:value=move || cluster.get().map(|c| c.label).unwrap_or_default()
                on:input=move |ev| { let v = event_target_value(&ev); state.edit_run_on(|room| room.rename_cluster(&cluster_id.get_value(), &v)); }
                on:blur=move |_| state.live.end_undo_step()/>
            <p class="hint">{move || t_args("cluster-members", &[("count", members().into())])}</p>
            <button type="button" class="danger" disabled=move || state.locked() on:click=move |_| {
                if state.edit(|room| room.delete_cluster(&cluster_id.get_value())).is_some() {
                    state.selection.set(Selection::Nothing);
                    state.announcement.set(Some(t("cluster-deleted")));
                }
            }>{tr!("cluster-delete")}</button>
        </Show>
    }
}

/// A colour's visible name (also its button's accessible name).
fn color_name(color: NoteColor) -> String {
    t(match color {
        NoteColor::Yellow => "color-yellow",
        NoteColor::Pink => "color-pink",
        NoteColor::Blue => "color-blue",
        NoteColor::Green => "color-green",
        NoteColor::Orange => "color-orange",
        NoteColor::Purple => "color-purple",
    })
}
