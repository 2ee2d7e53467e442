use dateline_model::{Article, Origin};

use crate::{IngestError, Limits};

/// What is left to unpack, shared by nested archives.
#[derive(Debug)]
#[allow(dead_code)] // used by the zip reader (next step)
pub(crate) struct Budget {
    pub unpacked_left: u64,
    pub entries_left: usize,
}

impl Budget {
    pub fn new(limits: &Limits) -> Self {
        Self { unpacked_left: limits.max_total_unpacked_bytes, entries_left: limits.max_entries }
    }
}

pub(crate) fn read_zip(
    _bytes: &[u8],
    _origin: Origin,
    _limits: &Limits,
    _budget: &mut Budget,
    _depth: usize,
) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("zip archives are not supported yet".into()))
}
