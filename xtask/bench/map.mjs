// cargo xtask bench (map): what the map costs. Bytes are gzip sizes of the files
// Leaflet's map loads when the visitor reaches for it; the times run from the
// map section entering the viewport to the first tile of its picture drawn, and
// from reaching for the map (keyboard focus) to Leaflet's own first tile, CPU
// throttled 4x, median of 5 runs. Figures, not assertions.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServers, dist } from "../../tests/e2e/support/servers.mjs";
import { launch, openPage, DESKTOP } from "../../tests/e2e/support/browser.mjs";

const RUNS = 5;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const servers = await startServers();
const browser = await launch();
const times = [];
const leafletTimes = [];
for (let run = 0; run < RUNS; run++) {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map-canvas").waitFor({ state: "attached" });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  // Until the first tile is drawn: `until(selector)` resolves with the ms it took.
  const until = (action, selector) => page.evaluate(([action, selector]) => new Promise((done) => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const start = performance.now();
    const check = () => [...root.querySelectorAll(selector)].some((img) => img.complete && img.naturalWidth > 0);
    new MutationObserver((_, observer) => {
      if (check()) {
        observer.disconnect();
        done(performance.now() - start);
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    root.addEventListener("load", () => check() && done(performance.now() - start), true);
    if (action === "scroll") root.querySelector(".cw-map").scrollIntoView();
    else root.querySelector(".cw-map-canvas").focus();
  }), [action, selector]);
  times.push(await until("scroll", ".cw-map-picture img"));
  leafletTimes.push(await until("focus", ".leaflet-tile-loaded"));
  await context.close();
}
await browser.close();
await servers.stop();

times.sort((a, b) => a - b);
leafletTimes.sort((a, b) => a - b);
const wasm = readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));
const hashed = (pattern) => readdirSync(dist).find((f) => pattern.test(f));
console.log(`
map benchmark (Chromium, CPU throttled 4x, ${RUNS} runs)
  bytes Leaflet's map loads when reached for (gzip): leaflet.js ${kb(gz(hashed(/^leaflet-[0-9a-f]+\.js$/)))} + leaflet.css ${kb(gz(hashed(/^leaflet-[0-9a-f]+\.css$/)))}
  (the widget's wasm, map code included, is ${kb(gz(wasm))} gzip)
  viewport -> the picture's first tile: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms)
  reached for (focus) -> Leaflet's first tile: median ${leafletTimes[Math.floor(RUNS / 2)].toFixed(0)} ms (runs: ${leafletTimes.map((t) => t.toFixed(0)).join(", ")} ms)
`);
