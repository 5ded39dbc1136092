//! Reassembly of a snapshot a client uploads in parts. Parts of one `snapshot_ref`
//! must arrive in order, agree on `upto` and `count`, and add up to at most the
//! configured snapshot size; a part 0 starts a new upload and abandons an unfinished
//! one (a client that reconnects or restarts an upload does just that). Only a
//! complete snapshot leaves this module, so the relay stores snapshots atomically.

use bytes::Bytes;
use constellation_protocol::FrameError;

pub struct SnapshotAssembler {
    max_bytes: u64,
    current: Option<Upload>,
}

struct Upload {
    snapshot_ref: u32,
    upto: u64,
    count: u16,
    next: u16,
    bytes: Vec<u8>,
}

/// One received part, as decoded from a SNAPSHOT_PART frame.
pub struct Part<'a> {
    pub upto: u64,
    pub snapshot_ref: u32,
    pub index: u16,
    pub count: u16,
    pub payload: &'a [u8],
}

impl SnapshotAssembler {
    pub fn new(max_bytes: u64) -> Self {
        SnapshotAssembler {
            max_bytes,
            current: None,
        }
    }

    /// Adds a part; returns the whole snapshot (`upto`, bytes) with its last part.
    pub fn add(&mut self, part: Part<'_>) -> Result<Option<(u64, Bytes)>, FrameError> {
        if part.index == 0 {
            self.current = Some(Upload {
                snapshot_ref: part.snapshot_ref,
                upto: part.upto,
                count: part.count,
                next: 0,
                bytes: Vec::new(),
            });
        }
        let upload = match self.current.as_mut() {
            Some(u) if u.snapshot_ref == part.snapshot_ref && u.next == part.index => u,
            other => {
                let expected = match other {
                    Some(u) if u.snapshot_ref == part.snapshot_ref => u.next,
                    _ => 0,
                };
                return Err(FrameError::SnapshotOutOfOrder {
                    snapshot_ref: part.snapshot_ref,
                    index: part.index,
                    expected,
                });
            }
        };
        if upload.upto != part.upto || upload.count != part.count {
            return Err(FrameError::SnapshotInconsistent {
                snapshot_ref: part.snapshot_ref,
            });
        }
        let size = upload.bytes.len() as u64 + part.payload.len() as u64;
        if size > self.max_bytes {
            return Err(FrameError::SnapshotTooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        upload.bytes.extend_from_slice(part.payload);
        upload.next += 1;
        if upload.next < upload.count {
            return Ok(None);
        }
        let done = self.current.take().expect("an upload is in progress");
        Ok(Some((done.upto, Bytes::from(done.bytes))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(snapshot_ref: u32, index: u16, count: u16, payload: &[u8]) -> Part<'_> {
        Part {
            upto: 9,
            snapshot_ref,
            index,
            count,
            payload,
        }
    }

    #[test]
    fn parts_in_order_make_the_snapshot() {
        let mut a = SnapshotAssembler::new(100);
        assert_eq!(a.add(part(1, 0, 3, b"ab")).unwrap(), None);
        assert_eq!(a.add(part(1, 1, 3, b"cd")).unwrap(), None);
        let (upto, bytes) = a.add(part(1, 2, 3, b"e")).unwrap().unwrap();
        assert_eq!((upto, &bytes[..]), (9, &b"abcde"[..]));
        // A one-part snapshot completes at once.
        assert!(a.add(part(2, 0, 1, b"x")).unwrap().is_some());
    }

    #[test]
    fn out_of_order_inconsistent_and_oversized_parts_are_refused() {
        let mut a = SnapshotAssembler::new(4);
        let err = a.add(part(1, 1, 2, b"x")).unwrap_err();
        assert_eq!(err.close_code(), 4403);
        a.add(part(1, 0, 3, b"ab")).unwrap();
        let err = a.add(part(1, 2, 3, b"x")).unwrap_err();
        assert_eq!(
            err,
            FrameError::SnapshotOutOfOrder {
                snapshot_ref: 1,
                index: 2,
                expected: 1
            }
        );
        let mut a = SnapshotAssembler::new(4);
        a.add(part(1, 0, 3, b"ab")).unwrap();
        assert_eq!(a.add(part(1, 1, 4, b"c")).unwrap_err().close_code(), 4403);
        let mut a = SnapshotAssembler::new(4);
        a.add(part(1, 0, 3, b"ab")).unwrap();
        assert_eq!(a.add(part(1, 1, 3, b"cde")).unwrap_err().close_code(), 4413);
    }

    #[test]
    fn a_new_part_zero_restarts_the_upload() {
        let mut a = SnapshotAssembler::new(100);
        a.add(part(1, 0, 2, b"old")).unwrap();
        a.add(part(2, 0, 2, b"new")).unwrap();
        let (_, bytes) = a.add(part(2, 1, 2, b"!")).unwrap().unwrap();
        assert_eq!(&bytes[..], b"new!");
    }
}
