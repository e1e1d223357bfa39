// A real WordPress for the plugin's end-to-end test, all private to the test
// and on loopback: Debian's WordPress tree (the `wordpress` package) copied to
// a temp dir with a wp-config.php of its own (so nothing under /etc/wordpress or
// /usr/share/wordpress changes), a MariaDB started as this user on a socket in
// a temp data dir, PHP's built-in server, and the site installed headlessly
// with the plugin uploaded from the zip `cargo xtask dist` makes
// (tests/wordpress/site.php). WordPress may not reach the internet
// (WP_HTTP_BLOCK_EXTERNAL).
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, root } from "./servers.mjs";

/** The widget crate's version (Cargo.toml's first `version`), which names the zip. */
export function crateVersion() {
  const manifest = readFileSync(join(root, "Cargo.toml"), "utf8");
  return manifest.match(/^version\s*=\s*"([^"]+)"/m)[1];
}

/** The plugin's zip, as `cargo xtask dist` (and `cargo xtask test`) write it. */
export function pluginZip() {
  const zip = join(root, "target", "bundle", `campaign-widget-wordpress-${crateVersion()}.zip`);
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run \`cargo xtask dist\` (or \`cargo xtask test\`)`);
  return zip;
}

async function waitFor(what, check, child) {
  for (let i = 0; i < 300; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what}: exited (${child.exitCode})`);
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready after 30 s`);
}

async function startMariaDB(work) {
  const data = join(work, "db");
  const socket = join(work, "mysqld.sock");
  // --no-defaults: none of /etc/mysql's settings (its socket, its datadir).
  execFileSync("mariadb-install-db", ["--no-defaults", `--datadir=${data}`, "--user=root",
    "--auth-root-authentication-method=normal", "--skip-test-db"], { stdio: "ignore" });
  const child = spawn("mariadbd", ["--no-defaults", `--datadir=${data}`, `--socket=${socket}`,
    "--skip-networking", "--user=root", `--pid-file=${join(work, "mysqld.pid")}`,
    `--log-error=${join(work, "mysqld.log")}`, "--innodb-buffer-pool-size=32M", "--skip-log-bin"],
  { stdio: "ignore" });
  await waitFor("mariadbd", async () => {
    try {
      execFileSync("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", "SELECT 1"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  }, child);
  execFileSync("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e",
    "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"]);
  return { socket, child };
}

function wpConfig({ socket, origin, work }) {
  const key = () => randomBytes(24).toString("hex");
  const keys = ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT",
    "LOGGED_IN_SALT", "NONCE_SALT"].map((name) => `define('${name}', '${key()}');`).join("\n");
  return `<?php
// The test site's own config (tests/e2e/support/wordpress.mjs); Debian's
// wp-config.php, which reads /etc/wordpress/config-<host>.php, is replaced.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys}
$table_prefix = 'wp_';
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
// No role may post unfiltered HTML, administrators included: every post passes kses.
define('DISALLOW_UNFILTERED_HTML', true);
// Nothing leaves the machine: no update checks, no pings, no downloads.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(work, "debug.log")}');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Starts MariaDB, PHP's server and a fresh WordPress with the plugin installed
 *  from its zip and `fixtures` as posts ({ key: { author, title, content } }).
 *  Returns { origin, posts (key → id), version, site(command, ...args), requests(),
 *  debugLog(), wpdir, stop() }. */
export async function startWordPress(fixtures) {
  const zip = pluginZip();
  const work = mkdtempSync(join(tmpdir(), "cw-wordpress-"));
  const wpdir = join(work, "wordpress");
  // Debian's tree with the themes its theme packages put in wp-content/themes.
  // Its symlinks (underscore.js, getID3… into /usr/share/javascript and
  // /usr/share/php) are copied as files: PHP's server serves nothing outside
  // its document root. Apache's .htaccess (a link into /etc) is not needed.
  cpSync("/usr/share/wordpress", wpdir, {
    recursive: true,
    dereference: true,
    filter: (source) => !source.endsWith("/.htaccess"),
  });
  rmSync(join(wpdir, "wp-config.php"));
  mkdirSync(join(wpdir, "wp-content", "uploads"), { recursive: true });
  // WordPress in Vietnamese, as the portals run it: Debian's wordpress-l10n
  // ships the core translations in the tree's wp-content/languages.
  if (!existsSync(join(wpdir, "wp-content", "languages", "vi.mo"))) throw new Error("wordpress-l10n is missing");
  const db = await startMariaDB(work);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  writeFileSync(join(wpdir, "wp-config.php"), wpConfig({ socket: db.socket, origin, work }));

  const site = (command, ...args) =>
    JSON.parse(execFileSync("php", [join(root, "tests", "wordpress", "site.php"), wpdir, command, ...args],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
  const fixturesFile = join(work, "fixtures.json");
  writeFileSync(fixturesFile, JSON.stringify(fixtures));
  const started = Date.now();
  const installed = site("install", zip, fixturesFile);
  const installMs = Date.now() - started;

  // PHP's built-in server, several workers: the block editor asks for many files at once.
  let log = "";
  // Its own process group: the workers it forks are stopped with it.
  const server = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", wpdir], {
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: "4" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  server.stderr.on("data", (chunk) => (log += chunk));
  await waitFor("php -S", async () => {
    try {
      return (await fetch(`${origin}/wp-login.php`)).ok;
    } catch {
      return false;
    }
  }, server);

  return {
    origin,
    wpdir,
    posts: installed.posts,
    version: installed.version,
    installMs,
    site,
    /** The paths PHP's server was asked for so far (its request log). */
    requests: () => [...log.matchAll(/\[\d{3}\]: (?:GET|POST|HEAD) (\S+)/g)].map((m) => m[1]),
    debugLog: () => (existsSync(join(work, "debug.log")) ? readFileSync(join(work, "debug.log"), "utf8") : ""),
    async stop() {
      // PHP's server master ignores SIGTERM while its workers run: the group
      // it leads (its workers) is killed. MariaDB shuts down on SIGTERM.
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once("exit", done));
        process.kill(-server.pid, "SIGKILL");
        await exited;
      }
      if (db.child.exitCode === null) {
        const exited = new Promise((done) => db.child.once("exit", done));
        db.child.kill("SIGTERM");
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
