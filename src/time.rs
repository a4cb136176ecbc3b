//! Owns how obo reads and writes times and durations: RFC 3339 or Unix
//! seconds in, RFC 3339 UTC out, and durations such as `90s` or `7d`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The latest time obo accepts anywhere: 9999-12-31T23:59:59Z.
pub const MAX_TIME: i64 = 253_402_300_799;
/// The longest lifetime a token may be given.
pub const MAX_TTL: Duration = Duration::from_secs(366 * 24 * 3600);

/// The current time in Unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Parses a TIME argument: RFC 3339 (`2026-12-04T16:00:00Z`) or Unix seconds.
pub fn parse_time(text: &str) -> Result<i64, String> {
    if let Ok(seconds) = text.parse::<i64>() {
        return check_range(seconds).map_err(|e| format!("time {text:?} {e}"));
    }
    let time = humantime::parse_rfc3339_weak(text).map_err(|_| {
        format!("time {text:?} is neither RFC 3339 (2026-12-04T16:00:00Z) nor Unix seconds")
    })?;
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| format!("time {text:?} is before 1970"))?
        .as_secs() as i64;
    check_range(seconds).map_err(|e| format!("time {text:?} {e}"))
}

fn check_range(seconds: i64) -> Result<i64, String> {
    if (0..=MAX_TIME).contains(&seconds) {
        Ok(seconds)
    } else {
        Err("is outside 1970 to 9999".into())
    }
}

/// Parses a DURATION argument such as `90s`, `15m`, `1h` or `7d`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    humantime::parse_duration(text)
        .map_err(|_| format!("duration {text:?} is not like 90s, 15m, 1h or 7d"))
}

/// A lifetime for a token: more than zero and at most [`MAX_TTL`].
pub fn parse_ttl(text: &str) -> Result<Duration, String> {
    let ttl = parse_duration(text)?;
    if ttl < Duration::from_secs(1) || ttl > MAX_TTL {
        return Err(format!(
            "lifetime {text:?} must be at least 1s and at most 366d"
        ));
    }
    Ok(ttl)
}

/// Unix seconds as RFC 3339 UTC, to the second.
pub fn format_time(seconds: i64) -> String {
    let clamped = seconds.clamp(0, MAX_TIME) as u64;
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(clamped)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_both_forms() {
        assert_eq!(parse_time("2026-12-04T16:00:00Z").unwrap(), 1_796_400_000);
        assert_eq!(parse_time("1796400000").unwrap(), 1_796_400_000);
        assert_eq!(format_time(1_796_400_000), "2026-12-04T16:00:00Z");
    }

    #[test]
    fn bad_times_are_refused() {
        assert!(parse_time("yesterday").is_err());
        assert!(parse_time("-5").is_err());
        assert!(parse_time("99999999999999").is_err());
    }

    #[test]
    fn lifetimes_are_bounded() {
        assert_eq!(parse_ttl("15m").unwrap(), Duration::from_secs(900));
        assert!(parse_ttl("0s").is_err());
        assert!(parse_ttl("400d").is_err());
        assert!(parse_ttl("soon").is_err());
    }
}
