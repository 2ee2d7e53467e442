use dateline_model::{Article, Origin};

use crate::{IngestError, Limits};

pub(crate) fn read(
    _doc: &str,
    _bytes: &[u8],
    _origin: Origin,
    _limits: &Limits,
) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("feeds are not supported yet".into()))
}
