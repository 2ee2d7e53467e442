use std::fmt;

/// Why a file (or an archive entry) could not be read. `Display` is a message for the analyst:
/// it names what is wrong and, where there is one, what to do about it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {reason}")]
    Io { path: String, reason: String, kind: std::io::ErrorKind },
    #[error("file is too large: {} (the limit is {})", Size(*size), Size(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("too large for {what}: {} (the limit is {})", Size(*size), Size(*limit))]
    TooLargeFor { what: &'static str, size: u64, limit: u64 },
    #[error("empty file: nothing to read")]
    Empty,
    #[error("not a text file: binary content (NUL bytes) in a .{ext}")]
    Binary { ext: String },
    #[error("no article text found in this {format}")]
    NoText { format: &'static str },
    #[error("{0}")]
    Unsupported(String),
    #[error("PDF has no text layer (scanned?): run it through OCR first")]
    PdfNoText,
    #[error("PDF is damaged or unreadable: {0}")]
    PdfBroken(String),
    #[error("PDF is encrypted: save an unlocked copy first")]
    PdfEncrypted,
    #[error("DOCX is damaged: {0}")]
    Docx(String),
    #[error("e-mail could not be read: {0}")]
    Mail(String),
    #[error("JSON is not valid: {0}")]
    Json(String),
    #[error("JSON has no articles: {0}")]
    JsonShape(String),
    #[error("Parquet: {0}")]
    Parquet(String),
    #[error("WARC: {0}")]
    Warc(String),
    #[error("RSS/Atom feed is malformed: {0}")]
    Feed(String),
    #[error("not a valid zip archive: {0}")]
    Zip(String),
    #[error("zip bomb: entries unpack to more than {}", Size(*limit))]
    ZipBomb { limit: u64 },
    #[error("zip bomb: entry {entry} unpacks to more than {ratio} times its packed size")]
    ZipRatio { entry: String, ratio: u64 },
    #[error("archive has more than {limit} entries")]
    TooManyEntries { limit: usize },
    #[error("archives nested more than {limit} deep")]
    TooDeep { limit: usize },
    #[error("{entry}: {source}")]
    InEntry { entry: String, source: Box<IngestError> },
    #[error("PDF bomb: its compressed streams unpack to more than {}", Size(*limit))]
    PdfBomb { limit: u64 },
    #[error("PDF bomb: a compressed stream unpacks to more than {ratio} times its packed size")]
    PdfRatio { ratio: u64 },
    /// A PDF that would take the reader hours or gigabytes although no stream unpacks past its
    /// caps: too many objects, or pages whose drawing instructions (forms drawing forms, one
    /// stream listed over and over) are all past theirs.
    #[error("PDF bomb: {0}")]
    PdfOverCap(String),
    /// The reader's sink asked to stop (an import was cancelled).
    #[error("stopped")]
    Stopped,
}

impl IngestError {
    pub(crate) fn io(path: &str, e: std::io::Error) -> Self {
        let reason = match e.kind() {
            std::io::ErrorKind::PermissionDenied => "permission denied (check the file's permissions)".into(),
            std::io::ErrorKind::NotFound => "no such file".into(),
            _ => e.to_string(),
        };
        IngestError::Io { path: path.to_string(), reason, kind: e.kind() }
    }
}

/// A byte count for people: "2.0 GiB", "256 MiB", "12 KiB", "17 bytes".
pub(crate) struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
        for (unit, name) in UNITS {
            if n >= unit {
                return if n.is_multiple_of(unit) {
                    write!(f, "{} {name}", n / unit)
                } else {
                    write!(f, "{:.1} {name}", n as f64 / unit as f64)
                };
            }
        }
        write!(f, "{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(Size(1 << 30).to_string(), "1 GiB");
        assert_eq!(Size(2_147_483_648 + (1 << 29)).to_string(), "2.5 GiB");
        assert_eq!(Size(17).to_string(), "17 bytes");
        let e = IngestError::ZipBomb { limit: 1 << 30 };
        assert_eq!(e.to_string(), "zip bomb: entries unpack to more than 1 GiB");
    }
}
