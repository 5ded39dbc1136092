//! Write signatures of signed rooms: who may change a room, checked by the relay
//! and by every client, without either reading the room.
//!
//! A signed room is named by an Ed25519 verifying key (its id, see
//! [`crate::link`]); the matching signing key's seed is the write key, carried
//! only by the edit link. Every write the relay stores — an update, a snapshot —
//! is the sealed payload prefixed with a 64-byte signature over
//!
//! ```text
//! "constellation/sig" ‖ protocol version (1) ‖ purpose (1) ‖ room id (32) ‖ upto (u64 LE) ‖ sealed payload
//! ```
//!
//! `upto` is 0 for an update and the covered sequence number for a snapshot, so
//! a snapshot cannot be passed off as covering more or less than its author said.
//! The room id binds a write to its room, the purpose keeps an update from being
//! taken for a snapshot, the version keeps signatures of one protocol version from
//! being valid in another. The relay checks the signature before storing or
//! forwarding (it needs only the public id, never the room key); clients check it
//! again on receipt, so a modified or malicious relay cannot inject writes either.
//! Presence is not signed: it is never stored, and view-only participants show
//! their presence too (see docs/security.md).

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::link::{RoomId, WriteKey};

/// Bytes a signature adds in front of a sealed payload.
pub const SIGNATURE_LEN: usize = 64;

/// What a signed write is; part of the signed message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedPurpose {
    Update = 1,
    Snapshot = 2,
}

/// Why a write was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("a write of {len} bytes is too short to carry the room's 64-byte write signature")]
    Missing { len: usize },
    #[error("the write is not signed with this room's write key (a view-only link cannot change the room)")]
    Invalid,
}

/// The verifying key (and so the signed room id) of a write key.
pub(crate) fn verifying_key_bytes(write: &WriteKey) -> [u8; 32] {
    SigningKey::from_bytes(write.as_bytes()).verifying_key().to_bytes()
}

/// True when `bytes` are a valid, non-weak Ed25519 verifying key.
pub(crate) fn is_verifying_key(bytes: &[u8]) -> bool {
    <[u8; 32]>::try_from(bytes)
        .ok()
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        .is_some_and(|k| !k.is_weak())
}

fn message(room: &[u8; 32], purpose: SignedPurpose, upto: u64, sealed: &[u8]) -> Vec<u8> {
    const LABEL: &[u8] = b"constellation/sig";
    let mut m = Vec::with_capacity(LABEL.len() + 2 + 32 + 8 + sealed.len());
    m.extend_from_slice(LABEL);
    m.push(constellation_protocol::PROTOCOL_VERSION);
    m.push(purpose as u8);
    m.extend_from_slice(room);
    m.extend_from_slice(&upto.to_le_bytes());
    m.extend_from_slice(sealed);
    m
}

/// Signs the writes of one signed room (held only by edit-link holders).
#[derive(Clone)]
pub struct RoomSigner {
    key: SigningKey,
    room: [u8; 32],
}

impl RoomSigner {
    /// The signer of `write`'s room.
    pub fn new(write: &WriteKey) -> Self {
        let key = SigningKey::from_bytes(write.as_bytes());
        let room = key.verifying_key().to_bytes();
        RoomSigner { key, room }
    }

    /// `signature ‖ sealed`: the payload to send for this write.
    pub fn sign(&self, purpose: SignedPurpose, upto: u64, sealed: &[u8]) -> Vec<u8> {
        let signature = self.key.sign(&message(&self.room, purpose, upto, sealed));
        let mut out = Vec::with_capacity(SIGNATURE_LEN + sealed.len());
        out.extend_from_slice(&signature.to_bytes());
        out.extend_from_slice(sealed);
        out
    }
}

/// Checks the writes of one signed room; needs only its public id.
#[derive(Clone)]
pub struct RoomVerifier {
    key: VerifyingKey,
    room: [u8; 32],
}

impl RoomVerifier {
    /// The verifier of a signed room; `None` for an open room (whose id is no key).
    pub fn for_room(room: &RoomId) -> Option<Self> {
        if !room.is_signed() {
            return None;
        }
        let room: [u8; 32] = room.to_bytes().try_into().ok()?;
        let key = VerifyingKey::from_bytes(&room).ok()?;
        Some(RoomVerifier { key, room })
    }

    /// Checks `signature ‖ sealed` and returns the sealed part.
    pub fn verify<'a>(&self, purpose: SignedPurpose, upto: u64, signed: &'a [u8]) -> Result<&'a [u8], SignError> {
        if signed.len() < SIGNATURE_LEN {
            return Err(SignError::Missing { len: signed.len() });
        }
        let (signature, sealed) = signed.split_at(SIGNATURE_LEN);
        let signature = Signature::from_slice(signature).map_err(|_| SignError::Invalid)?;
        self.key
            .verify_strict(&message(&self.room, purpose, upto, sealed), &signature)
            .map_err(|_| SignError::Invalid)?;
        Ok(sealed)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::link::RoomLink;

    fn room(seed: u8) -> (RoomSigner, RoomVerifier) {
        let link = RoomLink::new_room([1; 32], [seed; 32]);
        let write = link.write.clone().unwrap();
        (RoomSigner::new(&write), RoomVerifier::for_room(&link.room).unwrap())
    }

    #[test]
    fn a_signed_write_verifies_and_yields_the_sealed_bytes() {
        let (signer, verifier) = room(7);
        let signed = signer.sign(SignedPurpose::Update, 0, b"sealed");
        assert_eq!(signed.len(), SIGNATURE_LEN + 6);
        assert_eq!(verifier.verify(SignedPurpose::Update, 0, &signed), Ok(&b"sealed"[..]));
    }

    #[test]
    fn the_signature_binds_room_purpose_upto_and_payload() {
        let (signer, verifier) = room(7);
        let (_, other_room) = room(8);
        let signed = signer.sign(SignedPurpose::Snapshot, 40, b"state");
        assert_eq!(verifier.verify(SignedPurpose::Snapshot, 40, &signed), Ok(&b"state"[..]));
        assert_eq!(other_room.verify(SignedPurpose::Snapshot, 40, &signed), Err(SignError::Invalid));
        assert_eq!(verifier.verify(SignedPurpose::Update, 40, &signed), Err(SignError::Invalid));
        assert_eq!(verifier.verify(SignedPurpose::Snapshot, 41, &signed), Err(SignError::Invalid));
        let mut changed = signed.clone();
        *changed.last_mut().unwrap() ^= 1;
        assert_eq!(verifier.verify(SignedPurpose::Snapshot, 40, &changed), Err(SignError::Invalid));
    }

    #[test]
    fn unsigned_or_wrongly_signed_writes_are_refused() {
        let (_, verifier) = room(7);
        let (wrong_signer, _) = room(9);
        assert_eq!(verifier.verify(SignedPurpose::Update, 0, b"short"), Err(SignError::Missing { len: 5 }));
        assert_eq!(verifier.verify(SignedPurpose::Update, 0, &[0; 80]), Err(SignError::Invalid));
        let forged = wrong_signer.sign(SignedPurpose::Update, 0, b"sealed");
        assert_eq!(verifier.verify(SignedPurpose::Update, 0, &forged), Err(SignError::Invalid));
    }

    #[test]
    fn open_rooms_have_no_verifier() {
        assert!(RoomVerifier::for_room(&RoomId::from_random([3; 16])).is_none());
    }

    proptest! {
        #[test]
        fn any_flipped_bit_is_refused(payload in proptest::collection::vec(any::<u8>(), 0..200), bit in 0usize..8, at in any::<prop::sample::Index>()) {
            let (signer, verifier) = room(5);
            let signed = signer.sign(SignedPurpose::Update, 0, &payload);
            prop_assert_eq!(verifier.verify(SignedPurpose::Update, 0, &signed), Ok(&payload[..]));
            let mut changed = signed.clone();
            let i = at.index(changed.len());
            changed[i] ^= 1 << bit;
            prop_assert!(verifier.verify(SignedPurpose::Update, 0, &changed).is_err());
        }
    }
}
