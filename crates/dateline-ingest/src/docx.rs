use dateline_model::{Article, Origin};

use crate::archive::Budget;
use crate::{IngestError, Limits};

pub(crate) fn read(
    _doc: &str,
    _bytes: &[u8],
    _origin: Origin,
    _limits: &Limits,
    _budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("DOCX is not supported yet".into()))
}
