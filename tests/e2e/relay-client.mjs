// A minimal relay client for tests, written from docs/protocol.md (version 1):
// frames are `version u8 | kind u8 | body_len u32 LE | body`, several per message.
// Payloads are sealed like the app seals them (crates/core/src/seal.rs):
// `1 | nonce(12) | AES-256-GCM(ciphertext+tag)`, associated data
// "constellation/v1" with its last byte replaced by the purpose, then the room id.
import { webcrypto as crypto } from 'node:crypto';
import WebSocket from 'ws';

export const KIND = { HELLO: 0x01, UPDATE: 0x02, WELCOME: 0x81, ACK: 0x82, RELAY_UPDATE: 0x83, CAUGHT_UP: 0x87 };
export const PURPOSE = { update: 1, snapshot: 2, presence: 3 };

export function frame(kind, body) {
  const out = Buffer.alloc(6 + body.length);
  out[0] = 1; out[1] = kind; out.writeUInt32LE(body.length, 2);
  Buffer.from(body).copy(out, 6);
  return out;
}

export function* frames(message) {
  let at = 0;
  while (at < message.length) {
    const kind = message[at + 1];
    const len = message.readUInt32LE(at + 2);
    yield { kind, body: message.subarray(at + 6, at + 6 + len) };
    at += 6 + len;
  }
}

const b64url = (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

export class RoomCrypto {
  static async fromLink(link) {
    const url = new URL(link);
    const roomId = url.pathname.split('/')[2];
    const key = await crypto.subtle.importKey('raw', b64url(url.hash.slice(3)), 'AES-GCM', false, ['encrypt', 'decrypt']);
    return new RoomCrypto(roomId, b64url(roomId), key);
  }
  constructor(roomId, roomBytes, key) { this.roomId = roomId; this.roomBytes = roomBytes; this.key = key; }
  aad(purpose) {
    const aad = Buffer.alloc(32);
    Buffer.from('constellation/v1').copy(aad, 0);
    aad[15] = purpose;
    this.roomBytes.copy(aad, 16);
    return aad;
  }
  async open(sealed, purpose = PURPOSE.update) {
    if (sealed[0] !== 1) throw new Error(`unknown seal version ${sealed[0]}`);
    const iv = sealed.subarray(1, 13);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: this.aad(purpose) }, this.key, sealed.subarray(13));
    return new Uint8Array(plain);
  }
  async seal(plain, purpose = PURPOSE.update) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: this.aad(purpose) }, this.key, plain);
    return Buffer.concat([Buffer.from([1]), Buffer.from(iv), Buffer.from(ct)]);
  }
}

/** Connects to a room's relay, catches up from `since`, and collects what arrives. */
export async function connect(serverUrl, roomId, since = 0n) {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/ws/${roomId}`);
  ws.binaryType = 'arraybuffer';
  const received = [];
  let caughtUp;
  const ready = new Promise((resolve, reject) => { caughtUp = resolve; ws.onerror = reject; });
  ws.onmessage = (e) => {
    for (const f of frames(Buffer.from(e.data))) {
      received.push(f);
      if (f.kind === KIND.CAUGHT_UP) caughtUp();
    }
  };
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onclose = () => reject(new Error('closed')); });
  const hello = Buffer.alloc(8); hello.writeBigUInt64LE(since);
  ws.send(frame(KIND.HELLO, hello));
  await ready;
  return { ws, received };
}
