// Byte budgets on the release dist/, in gzip bytes (deterministic, so they are
// enforced here; timings are only reported, by `cargo xtask bench`).
// These ceilings are interim, set just above today's sizes so that growth fails
// the build (118 KB since issue 12: the lunar table had taken the 115 KB ceiling to
// 118,258 bytes, and the browser checks, linked-CSS fallback, hashed asset names and
// server-time readings add 1.8 KB); issue #7's
// targets (wasm + glue ≤ 90 KB, first render ≤ 100 KB) are not met yet and are the
// ones to lower them to. A minimal Yew 0.23 app alone is 57.5 KB (wasm 51.6 + unminified glue 5.9).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const gz = (name) => gzipSync(readFileSync(join(dist, name)), { level: 9 }).length;
const files = readdirSync(dist);
const wasm = files.find((f) => /^campaign-widget-[0-9a-f]+_bg\.wasm$/.test(f));
const KB = 1024;

// embed.js carries the wasm-bindgen glue (inlined at build time), so "wasm + glue"
// is counted as wasm + embed.js: the loader's own 1.5 KB counted in, conservatively.
test("wasm + glue stay under the interim ceiling", () => {
  const bytes = gz(wasm) + gz("embed.js");
  console.log(`wasm ${gz(wasm)} + embed.js with the glue ${gz("embed.js")} = ${bytes} bytes gzip`);
  assert.ok(bytes <= 118 * KB, `${bytes} > ${118 * KB}`);
});

test("everything before the first render (embed.js with the glue, wasm) stays under the interim ceiling; Leaflet is not on that path", () => {
  const bytes = gz("embed.js") + gz(wasm);
  console.log(`first render: ${bytes} bytes gzip`);
  assert.ok(bytes <= 118 * KB, `${bytes} > ${118 * KB}`);
  // No other script: the glue is inside embed.js.
  assert.equal(files.filter((f) => /^campaign-widget-.*\.js$/.test(f)).length, 0);
  // Leaflet's files are loaded by the map, on demand, never by the loader,
  // which only hands their hashed names to the widget.
  const loader = readFileSync(join(dist, "embed.js"), "utf8");
  const names = /"leaflet-[0-9a-f]{16}\.js leaflet-[0-9a-f]{16}\.css widget-[0-9a-f]{16}\.css"/;
  assert.match(loader, names);
  assert.doesNotMatch(loader.replace(names, ""), /leaflet/i);
});

test("the loader with its glue stays small", () => {
  assert.ok(gz("embed.js") <= 7 * KB, `${gz("embed.js")} > ${7 * KB}`);
});
