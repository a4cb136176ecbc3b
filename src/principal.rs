//! Owns the identity system's record of a person: their user ID, display
//! name and approved scope, which bounds every delegation made for them.

use crate::scope::ScopeSet;
use crate::token::{check_id, MAX_NAME_CHARS};
use serde_json::{json, Value};

/// A person agents may act for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The user ID that appears as `sub` in every hop.
    pub id: String,
    /// The name shown to people, if given.
    pub display_name: Option<String>,
    /// The scopes this person has approved; delegations stay inside them.
    pub allow: ScopeSet,
}

impl Principal {
    /// The name to show people: the display name, else the user ID.
    pub fn label(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.id)
    }

    /// The stored JSON form.
    pub fn to_value(&self) -> Value {
        json!({
            "id": self.id,
            "display_name": self.display_name,
            "allow": self.allow.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        })
    }

    /// Reads the stored JSON form.
    pub fn from_value(value: &Value) -> Result<Principal, String> {
        let id = value["id"].as_str().ok_or("a principal has no \"id\"")?;
        let allow: Vec<&str> = value["allow"]
            .as_array()
            .ok_or("a principal has no \"allow\" list")?
            .iter()
            .map(|s| s.as_str().ok_or("an allowed scope is not a string"))
            .collect::<Result<_, _>>()?;
        let display_name = value["display_name"].as_str().map(str::to_owned);
        check_principal_fields(id, display_name.as_deref())?;
        Ok(Principal {
            id: id.to_owned(),
            display_name,
            allow: ScopeSet::parse_all(&allow)?,
        })
    }
}

/// Checks a user ID and display name: no control characters, bounded length.
pub fn check_principal_fields(id: &str, display_name: Option<&str>) -> Result<(), String> {
    check_id(id).map_err(|e| format!("user ID {id:?} {e}"))?;
    if id.chars().any(char::is_whitespace) {
        return Err(format!("user ID {id:?} must not contain spaces"));
    }
    if let Some(name) = display_name {
        check_display_name(name)?;
    }
    Ok(())
}

/// Checks a display name: 1 to 200 characters, no control characters.
pub fn check_display_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "a display name is 1 to {MAX_NAME_CHARS} characters"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("a display name must not contain control characters".into());
    }
    Ok(())
}
