//! Owns running each command: turning parsed arguments into library calls
//! and printing the result for people or as `--json`. One file per group.

pub mod audit;
pub mod demo;
pub mod inspect;
pub mod keys;
pub mod principals;
pub mod revoke;
pub mod tokens;
pub mod trust;
pub mod verify;

use crate::cli::{Command, Context};
use anyhow::Result;

/// Runs one command and returns its exit status.
pub fn dispatch(ctx: &Context, command: Command) -> Result<i32> {
    match command {
        Command::Keygen(args) => keys::keygen(ctx, args),
        Command::Key(sub) => keys::run(ctx, sub),
        Command::Principal(sub) => principals::run(ctx, sub),
        Command::Trust(sub) => trust::run(ctx, sub),
        Command::Delegate(args) => tokens::delegate(ctx, args),
        Command::Attenuate(args) => tokens::attenuate(ctx, args),
        Command::Present(args) => tokens::present(ctx, args),
        Command::Inspect(args) => inspect::run(ctx, args),
        Command::Verify(args) => verify::run(ctx, args),
        Command::Revoke(args) => revoke::revoke(ctx, args),
        Command::Revocations(sub) => revoke::run(ctx, sub),
        Command::Demo => demo::run(ctx),
        Command::Audit(sub) => audit::run(ctx, sub),
    }
}
