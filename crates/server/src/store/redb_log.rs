//! The embedded store: every room's log and snapshots in one redb file
//! (`relay.redb` under the data directory). Reads run on tokio's blocking pool in
//! their own read transactions (redb lets them run beside the writer); every write
//! goes through the group-committing [`Writer`](super::writer).
//!
//! Layout (all keys start with the room id, so one room's data is contiguous):
//! - `log`: (room, seq) → payload, the held part of each room's log;
//! - `heads`: room → latest assigned seq, kept apart from `log` so that numbers are
//!   never reused after a prefix is dropped;
//! - `snapshots`: (room, upto) → snapshot bytes;
//! - `meta`: "format" → layout version of this file.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use constellation_core::link::RoomId;
use redb::{Database, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition};
use tokio::sync::oneshot;

use super::writer::{Command, Writer};
use super::{Entry, LogBounds, RoomLog, Snapshot, StoreError, StoreFuture};

pub(super) const LOG: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("log");
pub(super) const HEADS: TableDefinition<&str, u64> = TableDefinition::new("heads");
pub(super) const SNAPSHOTS: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("snapshots");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");

/// Version of the table layout above. A file written by a later layout is refused
/// rather than misread.
const FORMAT: u64 = 1;

/// Name of the store file inside the data directory.
pub const FILE_NAME: &str = "relay.redb";

/// Why the store could not be opened, for the start-up message.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{} is in use by another program: stop the other `constellation serve` using this data directory, or choose another with --data DIR", path.display())]
    InUse { path: PathBuf },
    #[error("{} was written by a newer version of constellation (store format {found}, this one reads {FORMAT}): run the newer version", path.display())]
    NewerFormat { path: PathBuf, found: u64 },
    #[error("cannot open {}: {source}. Check the data directory or choose another with --data DIR", path.display())]
    Other { path: PathBuf, source: redb::Error },
}

pub struct RedbLog {
    db: Arc<Database>,
    writer: Writer,
}

impl RedbLog {
    /// Opens (or creates) `relay.redb` in `data_dir` and starts the writer thread.
    pub fn open(data_dir: &Path) -> Result<RedbLog, OpenError> {
        let path = data_dir.join(FILE_NAME);
        let other = |source: redb::Error| OpenError::Other {
            path: path.clone(),
            source,
        };
        let db = Database::create(&path).map_err(|err| match err {
            redb::DatabaseError::DatabaseAlreadyOpen => OpenError::InUse { path: path.clone() },
            err => other(err.into()),
        })?;
        let found = init_tables(&db).map_err(other)?;
        if found > FORMAT {
            return Err(OpenError::NewerFormat { path, found });
        }
        let db = Arc::new(db);
        let writer = Writer::start(db.clone()).map_err(|e| other(redb::Error::Io(e)))?;
        Ok(RedbLog { db, writer })
    }

    /// Number of write transactions committed since opening.
    pub fn commits(&self) -> u64 {
        self.writer.commits()
    }

    /// Finishes the queued writes and stops the writer thread. Blocks.
    pub fn shutdown(&self) {
        self.writer.shutdown();
    }

    fn read<T, F>(&self, f: F) -> StoreFuture<T>
    where
        T: Send + 'static,
        F: FnOnce(&ReadTransaction) -> Result<T, redb::Error> + Send + 'static,
    {
        let db = self.db.clone();
        Box::pin(async move {
            let joined = tokio::task::spawn_blocking(move || {
                let txn = db.begin_read()?;
                f(&txn)
            })
            .await;
            match joined {
                Ok(result) => result.map_err(StoreError::from),
                Err(join) => Err(StoreError::Backend(format!("a store read failed: {join}"))),
            }
        })
    }

    fn write<T: Send + 'static>(
        &self,
        make: impl FnOnce(oneshot::Sender<Result<T, StoreError>>) -> Command,
    ) -> StoreFuture<T> {
        let (tx, rx) = oneshot::channel();
        self.writer.send(make(tx));
        Box::pin(async move { rx.await.unwrap_or(Err(StoreError::Closed)) })
    }
}

/// Creates the tables so that reads never meet a missing one, and records the
/// format. Returns the format found in an existing file.
fn init_tables(db: &Database) -> Result<u64, redb::Error> {
    let txn = db.begin_write()?;
    let found = {
        txn.open_table(LOG)?;
        txn.open_table(HEADS)?;
        txn.open_table(SNAPSHOTS)?;
        let mut meta = txn.open_table(META)?;
        let found = meta.get("format")?.map(|v| v.value());
        match found {
            Some(found) => found,
            None => {
                meta.insert("format", FORMAT)?;
                FORMAT
            }
        }
    };
    txn.commit()?;
    Ok(found)
}

impl RoomLog for RedbLog {
    fn append(&self, room: &RoomId, payloads: Vec<Bytes>) -> StoreFuture<Range<u64>> {
        let room = room.clone();
        self.write(|reply| Command::Append {
            room,
            payloads,
            reply,
        })
    }

    fn read_from(&self, room: &RoomId, after: u64, max_bytes: usize) -> StoreFuture<Vec<Entry>> {
        let room = room.clone();
        self.read(move |txn| {
            let mut entries = Vec::new();
            let Some(start) = after.checked_add(1) else {
                return Ok(entries);
            };
            let log = txn.open_table(LOG)?;
            let mut bytes = 0;
            for item in log.range((room.as_str(), start)..=(room.as_str(), u64::MAX))? {
                let (key, value) = item?;
                let payload = Bytes::copy_from_slice(value.value());
                bytes += payload.len();
                entries.push(Entry {
                    seq: key.value().1,
                    payload,
                });
                if bytes >= max_bytes {
                    break;
                }
            }
            Ok(entries)
        })
    }

    fn bounds(&self, room: &RoomId) -> StoreFuture<LogBounds> {
        let room = room.clone();
        self.read(move |txn| {
            let room = room.as_str();
            let head = txn
                .open_table(HEADS)?
                .get(room)?
                .map(|v| v.value())
                .unwrap_or(0);
            let first = txn
                .open_table(LOG)?
                .range((room, 0)..=(room, u64::MAX))?
                .next()
                .transpose()?
                .map(|(k, _)| k.value().1)
                .unwrap_or(head + 1);
            let snapshot_upto = txn
                .open_table(SNAPSHOTS)?
                .range((room, 0)..=(room, u64::MAX))?
                .next_back()
                .transpose()?
                .map(|(k, _)| k.value().1)
                .unwrap_or(0);
            Ok(LogBounds {
                head,
                first,
                snapshot_upto,
            })
        })
    }

    fn put_snapshot(&self, room: &RoomId, upto: u64, bytes: Bytes) -> StoreFuture<bool> {
        let room = room.clone();
        self.write(|reply| Command::PutSnapshot {
            room,
            upto,
            bytes,
            reply,
        })
    }

    fn snapshot(&self, room: &RoomId, at_most: u64) -> StoreFuture<Option<Snapshot>> {
        let room = room.clone();
        self.read(move |txn| {
            let room = room.as_str();
            let snapshots = txn.open_table(SNAPSHOTS)?;
            let newest = snapshots.range((room, 0)..=(room, at_most))?.next_back();
            Ok(newest.transpose()?.map(|(key, value)| Snapshot {
                upto: key.value().1,
                bytes: Bytes::copy_from_slice(value.value()),
            }))
        })
    }

    fn drop_prefix(&self, room: &RoomId, upto: u64) -> StoreFuture<()> {
        let room = room.clone();
        self.write(|reply| Command::DropPrefix { room, upto, reply })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(n: u8) -> RoomId {
        RoomId::from_random([n; 16])
    }

    fn payloads(items: &[&str]) -> Vec<Bytes> {
        items
            .iter()
            .map(|s| Bytes::copy_from_slice(s.as_bytes()))
            .collect()
    }

    #[tokio::test]
    async fn appends_number_each_room_from_one_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let log = RedbLog::open(dir.path()).unwrap();
        let (a, b) = (room(1), room(2));
        assert_eq!(log.append(&a, payloads(&["a1", "a2"])).await.unwrap(), 1..3);
        assert_eq!(log.append(&b, payloads(&["b1"])).await.unwrap(), 1..2);
        assert_eq!(log.append(&a, payloads(&["a3"])).await.unwrap(), 3..4);
        log.shutdown();
        drop(log);

        let log = RedbLog::open(dir.path()).unwrap();
        let entries = log.read_from(&a, 1, usize::MAX).await.unwrap();
        let seqs: Vec<_> = entries.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [2, 3]);
        assert_eq!(entries[0].payload, "a2");
        let bounds = log.bounds(&a).await.unwrap();
        assert_eq!(
            bounds,
            LogBounds {
                head: 3,
                first: 1,
                snapshot_upto: 0
            }
        );
        assert_eq!(log.bounds(&room(9)).await.unwrap().first, 1);
    }

    #[tokio::test]
    async fn reads_stop_after_max_bytes_but_return_at_least_one_entry() {
        let dir = tempfile::tempdir().unwrap();
        let log = RedbLog::open(dir.path()).unwrap();
        let a = room(1);
        log.append(&a, payloads(&["aaaa", "bbbb", "cccc"]))
            .await
            .unwrap();
        assert_eq!(log.read_from(&a, 0, 1).await.unwrap().len(), 1);
        assert_eq!(log.read_from(&a, 0, 8).await.unwrap().len(), 2);
        assert!(log.read_from(&a, 3, 8).await.unwrap().is_empty());
        assert!(log.read_from(&a, u64::MAX, 8).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn snapshots_replace_older_ones_and_the_prefix_can_be_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let log = RedbLog::open(dir.path()).unwrap();
        let a = room(1);
        log.append(&a, payloads(&["1", "2", "3", "4"]))
            .await
            .unwrap();
        assert!(log
            .put_snapshot(&a, 2, Bytes::from_static(b"s2"))
            .await
            .unwrap());
        assert!(log
            .put_snapshot(&a, 3, Bytes::from_static(b"s3"))
            .await
            .unwrap());
        assert!(!log
            .put_snapshot(&a, 3, Bytes::from_static(b"again"))
            .await
            .unwrap());
        // Until the prefix is dropped, a catch-up bounded at 2 still finds s2.
        assert_eq!(log.snapshot(&a, 2).await.unwrap().unwrap().bytes, "s2");
        log.drop_prefix(&a, 3).await.unwrap();
        assert_eq!(log.snapshot(&a, 2).await.unwrap(), None);
        let s = log.snapshot(&a, u64::MAX).await.unwrap().unwrap();
        assert_eq!((s.upto, &s.bytes[..]), (3, &b"s3"[..]));
        assert_eq!(
            log.bounds(&a).await.unwrap(),
            LogBounds {
                head: 4,
                first: 4,
                snapshot_upto: 3
            }
        );
        // Numbers are not reused after the prefix is gone.
        log.drop_prefix(&a, 4).await.unwrap();
        assert_eq!(log.append(&a, payloads(&["5"])).await.unwrap(), 5..6);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_appends_share_commits() {
        let dir = tempfile::tempdir().unwrap();
        let log = Arc::new(RedbLog::open(dir.path()).unwrap());
        let before = log.commits();
        let tasks: Vec<_> = (0..200u8)
            .map(|i| {
                let log = log.clone();
                tokio::spawn(async move {
                    log.append(&room(i % 4), vec![Bytes::from(vec![i])])
                        .await
                        .unwrap()
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let commits = log.commits() - before;
        assert!(commits < 200, "{commits} commits for 200 appends");
        for r in 0..4 {
            assert_eq!(log.bounds(&room(r)).await.unwrap().head, 50);
        }
    }

    #[test]
    fn a_second_opener_is_told_the_file_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let _first = RedbLog::open(dir.path()).unwrap();
        let err = RedbLog::open(dir.path()).err().unwrap();
        assert!(matches!(err, OpenError::InUse { .. }), "{err}");
    }
}
