// One nginx (dist/, host pages, tiles) and one Chromium per test file, started
// before its tests and stopped after them. Importers read the live bindings.
import { before, after } from "node:test";
import { startServers } from "./servers.mjs";
import { launch } from "./browser.mjs";

export let servers;
export let browser;

before(async () => {
  servers = await startServers();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await servers?.stop();
});
