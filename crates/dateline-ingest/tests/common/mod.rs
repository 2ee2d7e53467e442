//! Test inputs the integration tests of this crate share: the PDF writer of `src/test_support.rs`.

#[path = "../../src/test_support.rs"]
#[allow(dead_code)] // not every test binary that includes this module uses every writer
mod support;

#[allow(unused_imports)]
pub use support::*;
