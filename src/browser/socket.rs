//! The WebSocket to the relay, reduced to what sync needs: open, send bytes,
//! and four callbacks. Dropping a [`Socket`] closes it and detaches its
//! callbacks, so a socket of a room that was left can never call back into it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

/// What a socket reports.
pub enum SocketEvent {
    Open,
    Message(Vec<u8>),
    /// Closed, with the relay's close code and reason (for the person to read).
    Closed { code: u16, reason: String },
}

pub struct Socket {
    ws: WebSocket,
    _on_open: Closure<dyn FnMut()>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
}

impl Socket {
    /// Opens a socket to `url`; `on_event` receives everything it reports.
    pub fn open(url: &str, on_event: impl Fn(SocketEvent) + 'static) -> Result<Socket, String> {
        let ws = WebSocket::new(url).map_err(|e| format!("cannot open {url}: {e:?}"))?;
        ws.set_binary_type(BinaryType::Arraybuffer);
        let on_event = std::rc::Rc::new(on_event);

        let f = on_event.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || f(SocketEvent::Open));
        let f = on_event.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Ok(buffer) = e.data().dyn_into::<js_sys::ArrayBuffer>() {
                f(SocketEvent::Message(js_sys::Uint8Array::new(&buffer).to_vec()));
            }
        });
        let f = on_event;
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
            f(SocketEvent::Closed { code: e.code(), reason: e.reason() })
        });
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Ok(Socket { ws, _on_open: on_open, _on_message: on_message, _on_close: on_close })
    }

    /// Sends one binary message; a socket that is not open drops it (the
    /// session re-sends everything unacknowledged when it reconnects).
    pub fn send(&self, message: &[u8]) {
        if self.ws.ready_state() == WebSocket::OPEN {
            let _ = self.ws.send_with_u8_array(message);
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}
