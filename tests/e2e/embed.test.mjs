// The release dist/ served by nginx on one origin, mounted through the script
// tag into host pages on another, in Chromium at phone and desktop sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";
import { readdirSync } from "node:fs";
import { dist as distDir } from "./support/servers.mjs";


for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`mounts cross-origin into a shadow root (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/portal-article.html`);
    const title = page.locator("campaign-widget h2");
    await title.waitFor({ state: "visible", timeout: 20000 });
    assert.match(await title.innerText(), /^Phong trào thi đua thực hiện thắng lợi nhiệm vụ/);

    const shadow = await page.evaluate(() => {
      const host = document.querySelector("campaign-widget");
      const root = host.shadowRoot;
      const h2 = root.querySelector("h2");
      return {
        mode: root.mode,
        sheets: root.adoptedStyleSheets.length,
        styleNodes: document.querySelectorAll("style").length,
        titleColor: getComputedStyle(h2).color,
        titleSize: getComputedStyle(h2).fontSize,
        lineHeight: getComputedStyle(root.querySelector(".cw-lead")).lineHeight,
        fallbackShown: document.getElementById("fallback").getClientRects().length > 0,
        globals: ["CampaignWidget"].filter((g) => g in window),
        version: window.CampaignWidget.version,
        scrollWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      };
    });
    assert.equal(shadow.mode, "open");
    assert.equal(shadow.sheets, 1);
    assert.equal(shadow.styleNodes, 1, "only the host page's own <style>");
    // The host's `h2 { color: green; font-size: 40px }` does not reach the widget.
    assert.notEqual(shadow.titleColor, "rgb(0, 128, 0)");
    assert.notEqual(shadow.titleSize, "40px");
    assert.equal(shadow.fallbackShown, false, "fallback hidden once mounted");
    assert.match(shadow.version, /^\d+\.\d+\.\d+$/);
    assert.ok(shadow.scrollWidth <= shadow.viewport, "no horizontal overflow");

    // Everything came from the dist origin: embed.js (which carries the glue) and
    // the wasm; no other script.
    const log = servers.accessLog();
    assert.match(log, /GET \/embed\.js HTTP/);
    assert.match(log, /GET \/campaign-widget-[0-9a-f]+_bg\.wasm HTTP/);
    assert.doesNotMatch(log, /GET \/campaign-widget-[0-9a-f]+\.js HTTP/);

    await screenshot(page, `embed-portal-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("fires campaign-widget:ready, bubbling and composed, and loads once when included twice", async () => {
  const { context, page, problems, requests } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/portal-article.html`);
  await page.locator("campaign-widget h2").waitFor();
  const result = await page.evaluate(async (dist) => {
    const seen = [];
    document.addEventListener("campaign-widget:ready", (e) => seen.push(e.composed && e.bubbles));
    const script = document.createElement("script");
    script.src = `${dist}/embed.js`;
    await new Promise((done) => { script.onload = done; document.head.append(script); });
    const el = document.createElement("campaign-widget");
    el.setAttribute("lang", "en");
    document.querySelector("main").append(el);
    await new Promise((done) => el.addEventListener("campaign-widget:ready", done, { once: true }));
    return { seen, title: el.shadowRoot.querySelector("h2").textContent, widgets: document.querySelectorAll("campaign-widget").length };
  }, servers.distOrigin);
  assert.deepEqual(result.seen, [true]);
  assert.equal(result.title, "2021 emulation movement for socio-economic development, defence and security");
  // One wasm instance serves both widgets: the second include fetched nothing more.
  assert.equal(requests.filter((url) => url.endsWith("_bg.wasm")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a repeat view within five minutes needs no round trip before the wasm: embed.js and the wasm both come from the cache", async () => {
  // A context without request interception, which would turn Chromium's HTTP
  // cache off (no name off loopback resolves in this browser anyway).
  const context = await browser.newContext({ ...DESKTOP, locale: "vi-VN" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  const transfers = () => page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => /\/embed\.js$|_bg\.wasm$/.test(e.name))
    .map((e) => [e.name.replace(/^.*\//, "").replace(/-[0-9a-f]+_bg/, "_bg"), e.transferSize]));
  await page.goto(`${servers.hostOrigin}/portal-article.html`);
  await page.locator("campaign-widget h2").waitFor();
  const first = await transfers();
  assert.ok(first.every(([, size]) => size > 0), `first view from the network: ${JSON.stringify(first)}`);
  // Another article of the same site, a minute later.
  await page.goto(`${servers.hostOrigin}/portal-article.html?next`);
  await page.locator("campaign-widget h2").waitFor();
  // transferSize 0: served from the cache with no request (a revalidation's 304 has a size).
  assert.deepEqual(await transfers(), [["embed.js", 0], ["campaign-widget_bg.wasm", 0]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("nginx serves dist/ as the README says: wasm type, CORS, caching, gzip", async () => {
  const files = (await (await fetch(`${servers.distOrigin}/index.html`)).text()).length; // the demo page exists
  assert.ok(files > 0);
  const loader = await fetch(`${servers.distOrigin}/embed.js`, { headers: { Origin: servers.hostOrigin, "Accept-Encoding": "gzip" } });
  assert.equal(loader.headers.get("cache-control"), "public, max-age=300, stale-while-revalidate=604800");
  assert.equal(loader.headers.get("access-control-allow-origin"), "*");
  const wasmName = (await loader.text()).match(/campaign-widget-[0-9a-f]+_bg\.wasm/)[0];
  const wasm = await fetch(`${servers.distOrigin}/${wasmName}`, { headers: { Origin: servers.hostOrigin, "Accept-Encoding": "gzip" } });
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(wasm.headers.get("access-control-expose-headers"), "Date");
  assert.equal(wasm.headers.get("content-encoding"), "gzip");
  const campaignName = readdirSync(distDir).find((f) => /^default-campaign-[0-9a-f]{16}\.json$/.test(f));
  const campaign = await fetch(`${servers.distOrigin}/${campaignName}`, { headers: { Origin: servers.hostOrigin, "Accept-Encoding": "br" } });
  assert.equal(campaign.headers.get("content-type"), "application/json");
  assert.equal(campaign.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(campaign.headers.get("access-control-allow-origin"), "*");
  assert.equal(campaign.headers.get("content-encoding"), "br");
});

test("the README's nginx configuration is valid nginx", async () => {
  const { readFileSync, writeFileSync, mkdtempSync, rmSync } = await import("node:fs");
  const { execFileSync } = await import("node:child_process");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = readme.match(/```nginx\n([\s\S]*?)```/)[1];
  const [server, http] = block.split(/^# In the http block.*$/m);
  const work = mkdtempSync(join(tmpdir(), "cw-nginx-"));
  const conf = join(work, "nginx.conf");
  // The brotli_static module, which Debian's own nginx.conf loads from modules-enabled/.
  writeFileSync(conf, `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so; pid ${work}/pid; error_log ${work}/error.log; events {}
http { include /etc/nginx/mime.types; access_log off; ${http.replace(/^#.*$/gm, "")}
  server { listen 127.0.0.1:1; ${server} } }`);
  const out = execFileSync("/usr/sbin/nginx", ["-t", "-c", conf, "-p", work], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  rmSync(work, { recursive: true, force: true });
  assert.equal(typeof out, "string");
});

test("embed.js pinned with the release bundle's integrity hash loads and mounts", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/sri.html`);
  await page.locator("campaign-widget h2").waitFor({ timeout: 20000 });
  assert.match(await page.locator("script[integrity]").getAttribute("integrity"), /^sha384-[A-Za-z0-9+/]{64}$/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Records, in the page, when WebAssembly.compileStreaming is called. */
function recordCompiles() {
  window.__compiles = [];
  const original = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = function (source) {
    window.__compiles.push(performance.now());
    return original.call(this, source);
  };
}

test("the wasm compiles while it downloads, checked against the build's hash; without crypto.subtle, as before", async () => {
  for (const withoutSubtle of [false, true]) {
    const { context, page, problems } = await openPage(browser, DESKTOP, servers);
    await context.addInitScript(recordCompiles);
    if (withoutSubtle) await context.addInitScript(() => Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined }));
    // A slow link, so that the download lasts long enough to be overlapped.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 40, downloadThroughput: (800 * 1024) / 8, uploadThroughput: (800 * 1024) / 8 });
    await page.goto(`${servers.hostOrigin}/plain.html`);
    await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0, null, { timeout: 30000 });
    const seen = await page.evaluate(() => ({
      compiles: window.__compiles,
      wasmEnd: performance.getEntriesByType("resource").find((r) => /_bg\.wasm$/.test(r.name)).responseEnd,
    }));
    if (withoutSubtle) {
      assert.deepEqual(seen.compiles, [], "the integrity fetch, compiled by the glue once it is whole");
    } else {
      assert.equal(seen.compiles.length, 1);
      assert.ok(seen.compiles[0] < seen.wasmEnd, `compiling started at ${seen.compiles[0]} ms, before the last byte at ${seen.wasmEnd} ms`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});
