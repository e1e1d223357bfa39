// The release's own precompressed files, served as the README's nginx
// configuration says (brotli_static, gzip_static): Chromium asks for brotli and
// gets the .br file; a client that accepts only gzip gets the .gz file; one that
// accepts neither gets the file itself. Whatever the encoding, the bytes decoded
// are the file's, byte for byte (the wasm is also checked against its SRI hash by
// the loader, so a wrong copy would not even run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { servers, browser } from "./support/harness.mjs";
import { openPage, DESKTOP } from "./support/browser.mjs";
import { dist } from "./support/servers.mjs";

const files = readdirSync(dist);
const wasm = files.find((f) => /^campaign-widget-[0-9a-f]+_bg\.wasm$/.test(f));
// Leaflet's files by this release's content-hashed names.
const leafletJs = files.find((f) => /^leaflet-[0-9a-f]{16}\.js$/.test(f));
const leafletCss = files.find((f) => /^leaflet-[0-9a-f]{16}\.css$/.test(f));

/** GET over loopback with the given Accept-Encoding; the body as sent (not decoded). */
function get(url, acceptEncoding) {
  return new Promise((done, fail) => {
    const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", fail);
    }).on("error", fail).end();
  });
}

test("every text and wasm file of dist/ has its .br and .gz copies, and they decode to it", () => {
  const compressible = files.filter((f) => /\.(js|css|html|wasm|json|svg|txt)$/.test(f));
  assert.ok(compressible.includes(wasm) && compressible.includes("embed.js") && compressible.includes(leafletJs));
  for (const name of compressible) {
    const raw = readFileSync(join(dist, name));
    assert.ok(files.includes(`${name}.br`) && files.includes(`${name}.gz`), `${name} has no .br or .gz copy`);
    assert.deepEqual(brotliDecompressSync(readFileSync(join(dist, `${name}.br`))), raw, `${name}.br`);
    assert.deepEqual(gunzipSync(readFileSync(join(dist, `${name}.gz`))), raw, `${name}.gz`);
  }
});

test("Chromium gets the wasm and embed.js as brotli (Content-Encoding: br), and decodes the file's own bytes", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  const seen = new Map();
  page.on("response", (response) => {
    const name = response.url().split("/").pop();
    if (name === wasm || name === "embed.js") seen.set(name, response);
  });
  await page.goto(`${servers.hostOrigin}/widget-bench.html`);
  await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0);
  for (const name of [wasm, "embed.js"]) {
    const response = seen.get(name);
    assert.ok(response, `${name} was requested`);
    const headers = await response.allHeaders();
    assert.equal(headers["content-encoding"], "br", name);
    assert.match(headers.vary ?? "", /Accept-Encoding/i, name);
    // What was sent is the .br file itself, not a compression made on the fly.
    assert.equal(Number(headers["content-length"]), readFileSync(join(dist, `${name}.br`)).length, name);
    assert.deepEqual(await response.body(), readFileSync(join(dist, name)), `${name}: decoded bytes differ from the file`);
  }
  assert.equal(seen.get(wasm).headers()["content-type"], "application/wasm");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a client that accepts only gzip gets the .gz file; one that accepts nothing gets the file", async () => {
  for (const name of [wasm, "embed.js", leafletJs, leafletCss]) {
    const raw = readFileSync(join(dist, name));
    const gzip = await get(`${servers.distOrigin}/${name}`, "gzip");
    assert.equal(gzip.status, 200);
    assert.equal(gzip.headers["content-encoding"], "gzip", name);
    assert.match(gzip.headers.vary ?? "", /Accept-Encoding/i);
    assert.deepEqual(gzip.body, readFileSync(join(dist, `${name}.gz`)), `${name}: the .gz file as it is`);
    assert.deepEqual(gunzipSync(gzip.body), raw);

    const brotli = await get(`${servers.distOrigin}/${name}`, "gzip, deflate, br");
    assert.equal(brotli.headers["content-encoding"], "br", name);
    assert.deepEqual(brotli.body, readFileSync(join(dist, `${name}.br`)));

    const identity = await get(`${servers.distOrigin}/${name}`);
    assert.equal(identity.headers["content-encoding"], undefined, name);
    assert.deepEqual(identity.body, raw);
  }
});
