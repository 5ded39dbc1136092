//! End-to-end encryption of everything a room sends through the relay.
//!
//! Every payload (room update, snapshot, presence) is sealed with AES-256-GCM
//! under the room key, which lives only in the link fragment. The relay sees
//! sealed bytes and nothing else. The associated data binds each payload to its
//! room and its purpose, so a relay (or anyone who can write to it) cannot move
//! a sealed update into another room or pass a presence off as an update.
//!
//! Nonces are 96 random bits supplied by the caller for each seal (core reads no
//! randomness itself); with random nonces one key stays safe for about 2^32
//! messages, far beyond a room's lifetime.
//!
//! Sealed layout: `version (1 byte, = 1) ‖ nonce (12) ‖ ciphertext ‖ tag (16)`.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

use crate::link::{RoomId, RoomKey};

/// Version byte of the sealed layout.
pub const SEAL_VERSION: u8 = 1;
/// Bytes a seal adds to its plaintext: version, nonce and tag.
pub const SEAL_OVERHEAD: usize = 1 + 12 + 16;

/// What a sealed payload is for; part of the associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Update = 1,
    Snapshot = 2,
    Presence = 3,
}

/// Why a sealed payload could not be opened. Such a payload is reported and
/// skipped, never applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("sealed payload of {len} bytes is too short to hold a nonce and a tag")]
    TooShort { len: usize },
    #[error("sealed payload has version {found}, this app reads version {SEAL_VERSION}")]
    UnknownVersion { found: u8 },
    #[error("payload does not decrypt with this room's key (wrong key, wrong room, or damaged)")]
    Undecryptable,
}

/// Seals and opens the payloads of one room.
#[derive(Clone)]
pub struct RoomCipher {
    cipher: Aes256Gcm,
    room: Vec<u8>,
}

impl RoomCipher {
    pub fn new(room: &RoomId, key: &RoomKey) -> Self {
        RoomCipher { cipher: Aes256Gcm::new(key.as_bytes().into()), room: room.to_bytes() }
    }

    /// Encrypts `plaintext` for `purpose` with the caller's fresh random `nonce`.
    pub fn seal(&self, purpose: Purpose, plaintext: &[u8], nonce: [u8; 12]) -> Vec<u8> {
        let aad = self.associated_data(purpose);
        let ciphertext = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext, aad: &aad })
            .expect("AES-GCM encryption cannot fail for inputs under 64 GiB");
        let mut sealed = Vec::with_capacity(SEAL_OVERHEAD + plaintext.len());
        sealed.push(SEAL_VERSION);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        sealed
    }

    /// Decrypts a payload sealed by [`RoomCipher::seal`] for the same room,
    /// key and purpose.
    pub fn open(&self, purpose: Purpose, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if sealed.len() < SEAL_OVERHEAD {
            return Err(SealError::TooShort { len: sealed.len() });
        }
        if sealed[0] != SEAL_VERSION {
            return Err(SealError::UnknownVersion { found: sealed[0] });
        }
        let (nonce, ciphertext) = sealed[1..].split_at(12);
        let aad = self.associated_data(purpose);
        self.cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: &aad })
            .map_err(|_| SealError::Undecryptable)
    }

    fn associated_data(&self, purpose: Purpose) -> Vec<u8> {
        // "constellation/v1" (16 bytes) with the purpose in its last byte, then
        // the room id's bytes (16 for an open room, 32 for a signed one).
        let mut aad = Vec::with_capacity(16 + self.room.len());
        aad.extend_from_slice(b"constellation/v1");
        aad[15] = purpose as u8;
        aad.extend_from_slice(&self.room);
        aad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher(room: u8, key: u8) -> RoomCipher {
        RoomCipher::new(&RoomId::from_random([room; 16]), &RoomKey::from_random([key; 32]))
    }

    #[test]
    fn sealed_payload_opens_and_hides_the_plaintext() {
        let c = cipher(1, 2);
        let text = b"note: meet the mayor's office on Tuesday";
        let sealed = c.seal(Purpose::Update, text, [9; 12]);
        assert_eq!(sealed.len(), text.len() + SEAL_OVERHEAD);
        assert!(!sealed.windows(8).any(|w| text.windows(8).any(|t| t == w)));
        assert_eq!(c.open(Purpose::Update, &sealed).unwrap(), text);
    }

    #[test]
    fn wrong_key_room_or_purpose_is_refused() {
        let sealed = cipher(1, 2).seal(Purpose::Update, b"hello", [0; 12]);
        assert_eq!(cipher(1, 3).open(Purpose::Update, &sealed), Err(SealError::Undecryptable));
        assert_eq!(cipher(4, 2).open(Purpose::Update, &sealed), Err(SealError::Undecryptable));
        assert_eq!(cipher(1, 2).open(Purpose::Presence, &sealed), Err(SealError::Undecryptable));
    }

    #[test]
    fn damaged_payloads_are_refused_with_a_reason() {
        let c = cipher(1, 2);
        let mut sealed = c.seal(Purpose::Snapshot, b"state", [5; 12]);
        assert_eq!(c.open(Purpose::Snapshot, &sealed[..10]), Err(SealError::TooShort { len: 10 }));
        sealed[0] = 7;
        assert_eq!(c.open(Purpose::Snapshot, &sealed), Err(SealError::UnknownVersion { found: 7 }));
        sealed[0] = SEAL_VERSION;
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(c.open(Purpose::Snapshot, &sealed), Err(SealError::Undecryptable));
    }

    #[test]
    fn fresh_nonces_give_different_ciphertexts() {
        let c = cipher(1, 2);
        assert_ne!(c.seal(Purpose::Update, b"same", [1; 12]), c.seal(Purpose::Update, b"same", [2; 12]));
    }
}
