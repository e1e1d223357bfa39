// Firefox ESR and WebKitGTK (Safari's engine), driven through WebDriver with
// selenium-webdriver. Each engine's own driver server runs on a free loopback
// port: geckodriver (cargo install) for Firefox, headless; WebKitWebDriver
// (Debian webkit2gtk-driver) for MiniBrowser, which needs a display, so an Xvfb
// is started for it (MiniBrowser's --headless hangs the session). Nothing is
// downloaded: selenium-webdriver talks to these servers and never runs its
// driver manager. Every request off loopback goes to a proxy that is not there.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { homedir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder } from "selenium-webdriver";
import { freePort } from "../../e2e/support/servers.mjs";

/** W3C proxy capability: nothing leaves loopback (port 9 is discard, closed here). */
const NO_INTERNET = { proxyType: "manual", httpProxy: "127.0.0.1:9", sslProxy: "127.0.0.1:9", noProxy: ["127.0.0.1"] };

export const ENGINES = {
  firefox: {
    label: "Firefox ESR",
    driver: () => process.env.GECKODRIVER || join(process.env.CARGO_HOME || join(homedir(), ".cargo"), "bin", "geckodriver"),
    args: (port) => ["--host", "127.0.0.1", "--port", String(port), "--log", "error"],
    capabilities: {
      browserName: "firefox",
      proxy: NO_INTERNET,
      "moz:firefoxOptions": {
        binary: "/usr/bin/firefox-esr",
        args: ["-headless"],
        prefs: { "intl.accept_languages": "vi-VN, vi", "browser.download.folderList": 2 },
      },
    },
  },
  webkit: {
    label: "WebKitGTK",
    display: true,
    driver: () => "/usr/bin/WebKitWebDriver",
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: "MiniBrowser",
      proxy: NO_INTERNET,
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
};

/** Starts Xvfb on a display it picks itself; resolves to { display, child }. */
async function startXvfb() {
  const child = spawn("/usr/bin/Xvfb", ["-displayfd", "3", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  let text = "";
  for await (const chunk of child.stdio[3]) {
    text += chunk;
    if (text.includes("\n")) break;
  }
  const number = text.trim();
  if (!/^\d+$/.test(number)) throw new Error(`Xvfb gave no display (${child.exitCode})`);
  return { display: `:${number}`, child };
}

async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

/** Starts `engine`'s driver server and one browser session; resolves to
 *  { driver, stop() }. A second try, from scratch, if the first hangs. */
export async function startEngine(engine) {
  try {
    return await startOnce(engine);
  } catch (error) {
    console.log(`${ENGINES[engine].label}: ${error.message.split("\n")[0]}; trying again`);
    return startOnce(engine);
  }
}

async function startOnce(engine) {
  const spec = ENGINES[engine];
  const xvfb = spec.display ? await startXvfb() : null;
  const port = await freePort();
  const server = spawn(spec.driver(), spec.args(port), {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) },
  });
  // The browser's own chatter (Firefox logs internal errors at shutdown) is
  // kept, and shown only if the session cannot start.
  let log = "";
  server.stderr.on("data", (chunk) => { log = (log + chunk).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`${spec.driver()} exited (${server.exitCode})`);
      const up = await fetch(`${url}/status`).then((r) => r.ok, () => false);
      if (up) break;
      if (i > 200) throw new Error(`${spec.driver()} did not start`);
      await sleep(50);
    }
    // MiniBrowser now and then fails to come up under load, and WebKitWebDriver
    // then waits for it for ever: give up after a while, and let the caller retry.
    let timer;
    const driver = await Promise.race([
      new Builder().usingServer(url).withCapabilities(spec.capabilities).build(),
      new Promise((_, fail) => { timer = setTimeout(() => fail(new Error("no session after 30 s")), 30000); }),
    ]).finally(() => clearTimeout(timer));
    return {
      driver,
      async stop() {
        await driver.quit().catch(() => {});
        await stopChild(server);
        await stopChild(xvfb?.child);
      },
    };
  } catch (error) {
    await stopChild(server);
    await stopChild(xvfb?.child);
    throw new Error(`${spec.label}: ${error.message}\n${log}`);
  }
}

/** Polls `script` (a function run in the page) until it returns a truthy value. */
export async function waitFor(driver, script, args = [], message = "condition", timeout = 20000) {
  return driver.wait(async () => driver.executeScript(script, ...args), timeout, `waiting for ${message}`);
}
