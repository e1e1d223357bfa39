// Byte budgets on the release dist/ (deterministic, so they are enforced here;
// timings are only reported, by `cargo xtask bench`). What is counted is what a
// visitor receives: the release's own .br and .gz files, which the README's
// server configuration sends as they are (brotli when the browser accepts it,
// else gzip). Issue 13's budget for everything before the first render (the wasm
// and embed.js, which carries the glue): 92 KB brotli, 110 KB gzip. Neither is met
// today (101.0 KB brotli, 113.8 KB gzip, after the lunar calendar, the CMS config
// sources, the old-browser checks and the map's first tile asked for early: see
// the README's size table), so the ceilings here are today's sizes, which growth
// fails, and 92 / 110 KB stay the goals. A feature that adds more than 1 KB of
// brotli gets a line in the README's size table saying what it bought.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const files = readdirSync(dist);
const wasm = files.find((f) => /^campaign-widget-[0-9a-f]+_bg\.wasm$/.test(f));
const KB = 1024;
const shipped = (name, encoding) => statSync(join(dist, `${name}.${encoding}`)).size;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

// +0.1 KB gzip, +0.2 KB brotli for embed.js finding its own URL however its tag
// reached the page (inserted by jQuery, a tag manager or a CMS optimiser).
// +0.03 KB gzip, +0.25 KB brotli for the map's Leaflet kept off the page's `L`
// (a page's own Leaflet 0.7 map keeps working beside the widget's).
// +0.6 KB gzip, +0.4 KB brotli for calendar files exact on 29 February (a rule
// per date checked against the schedule year by year, else listed days) and
// announcements true when heard (less than a day / an hour, "1 day").
// +0.9 KB gzip, +0.6 KB brotli for the map's gestures by pointer type (touch
// laptops), reduced motion (Leaflet's animations off, pans that jump) and
// popups capped to the map (their pan padding); +0.03 KB brotli for the
// countdown kept from page translators (translate="no").
// +6.9 KB gzip, +6.1 KB brotli (wasm +5.9, embed.js +0.2) for issue 21's
// calendar choices (a Google Calendar link beside each .ics, the in-app
// browser line) and the share button: far over the 1 KB it should cost, and
// the first thing to win back (see the README's size table).
// +5.8 KB gzip, +4.9 KB brotli (wasm +5.1, embed.js −0.1) for issue 20's
// picture of the map (its first view drawn from the tiles as Leaflet would
// draw them, src/map/picture.rs) and Leaflet loaded only on intent: the 39 KB
// of leaflet.js and 3.5 KB of leaflet.css (brotli) are no longer downloaded
// by the visitors who do not touch the map, and the first tile needs no
// Leaflet.
// −2.8 KB gzip, −2.4 KB brotli: the built-in campaign out of the wasm (6.7 KB
// of JSON, which embed.js fetches from dist/ only for a placeholder without a
// config), and Leaflet's files asked for ahead by <link rel="preload"> rather
// than by a promise of the wasm's (future_to_promise).
// +0.2 KB gzip, +0.2 KB brotli of embed.js for the wasm compiled while it
// downloads (the response compiled, a clone of it hashed, SHA-384 as SRI),
// instead of fetched with `integrity`, which resolves at the last byte.
// +0.1 KB gzip for day counts of three and four digits kept on one line in
// 280-312 px columns (the days' box grows, smaller digits below 300 px).
const GZIP_CEILING = 126.0 * KB; // the goal: 110 KB
const BROTLI_CEILING = 111.8 * KB; // the goal: 92 KB
test("everything before the first render (wasm + embed.js with the glue) does not grow, gzip or brotli", () => {
  const brotli = shipped(wasm, "br") + shipped("embed.js", "br");
  const gzip = shipped(wasm, "gz") + shipped("embed.js", "gz");
  console.log(`before the first render: wasm ${kb(shipped(wasm, "br"))} + embed.js ${kb(shipped("embed.js", "br"))} = ${kb(brotli)} brotli; ` +
    `${kb(shipped(wasm, "gz"))} + ${kb(shipped("embed.js", "gz"))} = ${kb(gzip)} gzip`);
  assert.ok(gzip <= GZIP_CEILING, `${gzip} bytes gzip > ${GZIP_CEILING}`);
  assert.ok(brotli <= BROTLI_CEILING, `${brotli} bytes brotli > ${BROTLI_CEILING}`);
});

test("the first render needs only embed.js and the wasm: no other script, and the loader runs no Leaflet", () => {
  // The glue is inside embed.js.
  assert.equal(files.filter((f) => /^campaign-widget-.*\.js$/.test(f)).length, 0);
  // The loader asks for nothing of Leaflet (not even a preload): the map's own
  // code loads leaflet.js when the visitor reaches for the map.
  const loader = readFileSync(join(dist, "embed.js"), "utf8");
  assert.doesNotMatch(loader, /createElement\(\s*["']script["']\s*\)/);
  assert.doesNotMatch(loader, /preload/);
});

test("the loader with its glue stays small", () => {
  // 7.4 KB today (the share sheet or clipboard; pans without animation, a clobbered window.CampaignWidget told
  // from the API, the server's time read again after a sleep, the wasm compiled
  // as it downloads and hashed beside); a release's wasm name and hash, written
  // into it, move it by a few bytes.
  assert.ok(shipped("embed.js", "br") <= 7.4 * KB, `${shipped("embed.js", "br")} > ${7.4 * KB}`);
  assert.ok(shipped("embed.js", "gz") <= 8.1 * KB, `${shipped("embed.js", "gz")} > ${8.1 * KB}`);
});
