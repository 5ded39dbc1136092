//! The activity timer of presenter mode: a countdown kept on the presenter's
//! screen only (it is not part of the room, so participants do not see it and
//! a reload resets it).
//!
//! [`Countdown`] is plain arithmetic over times the caller passes (ms), so the
//! view only ticks a clock signal and draws what it says.

use gloo::timers::callback::Interval;
use leptos::prelude::*;

use crate::i18n::t;
use crate::tr;

/// A countdown that can be started, paused and reset.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Countdown {
    /// The length set, in milliseconds.
    pub total_ms: f64,
    /// Time left when it was last paused (or the whole length).
    left_ms: f64,
    /// When it was started last, while running.
    running_since: Option<f64>,
}

impl Countdown {
    pub fn new(total_ms: f64) -> Countdown {
        Countdown { total_ms, left_ms: total_ms, running_since: None }
    }

    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn start(&mut self, now: f64) {
        if self.running_since.is_none() && self.left_ms > 0.0 {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        self.left_ms = self.remaining(now);
        self.running_since = None;
    }

    /// Milliseconds left at `now` (never below 0).
    pub fn remaining(&self, now: f64) -> f64 {
        match self.running_since {
            Some(since) => (self.left_ms - (now - since)).max(0.0),
            None => self.left_ms,
        }
    }

    /// Whether it was started and has run out.
    pub fn ended(&self, now: f64) -> bool {
        self.total_ms > 0.0 && self.remaining(now) <= 0.0
    }
}

/// Time left as `m:ss`, rounding up so "0:00" appears only at the end.
pub fn clock_text(ms: f64) -> String {
    let seconds = (ms / 1000.0).ceil().max(0.0) as u64;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The timer panel: a minutes field, Start / Pause / Reset, the big
/// countdown, and the end said in a polite live region.
#[component]
pub fn Timer() -> impl IntoView {
    let minutes = RwSignal::new("5".to_owned());
    let countdown = RwSignal::new(Countdown::new(5.0 * 60_000.0));
    let clock = RwSignal::new(now());
    let error = RwSignal::new(None::<&'static str>);
    let ticker = StoredValue::new_local(None::<Interval>);
    let stop_ticking = move || ticker.update_value(|t| drop(t.take()));
    let tick = move || {
        clock.set(now());
        if countdown.with_untracked(|c| c.ended(now())) {
            countdown.update(|c| c.pause(now()));
            stop_ticking();
        }
    };
    on_cleanup(stop_ticking);

    let parse_minutes = move || -> Option<f64> {
        let text = minutes.get_untracked().trim().replace(',', ".");
        match text.parse::<f64>() {
            Ok(m) if m.is_finite() && m > 0.0 && m <= 600.0 => Some(m),
            _ => {
                error.set(Some("timer-minutes-error"));
                None
            }
        }
    };
    let start = move |_| {
        let fresh = countdown.with_untracked(|c| c.ended(now()) || (!c.running() && c.remaining(0.0) == c.total_ms));
        if fresh {
            let Some(m) = parse_minutes() else { return };
            countdown.set(Countdown::new(m * 60_000.0));
        }
        error.set(None);
        countdown.update(|c| c.start(now()));
        clock.set(now());
        ticker.update_value(|t| *t = Some(Interval::new(200, tick)));
    };
    let pause = move |_| {
        countdown.update(|c| c.pause(now()));
        stop_ticking();
        clock.set(now());
    };
    let reset = move |_| {
        stop_ticking();
        let m = parse_minutes().unwrap_or(5.0);
        countdown.set(Countdown::new(m * 60_000.0));
        clock.set(now());
    };
    let remaining = move || countdown.get().remaining(clock.get());
    let ended = move || countdown.get().ended(clock.get());
    let running = move || countdown.get().running();

    view! {
        <section class="presenter-card presenter-timer" aria-labelledby="timer-heading">
            <h2 id="timer-heading">{tr!("timer-heading")}</h2>
            <div class="timer-controls">
                <label class="field">
                    <span>{tr!("timer-minutes")}</span>
                    <input type="text" inputmode="decimal" size="5" prop:value=move || minutes.get()
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby="timer-error"
                        on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </label>
                <button type="button" class="primary" disabled=running on:click=start>{tr!("timer-start")}</button>
                <button type="button" disabled=move || !running() on:click=pause>{tr!("timer-pause")}</button>
                <button type="button" on:click=reset>{tr!("timer-reset")}</button>
            </div>
            <p id="timer-error" class="error">{move || error.get().map(t)}</p>
            <p class="timer-display" class:ended=ended role="timer" aria-label=tr!("timer-left")>
                {move || clock_text(remaining())}
            </p>
            <p class="timer-end" class:ended=ended aria-live="polite">
                {move || if ended() { t("timer-ended") } else { String::new() }}
            </p>
            <p class="hint">{tr!("timer-local")}</p>
        </section>
    }
}
