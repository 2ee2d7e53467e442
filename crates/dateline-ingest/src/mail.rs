use dateline_model::{Article, Origin};

use crate::{IngestError, Limits};

pub(crate) fn read_eml(_doc: &str, _bytes: &[u8], _origin: Origin) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("e-mail is not supported yet".into()))
}

pub(crate) fn read_mbox(
    _doc: &str,
    _bytes: &[u8],
    _origin: Origin,
    _limits: &Limits,
) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("mailboxes are not supported yet".into()))
}
