//! obo: On-Behalf-Of binding. Signed delegation chains that tie an AI
//! agent's Ed25519 key to the person it acts for, so every action can be
//! traced to a human.
//!
//! The binary in `src/main.rs` only calls [`cli::main`]; everything else
//! lives here, one module per concern.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod audit;
pub mod cli;
pub mod commands;
pub mod confusables;
pub mod delegation;
pub mod encoding;
pub mod error;
pub mod input;
pub mod keys;
pub mod principal;
pub mod render;
pub mod replay;
pub mod revocation;
pub mod scope;
pub mod store;
pub mod time;
pub mod token;
pub mod trust;
pub mod verify;
