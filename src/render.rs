//! Owns what people see: escaping untrusted text, the one attribution
//! sentence ("Agent 1 (OBO: Alice)"), tables that fit the terminal, and the
//! colour decision.

use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Below this many columns a terminal's reported width is not believed.
const MIN_TABLE_WIDTH: u16 = 40;
/// The width used when the terminal's own cannot be believed.
const DEFAULT_TABLE_WIDTH: u16 = 120;

/// Set once the reader of stdout has gone away.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Shows text from a token or file safely: control characters, ANSI
/// escapes, bidirectional overrides, zero-width and other invisible or
/// private-use characters become `\u{..}` escapes, so the terminal never
/// acts on them and the reader sees that they were there. Escaping twice
/// changes nothing, so any layer may escape what it prints; the price is
/// that a name spelling out `\u{202e}` reads like one holding U+202E.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{0600}'..='\u{0605}' | '\u{061c}' | '\u{06dd}' | '\u{070f}'
            | '\u{08e2}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
            | '\u{180b}'..='\u{180f}' | '\u{2800}' | '\u{3164}' | '\u{e000}'..='\u{f8ff}'
            | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e01ef}'
            | '\u{f0000}'..='\u{10ffff}')
}

/// A name from a token, escaped; when it mixes look-alike scripts it is
/// followed by a warning marker and `key` (such as `key KID`), so the
/// reader checks the key rather than trusting the name.
pub fn shown_name(name: &str, key: &str) -> String {
    if crate::confusables::mixes_scripts(name) {
        format!(
            "{} {} ({key})",
            escape(name),
            crate::confusables::MIXED_SCRIPTS_MARKER
        )
    } else {
        escape(name)
    }
}

/// The attribution sentence for an actor chain: the last actor, then on
/// whose behalf, then through whom. `actors` runs from the first actor to
/// the last. Every name is escaped.
pub fn attribution(principal: &str, actors: &[&str]) -> String {
    let actors: Vec<String> = actors.iter().map(|a| escape(a)).collect();
    sentence(escape(principal), &actors)
}

/// [`attribution`] for names that come with the key vouching for each
/// (`key KID` or `issuer key KID`): look-alike names are flagged with it.
pub fn attribution_with_keys(principal: (&str, &str), actors: &[(&str, &str)]) -> String {
    let actors: Vec<String> = actors
        .iter()
        .map(|(name, key)| shown_name(name, key))
        .collect();
    sentence(shown_name(principal.0, principal.1), &actors)
}

fn sentence(principal: String, actors: &[String]) -> String {
    let Some((last, earlier)) = actors.split_last() else {
        return format!("(OBO: {principal})");
    };
    let mut text = format!("{last} (OBO: {principal}");
    if !earlier.is_empty() {
        text.push_str(", via ");
        text.push_str(&earlier.join(", "));
    }
    text.push(')');
    text
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Never.
    Never,
    /// On a terminal, unless NO_COLOR is set or TERM is dumb.
    Auto,
    /// Always.
    Always,
}

/// How output is to be shaped, decided once from the flags and environment.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Machine output.
    pub json: bool,
    /// ANSI colour on stdout.
    pub color: bool,
    /// Whether stdout is a terminal.
    pub terminal: bool,
}

impl Style {
    /// Decides from `--json`, `--color` and the environment. Colour is never
    /// used with `--json`.
    pub fn new(json: bool, choice: ColorChoice) -> Style {
        let terminal = std::io::stdout().is_terminal();
        let env_allows = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        let color = !json
            && match choice {
                ColorChoice::Never => false,
                ColorChoice::Always => true,
                ColorChoice::Auto => terminal && env_allows,
            };
        Style {
            json,
            color,
            terminal,
        }
    }

    /// Wraps text in an ANSI colour when colour is on.
    pub fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// A table with these headers: boxed and fitted to the terminal's width
    /// on a terminal, plain aligned columns otherwise.
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut table = Table::new();
        if self.terminal {
            table
                .load_preset(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            // Some terminals report no width, or a tiny one; one column per
            // character helps nobody.
            if table.width().is_none_or(|w| w < MIN_TABLE_WIDTH) {
                table.set_width(DEFAULT_TABLE_WIDTH);
            }
        } else {
            table.load_preset(presets::NOTHING).force_no_tty();
        }
        // comfy-table measures its own styling; raw ANSI codes in a cell
        // would be counted as width and break the columns.
        if self.color {
            table.enforce_styling();
        }
        table.set_header(headers.iter().map(|h| match self.color {
            true => Cell::new(h).add_attribute(Attribute::Bold),
            false => Cell::new(h),
        }));
        table
    }
}

/// Stdout was closed by the reader (`obo ... | head`): not an error, so
/// the process ends quietly with the status it had.
#[derive(Debug)]
pub struct ClosedPipe;

impl std::fmt::Display for ClosedPipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stdout was closed")
    }
}

impl std::error::Error for ClosedPipe {}

/// Writes data and a line break to stdout. A closed pipe becomes
/// [`ClosedPipe`] instead of a panic.
pub fn out(text: impl std::fmt::Display) -> anyhow::Result<()> {
    if stdout_closed() {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    // A reader that left early (`| head`) is not an error: the rest of the
    // output is dropped and the command still ends with its own status,
    // so a rejection stays exit 1.
    match writeln!(stdout, "{text}").and_then(|_| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other.map_err(|e| anyhow::Error::new(e).context("cannot write to stdout")),
    }
}

/// Prints a JSON value on stdout, one line, with every character that
/// [`escape`] hides written as a `\uXXXX` escape (see [`json_text`]).
pub fn out_json(value: &serde_json::Value) -> anyhow::Result<()> {
    out(json_text(value)?)
}

/// A JSON value as one line of text that is safe on a terminal. serde_json
/// escapes only the C0 controls, so DEL, C1 controls (such as the 8-bit
/// CSI), bidirectional overrides and zero-width characters from a token
/// would otherwise reach the screen raw; here they become `\uXXXX`, which
/// every JSON reader decodes to the same value.
pub fn json_text(value: &serde_json::Value) -> anyhow::Result<String> {
    use serde::Serialize;
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, TerminalSafe);
    value.serialize(&mut serializer)?;
    Ok(String::from_utf8(bytes)?)
}

struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_hidden(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                for unit in c.encode_utf16(&mut [0u16; 2]) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Prints a notice for people on stderr, prefixed with `obo:` and escaped
/// whole, so a path or name in it cannot drive the terminal.
pub fn notice(text: impl std::fmt::Display) {
    stderr_line(&format!("obo: {}", escape(&text.to_string())));
}

/// Writes a line that is already safe to stderr. A closed stderr is no
/// reason to fail, and never a reason to panic.
pub fn stderr_line(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Whether the reader of stdout has gone away.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_invisible_characters() {
        assert_eq!(escape("Al\x1b[31mice"), "Al\\u{001b}[31mice");
        assert_eq!(escape("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape("a\u{200b}b"), "a\\u{200b}b");
        assert_eq!(escape("line\nbreak"), "line\\u{000a}break");
        assert_eq!(escape("back\\slash"), "back\\slash");
        let once = escape("a\u{202e}b\\c");
        assert_eq!(escape(&once), once, "escaping twice changes nothing");
        assert_eq!(escape("Zoë 東京"), "Zoë 東京");
    }

    #[test]
    fn json_output_escapes_c1_controls_bidi_and_zero_width() {
        let value =
            serde_json::json!({ "n\u{202e}": "a\u{9b}31m\u{7f}\u{200b}\u{e0041}\u{1b}é東" });
        let text = json_text(&value).unwrap();
        assert_eq!(
            text,
            r#"{"n\u202e":"a\u009b31m\u007f\u200b\udb40\udc41\u001bé東"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn attribution_reads_as_documented() {
        assert_eq!(attribution("Alice", &["Agent 1"]), "Agent 1 (OBO: Alice)");
        assert_eq!(
            attribution("Alice", &["Agent 1", "DB Agent"]),
            "DB Agent (OBO: Alice, via Agent 1)"
        );
        assert_eq!(
            attribution("Alice", &["A", "B", "C"]),
            "C (OBO: Alice, via A, B)"
        );
    }

    #[test]
    fn look_alike_names_are_flagged_with_their_key() {
        assert_eq!(shown_name("Alice", "key K"), "Alice");
        assert_eq!(
            shown_name("\u{410}lice", "issuer key K"),
            "\u{410}lice [mixed scripts] (issuer key K)"
        );
        assert_eq!(
            attribution_with_keys(
                ("Alice", "issuer key I"),
                &[("\u{410}gent 1", "key A"), ("DB", "key B")]
            ),
            "DB (OBO: Alice, via \u{410}gent 1 [mixed scripts] (key A))"
        );
    }
}
