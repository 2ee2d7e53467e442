use dateline_model::{Article, Origin};

use crate::IngestError;

pub(crate) fn read(_doc: &str, _bytes: &[u8], _origin: Origin) -> Result<Vec<Article>, IngestError> {
    Err(IngestError::Unsupported("PDF is not supported yet".into()))
}
