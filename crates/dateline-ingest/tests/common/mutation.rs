//! One mutation of a sample for the "hostile bytes" properties: a few byte flips and perhaps a cut.
//! Shared by `tests/no_panic.rs` (every reader) and `crates/dateline/tests/import_any.rs` (the
//! whole import), which includes this file by path.

use proptest::sample::Index;

/// `bytes` with each `(at, byte)` of `flips` written over it, then cut at `cut` when given.
pub fn mutate(mut bytes: Vec<u8>, flips: Vec<(Index, u8)>, cut: Option<Index>) -> Vec<u8> {
    for (at, b) in flips {
        if !bytes.is_empty() {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut.index(bytes.len() + 1));
    }
    bytes
}
