//! A quick look at a learner's source before it runs: the linear algebra
//! exercises need no files, processes, environment, network, threads or
//! `unsafe`, so any mention of them (outside comments and strings) is shown
//! to the instructor as a red flag. A heuristic, not a sandbox: it is there
//! to point at code worth reading, and it never stops a check.

/// Identifiers that have no business in these exercises.
const SUSPICIOUS: &[&str] = &[
    "fs",
    "File",
    "OpenOptions",
    "process",
    "Command",
    "exit",
    "abort",
    "env",
    "set_var",
    "option_env",
    "net",
    "TcpStream",
    "UdpSocket",
    "os",
    "ffi",
    "thread",
    "unsafe",
    "extern",
    "include",
    "include_str",
    "include_bytes",
    "asm",
    "global_asm",
    "no_mangle",
    "export_name",
    "link_section",
];

/// The suspicious identifiers in `source`, each once, in order of appearance;
/// `#[path]` attributes too.
pub fn red_flags(source: &str) -> Vec<String> {
    let code = strip(source);
    let mut found: Vec<String> = Vec::new();
    let mut ident = String::new();
    let mut previous = String::new();
    let push = |word: &str, found: &mut Vec<String>| {
        if !found.iter().any(|f| f == word) {
            found.push(word.to_string());
        }
    };
    for c in code.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '_' {
            ident.push(c);
            continue;
        }
        if !ident.is_empty() {
            if SUSPICIOUS.contains(&ident.as_str()) {
                push(&ident, &mut found);
            }
            if ident == "path" && (previous.ends_with("#[") || previous.ends_with("#![")) {
                push("#[path]", &mut found);
            }
            previous = std::mem::take(&mut ident);
        }
        if !c.is_whitespace() {
            previous.push(c);
        }
    }
    found
}

/// `source` with comments and the contents of string and character literals
/// blanked out (so a doc comment that says "process" is not a flag).
fn strip(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
    while i < chars.len() {
        let c = chars[i];
        if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            let mut depth = 0;
            while i < chars.len() {
                if at(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if at(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (at(i + 1, "\"") || at(i + 1, "#")) && !prev_is_ident(&chars, i) {
            // A raw string r"…" or r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            i += 2 + hashes;
            while i < chars.len() && !at(i, &close) {
                i += 1;
            }
            i += close.chars().count();
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 2, "'") || (chars.get(i + 1) == Some(&'\\'))) {
            // A character literal ('a', '\n', '\u{1F600}'), not a lifetime ('a).
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_linear_algebra_has_no_flags_even_when_comments_and_strings_mention_them() {
        let src = r##"
//! This module computes the dot product; it never touches the process or the fs.
/// Returns the env... (no: it returns a number)
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    /* thread /* nested */ unsafe */
    let label = "std::process::exit";
    let raw = r#"File::open("x")"#;
    let c = 'x';
    let q = '\'';
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>() + label.len() as f64 * 0.0
}
fn longest<'a>(x: &'a str) -> &'a str { x }
"##;
        assert_eq!(red_flags(src), Vec::<String>::new());
    }

    #[test]
    fn files_processes_environment_and_path_attributes_are_flagged() {
        let src = "use std as s;\n#[path = \"/etc/x.rs\"] mod x;\npub fn dot() -> f64 {\n\
                   let _ = s::fs::write(\"r.json\", \"{}\");\n  std::process::exit(0)\n}\n\
                   const K: &str = include_str!(\"/home/me/.ssh/id_rsa\");\n";
        assert_eq!(red_flags(src), ["#[path]", "fs", "process", "exit", "include_str"]);
    }
}
