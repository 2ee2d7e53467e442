//! ZIP archives, read recursively without ever touching the disk: every entry is streamed
//! through `take` under caps on its size, its unpacked/packed ratio, the archive's total
//! unpacked bytes, the entry count and the nesting depth.

use std::io::{Cursor, Read};

use dateline_model::{Article, Origin};

use crate::{IngestError, Limits, MIB};

/// What is left to unpack, shared by nested archives.
#[derive(Debug)]
pub(crate) struct Budget {
    pub unpacked_left: u64,
    pub entries_left: usize,
    /// Entries that failed in archives that otherwise gave articles.
    pub problems: Vec<crate::EntryProblem>,
}

impl Budget {
    pub fn new(limits: &Limits) -> Self {
        Self {
            unpacked_left: limits.max_total_unpacked_bytes,
            entries_left: limits.max_entries,
            problems: Vec::new(),
        }
    }
}

/// An entry name made safe to show and to use as an id: forward slashes, no drive letter, no
/// leading slash, no `.` or `..` components, no control characters.
pub(crate) fn safe_name(raw: &str) -> String {
    let unified = raw.replace('\\', "/");
    let parts: Vec<String> = unified
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .map(|p| p.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    let mut name = parts.join("/");
    if name.len() > 1 && name.as_bytes()[1] == b':' {
        name = name[2..].trim_start_matches('/').to_string();
    }
    name
}

/// The origin of something inside `origin`: `entry` nested under the current entry with `!`.
pub(crate) fn nested(origin: &Origin, entry: &str) -> Origin {
    Origin {
        path: origin.path.clone(),
        entry: Some(match &origin.entry {
            Some(e) => format!("{e}!{entry}"),
            None => entry.to_string(),
        }),
    }
}

/// Reads one entry under the caps. `Ok(None)` never happens for a readable entry; errors are
/// the cap violations or the zip crate's own read errors.
pub(crate) fn read_entry<R: Read>(
    entry: &mut R,
    name: &str,
    compressed: u64,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<u8>, IngestError> {
    let by_ratio = compressed.saturating_mul(limits.max_ratio).max(MIB);
    let cap = by_ratio.min(limits.max_file_bytes).min(budget.unpacked_left);
    let mut buf = Vec::new();
    entry
        .take(cap.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| IngestError::Zip(format!("entry {name} is damaged: {e}")))?;
    let got = buf.len() as u64;
    if got > cap {
        return Err(if got > budget.unpacked_left {
            IngestError::ZipBomb { limit: limits.max_total_unpacked_bytes }
        } else if got > limits.max_file_bytes {
            IngestError::InEntry {
                entry: name.to_string(),
                source: Box::new(IngestError::TooLarge { size: got, limit: limits.max_file_bytes }),
            }
        } else {
            IngestError::ZipRatio { entry: name.to_string(), ratio: limits.max_ratio }
        });
    }
    budget.unpacked_left -= got;
    Ok(buf)
}

fn fatal(e: &IngestError) -> bool {
    matches!(
        e,
        IngestError::ZipBomb { .. } | IngestError::ZipRatio { .. } | IngestError::TooManyEntries { .. }
    )
}

pub(crate) fn read_zip(
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
    depth: usize,
) -> Result<Vec<Article>, IngestError> {
    if depth + 1 > limits.max_depth {
        return Err(IngestError::TooDeep { limit: limits.max_depth });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| IngestError::Zip(e.to_string()))?;
    if zip.len() > budget.entries_left {
        return Err(IngestError::TooManyEntries { limit: limits.max_entries });
    }
    budget.entries_left -= zip.len();
    let mut articles = Vec::new();
    let mut problems: Vec<(String, IngestError)> = Vec::new();
    for i in 0..zip.len() {
        let mut file = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                problems.push((format!("entry {}", i + 1), IngestError::Zip(e.to_string())));
                continue;
            }
        };
        if file.is_dir() {
            continue;
        }
        let raw = file.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("entry-{}", i + 1));
        let name = safe_name(&raw);
        let base = name.rsplit('/').next().unwrap_or("");
        if name.is_empty() || base.starts_with('.') || name.starts_with("__MACOSX/") {
            continue;
        }
        if crate::NOT_ARTICLES.iter().any(|(e, _)| *e == crate::extension(&name)) {
            continue;
        }
        let compressed = file.compressed_size();
        let data = match read_entry(&mut file, &name, compressed, limits, budget) {
            Ok(d) => d,
            Err(e) if fatal(&e) => return Err(e),
            Err(e) => {
                problems.push((name, e));
                continue;
            }
        };
        drop(file);
        match crate::read_bytes_in(&name, &data, nested(&origin, &name), limits, budget, depth + 1) {
            Ok(a) => articles.extend(a),
            Err(e) if fatal(&e) => return Err(e),
            Err(IngestError::Unsupported(_)) => {}
            Err(e) => problems.push((name, e)),
        }
    }
    if articles.is_empty() {
        return Err(match problems.into_iter().next() {
            Some((entry, IngestError::InEntry { entry: inner, source })) => {
                IngestError::InEntry { entry: format!("{entry}!{inner}"), source }
            }
            Some((entry, e)) => IngestError::InEntry { entry, source: Box::new(e) },
            None => IngestError::NoText { format: "zip archive (no article files in it)" },
        });
    }
    for (entry, e) in problems {
        let entry = nested(&origin, &entry).entry.unwrap_or_default();
        budget.problems.push(crate::EntryProblem { entry, message: e.to_string() });
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names() {
        assert_eq!(safe_name("../../etc/passwd"), "etc/passwd");
        assert_eq!(safe_name("/abs/./x.txt"), "abs/x.txt");
        assert_eq!(safe_name("C:\\Users\\x.txt"), "Users/x.txt");
        assert_eq!(safe_name("a/\u{7}b.txt"), "a/b.txt");
    }
}
