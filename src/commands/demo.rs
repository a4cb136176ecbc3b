//! Runs `obo demo`: the product's whole flow, as the real commands, in a
//! temporary home that is removed afterwards.

use crate::cli::{Cli, Context};
use crate::error::{one_line, EXIT_OK, EXIT_REJECTED};
use crate::render::out;
use crate::store::Home;
use anyhow::{bail, Context as _, Result};
use clap::Parser;

/// One step of the story: what it shows, the commands as a user would type
/// them, and whether obo is expected to refuse them (the last command of a
/// refused step is the one refused). `$T0`, `$T1`, `$P`, `$P0`, `$C` and
/// `$L` stand for files in the temporary folder.
struct Step {
    title: &'static str,
    commands: &'static [&'static str],
    refused: bool,
}

const STEPS: &[Step] = &[
    Step {
        title: "The identity system, Agent 1 and a database agent each get an Ed25519 key",
        commands: &[
            "keygen idp --display-name 'Identity Provider'",
            "keygen agent-1 --display-name 'Agent 1'",
            "keygen db-agent --display-name 'DB Agent'",
        ],
        refused: false,
    },
    Step {
        title: "Alice is on record with the scope she has approved",
        commands: &["principal add alice --display-name Alice --allow 'budget:*' reports:read"],
        refused: false,
    },
    Step {
        title: "The Budget API trusts the identity system's key",
        commands: &["trust add idp"],
        refused: false,
    },
    Step {
        title: "Alice asks Agent 1 to update the Q3 budget: hop 0 binds Agent 1's key to her",
        commands: &["delegate --issuer idp --principal alice --agent agent-1 --scope budget:q3:write reports:read --audience budget-api --ttl 1h --task 'Update the Q3 budget' -o $T0"],
        refused: false,
    },
    Step {
        title: "Anyone can decode the token; decoding proves nothing",
        commands: &["inspect $T0"],
        refused: false,
    },
    Step {
        title: "Agent 1 hands the database agent a narrower token, signed with its own key",
        commands: &["attenuate $T0 --as agent-1 --agent db-agent --scope reports:read --ttl 15m -o $T1"],
        refused: false,
    },
    Step {
        title: "The database agent proves it holds its key, for this chain and this service",
        commands: &["present $T1 --as db-agent --audience budget-api --action 'read Q3 actuals' -o $P"],
        refused: false,
    },
    Step {
        title: "The Budget API verifies the whole chain and the proof, and spends the proof",
        commands: &["verify $T1 --audience budget-api --proof $P --require reports:read --replay-cache $C"],
        refused: false,
    },
    Step {
        title: "Someone who captured that proof replays it: refused",
        commands: &["verify $T1 --audience budget-api --proof $P --require reports:read --replay-cache $C"],
        refused: true,
    },
    Step {
        title: "The database agent tries to widen its own scope: refused",
        commands: &["attenuate $T1 --as db-agent --agent db-agent --scope budget:q3:write"],
        refused: true,
    },
    Step {
        title: "Agent 1 holds an older hop, not the last one: it cannot present this token",
        commands: &["present $T1 --as agent-1 --audience budget-api"],
        refused: true,
    },
    Step {
        title: "The Budget API gets a key of its own, to sign its audit log",
        commands: &["keygen budget-api --display-name 'Budget API'"],
        refused: false,
    },
    Step {
        title: "Agent 1 calls the Budget API with its own token; the API checks it and records the request",
        commands: &[
            "present $T0 --as agent-1 --audience budget-api --action 'update Q3 budget' -o $P0",
            "audit record --log $L $T0 --proof $P0 --audience budget-api --action 'update Q3 budget' --resource budgets/q3 --signing-key budget-api",
        ],
        refused: false,
    },
    Step {
        title: "The database agent's request is recorded with the whole chain behind it",
        commands: &[
            "present $T1 --as db-agent --audience budget-api --action 'read Q3 actuals' -o $P --force",
            "audit record --log $L $T1 --proof $P --audience budget-api --action 'read Q3 actuals' --resource budgets/q3/actuals --signing-key budget-api",
        ],
        refused: false,
    },
    Step {
        title: "A request aimed at another service is refused, and recorded as denied",
        commands: &["audit record --log $L $T1 --proof $P --audience payroll-api --action 'read salaries' --signing-key budget-api"],
        refused: true,
    },
    Step {
        title: "Alice leaves the company: security staff revoke every delegation made for her so far",
        commands: &["revoke --principal alice --by secops --reason 'Alice left the company'", "revocations list"],
        refused: false,
    },
    Step {
        title: "The database agent's next request is refused, naming the revocation, and recorded as denied",
        commands: &[
            "present $T1 --as db-agent --audience budget-api --action 'read Q3 actuals again' -o $P --force",
            "audit record --log $L $T1 --proof $P --audience budget-api --action 'read Q3 actuals again' --resource budgets/q3/actuals --signing-key budget-api",
        ],
        refused: true,
    },
    Step {
        title: "Security staff read the log: no action is anonymous",
        commands: &["audit show $L"],
        refused: false,
    },
    Step {
        title: "Everything agents did for Alice, through whom, under which task",
        commands: &["audit trace $L --principal alice"],
        refused: false,
    },
    Step {
        title: "Nobody has edited, removed or reordered an entry since",
        commands: &["audit verify $L --key budget-api"],
        refused: false,
    },
];

/// `obo demo`.
pub fn run(ctx: &Context) -> Result<i32> {
    if ctx.style.json {
        anyhow::bail!(
            "the demo is a story for people and has no --json form; run it without --json"
        );
    }
    let temp = tempfile::Builder::new()
        .prefix("obo-demo-")
        .tempdir()
        .context("cannot make a temporary folder for the demo")?;
    let home = temp.path().join("home");
    out(format_args!(
        "obo demo: a temporary home at {}, removed afterwards",
        home.display()
    ))?;
    out("($T0 and $T1 name token files, $P0 and $P proof files, $C a replay cache and $L the audit log, all in that folder)")?;
    for step in STEPS {
        out(format_args!("\n# {}", step.title))?;
        for (i, line) in step.commands.iter().enumerate() {
            out(format_args!("$ obo {line}"))?;
            let refused = step.refused && i + 1 == step.commands.len();
            run_step(ctx, &home, &expand(line, temp.path()), refused)?;
        }
    }
    out("\nThe chain held: Alice's authority reached the database agent only narrowed, only the key holder could use it, each proof worked once, revoking Alice's delegation cut off every agent acting for her, and the signed audit log names a person behind every action.")?;
    Ok(EXIT_OK)
}

fn run_step(ctx: &Context, home: &std::path::Path, argv: &[String], refused: bool) -> Result<()> {
    let mut full = vec![
        "obo".to_string(),
        "--home".into(),
        home.display().to_string(),
    ];
    full.extend(argv.iter().cloned());
    let cli = Cli::try_parse_from(&full).context("the demo's own command line did not parse")?;
    let step_ctx = Context {
        home: Home::new(home),
        style: ctx.style,
    };
    let shown = argv.join(" ");
    // 'obo verify' reports a rejection itself and returns status 1.
    match (crate::commands::dispatch(&step_ctx, cli.command), refused) {
        (Ok(EXIT_OK), false) | (Ok(EXIT_REJECTED), true) => Ok(()),
        (Err(e), true) => out(format_args!("obo: {}", one_line(&e))),
        (Ok(code), _) => bail!("demo step 'obo {shown}' ended with status {code}; this is a bug"),
        (Err(e), false) => Err(e.context(format!("demo step 'obo {shown}' failed; this is a bug"))),
    }
}

/// Splits a step into arguments, honouring single quotes, and points the
/// `$T0`, `$T1`, `$P`, `$P0`, `$C` and `$L` placeholders at files in `dir`.
fn expand(line: &str, dir: &std::path::Path) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => args.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    args.push(current);
    args.into_iter()
        .filter(|a| !a.is_empty())
        .map(|a| match a.as_str() {
            "$T0" => dir.join("alice-agent1.token").display().to_string(),
            "$T1" => dir.join("agent1-db.token").display().to_string(),
            "$P" => dir.join("db.proof").display().to_string(),
            "$C" => dir.join("replay.cache").display().to_string(),
            "$P0" => dir.join("agent1.proof").display().to_string(),
            "$L" => dir.join("budget-api.audit.jsonl").display().to_string(),
            _ => a,
        })
        .collect()
}
