//! The `obo` binary: everything lives in the library; this only exits with
//! the status the library decides.

#![forbid(unsafe_code)]

use std::io::Write;

fn main() {
    // A bug must still end in one line and exit 2, never a backtrace, even
    // with RUST_BACKTRACE set in the shell.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // A panic while stderr is closed must not panic again in here.
        let _ = writeln!(
            std::io::stderr(),
            "obo: internal error{place}; this is a bug, please report it with the command that caused it"
        );
    }));
    let code = std::panic::catch_unwind(obo::cli::main).unwrap_or(obo::error::EXIT_ERROR);
    std::process::exit(code);
}
