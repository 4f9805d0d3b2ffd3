//! Who a learner is: the `[learner]` table of the progress file, taken from
//! `git config` when the file is first written or set once with
//! `cargo learn whoami`, and the checks a name or e-mail must pass.

use serde::{Deserialize, Serialize};

/// Longest name or e-mail accepted, in characters.
pub const MAX_LEN: usize = 100;

/// Where an identity came from.
pub const FROM_GIT: &str = "git config";
pub const FROM_COMMAND: &str = "cargo learn whoami";

/// A learner's name and e-mail, and where they came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Identity {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// `git config` or `cargo learn whoami`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Fields written by a newer eigenlings, kept untouched.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.email.is_empty() && self.other.is_empty()
    }

    /// Version 1 kept one string, `Name <email>`.
    pub fn from_v1(who: &str) -> Self {
        let who = who.trim();
        let (name, email) = match (who.rfind('<'), who.ends_with('>')) {
            (Some(open), true) => (who[..open].trim(), &who[open + 1..who.len() - 1]),
            _ => (who, ""),
        };
        Self { name: name.to_string(), email: email.trim().to_string(), from: FROM_GIT.into(), ..Self::default() }
    }

    /// `Name <email>`, or whichever part there is.
    pub fn display(&self) -> String {
        match (self.name.is_empty(), self.email.is_empty()) {
            (false, false) => format!("{} <{}>", self.name, self.email),
            (false, true) => self.name.clone(),
            (true, false) => format!("<{}>", self.email),
            (true, true) => String::new(),
        }
    }
}

/// The identity git knows (`user.name`, `user.email`), or an empty one.
pub fn from_git() -> Identity {
    let get = |key: &str| {
        std::process::Command::new("git")
            .args(["config", "--get", key])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let (name, email) = (get("user.name"), get("user.email"));
    if name.is_empty() && email.is_empty() {
        return Identity::default();
    }
    Identity { name, email, from: FROM_GIT.into(), ..Identity::default() }
}

/// A name as typed on the command line: trimmed, or the reason it is refused.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    check_text("name", name)?;
    Ok(name.to_string())
}

/// An e-mail as typed on the command line: trimmed, or the reason it is refused.
pub fn check_email(email: &str) -> Result<String, String> {
    let email = email.trim();
    check_text("e-mail", email)?;
    let plausible = email.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        && !email.chars().any(|c| c.is_whitespace() || c == '<' || c == '>');
    if !plausible {
        return Err(format!("`{email}` does not look like an e-mail address (name@example.org)"));
    }
    Ok(email.to_string())
}

fn check_text(what: &str, text: &str) -> Result<(), String> {
    if text.chars().count() > MAX_LEN {
        return Err(format!("the {what} is longer than {MAX_LEN} characters"));
    }
    if text.chars().any(is_hidden) {
        return Err(format!("the {what} contains control or invisible formatting characters"));
    }
    Ok(())
}

/// Characters that must never reach a terminal or a page as they are:
/// control characters (escape sequences, carriage returns) and the invisible
/// ones that reorder or hide text (bidirectional overrides, zero-width marks).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Text safe to print or put in a page: hidden characters become `�`.
pub fn printable(text: &str) -> String {
    text.chars().map(|c| if is_hidden(c) { '\u{FFFD}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_strings_split_into_name_and_email() {
        let ada = Identity::from_v1("Ada Lovelace <ada@example.org>");
        assert_eq!((ada.name.as_str(), ada.email.as_str()), ("Ada Lovelace", "ada@example.org"));
        assert_eq!(ada.display(), "Ada Lovelace <ada@example.org>");
        assert_eq!(Identity::from_v1("<ada@example.org>").name, "");
        assert_eq!(Identity::from_v1("Just a name").display(), "Just a name");
    }

    #[test]
    fn names_and_emails_with_control_characters_or_nonsense_are_refused() {
        assert_eq!(check_name("  Ada  ").unwrap(), "Ada");
        assert!(check_name("").is_err());
        assert!(check_name("Ada\x1b[2J").unwrap_err().contains("control"));
        assert!(check_name("Ada\u{202E}evil").is_err());
        assert!(check_name(&"a".repeat(101)).unwrap_err().contains("longer"));
        assert_eq!(check_email("ada@example.org").unwrap(), "ada@example.org");
        assert!(check_email("ada").is_err());
        assert!(check_email("a b@example.org").is_err());
        // A name may hold characters that mean something in HTML: they are escaped where shown.
        assert_eq!(check_name("O'Brien <Team A>").unwrap(), "O'Brien <Team A>");
    }
}
