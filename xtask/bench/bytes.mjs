// cargo xtask bench (bytes): what a first visit downloads for the widget.
// File by file, raw, and the release's own .gz (Zopfli) and .br (brotli quality
// 11) copies, which the README's server configuration sends as they are; then
// what Chromium actually transferred on a first visit (nginx sending those
// copies, brotli; cache disabled) with and without the map section (its
// picture: no Leaflet unless the visitor reaches for the map), and once the map
// is reached for. Figures, never pass/fail: the byte budgets themselves are
// enforced by tests/size/.
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { startServers } from "../../tests/e2e/support/servers.mjs";
import { launch, openPage, PHONE } from "../../tests/e2e/support/browser.mjs";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const files = readdirSync(dist);
const wasm = files.find((f) => /^campaign-widget-[0-9a-f]+_bg\.wasm$/.test(f));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const sizes = (name) => ({
  raw: statSync(join(dist, name)).size,
  gzip: statSync(join(dist, `${name}.gz`)).size,
  brotli: statSync(join(dist, `${name}.br`)).size,
});
const groups = [
  ["before the first render (embed.js carries the glue)", ["embed.js", wasm]],
  ["when the visitor reaches for the map", [/^leaflet-[0-9a-f]+\.js$/, /^leaflet-[0-9a-f]+\.css$/].map((n) => files.find((f) => n.test(f)))],
  ["only for a placeholder without a config (the built-in campaign)", [files.find((f) => /^default-campaign-[0-9a-f]+\.json$/.test(f))]],
];
console.log("\nbytes benchmark: the widget's files (dist/)");
console.log(`  ${"file".padEnd(44)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
const totals = [];
for (const [label, names] of groups) {
  console.log(`  ${label}:`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of names) {
    const s = sizes(name);
    for (const key of Object.keys(total)) total[key] += s[key];
    console.log(`    ${name.padEnd(42)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
  }
  console.log(`    ${"total".padEnd(42)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
  totals.push(total);
}
const withMap = Object.fromEntries(Object.keys(totals[0]).map((k) => [k, totals[0][k] + totals[1][k]]));
console.log(`  a first visit, the map only looked at: ${kb(totals[0].gzip).trim()} gzip, ${kb(totals[0].brotli).trim()} brotli (+ the picture's tiles)`);
console.log(`  a first visit, the map reached for:    ${kb(withMap.gzip).trim()} gzip, ${kb(withMap.brotli).trim()} brotli (+ map tiles)`);

// What Chromium transferred (headers included), phone size, scrolled to the map.
const servers = await startServers();
const browser = await launch();
async function transferred(page, reach) {
  const { context, page: tab } = await openPage(browser, PHONE, servers);
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await tab.goto(`${servers.hostOrigin}/${page}`);
  await tab.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0, null, { timeout: 60000 });
  await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await tab.waitForTimeout(3000); // the map, if any, draws its picture
  if (reach) {
    await tab.locator("campaign-widget .cw-map-canvas").focus();
    await tab.waitForTimeout(3000); // Leaflet and its tiles
  }
  const entries = await tab.evaluate(() => performance.getEntriesByType("resource")
    .filter((r) => !/\/\d+\.png$/.test(r.name)) // map tiles (answered by the local tile server)
    .map((r) => ({ name: r.name.split("/").pop(), bytes: r.transferSize })));
  await context.close();
  return entries;
}
for (const [label, page, reach] of [
  ["without the map section", "widget-bench-nomap.html", false],
  ["with the map section, only looked at", "widget-bench.html", false],
  ["with the map section, reached for", "widget-bench.html", true],
]) {
  const entries = await transferred(page, reach);
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  console.log(`  Chromium, first visit ${label}: ${kb(total).trim()} transferred (tiles not counted): ${entries.map((e) => `${e.name.replace(/-[0-9a-f]{8,16}/, "")} ${e.bytes}`).join(", ")}`);
}
await browser.close();
await servers.stop();
