use dateline_model::{Article, Origin};

use crate::{IngestError, Limits};

pub(crate) fn read(
    _doc: &str,
    _bytes: &[u8],
    _origin: Origin,
    _limits: &Limits,
    _lines: bool,
) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("JSON is not supported yet".into()))
}
