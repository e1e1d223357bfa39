//! The commands themselves, and the helpers they share.

use std::path::PathBuf;
use std::process::Command;

use crate::setup::{self, Needs};

/// The repository root (xtask/ lives directly under it).
pub fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Where `cargo install` puts binaries.
fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
            .join(".cargo")
            .join("bin"),
    }
}

/// A cargo-installed tool by full path, so a stale copy elsewhere on PATH is not used.
pub fn tool_path(binary: &str) -> String {
    let path = cargo_bin_dir().join(binary);
    if path.exists() {
        path.to_string_lossy().into_owned()
    } else {
        binary.to_owned()
    }
}

/// PATH with the cargo bin dir and node_modules/.bin (wasm-opt) in front.
fn tool_search_path() -> std::ffi::OsString {
    let mut paths = vec![
        cargo_bin_dir(),
        project_root().join("node_modules").join(".bin"),
    ];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap_or_default()
}

/// Runs a command to completion, failing on a non-zero exit.
pub fn run_command(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .env("PATH", tool_search_path())
        .status()
        .map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn trunk(args: &[&str]) -> Command {
    let mut command = Command::new(tool_path("trunk"));
    command.args(args).current_dir(project_root());
    command
}

/// `cargo xtask serve`: the demo page with the widget, rebuilt on change.
pub fn serve() -> Result<(), String> {
    setup::run(Needs::Build)?;
    println!("serve: http://127.0.0.1:8080/ (the demo page; Ctrl-C stops)");
    run_command(&mut trunk(&["serve"]))
}

/// `cargo xtask build`: the release dist/.
pub fn build_release() -> Result<(), String> {
    setup::run(Needs::Build)?;
    build_dist()
}

/// `trunk build --release` into dist/ (tools already set up).
pub fn build_dist() -> Result<(), String> {
    run_command(&mut trunk(&["build", "--release"]))
}

/// The wasm-bindgen browser tests (tests/browser.rs) in the browser whose
/// driver `driver` names (its variable and path), the other driver's variable
/// unset so wasm-bindgen-test-runner picks this one, with the capabilities of
/// `tests/<capabilities>`.
fn browser_tests(
    (driver, path): (&str, String),
    other_driver: &str,
    capabilities: &str,
) -> Result<(), String> {
    let root = project_root();
    run_command(
        Command::new("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ])
            .current_dir(&root)
            .env_remove(other_driver)
            .env(driver, path)
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root.join("tests").join(capabilities),
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
    )
}

/// The house rules, enforced: `cargo fmt --check`, clippy with `-D warnings`
/// on the host (every crate and target) and on wasm32 (the widget with the
/// `builder` feature, so the builder's exports are linted too), rustdoc with
/// `-D warnings` for the workspace, and ESLint on `static/` and
/// `integrations/`. The first
/// finding fails the run.
pub fn lint() -> Result<(), String> {
    let root = project_root();
    let cargo = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command.args(args).current_dir(&root);
        command
    };
    run_command(&mut cargo(&["fmt", "--all", "--check"]))?;
    run_command(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_command(&mut cargo(&[
        "clippy",
        "--package",
        "campaign-widget",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "builder",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_command(cargo(&["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))?;
    lint_js()
}

/// `cargo xtask test`: the lint tier, native tests, browser tests (Chromium, then Firefox),
/// then end-to-end tests on the release dist/ (Chromium, then Firefox and
/// WebKit). Extra arguments go to the end-to-end runner (a file filter).
pub fn test(extra: &[String]) -> Result<(), String> {
    setup::run(Needs::Everything)?;
    let root = project_root();

    println!("\n== lint (fmt, clippy host and wasm32, rustdoc, eslint) ==");
    lint()?;

    println!("\n== native tests (cargo test) ==");
    run_command(
        Command::new("cargo")
            .args(["test", "--workspace"])
            .current_dir(&root)
            // Here the npm and PyPI tools are installed: a test that needs
            // one fails rather than skips when it is missing.
            .env("CW_REQUIRE_TEST_TOOLS", "1"),
    )?;

    println!("\n== browser tests (wasm-bindgen-test in headless Chromium) ==");
    browser_tests(
        ("CHROMEDRIVER", "/usr/bin/chromedriver".to_owned()),
        "GECKODRIVER",
        "webdriver.json",
    )?;
    // The same wasm-bindgen tests in Firefox ESR through geckodriver: nothing
    // to rebuild, about 15 s more.
    println!("\n== browser tests (wasm-bindgen-test in headless Firefox ESR) ==");
    browser_tests(
        ("GECKODRIVER", tool_path("geckodriver")),
        "CHROMEDRIVER",
        "webdriver-firefox.json",
    )?;

    println!("\n== end-to-end tests (release dist/ through nginx: Playwright in Chromium; WebDriver in Firefox ESR and WebKitGTK) ==");
    run_command(&mut trunk(&["build", "--release"]))?;
    // The plugin's zip from this dist/, which tests/e2e/wordpress.test.mjs
    // installs into a real WordPress as a webmaster uploads it.
    let plugin = crate::wordpress::plugin_zip(
        &root,
        &root.join("dist"),
        &root.join("target").join("bundle"),
        &crate::stamp::crate_version()?,
    )?;
    println!("test: the WordPress plugin is {}", plugin.display());
    let mut node = Command::new("node");
    // A test that hangs fails after two minutes instead of holding CI.
    node.arg("--test")
        .arg("--test-timeout=120000")
        .arg("--test-concurrency=1")
        .current_dir(&root)
        .env("GECKODRIVER", tool_path("geckodriver"));
    if extra.is_empty() {
        node.args([
            "tests/schema/",
            "tests/size/",
            "tests/e2e/",
            "tests/engines/",
        ]);
    } else {
        node.args(extra);
    }
    run_command(&mut node)
}

/// ESLint on the hand-written scripts in static/ (embed.js, builder.js,
/// builder-api.js) and integrations/ (the WordPress block's editor.js), with
/// the rules of eslint.config.mjs at the project root:
/// `node node_modules/eslint/bin/eslint.js static/ integrations/` from the
/// project root.
/// Fails on any finding. ESLint is an npm devDependency, so node_modules must
/// be installed (`cargo xtask setup`).
pub fn lint_js() -> Result<(), String> {
    let root = project_root();
    let eslint = root.join("node_modules/eslint/bin/eslint.js");
    if !eslint.exists() {
        return Err("node_modules/eslint is missing: run `cargo xtask setup`".to_owned());
    }
    run_command(
        Command::new("node")
            .arg(&eslint)
            .args(["static/", "integrations/"])
            .current_dir(&root),
    )
}

/// `cargo xtask bench`: builds the release dist/ and prints the benchmarks'
/// figures (never pass/fail: timings on shared machines are noisy).
pub fn bench() -> Result<(), String> {
    setup::run(Needs::Everything)?;
    run_command(&mut trunk(&["build", "--release"]))?;
    let benches = [
        "xtask/bench/bytes.mjs",
        "xtask/bench/countdown.mjs",
        "xtask/bench/map.mjs",
        "xtask/bench/compare.mjs",
        "xtask/bench/lighthouse.mjs",
    ];
    for bench in benches {
        run_command(Command::new("node").arg(bench).current_dir(project_root()))?;
    }
    Ok(())
}
