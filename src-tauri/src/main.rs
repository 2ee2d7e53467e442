//! The Dateline desktop app: the shell of `src/lib.rs` on the real runtime, with the workspace
//! of `DATELINE_WORKSPACE` (or the default one).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use dateline::Workspace;
use dateline_app::{OpenDialog, RecentList, SaveDialog, Shell};

fn main() {
    dateline::quiet_caught_reader_panics();
    let workspace = match Workspace::default_path().and_then(|path| Workspace::open(&path)) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("dateline: {e}");
            std::process::exit(3);
        }
    };
    let shell = Shell {
        workspace,
        recent: RecentList::InAppConfigDir,
        save_dialog: save_dialog(),
        open_dialog: open_dialog(),
    };
    if let Err(e) = dateline_app::build_app(tauri::Builder::default(), shell).run(dateline_app::context()) {
        eprintln!("dateline: the window could not start: {e}");
        std::process::exit(3);
    }
}

/// The native dialog; in a build with the `e2e` feature (`make test-e2e`), the folder of
/// `DATELINE_TEST_SAVE_DIR` when it is set, so the end-to-end test can export.
fn save_dialog() -> SaveDialog {
    #[cfg(feature = "e2e")]
    if let Some(dir) = std::env::var_os("DATELINE_TEST_SAVE_DIR").filter(|d| !d.is_empty()) {
        return SaveDialog::Folder(dir.into());
    }
    SaveDialog::Native
}

/// The native dialog; in a build with the `e2e` feature, the paths listed in the file of
/// `DATELINE_TEST_OPEN_ANSWER` when it is set, so the end-to-end test can import and open.
fn open_dialog() -> OpenDialog {
    #[cfg(feature = "e2e")]
    if let Some(file) = std::env::var_os("DATELINE_TEST_OPEN_ANSWER").filter(|f| !f.is_empty()) {
        return OpenDialog::AnswerFile(file.into());
    }
    OpenDialog::Native
}
