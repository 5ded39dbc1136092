//! The web app's message catalogs (`locales/en.ftl`, `locales/fr.ftl`),
//! checked natively so the native suite catches a gap before a browser shows
//! a message id: both catalogs hold the same messages, and every message id
//! the app asks for by name (`tr!("…")`, `t("…")`, `t_args("…", …)`,
//! `text("…")`, `Said::id("…")`) is in them. (The app's own wasm test also parses both with
//! Fluent.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A catalog's message ids: Fluent starts every message at the beginning of
/// a line with its id and `=`; continuations are indented, comments start with `#`.
fn ids(lang: &str) -> BTreeSet<String> {
    let path = root().join(format!("locales/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut ids = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (id, _) = line.split_once('=').unwrap_or_else(|| panic!("{lang}.ftl line {}: no '=' after the id", n + 1));
        let id = id.trim().to_owned();
        assert!(ids.insert(id.clone()), "{lang}.ftl line {}: message {id} is defined twice", n + 1);
    }
    ids
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Message ids passed literally to the catalog functions in `source`
/// (comments left out).
fn ids_used(source: &str) -> Vec<String> {
    const CALLS: [&str; 5] = ["tr!(\"", "t(\"", "t_args(\"", "text(\"", "Said::id(\""];
    let code: String = source.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut found = Vec::new();
    for call in CALLS {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(call) {
            // A call, not the end of a longer name (`context("2d")`).
            let whole_name = !rest[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            rest = &rest[i + call.len()..];
            if !whole_name {
                continue;
            }
            let id: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if rest[id.len()..].starts_with('"') && !id.is_empty() {
                found.push(id);
            }
        }
    }
    found
}

#[test]
fn english_and_french_have_the_same_messages() {
    let (en, fr) = (ids("en"), ids("fr"));
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty() && only_fr.is_empty(), "missing in fr.ftl: {only_en:?}; missing in en.ftl: {only_fr:?}");
    assert!(en.len() > 400, "the catalogs hold the whole app's messages, found {}", en.len());
}

#[test]
fn every_message_the_app_asks_for_exists() {
    let en = ids("en");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut used = 0;
    let mut missing = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for id in ids_used(&source) {
            used += 1;
            if !en.contains(&id) {
                missing.push(format!("{id} (in {})", file.strip_prefix(root()).unwrap_or(&file).display()));
            }
        }
    }
    assert!(missing.is_empty(), "message ids used in src/ but not in locales/en.ftl: {missing:?}");
    assert!(used > 300, "the scan finds the app's messages, found {used}");
}

#[test]
fn the_scan_finds_ids_in_each_form_of_call() {
    let source = "view! { {tr!(\"a-b\")} } let x = t(\"c-d\"); f(t(\"e\")); t_args(\"g-h\", &[]);\n// t(\"in-a-comment\")\ntext(label); text(\"i\"); get_context(\"2d\"); i18n::t(\"j\");";
    let mut found = ids_used(source);
    found.sort();
    assert_eq!(found, ["a-b", "c-d", "e", "g-h", "i", "j"]);
}
