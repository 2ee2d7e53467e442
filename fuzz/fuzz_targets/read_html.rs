//! Arbitrary bytes read as `page.html`: must return Ok or Err, never panic, hang or blow memory.
#![no_main]

use dateline_ingest::{Limits, Origin, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // Panics caught inside the crate (the PDF reader runs under catch_unwind) are not
        // crashes; an uncaught panic still aborts the run through libfuzzer-sys.
        std::panic::set_hook(Box::new(|_| {}));
    },
    |data: &[u8]| {
        let limits = Limits { max_total_unpacked_bytes: 64 << 20, max_file_bytes: 16 << 20, ..Limits::default() };
        let _ = read_bytes("page.html", data, Origin::file("page.html"), &limits);
    }
);
