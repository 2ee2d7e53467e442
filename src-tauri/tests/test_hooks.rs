//! The end-to-end test's hooks (the dialogs answered from `DATELINE_TEST_*` variables, in
//! src/main.rs) are compiled only with the `e2e` feature, so the shipped app always asks the
//! user: the app binary built without the feature, as `make release` builds it, does not hold
//! the hooks' variable names at all. Built with it, the binary holds every one, which shows the
//! search would see them.
//!
//! The names are read from src/main.rs, so a new hook is checked too. This binary is the one
//! cargo builds for the tests (debug, dev-dependency features on), not the release build:
//! whether a hook is compiled in depends on the `e2e` feature alone, the same in both;
//! `make release` runs the same search over the release binary.

use std::path::Path;

/// Every `DATELINE_TEST_…` name in the text: the prefix and the upper-case letters, digits and
/// underscores after it.
fn hook_names(text: &str) -> Vec<String> {
    const PREFIX: &str = "DATELINE_TEST_";
    let mut names: Vec<String> = Vec::new();
    for (at, _) in text.match_indices(PREFIX) {
        let rest = &text[at + PREFIX.len()..];
        let len = rest
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len());
        let name = format!("{PREFIX}{}", &rest[..len]);
        if len > 0 && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[test]
fn hook_names_are_read_whole() {
    assert_eq!(
        hook_names(
            "var_os(\"DATELINE_TEST_SAVE_DIR\") and DATELINE_TEST_OPEN_ANSWER, DATELINE_TEST_SAVE_DIR"
        ),
        ["DATELINE_TEST_SAVE_DIR", "DATELINE_TEST_OPEN_ANSWER"]
    );
    assert!(hook_names("DATELINE_TEST_ alone, DATELINE_WORKSPACE").is_empty());
}

#[test]
fn the_app_binary_holds_the_test_hooks_only_with_the_e2e_feature() {
    let main = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs");
    let source = std::fs::read_to_string(&main).unwrap_or_else(|e| panic!("{}: {e}", main.display()));
    let hooks = hook_names(&source);
    assert!(hooks.len() >= 2, "src/main.rs names its hooks' variables: {hooks:?}");

    let path = env!("CARGO_BIN_EXE_dateline-app");
    let binary = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // Lossy UTF-8 keeps every ASCII byte where it was, and std's optimised substring search
    // reads a debug binary's hundreds of megabytes in well under a second.
    let text = String::from_utf8_lossy(&binary);
    let with_e2e = cfg!(feature = "e2e");
    for hook in &hooks {
        assert_eq!(
            text.contains(hook.as_str()),
            with_e2e,
            "{path} {} {hook}, built {} the e2e feature",
            if with_e2e { "lacks" } else { "holds the test hook's variable" },
            if with_e2e { "with" } else { "without" },
        );
    }
}
