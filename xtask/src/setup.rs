//! `cargo xtask setup`: installs what the project needs, skipping what is there.
//! Everything comes from the package registries by name; nothing downloads a
//! prebuilt binary, a browser or a toolchain.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::tasks::{project_root, run_command, tool_path};

/// The Trunk release this project builds with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

/// What a command needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building and serving: Rust tools and npm packages.
    Build,
    /// Everything, tests included: also Chromium, ChromeDriver, nginx and its
    /// brotli_static module, php-cli and WordPress with MariaDB, two themes
    /// and gettext (the plugin's test), the Python reference
    /// packages, and Firefox ESR, WebKitGTK and their WebDriver servers.
    Everything,
}

/// Installs what is missing.
pub fn run(needs: Needs) -> Result<(), String> {
    wasm_target()?;
    cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    // wasm-bindgen-cli must match the exactly pinned wasm-bindgen crate. Its
    // `--locked` fails here (a locked crate is missing from the registry).
    cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &locked_version("wasm-bindgen")?,
        &[],
    )?;
    npm_packages()?;
    if needs == Needs::Everything {
        python_packages(&[("lunar_vn", "lunar-vn==1.4.0")])?;
        debian_packages(&[
            ("/usr/bin/chromium", "chromium"),
            ("/usr/bin/chromedriver", "chromium-driver"),
            // nginx itself (not the nginx-light flavour) and the brotli_static
            // module built for it, to serve the release's .br files as the
            // README says.
            ("/usr/sbin/nginx", "nginx"),
            (
                "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
                "libnginx-mod-http-brotli-static",
            ),
            // WordPress's own post filters (kses, wptexturize, wpautop), run by
            // php-cli in tests/cms/wordpress-filter.php.
            ("/usr/bin/php", "php-cli"),
            ("/usr/share/wordpress/wp-includes/kses.php", "wordpress"),
            // The plugin's test (tests/e2e/wordpress.test.mjs): a private
            // MariaDB, and a classic and a block theme from Debian.
            ("/usr/sbin/mariadbd", "mariadb-server"),
            (
                "/usr/share/wordpress/wp-content/themes/twentytwentyone/style.css",
                "wordpress-theme-twentytwentyone",
            ),
            (
                "/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json",
                "wordpress-theme-twentytwentythree",
            ),
            // WordPress's own Vietnamese, the portals' language.
            (
                "/usr/share/wordpress/wp-content/languages/vi.mo",
                "wordpress-l10n",
            ),
        ])?;
        plugin_tools()?;
        other_engines()?;
    }
    Ok(())
}

/// What the WordPress plugin's zip is made with: gettext's `msgfmt`, which
/// compiles its translations (xtask/src/wordpress.rs).
pub fn plugin_tools() -> Result<(), String> {
    debian_packages(&[("/usr/bin/msgfmt", "gettext")])
}

/// The geckodriver release the Firefox tests drive Firefox ESR with.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Firefox and WebKit for tests/engines/: Firefox ESR with geckodriver (built
/// from source by cargo), and WebKitGTK's WebDriver, which starts WebKitGTK's
/// MiniBrowser (in its library package, a dependency) on an Xvfb display.
fn other_engines() -> Result<(), String> {
    debian_packages(&[
        ("/usr/bin/firefox-esr", "firefox-esr"),
        ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
        ("/usr/bin/Xvfb", "xvfb"),
    ])?;
    cargo_tool("geckodriver", "geckodriver", GECKODRIVER_VERSION, &[])
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("setup: adding the wasm32-unknown-unknown target");
    run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn cargo_tool(binary: &str, package: &str, version: &str, extra: &[&str]) -> Result<(), String> {
    let found = output(&tool_path(binary), &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!(
        "setup: installing {package} {version} (found: {})",
        found.trim()
    );
    let mut command = Command::new("cargo");
    command
        .args(["install", package, "--version", version])
        .args(extra);
    run_command(&mut command)
}

/// The version of `package` that Cargo resolved for the workspace (as
/// `cargo metadata` reports it, from Cargo.lock). Refuses more than one: the
/// tool installed for it must match the one version the build links.
fn locked_version(package: &str) -> Result<String, String> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(project_root().join("Cargo.toml"))
        .exec()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    let mut versions: Vec<String> = metadata
        .packages
        .iter()
        .filter(|p| p.name.as_str() == package)
        .map(|p| p.version.to_string())
        .collect();
    versions.sort();
    versions.dedup();
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("{package} is not among the workspace's dependencies")),
        _ => Err(format!(
            "the workspace resolves {package} to several versions ({}): the installed tool can match only one",
            versions.join(", ")
        )),
    }
}

/// `npm ci` when node_modules does not match package-lock.json.
fn npm_packages() -> Result<(), String> {
    let root = project_root();
    let lock = read(&root.join("package-lock.json"))?;
    let stamp_path = root.join("node_modules").join(".xtask-lock-hash");
    let want = lock_stamp(lock.as_bytes());
    if std::fs::read_to_string(&stamp_path).is_ok_and(|have| have == want) {
        return Ok(());
    }
    println!("setup: installing npm packages (npm ci)");
    run_command(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root),
    )?;
    std::fs::write(&stamp_path, want).map_err(|e| format!("writing {}: {e}", stamp_path.display()))
}

/// Python packages the tests use as independent references (`module`, pip
/// requirement), installed with the machine's `python3 -m pip` when missing.
fn python_packages(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(module, _)| output("python3", &["-c", &format!("import {module}")]).is_none())
        .map(|(_, requirement)| *requirement)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("setup: installing Python packages {}", missing.join(" "));
    run_command(
        Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(&missing)
            .env("PIP_ROOT_USER_ACTION", "ignore"),
    )
}

fn debian_packages(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("setup: installing Debian packages {}", missing.join(" "));
    run_command(Command::new("apt-get").arg("update").arg("-q"))?;
    run_command(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn read(path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

/// The install stamp of a package-lock.json: the hex SHA-256 of its bytes
/// (stable across Rust releases, unlike std's hasher).
fn lock_stamp(lock: &[u8]) -> String {
    hex::encode(Sha256::digest(lock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_stamp_is_the_sha256_of_the_lock() {
        // SHA-256 of "abc", from FIPS 180-2's examples.
        assert_eq!(
            lock_stamp(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn reads_the_resolved_wasm_bindgen_version() -> Result<(), String> {
        let version = locked_version("wasm-bindgen")?;
        // The widget pins it exactly (`=x.y.z`), and the CLI setup installs
        // must be that version.
        cargo_metadata::semver::Version::parse(&version).map_err(|e| format!("{version}: {e}"))?;
        assert!(locked_version("no-such-crate-in-the-workspace").is_err());
        Ok(())
    }
}
