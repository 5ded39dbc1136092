//! A strict, total reader of Yjs v1 update and state-vector bytes.
//!
//! Bytes from other participants reach [`super::Room::apply_update`] before yrs sees
//! them, and yrs trusts its input more than a room can: a client id of 2^53 or more
//! trips a debug assertion, a clock near `u32::MAX` overflows, a deeply nested value
//! recurses until the stack is gone. This module reads the whole encoding first,
//! with every count checked against the bytes that remain, and hands the room only
//! what it needs to decide whether yrs may integrate the update: each block's id,
//! length, kind and the ids it refers to. It never panics and never allocates more
//! than a small multiple of its input. It must stay free of any yrs type so that it
//! can be reasoned about (and fuzzed) on its own.
//!
//! It accepts only the content kinds the room's document uses (deleted ranges,
//! strings, binary and JSON-like values, and map, array and text types). Formatting
//! attributes, embeds, XML types, sub-documents, weak links and "skip" blocks are
//! refused: no module writes them, and each is a part of yrs with its own edge cases.
//! A module that starts using one must widen [`read_content`] and its tests.

/// Client ids must stay below 2^53 so that JavaScript (Yjs) can read them.
pub(crate) const MAX_CLIENT: u64 = (1 << 53) - 1;
/// Clocks stay below 2^31 because yrs computes clock offsets as `i32`.
pub(crate) const MAX_CLOCK: u32 = i32::MAX as u32;
/// Nesting depth of JSON-like values; documents written by this app use 2 at most.
const MAX_DEPTH: usize = 32;

const HAS_ORIGIN: u8 = 0b1000_0000;
const HAS_RIGHT_ORIGIN: u8 = 0b0100_0000;
const HAS_PARENT_SUB: u8 = 0b0010_0000;
const CONTENT_MASK: u8 = 0b0001_1111;

/// One item's position in the document's history: the author and their clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Id {
    pub client: u64,
    pub clock: u32,
}

/// What an item holds, as far as the room's checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// A range whose content was deleted and collected (yrs `ContentDeleted`).
    Deleted,
    /// A nested map, array or text: the only content another item may name as parent.
    Type,
    /// Strings, values and binary data.
    Value,
}

/// One block of an update: a collected range or an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub clock: u32,
    pub len: u32,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A garbage-collected range (yrs `GC`): deleted and gone.
    Collected,
    Item {
        content: Content,
        origin: Option<Id>,
        right_origin: Option<Id>,
        /// Set when the item names its parent by id rather than by root name.
        parent: Option<Id>,
    },
}

/// The consecutive blocks of one client in an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub client: u64,
    pub start: u32,
    pub blocks: Vec<Block>,
}

/// The parts of an update the room checks before integrating it. The delete set
/// is validated but not kept: deletions of unknown items are safe to hand to yrs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ParsedUpdate {
    pub runs: Vec<Run>,
}

/// Reads a whole v1 update; the error says what was wrong and where.
pub(crate) fn parse_update(bytes: &[u8]) -> Result<ParsedUpdate, String> {
    let mut r = Reader { bytes, pos: 0 };
    let client_count = r.count("client count")?;
    let mut runs: Vec<Run> = Vec::with_capacity(client_count);
    for _ in 0..client_count {
        let block_count = r.count("block count")?;
        let client = r.client()?;
        if runs.iter().any(|run| run.client == client) {
            return Err(format!("client {client} is listed twice"));
        }
        let start = r.clock("start clock")?;
        let mut blocks = Vec::with_capacity(block_count);
        let mut clock = start;
        for _ in 0..block_count {
            let block = read_block(&mut r, clock)?;
            clock = clock
                .checked_add(block.len)
                .filter(|end| *end <= MAX_CLOCK)
                .ok_or_else(|| {
                    format!("the blocks of client {client} run past clock {MAX_CLOCK}")
                })?;
            blocks.push(block);
        }
        runs.push(Run {
            client,
            start,
            blocks,
        });
    }
    read_delete_set(&mut r)?;
    r.finish()?;
    Ok(ParsedUpdate { runs })
}

/// Cuts a v1 update into updates of at most `max_len` bytes each, between
/// blocks: every part names one client's consecutive blocks from the clock of
/// its first one, and the delete set travels in the last part (alone if it
/// does not fit beside the blocks). Applied in order (or in any order, since a
/// part that needs an earlier one waits for it), the parts change a document
/// exactly as the whole does. A single block larger than `max_len` stays whole
/// in a part of its own. An update that already fits is returned as it is.
pub(crate) fn split_update(bytes: &[u8], max_len: usize) -> Result<Vec<Vec<u8>>, String> {
    if bytes.len() <= max_len {
        return Ok(vec![bytes.to_vec()]);
    }
    let mut r = Reader { bytes, pos: 0 };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let client_count = r.count("client count")?;
    for _ in 0..client_count {
        let block_count = r.count("block count")?;
        let client = r.client()?;
        let mut clock = r.clock("start clock")?;
        // The blocks of the part being filled: its first clock, count and bytes.
        let mut first = clock;
        let mut count = 0u64;
        let mut raw: Vec<u8> = Vec::new();
        for _ in 0..block_count {
            let at = r.pos;
            let block = read_block(&mut r, clock)?;
            let block_bytes = &bytes[at..r.pos];
            // 1 client + count + client + clock (at most 10 bytes each) + an empty delete set.
            if count > 0 && 31 + raw.len() + block_bytes.len() > max_len {
                parts.push(encode_run(client, first, count, &raw));
                raw.clear();
                count = 0;
                first = clock;
            }
            raw.extend_from_slice(block_bytes);
            count += 1;
            clock = clock
                .checked_add(block.len)
                .filter(|end| *end <= MAX_CLOCK)
                .ok_or_else(|| format!("the blocks of client {client} run past clock {MAX_CLOCK}"))?;
        }
        if count > 0 {
            parts.push(encode_run(client, first, count, &raw));
        }
    }
    let delete_set_at = r.pos;
    read_delete_set(&mut r)?;
    r.finish()?;
    let delete_set = &bytes[delete_set_at..];
    if delete_set != [0] {
        match parts.last_mut() {
            Some(last) if last.len() - 1 + delete_set.len() <= max_len => {
                last.pop(); // its empty delete set
                last.extend_from_slice(delete_set);
            }
            _ => {
                let mut alone = vec![0];
                alone.extend_from_slice(delete_set);
                parts.push(alone);
            }
        }
    }
    Ok(parts)
}

/// One client's run of blocks as a whole update with an empty delete set.
fn encode_run(client: u64, first_clock: u32, count: u64, blocks: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(blocks.len() + 32);
    write_var_u64(&mut out, 1);
    write_var_u64(&mut out, count);
    write_var_u64(&mut out, client);
    write_var_u64(&mut out, u64::from(first_clock));
    out.extend_from_slice(blocks);
    out.push(0);
    out
}

/// lib0's unsigned variable-length integer: 7 bits a byte, low bits first.
fn write_var_u64(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a whole v1 state vector and returns its (client, clock) pairs.
pub(crate) fn parse_state_vector(bytes: &[u8]) -> Result<Vec<(u64, u32)>, String> {
    let mut r = Reader { bytes, pos: 0 };
    let count = r.count("client count")?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let client = r.client()?;
        let clock = r.clock("clock")?;
        entries.push((client, clock));
    }
    r.finish()?;
    Ok(entries)
}

fn read_block(r: &mut Reader<'_>, clock: u32) -> Result<Block, String> {
    let at = r.pos;
    let info = r.u8("block header")?;
    match info {
        0 => {
            let len = r.length("collected range")?;
            return Ok(Block {
                clock,
                len,
                kind: BlockKind::Collected,
            });
        }
        10 => return Err(format!("byte {at}: skip blocks are not accepted")),
        _ => {}
    }
    let origin = if info & HAS_ORIGIN != 0 {
        Some(r.id()?)
    } else {
        None
    };
    let right_origin = if info & HAS_RIGHT_ORIGIN != 0 {
        Some(r.id()?)
    } else {
        None
    };
    let mut parent = None;
    if origin.is_none() && right_origin.is_none() {
        match r.var_u32("parent kind")? {
            1 => {
                r.string("root name")?;
            }
            0 => parent = Some(r.id()?),
            other => return Err(format!("byte {at}: unknown parent kind {other}")),
        }
        if info & HAS_PARENT_SUB != 0 {
            r.string("map key")?;
        }
    }
    let (content, len) = read_content(r, info & CONTENT_MASK, at)?;
    Ok(Block {
        clock,
        len,
        kind: BlockKind::Item {
            content,
            origin,
            right_origin,
            parent,
        },
    })
}

/// Reads an item's content and returns its kind and its length in clock ticks
/// (UTF-16 code units for strings, as in Yjs).
fn read_content(r: &mut Reader<'_>, kind: u8, at: usize) -> Result<(Content, u32), String> {
    match kind {
        1 => Ok((Content::Deleted, r.length("deleted range")?)),
        3 => {
            r.bytes_with_len("binary value")?;
            Ok((Content::Value, 1))
        }
        4 => {
            let text = r.string("text")?;
            let units = text.encode_utf16().count();
            if units == 0 {
                return Err(format!("byte {at}: empty text item"));
            }
            Ok((Content::Value, u32::try_from(units).unwrap_or(u32::MAX)))
        }
        7 => match r.u8("type kind")? {
            // Array, map and text; everything else (XML, sub-documents) is refused.
            0..=2 => Ok((Content::Type, 1)),
            other => Err(format!(
                "byte {at}: shared type kind {other} is not accepted"
            )),
        },
        8 => {
            let count = r.count("value count")?;
            if count == 0 {
                return Err(format!("byte {at}: empty value item"));
            }
            for _ in 0..count {
                skip_value(r, 0)?;
            }
            Ok((Content::Value, u32::try_from(count).unwrap_or(u32::MAX)))
        }
        other => Err(format!("byte {at}: content kind {other} is not accepted")),
    }
}

/// Skips one lib0 "any" value, refusing nesting deeper than [`MAX_DEPTH`].
fn skip_value(r: &mut Reader<'_>, depth: usize) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!(
            "byte {}: values nested deeper than {MAX_DEPTH}",
            r.pos
        ));
    }
    let at = r.pos;
    match r.u8("value tag")? {
        // undefined, null, false, true
        127 | 126 | 121 | 120 => Ok(()),
        125 => r.skip_var("integer"),
        124 => r.take(4, "float32").map(drop),
        123 | 122 => r.take(8, "float64").map(drop),
        119 => r.string("string value").map(drop),
        118 => {
            for _ in 0..r.count("object size")? {
                r.string("object key")?;
                skip_value(r, depth + 1)?;
            }
            Ok(())
        }
        117 => {
            for _ in 0..r.count("array size")? {
                skip_value(r, depth + 1)?;
            }
            Ok(())
        }
        116 => r.bytes_with_len("binary value").map(drop),
        other => Err(format!("byte {at}: unknown value tag {other}")),
    }
}

fn read_delete_set(r: &mut Reader<'_>) -> Result<(), String> {
    for _ in 0..r.count("deleted client count")? {
        let client = r.client()?;
        for _ in 0..r.count("deleted range count")? {
            let clock = r.clock("deleted clock")?;
            let len = r.var_u32("deleted length")?;
            if clock.checked_add(len).is_none_or(|end| end > MAX_CLOCK) {
                return Err(format!(
                    "a deleted range of client {client} runs past clock {MAX_CLOCK}"
                ));
            }
        }
    }
    Ok(())
}

/// A cursor over untrusted bytes; every read checks what remains.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn truncated(&self, what: &str) -> String {
        format!("the bytes end inside the {what} at byte {}", self.pos)
    }

    fn u8(&mut self, what: &str) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| self.truncated(what))?;
        self.pos += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], String> {
        if len > self.remaining() {
            return Err(self.truncated(what));
        }
        let slice = &self.bytes[self.pos..self.pos + len];
        self.pos += len;
        Ok(slice)
    }

    /// A lib0 unsigned varint of at most 64 bits.
    fn var_u64(&mut self, what: &str) -> Result<u64, String> {
        let at = self.pos;
        let mut value: u64 = 0;
        for shift in (0..70).step_by(7) {
            let byte = self.u8(what)?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 || shift > 63 {
                return Err(format!("byte {at}: the {what} does not fit in 64 bits"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!("byte {at}: the {what} does not fit in 64 bits"))
    }

    fn var_u32(&mut self, what: &str) -> Result<u32, String> {
        let at = self.pos;
        let value = self.var_u64(what)?;
        u32::try_from(value).map_err(|_| format!("byte {at}: the {what} {value} is too large"))
    }

    /// Skips a lib0 signed varint (sign bit in the first byte), at most 10 bytes.
    fn skip_var(&mut self, what: &str) -> Result<(), String> {
        let at = self.pos;
        for _ in 0..10 {
            if self.u8(what)? & 0x80 == 0 {
                return Ok(());
            }
        }
        Err(format!("byte {at}: the {what} is longer than 10 bytes"))
    }

    /// A count of following elements. Each element takes at least one byte, so a
    /// count larger than what remains is refused before anything is allocated.
    fn count(&mut self, what: &str) -> Result<usize, String> {
        let at = self.pos;
        let value = self.var_u64(what)?;
        match usize::try_from(value) {
            Ok(count) if count <= self.remaining() => Ok(count),
            _ => Err(format!(
                "byte {at}: the {what} {value} exceeds the bytes that follow"
            )),
        }
    }

    fn length(&mut self, what: &str) -> Result<u32, String> {
        let at = self.pos;
        match self.var_u32(what)? {
            0 => Err(format!("byte {at}: empty {what}")),
            len if len > MAX_CLOCK => {
                Err(format!("byte {at}: the {what} is longer than {MAX_CLOCK}"))
            }
            len => Ok(len),
        }
    }

    fn client(&mut self) -> Result<u64, String> {
        let at = self.pos;
        match self.var_u64("client id")? {
            client if client <= MAX_CLIENT => Ok(client),
            client => Err(format!("byte {at}: client id {client} is not below 2^53")),
        }
    }

    fn clock(&mut self, what: &str) -> Result<u32, String> {
        let at = self.pos;
        match self.var_u32(what)? {
            clock if clock <= MAX_CLOCK => Ok(clock),
            clock => Err(format!(
                "byte {at}: the {what} {clock} is above {MAX_CLOCK}"
            )),
        }
    }

    fn id(&mut self) -> Result<Id, String> {
        let client = self.client()?;
        let clock = self.clock("item clock")?;
        Ok(Id { client, clock })
    }

    fn bytes_with_len(&mut self, what: &str) -> Result<&'a [u8], String> {
        let len = self.count(what)?;
        self.take(len, what)
    }

    fn string(&mut self, what: &str) -> Result<&'a str, String> {
        let at = self.pos;
        let bytes = self.bytes_with_len(what)?;
        std::str::from_utf8(bytes).map_err(|_| format!("byte {at}: the {what} is not valid UTF-8"))
    }

    fn finish(&self) -> Result<(), String> {
        match self.remaining() {
            0 => Ok(()),
            extra => Err(format!(
                "{extra} unexpected bytes after the end at byte {}",
                self.pos
            )),
        }
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
