// cargo xtask bench (compare): the widget against the page a webmaster would
// otherwise build from plain-JS tools (simplycountdown.js + Leaflet from npm),
// showing the same campaign. Chromium, CPU throttled 4x, with and without slow 4G
// (150 ms RTT, 1.6 Mbps), cold loads (cache disabled), median of 7 runs, the pages
// alternating so that a busy moment of this shared machine weighs on all of them.
// nginx serves the widget's dist/ as the README says (the release's own .br/.gz
// files, brotli when the browser accepts it); the plain-JS page's files get
// nginx's on-the-fly gzip, as such a page usually does. Figures, never pass/fail.
//
// Three pages: the widget with its three sections (the map far below: it loads
// when the page is scrolled there, right after the first render); the same
// widget with the map section first (in view from the start, as the plain-JS
// page's map is: the loader then asks for Leaflet with the wasm); the plain-JS
// page. For the slowest figures, what the time is made of: the wasm's download
// (request to last byte), its compile and instantiation, the render, and Leaflet's
// and the first tile's requests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServers, root } from "../../tests/e2e/support/servers.mjs";
import { launch, openPage, DESKTOP } from "../../tests/e2e/support/browser.mjs";

const RUNS = 7;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const servers = await startServers();
const browser = await launch();

// The campaign readable at once: the default campaign as a CMS article carries
// it (`cargo xtask snippet --target nukeviet`: the placeholder's fallback markup
// tells the campaign before the widget mounts), on a page with the site line.
// Its title carries `elementtiming`, so the bench can say when it was painted.
const snippetDir = mkdtempSync(join(tmpdir(), "cw-bench-snippet-"));
execFileSync("cargo", ["xtask", "snippet", "--config", join(root, "crates", "core", "src", "config", "default_campaign.json"),
  "--target", "nukeviet", "--dist-url", servers.distOrigin, "--out", snippetDir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const placeholder = readFileSync(join(snippetDir, "placeholder.html"), "utf8").replace("<h2>", '<h2 elementtiming="campaign-title">');
servers.writePage("widget-bench-cms.html", `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Bench: the campaign in a CMS article</title></head>
<body><main><article>
${placeholder}</article></main>
${readFileSync(join(snippetDir, "site.html"), "utf8")}</body>
</html>
`);

async function measure({ url, marks, scroll }, network) {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.render, { timeout: 60000 });
  if (scroll) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.tile, { timeout: 60000 });
  const result = await page.evaluate((m) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const resources = performance.getEntriesByType("resource").map((r) => ({
      name: r.name.split("/").pop().replace(/-[0-9a-f]{8,16}(?=_bg\.wasm$|\.)/, ""),
      bytes: r.transferSize, start: r.startTime, firstByte: r.responseStart, end: r.responseEnd,
    }));
    return { render: at(m.render), tile: at(m.tile), resources, steps: (m.steps || []).map(at) };
  }, marks);
  // When the fallback's title was painted (Element Timing), on the CMS page.
  result.title = await page.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntries().find((e) => e.identifier === "campaign-title");
      if (entry) done(entry.renderTime || entry.loadTime);
    }).observe({ type: "element", buffered: true });
    setTimeout(() => done(null), 1000);
  }));
  await context.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const widgetMarks = {
  render: "campaign-widget:first-render", tile: "campaign-widget:first-tile",
  steps: ["campaign-widget:loader-start", "campaign-widget:wasm-ready", "campaign-widget:first-render"],
};
const pages = {
  widget: { url: `${servers.hostOrigin}/widget-bench.html`, marks: widgetMarks, scroll: true },
  "widget, map first": { url: `${servers.hostOrigin}/widget-bench-mapfirst.html`, marks: widgetMarks, scroll: false },
  "widget, CMS article": { url: `${servers.hostOrigin}/widget-bench-cms.html`, marks: widgetMarks, scroll: true },
  baseline: { url: `${servers.hostOrigin}/baseline.html`, marks: { render: "baseline:first-render", tile: "baseline:first-tile" }, scroll: false },
};
const profiles = [["cpu 4x", null], ["cpu 4x + slow 4G", SLOW_4G]];
const summary = {};
for (const [label, network] of profiles) {
  const runs = Object.fromEntries(Object.keys(pages).map((who) => [who, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [who, page] of Object.entries(pages)) runs[who].push(await measure(page, network));
  }
  for (const [who, list] of Object.entries(runs)) {
    // The run whose first render is the median one, for the breakdown.
    const typical = [...list].sort((a, b) => a.render - b.render)[Math.floor(list.length / 2)];
    summary[`${label} ${who}`] = {
      render: median(list.map((r) => r.render)),
      renders: list.map((r) => Math.round(r.render)),
      tile: median(list.map((r) => r.tile)),
      tiles: list.map((r) => Math.round(r.tile)),
      bytes: typical.resources.reduce((sum, r) => sum + r.bytes, 0),
      typical,
      steps: (list[0].steps || []).map((_, i) => median(list.map((r) => r.steps[i]))),
      title: median(list.map((r) => r.title ?? Infinity)),
    };
  }
}
await browser.close();
await servers.stop();

const ms = (value) => `${Math.round(value)} ms`;
console.log("\ncomparison with the plain-JS page (simplycountdown.js + Leaflet), median of", RUNS, "alternating cold loads");
for (const [label] of profiles) {
  const w = summary[`${label} widget`], m = summary[`${label} widget, map first`], b = summary[`${label} baseline`];
  console.log(`  ${label}:`);
  console.log(`    first render: widget ${ms(w.render)} (map first ${ms(m.render)}) vs plain JS ${ms(b.render)}: ratio ${(w.render / b.render).toFixed(2)}`);
  console.log(`    first tile, map in view from the start: widget ${ms(m.tile)} vs plain JS ${ms(b.tile)}: ratio ${(m.tile / b.tile).toFixed(2)}`);
  console.log(`    first tile, widget's map far below, scrolled to at the first render: ${ms(w.tile)}`);
  console.log(`    runs, first render (ms): widget ${w.renders.join(", ")}; map first ${m.renders.join(", ")}; plain JS ${b.renders.join(", ")}`);
  console.log(`    runs, first tile (ms): map first ${m.tiles.join(", ")}; plain JS ${b.tiles.join(", ")}`);
  const c = summary[`${label} widget, CMS article`];
  console.log(`    the campaign readable at once: title painted from a CMS article's fallback ${ms(c.title)} (its widget's first render ${ms(c.render)}) vs plain JS first render ${ms(b.render)}: ratio ${(c.title / b.render).toFixed(2)}`);
  const [loaderStart, wasmReady, firstRender] = w.steps;
  console.log(`    widget, medians from navigation start: loader starts ${ms(loaderStart)}, wasm ready ${ms(wasmReady)}, first render ${ms(firstRender)}`);
  for (const [who, entry] of [["widget", w], ["widget, map first", m], ["plain JS", b]]) {
    const files = entry.typical.resources
      .filter((r) => !/^\d+\.png$/.test(r.name) || r === entry.typical.resources.find((t) => /^\d+\.png$/.test(t.name)))
      .map((r) => `${r.name} ${ms(r.start)}→${ms(r.firstByte)}→${ms(r.end)} (${(r.bytes / 1024).toFixed(1)} KB)`);
    console.log(`    ${who}, median-render run, requests (start → first byte → last byte): ${files.join("; ")}`);
  }
}
for (const [who, key] of [["widget", "widget"], ["widget, map first", "widget, map first"], ["plain JS", "baseline"]]) {
  console.log(`  bytes transferred (whole page, tiles included): ${who} ${(summary[`cpu 4x ${key}`].bytes / 1024).toFixed(1)} KB`);
}
