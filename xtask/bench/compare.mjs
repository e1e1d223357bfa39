// cargo xtask bench (compare): the widget against the page a webmaster would
// otherwise build from plain-JS tools (simplycountdown.js + Leaflet from npm),
// showing the same campaign. Chromium, CPU throttled 4x, with and without slow 4G
// (150 ms RTT, 1.6 Mbps), cold loads (cache disabled), median of 7 runs, the pages
// alternating so that a busy moment of this shared machine weighs on all of them.
// nginx serves the widget's dist/ as the README says (the release's own .br/.gz
// files, brotli when the browser accepts it); the plain-JS page's files get
// nginx's on-the-fly gzip, as such a page usually does. Figures, never pass/fail.
//
// Three pages: the widget with its three sections (the map far below: its
// picture is drawn when the page is scrolled there, right after the first
// render); the same widget with the map section first (in view from the start,
// as the plain-JS page's map is); the plain-JS page. For each: the first render,
// the first tile drawn on screen (the first frame in which a loaded tile image
// is in the viewport at full opacity: the plain-JS page's tiles fade in after
// Leaflet runs, the widget's picture needs no Leaflet), whether any of
// Leaflet's files was requested (a load without interaction should ask for
// none), the total blocking time of the long tasks in the 5 s after the first
// render (slow 4G), a repeat view (the same page again, warm cache) and the
// bytes file by file. For the slowest figures, what the time is made of: the
// wasm's download (request to last byte), its compile and instantiation, the
// render, and the first tile's requests.
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

// In the page: the first animation frame in which a loaded tile image (the
// widget's, in its shadow root, or the plain-JS page's) is in the viewport at
// full opacity, as the mark "bench:tile-painted"; and every long task.
function watchPaint() {
  const tiles = () => {
    const roots = [document, ...[...document.querySelectorAll("campaign-widget, [data-campaign-widget]")].map((h) => h.shadowRoot).filter(Boolean)];
    return roots.flatMap((root) => [...root.querySelectorAll("img")]).filter((img) => /\/tiles\/|\.png$/.test(img.src));
  };
  const visible = (img) => {
    if (!img.complete || !img.naturalWidth) return false;
    const box = img.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return false;
    for (let el = img; el && el.nodeType === 1; el = el.parentNode || el.host) {
      const style = getComputedStyle(el);
      if (Number(style.opacity) < 1 || style.visibility === "hidden") return false;
      if (!el.parentNode && el.host) el = el.host;
    }
    return true;
  };
  const frame = () => {
    if (tiles().some(visible)) performance.mark("bench:tile-painted");
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (unsupported) { /* figures without it */ }
}

async function measure({ url, marks, scroll }, network, { blocking = false } = {}) {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await context.addInitScript(watchPaint);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.render, { timeout: 60000 });
  if (scroll) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.tile, { timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName("bench:tile-painted").length > 0, null, { timeout: 60000 });
  if (blocking) {
    // The 5 s after the first render, on the page's own clock.
    await page.waitForFunction((m) => performance.now() > performance.getEntriesByName(m)[0].startTime + 5000, marks.render, { timeout: 60000, polling: 250 });
  }
  const result = await page.evaluate((m) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const resources = performance.getEntriesByType("resource").map((r) => ({
      name: r.name.split("/").pop().replace(/-[0-9a-f]{8,16}(?=_bg\.wasm$|\.)/, ""),
      bytes: r.transferSize, start: r.startTime, firstByte: r.responseStart, end: r.responseEnd,
    }));
    const render = at(m.render);
    // Total blocking time: each long task's time beyond 50 ms, in the 5 s after the first render.
    const blocking = window.__longTasks
      .filter(([start]) => start >= render && start < render + 5000)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { render, tile: at(m.tile), painted: at("bench:tile-painted"), blocking, resources, steps: (m.steps || []).map(at) };
  }, marks);
  result.leaflet = result.resources.filter((r) => /^leaflet\.(js|css)$/.test(r.name)).length;
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

// A repeat view: the page loaded once, then again in the same browser with its
// HTTP cache warm (a plain context: Playwright's request routing turns
// Chromium's cache off). The default campaign's tiles are OpenStreetMap's,
// which this machine cannot reach: only the first render is measured.
async function repeatView({ url, marks }, network) {
  const context = await browser.newContext({ ...DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.render, { timeout: 60000 });
  await page.waitForTimeout(500);
  await page.goto("about:blank");
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.render, { timeout: 60000 });
  const render = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, marks.render);
  await context.close();
  return render;
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
  const repeats = { widget: [], baseline: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [who, page] of Object.entries(pages)) runs[who].push(await measure(page, network, { blocking: !!network }));
    for (const who of Object.keys(repeats)) repeats[who].push(await repeatView(pages[who], network));
  }
  summary[`${label} repeat`] = Object.fromEntries(Object.entries(repeats).map(([who, list]) => [who, { median: median(list), runs: list.map(Math.round) }]));
  for (const [who, list] of Object.entries(runs)) {
    // The run whose first render is the median one, for the breakdown.
    const typical = [...list].sort((a, b) => a.render - b.render)[Math.floor(list.length / 2)];
    summary[`${label} ${who}`] = {
      render: median(list.map((r) => r.render)),
      renders: list.map((r) => Math.round(r.render)),
      tile: median(list.map((r) => r.tile)),
      tiles: list.map((r) => Math.round(r.tile)),
      painted: median(list.map((r) => r.painted)),
      painteds: list.map((r) => Math.round(r.painted)),
      blocking: median(list.map((r) => r.blocking)),
      blockings: list.map((r) => Math.round(r.blocking)),
      leaflet: list.map((r) => r.leaflet),
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
  console.log(`    first tile drawn on screen (in view, full opacity), map in view from the start: widget ${ms(m.painted)} vs plain JS ${ms(b.painted)}: ratio ${(m.painted / b.painted).toFixed(2)}`);
  console.log(`    runs, first tile drawn (ms): map first ${m.painteds.join(", ")}; plain JS ${b.painteds.join(", ")}; widget's map far below ${w.painteds.join(", ")}`);
  console.log(`    Leaflet's files requested in a load without interaction (per run): widget ${w.leaflet.join(", ")}; map first ${m.leaflet.join(", ")}; plain JS ${b.leaflet.join(", ")}`);
  if (label.includes("slow 4G")) {
    console.log(`    total blocking time in the 5 s after the first render: widget ${ms(w.blocking)}, map first ${ms(m.blocking)} vs plain JS ${ms(b.blocking)} (runs: ${w.blockings.join(", ")}; ${m.blockings.join(", ")}; ${b.blockings.join(", ")})`);
  }
  const r = summary[`${label} repeat`];
  console.log(`    repeat view (warm cache), first render: widget ${ms(r.widget.median)} vs plain JS ${ms(r.baseline.median)}: ratio ${(r.widget.median / r.baseline.median).toFixed(2)} (runs: ${r.widget.runs.join(", ")}; ${r.baseline.runs.join(", ")})`);
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
  const entry = summary[`cpu 4x ${key}`];
  console.log(`  bytes transferred (whole page, tiles included): ${who} ${(entry.bytes / 1024).toFixed(1)} KB`);
  const byFile = {};
  for (const r of entry.typical.resources) {
    const name = /^\d+\.png$/.test(r.name) ? "tiles" : r.name;
    byFile[name] = (byFile[name] || 0) + r.bytes;
  }
  console.log(`    file by file: ${Object.entries(byFile).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join("; ")}`);
}
