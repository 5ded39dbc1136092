//! A room kept live in this browser: the document, its offline draft, and its
//! sync with the relay, wired together.
//!
//! [`LiveRoom`] is what views use: they read the [`Room`] and call `edit` with a
//! `core` operation; everything else follows from it. Each edit is applied at
//! once, saved to IndexedDB within [`SAVE_DELAY_MS`], sealed and sent to the relay
//! (or kept until the connection returns). Messages from the relay go through
//! the `core` sync [`Session`]; the view re-renders from the `revision` signal.

use std::cell::RefCell;
use std::rc::Rc;

use constellation_core::link::{RoomId, RoomKey, WriteKey};
use constellation_core::presence::{Cursor, Presence};
use constellation_core::room::{ClientId, Room, Update};
use constellation_core::seal::RoomCipher;
use constellation_core::sign::{RoomSigner, RoomVerifier};
use constellation_core::sync::{Backoff, Draft, Session, Status, SyncConfig};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use leptos::prelude::Update as _;

use crate::browser::drafts::{storage_pressure, DraftStore, DraftStoreError};
use crate::browser::random_bytes;
use crate::browser::socket::{Socket, SocketEvent};
use crate::i18n::{t, t_args, Said};

/// Longest wait between an edit and its draft being saved, in milliseconds
/// (the product promises at most 500).
pub const SAVE_DELAY_MS: u32 = 250;
/// Above this share of the origin's quota, the person is warned.
const STORAGE_WARNING_AT: f64 = 0.9;

/// A room kept live in this browser. Cheap to copy; all copies are one room.
#[derive(Clone, Copy)]
pub struct LiveRoom {
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
    /// Connection status as shown to the person.
    pub status: RwSignal<Status>,
    /// Bumped whenever the document changes (local edit or remote update).
    pub revision: RwSignal<u64>,
    /// Other participants, with their presence, by connection.
    pub peers: RwSignal<Vec<(u32, Presence)>>,
    /// This participant's own display name as the others see it ("" when
    /// they gave none); follows [`LiveRoom::set_presence`].
    pub own_name: RwSignal<String>,
    /// The draft has been loaded (or found missing) and the room can be shown.
    pub ready: RwSignal<bool>,
    /// Something the person should know about (storage full, unreadable data).
    pub notice: RwSignal<Option<Said>>,
    /// This link may change the room (an edit link, or an open room's link);
    /// false for a view-only link, whose edits are refused here before
    /// anything is sent (the relay would refuse them too).
    can_edit: bool,
}

struct Inner {
    room_id: RoomId,
    /// A signed room's verifier and, with an edit link, its signer.
    access: Option<(RoomVerifier, Option<RoomSigner>)>,
    room: Room,
    session: Session,
    socket: Option<Socket>,
    backoff: Backoff,
    reconnect: Option<Timeout>,
    save: Option<Timeout>,
    presence_flush: Option<Timeout>,
    drafts: Option<DraftStore>,
    closed: bool,
    /// The room changed during catch-up and has not been redrawn yet.
    redraw_after_catch_up: bool,
}

impl LiveRoom {
    /// Opens a room: loads its draft, then connects to the relay. `write` is
    /// the edit link's write key of a signed room (`None` for a view link or
    /// an open room).
    pub fn open(room_id: RoomId, key: RoomKey, write: Option<WriteKey>, presence: Presence) -> LiveRoom {
        let client = ClientId::from_random_u64(u64::from_le_bytes(random_bytes()));
        let cipher = RoomCipher::new(&room_id, &key);
        let access = RoomVerifier::for_room(&room_id).map(|v| (v, write.as_ref().map(RoomSigner::new)));
        let session = with_access(Session::new(cipher.clone(), SyncConfig::default()), &access);
        let can_edit = session.can_write();
        let inner = Inner {
            room_id,
            access,
            room: Room::new(client),
            session,
            socket: None,
            backoff: Backoff::default(),
            reconnect: None,
            save: None,
            presence_flush: None,
            drafts: None,
            closed: false,
            redraw_after_catch_up: false,
        };
        let live = LiveRoom {
            inner: StoredValue::new_local(Rc::new(RefCell::new(inner))),
            status: RwSignal::new(Status::Offline),
            revision: RwSignal::new(0),
            peers: RwSignal::new(Vec::new()),
            own_name: RwSignal::new(presence.name.clone()),
            ready: RwSignal::new(false),
            notice: RwSignal::new(None),
            can_edit,
        };
        live.with_inner(|inner| inner.session.set_presence(presence));
        let shared = live.shared();
        leptos::task::spawn_local(async move {
            live.load_draft(shared, client, cipher).await;
            live.connect();
        });
        // When the browser says the network is back, reconnect at once rather
        // than at the end of the current backoff delay.
        let online = gloo::events::EventListener::new(&window(), "online", move |_| {
            if live.inner.try_get_value().is_some() {
                live.reconnect_now();
            }
        });
        let online = StoredValue::new_local(Some(online));
        // Leaving the room closes its socket and stops its timers.
        on_cleanup(move || {
            online.update_value(|listener| drop(listener.take()));
            if let Some(inner) = live.inner.try_get_value() {
                let mut inner = inner.borrow_mut();
                inner.closed = true;
                inner.socket = None;
                inner.reconnect = None;
                inner.presence_flush = None;
            }
        });
        live
    }

    /// Reads the room; tracks `revision`, so a view calling this re-renders
    /// when the document changes.
    pub fn read<R>(&self, f: impl FnOnce(&Room) -> R) -> R {
        self.revision.track();
        self.with_inner(|inner| f(&inner.room))
    }

    /// False for a view-only link: views hide or disable their edit controls.
    pub fn can_edit(&self) -> bool {
        self.can_edit
    }

    /// Applies a local edit made by a `core` operation, then saves and sends it.
    /// The operation returns its update, or its update and a value (the id of
    /// what it created), which `edit` passes back.
    ///
    /// With a view-only link nothing is applied, saved or sent: the operation
    /// runs on a throw-away copy (so its own checks still answer) and the
    /// person is told the room cannot be changed from this link.
    pub fn edit<O: EditOutcome, E>(&self, f: impl FnOnce(&mut Room) -> Result<O, E>) -> Result<O::Value, E> {
        let result = self.apply_edit(f)?;
        if self.can_edit {
            self.changed();
        }
        Ok(result)
    }

    /// One part of an edit made in several (a big import, added a part per
    /// browser task): sent and saved like any edit, but the views are not
    /// redrawn until [`LiveRoom::parts_done`], so each part stays short.
    pub fn edit_part<O: EditOutcome, E>(&self, f: impl FnOnce(&mut Room) -> Result<O, E>) -> Result<O::Value, E> {
        let result = self.apply_edit(f)?;
        if self.can_edit {
            self.schedule_save();
        }
        Ok(result)
    }

    /// The last part of an edit made with [`LiveRoom::edit_part`] is in: redraw.
    pub fn parts_done(&self) {
        self.changed();
    }

    /// Applies a local edit and sends it (with a view-only link, runs it on a
    /// copy, see [`LiveRoom::edit`]); the caller redraws and saves.
    fn apply_edit<O: EditOutcome, E>(&self, f: impl FnOnce(&mut Room) -> Result<O, E>) -> Result<O::Value, E> {
        if !self.can_edit {
            let copy = self.with_inner(|inner| Room::from_snapshot(inner.room.client(), &inner.room.snapshot().into_bytes()));
            self.notice.set(Some(Said::id("notice-view-only")));
            return match copy {
                Ok(mut copy) => f(&mut copy).map(|o| o.split().1),
                // The copy cannot fail to load (it comes from this very room);
                // if it did, the edit still must not touch the room.
                Err(_) => f(&mut Room::new(ClientId::from_random_u64(1))).map(|o| o.split().1),
            };
        }
        let (result, messages) = self.with_inner(|inner| -> Result<_, E> {
            // Edits made less than `UNDO_GROUP_MILLIS` apart undo as one step.
            inner.room.set_edit_time(js_sys::Date::now() as u64);
            let (update, result) = f(&mut inner.room)?.split();
            let messages = if update.is_empty() {
                Vec::new()
            } else {
                inner.session.local_update(update.into_bytes(), random_bytes)
            };
            Ok((result, messages))
        })?;
        self.send_all(&messages);
        Ok(result)
    }

    /// Sends messages in order on the open socket (none while offline: the
    /// session keeps every unacknowledged update for the next connection).
    fn send_all(&self, messages: &[Vec<u8>]) {
        self.with_inner(|inner| {
            if let Some(socket) = inner.socket.as_ref() {
                for message in messages {
                    socket.send(message);
                }
            }
        });
    }

    /// Ends the current group of edits, so the next one undoes on its own
    /// (a note losing focus, the end of a drag).
    pub fn end_undo_step(&self) {
        self.with_inner(|inner| inner.room.end_undo_step());
    }

    /// Shows this participant's pointer on a board to the others (`None`
    /// hides it); the relay gets at most one presence batch per interval.
    pub fn set_cursor(&self, cursor: Option<Cursor>) {
        let presence = self.with_inner(|inner| inner.session.own_presence().cloned());
        let mut presence = presence.unwrap_or_else(|| Presence::named(""));
        if presence.cursor == cursor {
            return;
        }
        presence.section = cursor.as_ref().map(|_| "board".to_owned());
        presence.cursor = cursor;
        self.set_presence(presence);
    }

    /// Updates this participant's presence (name, section, cursor).
    pub fn set_presence(&self, presence: Presence) {
        if self.own_name.get_untracked() != presence.name {
            self.own_name.set(presence.name.clone());
        }
        self.with_inner(|inner| inner.session.set_presence(presence));
        self.flush_presence();
    }

    fn shared(&self) -> Rc<RefCell<Inner>> {
        self.inner.get_value()
    }

    fn with_inner<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let shared = self.shared();
        let mut inner = shared.borrow_mut();
        f(&mut inner)
    }

    async fn load_draft(&self, shared: Rc<RefCell<Inner>>, client: ClientId, cipher: RoomCipher) {
        let room_id = shared.borrow().room_id.clone();
        match DraftStore::open().await {
            Err(e) => self.notice.set(Some(draft_store_said(&e))),
            Ok(store) => {
                match store.load(room_id.as_str()).await {
                    Ok(Some(bytes)) => match Draft::decode(&bytes).map_err(|e| e.to_string()).and_then(|draft| {
                        let room = Room::from_snapshot(client, &draft.state).map_err(|e| e.to_string())?;
                        Ok((room, draft))
                    }) {
                        Ok((room, draft)) => {
                            let mut inner = shared.borrow_mut();
                            let presence = inner.session.own_presence().cloned();
                            inner.room = room;
                            inner.session = with_access(Session::resume(cipher, SyncConfig::default(), &draft), &inner.access);
                            if let Some(p) = presence {
                                inner.session.set_presence(p);
                            }
                        }
                        Err(e) => self.notice.set(Some(Said::new(move || t_args("notice-draft-unreadable", &[("detail", e.clone().into())])))),
                    },
                    Ok(None) => {}
                    Err(e) => self.notice.set(Some(draft_store_said(&e))),
                }
                shared.borrow_mut().drafts = Some(store);
            }
        }
        self.ready.set(true);
        self.changed_without_saving();
    }

    fn connect(&self) {
        let live = *self;
        let url = match relay_url(&self.with_inner(|i| i.room_id.clone())) {
            Some(url) => url,
            None => return,
        };
        let socket = Socket::open(&url, move |event| live.on_socket(event));
        match socket {
            Ok(socket) => self.with_inner(|inner| inner.socket = Some(socket)),
            Err(_) => self.schedule_reconnect(),
        }
    }

    fn on_socket(&self, event: SocketEvent) {
        if self.with_inner(|i| i.closed) {
            return;
        }
        match event {
            SocketEvent::Open => {
                let hello = self.with_inner(|inner| inner.session.connected(random_bytes));
                self.send_all(&hello);
                self.status.set(Status::Syncing);
            }
            SocketEvent::Message(bytes) => {
                let received = self.with_inner(|inner| {
                    let Inner { session, room, .. } = inner;
                    session.receive(&bytes, room, random_bytes)
                });
                match received {
                    Err(e) => {
                        let detail = e.to_string();
                        self.notice.set(Some(Said::new(move || t_args("notice-unreadable-message", &[("detail", detail.clone().into())]))));
                        self.with_inner(|inner| inner.socket = None);
                        self.disconnected();
                        return;
                    }
                    Ok(received) => {
                        self.send_all(&received.outgoing);
                        if let Some(problem) = received.problems.first() {
                            let detail = problem.to_string();
                            self.notice.set(Some(Said::new(move || t_args("notice-changes-skipped", &[("detail", detail.clone().into())]))));
                        }
                        if received.presence_changed {
                            self.peers.set(self.with_inner(|i| i.session.peers().map(|(c, p)| (c, p.clone())).collect()));
                        }
                        // While catching up, the view is redrawn once at the end
                        // rather than after each of possibly hundreds of
                        // messages (measured: 18 s → see docs/benchmarks.md).
                        let catching_up = self.with_inner(|i| i.session.catching_up());
                        if received.room_changed {
                            if catching_up {
                                self.with_inner(|i| i.redraw_after_catch_up = true);
                            } else {
                                self.changed();
                            }
                        } else if received.acknowledged > 0 {
                            // Only the draft changed (fewer updates to re-send):
                            // no view reads that, so none is redrawn (after a big
                            // import each redraw re-reads the whole network).
                            self.schedule_save();
                        }
                        if !catching_up && self.with_inner(|i| std::mem::take(&mut i.redraw_after_catch_up)) {
                            self.changed();
                        }
                    }
                }
                let status = self.with_inner(|i| i.session.status());
                if status == Status::Online {
                    self.with_inner(|i| i.backoff.reset());
                }
                self.status.set(status);
                self.flush_presence();
            }
            SocketEvent::Closed { code, reason } => {
                let known = close_reason_id(code);
                if code >= 4000 && (known.is_some() || !reason.is_empty()) {
                    // The relay's own reason is English; a code it documents is
                    // worded from the catalogs instead.
                    let reason = reason.clone();
                    self.notice.set(Some(Said::new(move || {
                        let reason = known.map(t).unwrap_or_else(|| reason.clone());
                        t_args("notice-relay-closed", &[("reason", reason.into())])
                    })));
                }
                self.with_inner(|inner| inner.socket = None);
                self.disconnected();
            }
        }
    }

    fn disconnected(&self) {
        self.with_inner(|inner| inner.session.disconnected());
        self.status.set(Status::Offline);
        self.peers.set(Vec::new());
        self.schedule_reconnect();
    }

    fn schedule_reconnect(&self) {
        let live = *self;
        let delay = self.with_inner(|inner| inner.backoff.next_delay_ms(random_unit()));
        let timer = Timeout::new(delay as u32, move || {
            if live.inner.try_get_value().is_some() && !live.with_inner(|i| i.closed) {
                live.connect();
            }
        });
        self.with_inner(|inner| inner.reconnect = Some(timer));
    }

    /// Reconnects now (the browser reports the network is back).
    pub fn reconnect_now(&self) {
        let idle = self.with_inner(|inner| inner.socket.is_none() && !inner.closed);
        if idle {
            self.with_inner(|inner| {
                inner.backoff.reset();
                inner.reconnect = None;
            });
            self.connect();
        }
    }

    fn flush_presence(&self) {
        let now = js_sys::Date::now() as u64;
        let message = self.with_inner(|inner| inner.session.presence_due(now, random_bytes()));
        match message {
            Some(message) => {
                self.with_inner(|inner| inner.socket.as_ref().map(|s| s.send(&message)));
            }
            None => {
                // Rate-limited: try again when the interval has passed (longer
                // in a big room: see `Session::presence_interval_ms`).
                let wait = self.with_inner(|inner| inner.session.presence_wait_ms(now));
                if let (Some(wait), true) = (wait, self.with_inner(|i| i.presence_flush.is_none())) {
                    let live = *self;
                    let timer = Timeout::new(wait.min(u32::MAX as u64) as u32 + 5, move || {
                        if live.inner.try_get_value().is_some() {
                            live.with_inner(|i| i.presence_flush = None);
                            live.flush_presence();
                        }
                    });
                    self.with_inner(|inner| inner.presence_flush = Some(timer));
                }
            }
        }
    }

    /// The document changed: re-render and schedule a draft save.
    fn changed(&self) {
        self.changed_without_saving();
        self.schedule_save();
    }

    /// Saves the draft soon (at most one save every `SAVE_DELAY_MS`).
    fn schedule_save(&self) {
        if self.with_inner(|inner| inner.save.is_some()) {
            return;
        }
        let live = *self;
        let timer = Timeout::new(SAVE_DELAY_MS, move || {
            if live.inner.try_get_value().is_some() {
                live.with_inner(|i| i.save = None);
                live.save_draft();
            }
        });
        self.with_inner(|inner| inner.save = Some(timer));
    }

    fn changed_without_saving(&self) {
        self.revision.update(|r: &mut u64| *r += 1);
        self.status.set(self.with_inner(|i| i.session.status()));
    }

    fn save_draft(&self) {
        let (store, room, bytes) = self.with_inner(|inner| {
            let draft = inner.session.draft(&inner.room);
            (inner.drafts.clone(), inner.room_id.clone(), draft.encode())
        });
        let Some(store) = store else { return };
        let live = *self;
        leptos::task::spawn_local(async move {
            match store.save(room.as_str(), &bytes).await {
                Ok(()) => {
                    if let Some(pressure) = storage_pressure().await {
                        if pressure > STORAGE_WARNING_AT {
                            let percent = (pressure * 100.0).round();
                            live.notice.set(Some(Said::new(move || t_args("notice-storage-pressure", &[("percent", percent.into())]))));
                        }
                    }
                }
                Err(e @ DraftStoreError::QuotaExceeded) | Err(e @ DraftStoreError::Unavailable(_)) => {
                    live.notice.set(Some(draft_store_said(&e)));
                }
            }
        });
    }
}

/// What a `core` edit returns: its update, alone or with a value.
pub trait EditOutcome {
    type Value;
    fn split(self) -> (Update, Self::Value);
}

impl EditOutcome for Update {
    type Value = ();
    fn split(self) -> (Update, ()) {
        (self, ())
    }
}

impl<T> EditOutcome for (Update, T) {
    type Value = T;
    fn split(self) -> (Update, T) {
        self
    }
}

/// The catalog message for a close code the relay documents
/// (`constellation_protocol::close_code`).
fn close_reason_id(code: u16) -> Option<&'static str> {
    use constellation_protocol::close_code as c;
    Some(match code {
        c::MALFORMED | c::UNKNOWN_KIND => "close-malformed",
        c::UNSUPPORTED_VERSION => "close-version",
        c::NOT_ALLOWED => "close-not-allowed",
        c::WRITE_REFUSED => "close-write-refused",
        c::IDLE_TIMEOUT => "close-idle",
        c::TOO_LARGE => "close-too-large",
        c::TOO_MANY_FRAMES => "close-too-many",
        c::FULL => "close-full",
        _ => return None,
    })
}

/// What the room says when this device's storage fails, in the reader's language.
fn draft_store_said(e: &DraftStoreError) -> Said {
    match e {
        DraftStoreError::QuotaExceeded => Said::id("notice-storage-full"),
        DraftStoreError::Unavailable(why) => {
            let why = why.clone();
            Said::new(move || t_args("notice-storage-unavailable", &[("detail", why.clone().into())]))
        }
    }
}

/// A signed room's session checks (and, with the write key, signs) every write.
fn with_access(session: Session, access: &Option<(RoomVerifier, Option<RoomSigner>)>) -> Session {
    match access {
        Some((verifier, signer)) => session.signed(verifier.clone(), signer.clone()),
        None => session,
    }
}

/// The relay's WebSocket address for a room, on the same host as the page.
fn relay_url(room: &RoomId) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" { "wss" } else { "ws" };
    Some(format!("{scheme}://{}/ws/{}", location.host().ok()?, room))
}

/// A random number in 0..1 for backoff jitter.
fn random_unit() -> f64 {
    let bytes: [u8; 4] = random_bytes();
    f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX)
}
