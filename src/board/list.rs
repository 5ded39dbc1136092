//! The board as lists: every note in reading order (clusters first, each with
//! its notes), editable in place — the view for screen readers and small
//! phones — and the ranked list a voting round ends with.

use constellation_core::board::{Note, NoteId};
use leptos::prelude::*;

use super::{short, BoardState};
use crate::i18n::{t, t_args};
use crate::tr;

#[component]
pub fn ListView(state: BoardState) -> impl IntoView {
    // (cluster label heading, note) in reading order; a heading starts each cluster.
    let entries = move || {
        state.content.with(|c| {
            let Some(c) = c else { return Vec::new() };
            let mut last: Option<String> = None;
            c.reading_order()
                .into_iter()
                .map(|(cluster, note)| {
                    let group = cluster.map(|k| k.id.as_str().to_owned());
                    let heading = if group != last {
                        last = group.clone();
                        Some(cluster.map(|k| if k.label.trim().is_empty() { t("group-unnamed") } else { k.label.clone() }).unwrap_or_else(|| t("group-none")))
                    } else {
                        None
                    };
                    (heading, note.id.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page board-list">
            <Show
                when=move || state.content.with(|c| c.as_ref().is_some_and(|c| !c.notes.is_empty()))
                fallback=|| view! { <p class="hint">{tr!("notes-none")}</p> }
            >
                <ol class="notes" aria-label=tr!("notes")>
                    <For
                        each=entries
                        key=|e| e.clone()
                        children=move |(heading, id)| view! {
                            {heading.map(|h| view! { <li class="group-heading" aria-hidden="true" dir="auto">{h}</li> })}
                            <NoteCard state id/>
                        }
                    />
                </ol>
            </Show>
        </div>
    }
}

/// One note in the list: its text, editable in place, author, votes, delete.
#[component]
fn NoteCard(state: BoardState, id: NoteId) -> impl IntoView {
    let live = state.live;
    let note_id = StoredValue::new(id.clone());
    let note = Memo::new(move |_| live.read(|room| room.note(&note_id.get_value())));
    let text = move || note.get().map(|n| n.text).unwrap_or_default();
    let votes = move || state.content.with(|c| c.as_ref().map_or(0, |c| c.tally.votes_for(&note_id.get_value())));
    let field_id = format!("list-note-{id}");
    let color = move || note.get().map(|n| n.color.name()).unwrap_or("yellow");
    let ballot = move || state.my_ballot();
    let mine = move || ballot().on.get(&note_id.get_value()).copied().unwrap_or(0);
    view! {
        <li class=move || format!("note note-{}", color())>
            <label class="visually-hidden" for=field_id.clone()>{tr!("note-text")}</label>
            <textarea
                id=field_id
                rows="3"
                maxlength="2000"
                dir="auto"
                readonly=move || state.locked()
                placeholder=tr!("note-placeholder")
                prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.edit_run_on(|room| room.edit_note_text(&note_id.get_value(), &value));
                }
                on:blur=move |_| live.end_undo_step()
            ></textarea>
            <div class="note-foot">
                <span class="author" dir="auto">{move || note.get().map(|n| n.author).filter(|a| !a.is_empty()).unwrap_or_else(|| t("anonymous"))}</span>
                <span class="vote-count">{move || t_args("vote-count", &[("count", votes().into())])}</span>
                <button type="button" class="quiet" disabled=move || state.locked() || ballot().remaining == 0
                    aria-describedby=move || state.locked_reason()
                    aria-label=move || t_args("vote-for", &[("name", short(&text()).into())])
                    on:click=move |_| { state.edit(|room| room.place_vote(&state.me.get_value(), &note_id.get_value())); }>{tr!("vote")}</button>
                <Show when=move || { mine() > 0 }>
                    <button type="button" class="quiet" disabled=move || state.locked()
                        aria-describedby=move || state.locked_reason()
                        aria-label=move || t_args("vote-remove-from", &[("name", short(&text()).into())])
                        on:click=move |_| { state.edit(|room| room.remove_vote(&state.me.get_value(), &note_id.get_value())); }>{tr!("vote-remove")}</button>
                </Show>
                <button
                    type="button"
                    class="quiet"
                    aria-label=move || t_args("note-delete-named", &[("name", short(&text()).into())])
                    on:click=move |_| { state.edit(|room| room.delete_note(&note_id.get_value())); }
                >{tr!("delete")}</button>
            </div>
        </li>
    }
}

/// The notes by votes, most first: the prioritized list a session ends with.
#[component]
pub fn RankedView(state: BoardState) -> impl IntoView {
    let ranked = move || state.content.with(|c| c.as_ref().map(|c| c.ranked()).unwrap_or_default());
    let voters = move || state.content.with(|c| c.as_ref().map_or(0, |c| c.tally.voters));
    view! {
        <div class="page board-ranked">
            <h2>{tr!("ranked-heading")}</h2>
            <p class="hint" aria-live="polite">{move || t_args("voters", &[("count", voters().into())])}</p>
            <ol class="ranked" aria-label=tr!("ranked-notes")>
                <For
                    each=ranked
                    key=|r| (r.note.id.clone(), r.rank, r.votes, r.note.text.clone())
                    children=|r| {
                        let Note { text, author, color, .. } = r.note;
                        view! {
                            <li class=format!("ranked-item note-{}", color.name())>
                                <span class="rank" aria-label=move || t_args("rank", &[("rank", r.rank.into())])>{r.rank}</span>
                                <span class="ranked-text" dir="auto">{if text.trim().is_empty() { t("note-empty") } else { text }}</span>
                                <span class="ranked-votes">{move || t_args("ranked-votes", &[("count", r.votes.into())])}</span>
                                <span class="author" dir="auto">{if author.is_empty() { t("anonymous") } else { author }}</span>
                            </li>
                        }
                    }
                />
            </ol>
        </div>
    }
}
