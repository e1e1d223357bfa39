// cargo xtask bench (compare): the widget against the page a webmaster would
// otherwise build from plain-JS tools (simplycountdown.js + Leaflet from npm),
// showing the same campaign. Chromium, CPU throttled 4x, with and without slow 4G
// (150 ms RTT, 1.6 Mbps), median of 7 runs, widget and baseline alternating. Bytes are what the page transferred
// (nginx gzip). Figures, never pass/fail.
import { startServers } from "../../tests/e2e/support/servers.mjs";
import { launch, openPage, DESKTOP } from "../../tests/e2e/support/browser.mjs";

const RUNS = 7;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const servers = await startServers();
const browser = await launch();

async function measure(url, marks, network) {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.render, { timeout: 60000 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0 ||
    [...document.querySelectorAll("campaign-widget")].some((w) => w.shadowRoot?.querySelector(".leaflet-tile-loaded")), marks.tile, { timeout: 60000 });
  const result = await page.evaluate((m) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const tile = at(m.tile) ?? performance.now();
    const resources = performance.getEntriesByType("resource").map((r) => ({ name: r.name, bytes: r.transferSize }));
    return { render: at(m.render), tile, resources, steps: (m.steps || []).map(at) };
  }, marks);
  await context.close();
  return result;
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pages = [
  ["widget", `${servers.hostOrigin}/widget-bench.html`, {
    render: "campaign-widget:first-render", tile: "campaign-widget:first-tile",
    steps: ["campaign-widget:loader-start", "campaign-widget:wasm-ready", "campaign-widget:first-render"],
  }],
  ["baseline", `${servers.hostOrigin}/baseline.html`, { render: "baseline:first-render", tile: "baseline:first-tile" }],
];
const summary = {};
for (const [label, network] of [["cpu 4x", null], ["cpu 4x + slow 4G", SLOW_4G]]) {
  // Widget and baseline alternate, so a busy moment of this shared machine
  // weighs on both rather than on one of them.
  const runs = Object.fromEntries(pages.map(([who]) => [who, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [who, url, marks] of pages) runs[who].push(await measure(url, marks, network));
  }
  for (const [who] of pages) {
    const list = runs[who];
    const bytes = (filter) => list[0].resources.filter(filter).reduce((sum, r) => sum + r.bytes, 0);
    summary[`${label} ${who}`] = {
      render: median(list.map((r) => r.render)),
      renders: list.map((r) => Math.round(r.render)),
      tile: median(list.map((r) => r.tile)),
      bytes: bytes(() => true),
      files: list[0].resources.map((r) => `${r.name.split("/").pop()} ${r.bytes}`),
      steps: list[0].steps.map((_, i) => median(list.map((r) => r.steps[i]))),
    };
  }
}
await browser.close();
await servers.stop();

console.log("\ncomparison with the plain-JS page (simplycountdown.js + Leaflet), median of", RUNS, "runs");
for (const label of ["cpu 4x", "cpu 4x + slow 4G"]) {
  const w = summary[`${label} widget`], b = summary[`${label} baseline`];
  console.log(`  ${label}: first render widget ${w.render.toFixed(0)} ms vs baseline ${b.render.toFixed(0)} ms (ratio ${(w.render / b.render).toFixed(2)}); first tile widget ${w.tile.toFixed(0)} ms vs ${b.tile.toFixed(0)} ms`);
  console.log(`    runs (ms): widget ${w.renders.join(", ")}; baseline ${b.renders.join(", ")}`);
  const [loaderStart, wasmReady, firstRender] = w.steps;
  console.log(`    widget, from navigation start: loader starts ${loaderStart.toFixed(0)} ms, wasm ready ${wasmReady.toFixed(0)} ms, first render ${firstRender.toFixed(0)} ms (loader start -> first render ${(firstRender - loaderStart).toFixed(0)} ms)`);
}
const w = summary["cpu 4x widget"], b = summary["cpu 4x baseline"];
console.log(`  bytes transferred (gzip, whole page): widget ${(w.bytes / 1024).toFixed(1)} KB vs baseline ${(b.bytes / 1024).toFixed(1)} KB`);
console.log(`  widget files: ${w.files.join(", ")}`);
console.log(`  baseline files: ${b.files.join(", ")}`);
