//! Writing a file whole or not at all: the bytes go to a temporary file beside it, are synced,
//! then renamed over it. A full disk or a crash half-way leaves the old file as it was (an
//! export on a full disk had replaced a good JSON file with invalid bytes).

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Temporary names taken by this process, so that two threads never share one.
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{}.{}-{n}.tmp", name.to_string_lossy(), std::process::id()));
        let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
        let done = written.and_then(|()| std::fs::rename(&tmp, path));
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        return done;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").expect("write");
        write_atomically(&path, b"new").expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, ["out.json"]);
        // Into a folder that does not exist: an error, and nothing written.
        assert!(write_atomically(&dir.path().join("no/such.json"), b"x").is_err());
    }

    #[test]
    fn a_write_that_fails_late_leaves_the_target_and_no_temporary_file() {
        // The rename fails (the target is a folder with a file in it), after the bytes were
        // written: as a full disk fails after the first bytes, the target must stay as it was.
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.json");
        std::fs::create_dir(&target).expect("mkdir");
        std::fs::write(target.join("keep"), "kept").expect("write");
        assert!(write_atomically(&target, b"new bytes").is_err());
        assert_eq!(std::fs::read_to_string(target.join("keep")).expect("read"), "kept");
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, ["out.json"], "no temporary file left");
    }
}
