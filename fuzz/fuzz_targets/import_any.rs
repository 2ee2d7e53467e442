//! The whole import, as `dateline import` runs it: arbitrary bytes saved under a name of each
//! supported kind (the first byte picks it, and whether a copy is imported beside it), imported
//! into a fresh workspace and then again. The property is in `../import_property.rs`, shared
//! with the stable test `crates/dateline/tests/import_any.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../import_property.rs"]
mod import_property;

fuzz_target!(
    init: {
        // Panics caught inside the import (the PDF reader's, reported as the file's failure)
        // are not crashes; one caught by the facade says "internal error" in the report, which
        // the property rejects; an uncaught one still aborts the run through libfuzzer-sys.
        std::panic::set_hook(Box::new(|_| {}));
    },
    |data: &[u8]| {
        if let Some((name, copy, content)) = import_property::split(data) {
            import_property::check(name, copy, content);
        }
    }
);
