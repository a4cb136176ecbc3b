//! The committed completions and man pages must match the clap definition.
//! Run `OBO_REGENERATE=1 cargo test --test generated` after changing the CLI.

use clap::Command;
use clap_complete::Shell;
use std::collections::BTreeMap;
use std::path::Path;

/// Every generated file, by path relative to the crate root.
fn generated() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        let mut cmd = obo::cli::command();
        let mut bytes = Vec::new();
        clap_complete::generate(shell, &mut cmd, "obo", &mut bytes);
        let name = match shell {
            Shell::Bash => "obo.bash",
            Shell::Zsh => "_obo",
            Shell::Fish => "obo.fish",
            Shell::PowerShell => "_obo.ps1",
            _ => "obo.elv",
        };
        files.insert(format!("completions/{name}"), bytes);
    }
    let mut cmd = obo::cli::command();
    cmd.build();
    add_man_pages(&cmd, "obo", &mut files);
    files
}

fn add_man_pages(cmd: &Command, name: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.to_owned()))
        .render(&mut bytes)
        .expect("rendering a man page into memory cannot fail");
    files.insert(format!("man/{name}.1"), bytes);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        add_man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}

#[test]
fn completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = generated();
    if std::env::var_os("OBO_REGENERATE").is_some() {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(dir));
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for (path, bytes) in &files {
            std::fs::write(root.join(path), bytes).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (path, bytes) in &files {
        if std::fs::read(root.join(path)).ok().as_ref() != Some(bytes) {
            stale.push(path.clone());
        }
    }
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            if !files.contains_key(&path) {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}; run OBO_REGENERATE=1 cargo test --test generated"
    );
}

#[test]
fn man_page_documents_exit_codes() {
    let files = generated();
    let page = String::from_utf8_lossy(&files["man/obo.1"]);
    assert!(
        page.contains("Exit status: 0 success or valid; 1 token, proof or log rejected; 2 usage")
    );
}
