//! ZIP archives, read recursively without ever touching the disk: every entry is streamed
//! through `take` under caps on its size, its unpacked/packed ratio, the archive's total
//! unpacked bytes, the entry count and the nesting depth.

use std::collections::HashSet;
use std::io::{Cursor, Read};

use dateline_model::Origin;

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

/// Reads the entries of a zip, sending their articles to `sink` one entry at a time; the number
/// sent. Entries that could not be read are problems of the file, named; when no entry gave an
/// article, the first of them is the archive's error.
pub(crate) fn read_zip(
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
    depth: usize,
    sink: &mut crate::Sink<'_>,
) -> Result<usize, IngestError> {
    if depth + 1 > limits.max_depth {
        return Err(IngestError::TooDeep { limit: limits.max_depth });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| IngestError::Zip(e.to_string()))?;
    if zip.len() > budget.entries_left {
        return Err(IngestError::TooManyEntries { limit: limits.max_entries });
    }
    budget.entries_left -= zip.len();
    let mut sent = 0usize;
    let mut problems: Vec<(String, IngestError)> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    // Names already given: two raw names that make one safe name ("a/../b.txt" and "b.txt") are
    // two entries, and must stay two articles.
    let mut taken: HashSet<String> = HashSet::new();
    // A cap that ends the reading: the archive's error when nothing was read before it; else
    // what was read stays read (it already went to the sink) and the rest is a named problem.
    let mut stopped: Option<(String, IngestError)> = None;
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
        let name = unique_name(&mut taken, name, i);
        if let Some((ext, what)) = crate::NOT_ARTICLES.iter().find(|(e, _)| *e == crate::extension(&name)) {
            skipped.push((name, format!("not an article format: .{ext} is {what}")));
            continue;
        }
        let compressed = file.compressed_size();
        let data = match read_entry(&mut file, &name, compressed, limits, budget) {
            Ok(d) => d,
            Err(e) if fatal(&e) => {
                stopped = Some((name, e));
                break;
            }
            Err(e) => {
                problems.push((name, e));
                continue;
            }
        };
        drop(file);
        match crate::read_bytes_in(&name, &data, nested(&origin, &name), limits, budget, depth + 1, sink) {
            Ok(n) => sent += n,
            Err(e) if fatal(&e) => {
                stopped = Some((name, e));
                break;
            }
            Err(IngestError::Stopped) => return Err(IngestError::Stopped),
            Err(IngestError::Unsupported(why)) => skipped.push((name, why)),
            Err(e) => problems.push((name, e)),
        }
    }
    if let Some((name, e)) = stopped {
        if sent == 0 {
            return Err(e);
        }
        let message = format!("{e}: this entry and the ones after it were not read");
        problems.push((name, IngestError::Unsupported(message)));
    }
    let first = if sent == 0 { problems.first().map(|(entry, _)| entry.clone()) } else { None };
    let mut error = None;
    for (entry, e) in problems {
        if error.is_none() && first.as_ref() == Some(&entry) {
            error = Some(match e {
                IngestError::InEntry { entry: inner, source } => {
                    IngestError::InEntry { entry: format!("{entry}!{inner}"), source }
                }
                e => IngestError::InEntry { entry, source: Box::new(e) },
            });
            continue;
        }
        let entry = nested(&origin, &entry).entry.unwrap_or_default();
        budget.problems.push(crate::EntryProblem { entry, message: e.to_string(), skipped: false });
    }
    for (entry, why) in skipped {
        let entry = nested(&origin, &entry).entry.unwrap_or_default();
        budget.problems.push(crate::EntryProblem { entry, message: why, skipped: true });
    }
    match error {
        Some(e) => Err(e),
        None if sent == 0 => Err(IngestError::NoText { format: "zip archive (no article files in it)" }),
        None => Ok(sent),
    }
}

/// `name`, or when an earlier entry already has it, `name` with the entry's number before the
/// extension (`b.txt` → `b~3.txt`), so that it keeps its reader.
fn unique_name(taken: &mut HashSet<String>, name: String, index: usize) -> String {
    if taken.insert(name.clone()) {
        return name;
    }
    let (dir, base) = match name.rsplit_once('/') {
        Some((d, b)) => (format!("{d}/"), b.to_string()),
        None => (String::new(), name.clone()),
    };
    let mut n = index + 1;
    loop {
        let candidate = match base.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{dir}{stem}~{n}.{ext}"),
            _ => format!("{dir}{base}~{n}"),
        };
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
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

    #[test]
    fn names_that_collide_stay_apart() {
        let mut taken = HashSet::new();
        assert_eq!(unique_name(&mut taken, "d/b.txt".into(), 0), "d/b.txt");
        assert_eq!(unique_name(&mut taken, "d/b.txt".into(), 4), "d/b~5.txt");
        assert_eq!(unique_name(&mut taken, "d/b~5.txt".into(), 5), "d/b~5~6.txt");
        assert_eq!(unique_name(&mut taken, "noext".into(), 6), "noext");
        assert_eq!(unique_name(&mut taken, "noext".into(), 7), "noext~8");
    }
}
