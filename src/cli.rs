//! Owns the command line: every command, flag and help text (the source
//! of the completions and man pages), parsing, and the exit policy.

use crate::error::{exit_code, one_line, EXIT_ERROR, EXIT_OK};
use crate::render::{ColorChoice, Style};
use crate::scope::Scope;
use crate::store::Home;
use anyhow::{anyhow, Result};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Exit status: 0 success or valid; 1 token, proof or log rejected; 2 usage, input or storage error.
TOKEN and PROOF arguments take the text itself, a file holding it, or - for stdin.
TIME is RFC 3339 (2026-12-04T16:00:00Z) or Unix seconds; DURATION reads like 90s, 15m, 1h, 7d.";

/// On-Behalf-Of binding: signed chains that tie an agent's key to the person it acts for.
#[derive(Debug, Parser)]
#[command(name = "obo", version, propagate_version = true)]
pub struct Cli {
    /// Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder's obo/]
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour output
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,

    /// The command to run
    #[command(subcommand)]
    pub command: Command,
}

/// Every obo command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a new Ed25519 key in the keystore and print its key id
    Keygen(KeygenArgs),
    /// List, export and import keys
    #[command(subcommand)]
    Key(KeyCommand),
    /// Record the people agents act for, and their approved scope
    #[command(subcommand)]
    Principal(PrincipalCommand),
    /// Choose which issuer keys this verifier accepts
    #[command(subcommand)]
    Trust(TrustCommand),
    /// Issue hop 0: a principal delegates to an agent
    Delegate(DelegateArgs),
    /// Add a narrower hop for a sub-agent, signed by the current holder
    Attenuate(AttenuateArgs),
    /// Make a short-lived proof that the holder has the last hop's key
    Present(PresentArgs),
    /// Decode a token without verifying anything
    Inspect(InspectArgs),
    /// Verify a whole chain for an audience and print who acts for whom
    Verify(VerifyArgs),
    /// Revoke a hop (and every chain through it), a key, or a person's delegations
    Revoke(RevokeArgs),
    /// List the home's revocations, or carry them between homes as signed lists
    #[command(subcommand)]
    Revocations(RevocationsCommand),
    /// Run the whole flow in a temporary home and show each step
    Demo,
    /// Record requests in a tamper-evident log; show, trace and check it
    #[command(subcommand)]
    Audit(AuditCommand),
}

/// Arguments of `obo keygen`.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Name of the key in the keystore
    pub name: String,
    /// Name shown to people, such as "Agent 1"
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,
    /// Replace an existing key of that name
    #[arg(long)]
    pub force: bool,
}

/// `obo key` subcommands.
#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// List the keys in the keystore
    List,
    /// Print public keys (never a private part)
    Export(KeyExportArgs),
    /// Store someone else's public JWK under a name
    Import(KeyImportArgs),
}

/// Output forms of `obo key export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeyFormat {
    /// One public JWK (RFC 7517, RFC 8037)
    Jwk,
    /// A JWK Set holding every named key
    Jwks,
    /// did:key identifiers
    Did,
}

/// Arguments of `obo key export`.
#[derive(Debug, Args)]
pub struct KeyExportArgs {
    /// Keys to export
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output form
    #[arg(long, value_enum, default_value = "jwk")]
    pub format: KeyFormat,
}

/// Arguments of `obo key import`.
#[derive(Debug, Args)]
pub struct KeyImportArgs {
    /// A file holding a public Ed25519 JWK
    pub file: PathBuf,
    /// Name to store it under
    #[arg(long)]
    pub name: String,
    /// Name shown to people
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,
    /// Replace an existing key of that name
    #[arg(long)]
    pub force: bool,
}

/// `obo principal` subcommands.
#[derive(Debug, Subcommand)]
pub enum PrincipalCommand {
    /// Record a person and the scopes they approve
    Add(PrincipalAddArgs),
    /// List the people on record
    List,
    /// Remove a person
    Remove {
        /// The person's user ID
        user_id: String,
    },
}

/// Arguments of `obo principal add`.
#[derive(Debug, Args)]
pub struct PrincipalAddArgs {
    /// The person's user ID, as it will appear in tokens
    pub user_id: String,
    /// Scopes the person approves
    #[arg(long, required = true, num_args = 1.., value_parser = parse_scope, value_name = "SCOPE")]
    pub allow: Vec<Scope>,
    /// Name shown to people, such as "Alice"
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,
    /// Replace an existing record
    #[arg(long)]
    pub force: bool,
}

/// `obo trust` subcommands.
#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Trust an issuer key from the keystore, or a JWK or JWKS file
    Add(TrustAddArgs),
    /// List trusted issuers
    List,
    /// Stop trusting an issuer, by name or key id
    Remove {
        /// The entry's name or key id
        #[arg(allow_hyphen_values = true)]
        name: String,
    },
}

/// Arguments of `obo trust add`.
#[derive(Debug, Args)]
pub struct TrustAddArgs {
    /// A keystore name, or a path to a JWK or JWKS file
    pub key: String,
    /// Principals this issuer may speak for; '*' matches any run of characters
    #[arg(long, num_args = 1.., value_name = "PATTERN", default_value = "*")]
    pub principals: Vec<String>,
    /// The widest scopes this issuer may grant [default: no limit]
    #[arg(long, num_args = 1.., value_parser = parse_scope, value_name = "SCOPE")]
    pub max_scope: Vec<Scope>,
    /// Name for the entry [default: the key's name]
    #[arg(long)]
    pub name: Option<String>,
    /// Replace an entry for the same key
    #[arg(long)]
    pub force: bool,
}

/// Flags shared by the commands that write a token.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write the result to FILE (mode 0600) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it already exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Arguments of `obo delegate`.
#[derive(Debug, Args)]
pub struct DelegateArgs {
    /// The identity system's signing key (keystore name)
    #[arg(long, value_name = "KEY")]
    pub issuer: String,
    /// The person delegating, as recorded with 'obo principal add'
    #[arg(long, value_name = "USER-ID")]
    pub principal: String,
    /// The agent's public key: keystore name or JWK file
    #[arg(long, value_name = "KEY")]
    pub agent: String,
    /// Scopes granted; each must lie inside the principal's approved scope
    #[arg(long, required = true, num_args = 1.., value_parser = parse_scope, value_name = "SCOPE")]
    pub scope: Vec<Scope>,
    /// Services the token may be used at
    #[arg(long, required = true, num_args = 1.., value_name = "AUD")]
    pub audience: Vec<String>,
    /// Lifetime
    #[arg(long, value_parser = parse_ttl, default_value = "1h", value_name = "DURATION")]
    pub ttl: Duration,
    /// How many further hops may follow
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub max_depth: u32,
    /// What the principal asked for
    #[arg(long, value_name = "TEXT")]
    pub task: Option<String>,
    /// The agent's identifier in the token [default: the key's name]
    #[arg(long, value_name = "ID")]
    pub agent_id: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub out: OutputArgs,
}

/// Arguments of `obo attenuate`.
#[derive(Debug, Args)]
pub struct AttenuateArgs {
    /// The token to extend
    pub token: String,
    /// The current holder's key: the one the last hop binds (keystore name)
    #[arg(long = "as", value_name = "KEY")]
    pub holder: String,
    /// The sub-agent's public key: keystore name or JWK file
    #[arg(long, value_name = "KEY")]
    pub agent: String,
    /// Scopes granted; each must be covered by the last hop's
    #[arg(long, required = true, num_args = 1.., value_parser = parse_scope, value_name = "SCOPE")]
    pub scope: Vec<Scope>,
    /// Audiences, a subset of the last hop's [default: the last hop's]
    #[arg(long, num_args = 1.., value_name = "AUD")]
    pub audience: Option<Vec<String>>,
    /// Lifetime, ending no later than the last hop [default: until the last hop expires]
    #[arg(long, value_parser = parse_ttl, value_name = "DURATION")]
    pub ttl: Option<Duration>,
    /// How many further hops may follow [default: one less than the last hop]
    #[arg(long, value_name = "N")]
    pub max_depth: Option<u32>,
    /// What the sub-agent is to do [default: the last hop's task]
    #[arg(long, value_name = "TEXT")]
    pub task: Option<String>,
    /// The sub-agent's identifier in the token [default: the key's name]
    #[arg(long, value_name = "ID")]
    pub agent_id: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub out: OutputArgs,
}

/// Arguments of `obo present`.
#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The token to prove possession of
    pub token: String,
    /// The holder's key: the one the last hop binds (keystore name)
    #[arg(long = "as", value_name = "KEY")]
    pub holder: String,
    /// The service the proof is for
    #[arg(long, value_name = "AUD")]
    pub audience: String,
    /// What the holder is about to do, for the service's log
    #[arg(long, value_name = "TEXT")]
    pub action: Option<String>,
    /// Lifetime of the proof, at most 5m
    #[arg(long, value_parser = parse_duration, default_value = "5m", value_name = "DURATION")]
    pub ttl: Duration,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub out: OutputArgs,
}

/// Arguments of `obo inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The token to decode
    pub token: String,
}

/// What `obo verify` and `obo audit record` check beyond the token itself:
/// one set of flags, so the two cannot drift apart.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scopes the last hop must cover
    #[arg(long, num_args = 1.., value_parser = parse_scope, value_name = "SCOPE")]
    pub require: Vec<Scope>,
    /// Also trust the issuer keys in these JWK or JWKS files
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub trust: Vec<PathBuf>,
    /// Clock leeway, at most 5m
    #[arg(long, value_parser = parse_leeway, default_value = "60s", value_name = "DURATION")]
    pub leeway: Duration,
    /// Also refuse what these signed revocation lists revoke (the home's are always checked)
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub revocations: Vec<PathBuf>,
}

/// Arguments of `obo verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The token to verify
    pub token: String,
    /// The service verifying; must be one of the last hop's audiences
    #[arg(long, value_name = "AUD")]
    pub audience: String,
    /// A proof of possession from 'obo present'
    #[arg(long, value_name = "PROOF")]
    pub proof: Option<String>,
    /// Fail when no proof is given
    #[arg(long)]
    pub require_proof: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub checks: CheckArgs,
    /// Verify as at this time [default: now]
    #[arg(long, value_parser = parse_time, value_name = "TIME")]
    pub at: Option<i64>,
    /// Accept each proof once: remember its id in FILE for its lifetime (implies --require-proof)
    #[arg(long, value_name = "FILE")]
    pub replay_cache: Option<PathBuf>,
}

/// Arguments of `obo revoke`: exactly one of TOKEN, `--key` or `--principal`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["token", "key", "principal"])))]
pub struct RevokeArgs {
    /// A token holding the hop to revoke; every chain through that hop is refused
    pub token: Option<String>,
    /// Which hop of TOKEN, counted from 0 [default: the last]
    #[arg(long, value_name = "N", conflicts_with_all = ["key", "principal"])]
    pub hop: Option<usize>,
    /// Revoke every hop signed by or bound to this key: a key id, keystore name or JWK file
    #[arg(long, value_name = "KEY-ID", allow_hyphen_values = true)]
    pub key: Option<String>,
    /// Revoke every delegation made for this person (see --before)
    #[arg(long, value_name = "USER-ID")]
    pub principal: Option<String>,
    /// With --principal: the delegations whose hop 0 was issued at or before TIME [default: now]
    #[arg(long, value_parser = parse_time, value_name = "TIME", conflicts_with_all = ["token", "key"])]
    pub before: Option<i64>,
    /// Why, shown to whoever meets the refusal
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Who is revoking [default: the USER environment variable]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// `obo revocations` subcommands.
#[derive(Debug, Subcommand)]
pub enum RevocationsCommand {
    /// List the revocations in the home
    List,
    /// Write the home's revocations as a signed, dated list for services to load
    Export(RevocationsExportArgs),
    /// Merge a signed list into the home; its signer must be a trusted issuer key
    Import(RevocationsImportArgs),
}

/// Arguments of `obo revocations export`.
#[derive(Debug, Args)]
pub struct RevocationsExportArgs {
    /// The key that signs the list (keystore name); verifiers must trust it as an issuer
    #[arg(long, value_name = "KEY")]
    pub signing_key: String,
    /// Where to write the list
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it already exists
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `obo revocations import`.
#[derive(Debug, Args)]
pub struct RevocationsImportArgs {
    /// A list from 'obo revocations export'
    pub file: PathBuf,
}

/// `obo audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check a request's token and proof as 'obo verify' does, and append the outcome to a log
    Record(AuditRecordArgs),
    /// Show log entries: time, who acted for whom, action, resource, outcome
    Show(AuditShowArgs),
    /// Show everything done on behalf of one person, grouped by delegation chain
    Trace(AuditTraceArgs),
    /// Check that no entry was edited, deleted, inserted, reordered or cut off
    Verify(AuditVerifyArgs),
    /// Cut off a torn last line left by a crash, after checking every line before it
    Repair(AuditRepairArgs),
}

/// Arguments of `obo audit record`.
#[derive(Debug, Args)]
pub struct AuditRecordArgs {
    /// The token presented with the request
    pub token: String,
    /// The audit log to append to; created with mode 0600 if missing
    #[arg(long, value_name = "FILE")]
    pub log: PathBuf,
    /// The proof of possession presented with the request, from 'obo present'
    #[arg(long, value_name = "PROOF")]
    pub proof: String,
    /// The service receiving the request; must be one of the last hop's audiences
    #[arg(long, value_name = "AUD")]
    pub audience: String,
    /// What the request does, as the service describes it
    #[arg(long, value_name = "TEXT")]
    pub action: String,
    /// What the request acts on, as the service names it
    #[arg(long, value_name = "TEXT")]
    pub resource: Option<String>,
    /// Sign the entry with this key of the logging service (keystore name)
    #[arg(long, value_name = "KEY")]
    pub signing_key: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub checks: CheckArgs,
    /// Where spent proofs are remembered, so each is accepted once [default: the log's path with .replay added]
    #[arg(long, value_name = "FILE")]
    pub replay_cache: Option<PathBuf>,
}

/// Which entries `obo audit show` and `obo audit trace` list.
#[derive(Debug, Args)]
pub struct AuditFilterArgs {
    /// Only requests checked at or after this time
    #[arg(long, value_parser = parse_time, value_name = "TIME")]
    pub since: Option<i64>,
    /// Only requests checked at or before this time
    #[arg(long, value_parser = parse_time, value_name = "TIME")]
    pub until: Option<i64>,
}

/// Arguments of `obo audit show`.
#[derive(Debug, Args)]
pub struct AuditShowArgs {
    /// The audit log
    pub file: PathBuf,
    /// Only requests made on behalf of this principal (user ID)
    #[arg(long, value_name = "ID")]
    pub principal: Option<String>,
    /// Only requests whose actor chain includes this actor (ID or key id)
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filter: AuditFilterArgs,
    /// Only allowed or only denied requests
    #[arg(long, value_enum, value_name = "OUTCOME")]
    pub outcome: Option<crate::audit::Outcome>,
    /// Also show line numbers, user IDs, actor key ids, tasks and reasons
    #[arg(long)]
    pub wide: bool,
}

/// Arguments of `obo audit trace`.
#[derive(Debug, Args)]
pub struct AuditTraceArgs {
    /// The audit log
    pub file: PathBuf,
    /// The person to trace (user ID)
    #[arg(long, value_name = "ID")]
    pub principal: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filter: AuditFilterArgs,
}

/// Arguments of `obo audit verify`.
#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// The audit log
    pub file: PathBuf,
    /// Require every entry to be signed by this logging-service key: keystore name or JWK file
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// A head printed by an earlier 'obo audit verify'; the log must still hold that entry unchanged
    #[arg(long, value_parser = parse_anchor, value_name = "SEQ:HASH")]
    pub anchor: Option<crate::audit::Anchor>,
}

/// Arguments of `obo audit repair`.
#[derive(Debug, Args)]
pub struct AuditRepairArgs {
    /// The audit log
    pub file: PathBuf,
    /// Check the logging service's signatures with this key first: keystore name or JWK file
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
}

fn parse_anchor(text: &str) -> Result<crate::audit::Anchor, String> {
    text.parse()
}

fn parse_scope(text: &str) -> Result<Scope, String> {
    // Options that take several values also take a TOKEN that follows them.
    if text.starts_with("eyJ") {
        return Err(
            "this is a token, not a scope; put the TOKEN before the options, or '--' before it"
                .into(),
        );
    }
    text.parse()
}

fn parse_ttl(text: &str) -> Result<Duration, String> {
    crate::time::parse_ttl(text)
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    crate::time::parse_duration(text)
}

/// A leeway longer than a proof's whole lifetime would make freshness
/// meaningless, so it is bounded.
fn parse_leeway(text: &str) -> Result<Duration, String> {
    let leeway = crate::time::parse_duration(text)?;
    if leeway > Duration::from_secs(crate::verify::MAX_LEEWAY as u64) {
        return Err(format!("leeway {text:?} is longer than the 5m limit"));
    }
    Ok(leeway)
}

fn parse_time(text: &str) -> Result<i64, String> {
    crate::time::parse_time(text)
}

/// The clap command, with the exit status and argument forms in every
/// command's help and man page, not only the top level's.
pub fn command() -> clap::Command {
    fn with_footer(cmd: clap::Command) -> clap::Command {
        cmd.after_help(AFTER_HELP).mut_subcommands(with_footer)
    }
    with_footer(Cli::command())
}

/// What every command is handed: the home folder and the output style.
#[derive(Debug, Clone)]
pub struct Context {
    /// The home folder.
    pub home: Home,
    /// The output style.
    pub style: Style,
}

fn default_home() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("obo")).ok_or_else(|| {
        anyhow!("cannot find a data folder for the home; pass --home DIR or set OBO_HOME")
    })
}

/// Parses the command line, runs the command and returns the exit status.
/// Errors are printed here, as one line on stderr.
pub fn main() -> i32 {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let json = cli.json;
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.is::<crate::render::ClosedPipe>() => EXIT_OK,
        Err(e) => {
            crate::render::stderr_line(&format!("obo: {}", one_line(&e)));
            if json {
                print_json_error(&e);
            }
            exit_code(&e)
        }
    }
}

/// With `--json`, a failure is data too: one object on stdout naming the
/// exit status, and for a rejected token its hop and rule.
fn print_json_error(e: &anyhow::Error) {
    let rejection = e
        .chain()
        .find_map(|c| c.downcast_ref::<crate::error::Rejection>());
    let value = serde_json::json!({
        "ok": false,
        "exit": exit_code(e),
        "error": {
            "message": one_line(e),
            "hop": rejection.and_then(|r| r.hop),
            "rule": rejection.map(|r| r.rule.name()),
        },
    });
    let _ = crate::render::out_json(&value);
}

fn usage_error(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            EXIT_ERROR
        } else {
            EXIT_OK
        };
    }
    crate::render::stderr_line(&format!(
        "obo: {}; run '{} --help' for usage",
        usage_summary(&e),
        usage_command(&e)
    ));
    EXIT_ERROR
}

/// The command the error is about, such as `obo verify`, taken from clap's
/// usage line, so the advice points at the help that answers it.
fn usage_command(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let usage = text.lines().find_map(|l| l.trim().strip_prefix("Usage: "));
    let words: Vec<&str> = usage
        .unwrap_or("obo")
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    match words.is_empty() {
        true => "obo".into(),
        false => words.join(" "),
    }
}

/// A whole token quoted back in an error helps nobody; its start does.
fn shorten(word: &str) -> String {
    match word.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...'", &word[..cut]),
        None => word.to_owned(),
    }
}

/// Clap's message folded into one line: the error and any tip, without
/// the usage block, each untrusted character escaped.
fn usage_summary(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let message = text
        .split("\nUsage:")
        .next()
        .unwrap_or(&text)
        .split("\nFor more information")
        .next()
        .unwrap_or(&text);
    let folded: Vec<String> = message.split_whitespace().map(shorten).collect();
    let folded = folded.join(" ").replace(" tip:", "; tip:");
    let folded = folded.strip_prefix("error: ").unwrap_or(&folded);
    crate::render::escape(folded.trim_end_matches(':'))
}

fn run(cli: Cli) -> Result<i32> {
    // An empty OBO_HOME, as left by `OBO_HOME= obo ...`, means unset.
    let from_env = std::env::var_os("OBO_HOME").filter(|v| !v.is_empty());
    let home = match cli.home.or(from_env.map(PathBuf::from)) {
        Some(dir) => dir,
        None => default_home()?,
    };
    if home.exists() && !home.is_dir() {
        anyhow::bail!(
            "home {} is not a folder; pass --home DIR or set OBO_HOME to a folder",
            home.display()
        );
    }
    let ctx = Context {
        home: Home::new(home),
        style: Style::new(cli.json, cli.color),
    };
    crate::commands::dispatch(&ctx, cli.command)
}
