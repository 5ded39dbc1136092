// A minimal relay client for tests, written from docs/protocol.md (version 2):
// frames are `version u8 | kind u8 | body_len u32 LE | body`, several per message.
// Payloads are sealed like the app seals them (crates/core/src/seal.rs):
// `1 | nonce(12) | AES-256-GCM(ciphertext+tag)`, associated data
// "constellation/v1" with its last byte replaced by the purpose, then the room id.
// In a signed room (43-character id) writes are `Ed25519 signature(64) | sealed`,
// signed with the edit link's write key (`&w=`) over "constellation/sig" | 2 |
// purpose | room id | upto u64 LE | sealed (crates/core/src/sign.rs).
import { webcrypto as crypto, createPrivateKey, createPublicKey, sign as edSign, verify as edVerify } from 'node:crypto';
import WebSocket from 'ws';

export const KIND = { HELLO: 0x01, UPDATE: 0x02, WELCOME: 0x81, ACK: 0x82, RELAY_UPDATE: 0x83, CAUGHT_UP: 0x87 };
export const PURPOSE = { update: 1, snapshot: 2, presence: 3 };

export function frame(kind, body) {
  const out = Buffer.alloc(6 + body.length);
  out[0] = 2; out[1] = kind; out.writeUInt32LE(body.length, 2);
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
    const params = new URLSearchParams(url.hash.slice(1));
    const key = await crypto.subtle.importKey('raw', b64url(params.get('k')), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const room = new RoomCrypto(roomId, b64url(roomId), key);
    if (roomId.length === 43) {
      room.verifyKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: roomId }, format: 'jwk' });
      const w = params.get('w');
      if (w) room.writeKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: roomId, d: w }, format: 'jwk' });
    }
    return room;
  }
  constructor(roomId, roomBytes, key) { this.roomId = roomId; this.roomBytes = roomBytes; this.key = key; }
  /** The message a signed room's write signature covers. */
  signedMessage(purpose, sealed, upto = 0n) {
    const upto8 = Buffer.alloc(8); upto8.writeBigUInt64LE(BigInt(upto));
    return Buffer.concat([Buffer.from('constellation/sig'), Buffer.from([2, purpose]), this.roomBytes, upto8, sealed]);
  }
  /** `signature | sealed` with the write key (or `key`, to forge one); the sealed bytes alone in an open room. */
  sign(sealed, purpose = PURPOSE.update, upto = 0n, key = this.writeKey) {
    if (!key) return sealed;
    return Buffer.concat([edSign(null, this.signedMessage(purpose, sealed, upto), key), sealed]);
  }
  /** The sealed part of a received write, once its signature is checked (signed rooms). */
  unsign(signed, purpose = PURPOSE.update, upto = 0n) {
    if (!this.verifyKey) return signed;
    const sealed = signed.subarray(64);
    if (!edVerify(null, this.signedMessage(purpose, sealed, upto), this.verifyKey, signed.subarray(0, 64))) {
      throw new Error('the write is not signed with the room\'s write key');
    }
    return sealed;
  }
  aad(purpose) {
    const aad = Buffer.alloc(16 + this.roomBytes.length);
    Buffer.from('constellation/v1').copy(aad, 0);
    aad[15] = purpose;
    this.roomBytes.copy(aad, 16);
    return aad;
  }
  async open(payload, purpose = PURPOSE.update) {
    const sealed = purpose === PURPOSE.presence ? payload : this.unsign(payload, purpose);
    if (sealed[0] !== 1) throw new Error(`unknown seal version ${sealed[0]}`);
    const iv = sealed.subarray(1, 13);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: this.aad(purpose) }, this.key, sealed.subarray(13));
    return new Uint8Array(plain);
  }
  async seal(plain, purpose = PURPOSE.update) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: this.aad(purpose) }, this.key, plain);
    const sealed = Buffer.concat([Buffer.from([1]), Buffer.from(iv), Buffer.from(ct)]);
    return purpose === PURPOSE.presence ? sealed : this.sign(sealed, purpose);
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
