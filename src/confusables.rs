//! Owns spotting look-alike names: text that mixes letters from scripts
//! whose letters are easily mistaken for each other, as in "Аlice" written
//! with a Cyrillic "А". Such a name is not refused (people do write in more
//! than one script), but inspect and verify show it with a warning marker
//! and the key id beside it, so the reader relies on the key, not the name.
//!
//! The check is deliberately small: a few Unicode block ranges grouped into
//! look-alike families, not the Unicode confusables table. It does not catch
//! a name written wholly in one look-alike script (every letter Cyrillic),
//! nor look-alikes inside one script ("rn" for "m"); only the key id helps
//! there. Letters outside these families (Han, Arabic, Devanagari, ...) never
//! trigger the warning, so "Zoë 東京" is not flagged.

/// The marker shown after a name that mixes scripts.
pub const MIXED_SCRIPTS_MARKER: &str = "[mixed scripts]";

/// A family of letters that look like Latin letters or like each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Cherokee,
    /// Fullwidth Latin forms, which look like ASCII in many fonts.
    Fullwidth,
    /// Mathematical alphanumeric symbols such as bold or script letters.
    Mathematical,
    /// Letterlike symbols such as the Kelvin sign, which is drawn as "K".
    Letterlike,
}

/// Inclusive code point ranges and the family of the letters in them.
const RANGES: &[(u32, u32, Family)] = &[
    (0x0041, 0x005a, Family::Latin),
    (0x0061, 0x007a, Family::Latin),
    (0x00aa, 0x024f, Family::Latin),
    (0x1e00, 0x1eff, Family::Latin),
    (0x2c60, 0x2c7f, Family::Latin),
    (0xa720, 0xa7ff, Family::Latin),
    (0x0370, 0x03ff, Family::Greek),
    (0x1f00, 0x1fff, Family::Greek),
    (0x0400, 0x052f, Family::Cyrillic),
    (0x1c80, 0x1c8f, Family::Cyrillic),
    (0x2de0, 0x2dff, Family::Cyrillic),
    (0xa640, 0xa69f, Family::Cyrillic),
    (0x0530, 0x058f, Family::Armenian),
    (0x13a0, 0x13ff, Family::Cherokee),
    (0xab70, 0xabbf, Family::Cherokee),
    (0xff21, 0xff5a, Family::Fullwidth),
    (0x1d400, 0x1d7ff, Family::Mathematical),
    (0x2100, 0x214f, Family::Letterlike),
];

fn family(c: char) -> Option<Family> {
    if !c.is_alphabetic() {
        return None;
    }
    let code = c as u32;
    RANGES
        .iter()
        .find(|(low, high, _)| (*low..=*high).contains(&code))
        .map(|(_, _, family)| *family)
}

/// Whether `text` holds letters from more than one look-alike family.
pub fn mixes_scripts(text: &str) -> bool {
    let mut seen: Option<Family> = None;
    for found in text.chars().filter_map(family) {
        match seen {
            None => seen = Some(found),
            Some(first) if first != found => return true,
            Some(_) => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_mixed_with_look_alike_scripts_is_flagged() {
        assert!(mixes_scripts("\u{410}lice"), "Cyrillic capital A");
        assert!(mixes_scripts("\u{391}lice"), "Greek capital alpha");
        assert!(mixes_scripts("P\u{430}yPal"), "Cyrillic small a");
        assert!(mixes_scripts("\u{13aa}lice"), "Cherokee A");
        assert!(mixes_scripts("\u{ff21}lice"), "fullwidth A");
        assert!(mixes_scripts("\u{1d400}lice"), "mathematical bold A");
        assert!(mixes_scripts("\u{212a}elvin"), "Kelvin sign");
    }

    #[test]
    fn single_script_and_unrelated_scripts_are_not_flagged() {
        assert!(!mixes_scripts("Alice"));
        assert!(!mixes_scripts("Zoë Ångström"));
        assert!(!mixes_scripts("Агент 1"));
        assert!(!mixes_scripts("Ελένη"));
        assert!(!mixes_scripts("Zoë 東京"));
        assert!(!mixes_scripts("Agent 1 (الوكيل)"));
        assert!(!mixes_scripts(""));
        assert!(!mixes_scripts("12345 -_."));
    }
}
