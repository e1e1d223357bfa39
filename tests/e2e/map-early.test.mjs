// Without the serial chain: the loader asks for the wasm before the rest of its
// script has run. When the map section is in view from the start, the loader
// opens a connection to the tile server at once and asks for Leaflet's files as
// soon as the wasm has arrived (so they download while it compiles and
// renders), not after the first render; yet leaflet.js runs only after that
// render; and the widget asks for the tile under the map's centre while
// Leaflet downloads. A map far below stays lazy. Order is observed through
// Playwright's request events and the page's own DOM, never through timings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

/** A file's name without this release's content hash: leaflet-<16 hex>.js is leaflet.js. */
const plain = (name) => name.replace(/-[0-9a-f]{16}(\.(js|css))$/, "$1");
/** Whether `url` is Leaflet's `file` ("leaflet.js"), hashed name or not. */
const isLeaflet = (url, file) => plain(url.split("/").pop()) === file;

/** Records, in order, requests started and finished for the widget's files. */
function recordOrder(page) {
  const events = [];
  const name = (request) => plain(request.url().split("/").pop()).replace(/-[0-9a-f]{8,16}_bg\.wasm$/, ".wasm");
  page.on("request", (r) => events.push(`request ${name(r)}`));
  page.on("requestfinished", (r) => events.push(`finished ${name(r)}`));
  return events;
}

// In the page: when the loader's hints and Leaflet's <script> are inserted, and
// when that script has run, whether the widget had rendered yet (its mark).
const watchLeaflet = () => {
  window.leafletSeen = [];
  const rendered = () => performance.getEntriesByName("campaign-widget:first-render").length > 0;
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.localName === "link" && node.rel === "preload") {
        window.leafletSeen.push(`${node.href.split("/").pop().replace(/-[0-9a-f]{16}(\.(js|css))$/, "$1")} preloaded, rendered: ${rendered()}`);
      }
      if (node.localName === "script" && /\/leaflet(-[0-9a-f]{16})?\.js$/.test(node.src)) {
        window.leafletSeen.push(`script inserted, rendered: ${rendered()}`);
        node.addEventListener("load", () => window.leafletSeen.push(`script ran, rendered: ${rendered()}`));
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

test("the wasm is asked for before the loader's script has finished running (its custom element and API come after)", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await context.addInitScript(() => {
    window.loaderSteps = [];
    const fetch = window.fetch;
    window.fetch = function (url, ...rest) {
      if (/_bg\.wasm$/.test(String(url))) window.loaderSteps.push("wasm asked for");
      return fetch.call(this, url, ...rest);
    };
    const define = customElements.define;
    customElements.define = function (...args) {
      window.loaderSteps.push(`${args[0]} defined`);
      return define.apply(this, args);
    };
    Object.defineProperty(window, "CampaignWidget", {
      configurable: true,
      set(api) {
        window.loaderSteps.push("API defined");
        Object.defineProperty(window, "CampaignWidget", { value: api, configurable: true });
      },
    });
  });
  await page.goto(`${servers.hostOrigin}/map-near.html`);
  await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0);
  assert.deepEqual(await page.evaluate(() => window.loaderSteps), ["wasm asked for", "campaign-widget defined", "API defined"]);
  await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [label, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`a map in view from the start: Leaflet is asked for once the wasm has arrived, before the first render, and runs after it; the centre tile is asked for before Leaflet runs (${label})`, async () => {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    await context.addInitScript(watchLeaflet);
    const events = recordOrder(page);
    await page.goto(`${servers.hostOrigin}/map-near.html`);
    await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });

    const at = (event) => events.indexOf(event);
    assert.ok(at("request embed.js") >= 0 && at("finished campaign-widget.wasm") > 0, events.join("\n"));
    for (const file of ["leaflet.js", "leaflet.css"]) {
      assert.ok(at(`request ${file}`) > at("finished campaign-widget.wasm"), `${file} once the wasm has arrived:\n${events.join("\n")}`);
      // The preload is what the map then uses: one request each.
      assert.equal(requests.filter((u) => isLeaflet(u, file)).length, 1, file);
    }
    const hints = await page.evaluate(() => [...document.head.querySelectorAll("link[rel=preconnect], link[rel=preload]")]
      .map((l) => `${l.rel} ${l.href.replace(/-[0-9a-f]{16}(\.(js|css))$/, "$1")}${l.as ? ` as=${l.as}` : ""}`));
    // The tile under the map's centre, as Leaflet itself numbers it (its EPSG:3857
    // projection and URL template): the widget asked for it before Leaflet ran
    // (crates/core/src/tiles.rs), and Leaflet's <img> took that preload: one request.
    const centreTile = await page.evaluate(() => {
      const config = JSON.parse(document.querySelector("campaign-widget script[type='application/json']").textContent).map;
      // The widget's Leaflet, which its script element hands over (no global L).
      const L = document.querySelector("script[src*='/leaflet-']").leaflet;
      const { x, y } = L.CRS.EPSG3857.latLngToPoint(L.latLng(config.center), config.zoom).divideBy(256).floor();
      return L.Util.template(config.tiles.url, { x, y, z: config.zoom, s: "abc"[Math.abs(x + y) % 3], r: "" });
    });
    assert.deepEqual(hints, [
      `preconnect ${servers.tileOrigin}/`,
      `preload ${servers.distOrigin}/leaflet.js as=script`,
      `preload ${servers.distOrigin}/leaflet.css as=fetch`,
      `preload ${centreTile} as=image`,
    ]);
    assert.equal(requests.filter((u) => u === centreTile).length, 1, `${centreTile}\n${requests.join("\n")}`);
    assert.ok(await page.evaluate((url) => [...document.querySelector("campaign-widget").shadowRoot
      .querySelectorAll(".leaflet-tile")].some((img) => img.src === url), centreTile), "Leaflet shows the tile asked for early");
    assert.deepEqual(await page.evaluate(() => window.leafletSeen), [
      "leaflet.js preloaded, rendered: false",
      "leaflet.css preloaded, rendered: false",
      `${centreTile.split("/").pop()} preloaded, rendered: true`,
      "script inserted, rendered: true",
      "script ran, rendered: true",
    ]);
    await screenshot(page, `map-early-${label}`);
    // Unmounted and mounted again, as a single-page app does: the tile is not hinted twice.
    await page.evaluate(async () => {
      const element = document.querySelector("campaign-widget");
      CampaignWidget.unmount(element);
      await CampaignWidget.mount(element);
    });
    await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => document.head.querySelectorAll("link[rel=preload][as=image]").length), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a map far below the fold stays lazy: no Leaflet, no hint, until the visitor scrolls near it", async () => {
  for (const [device, path] of [[PHONE, "map.html"], [DESKTOP, "widget-bench.html"], [PHONE, "widget-bench.html"]]) {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/${path}`);
    await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0);
    // Past the first render, the widget's IntersectionObserver has had its frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requests.filter((u) => isLeaflet(u, "leaflet.js") || isLeaflet(u, "leaflet.css")), [], path);
    assert.equal(await page.evaluate(() => document.querySelectorAll("link[rel=preload], link[rel=preconnect]").length), 0, path);

    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });
    await page.waitForLoadState("networkidle"); // the other tiles, before the page closes
    assert.equal(requests.filter((u) => isLeaflet(u, "leaflet.js")).length, 1, path);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("with the map first in `sections` and the default campaign, the OpenStreetMap tile server gets the preconnect", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  // Inline config without a map: nothing to hint. Then the default campaign with the map first.
  await page.goto(`${servers.hostOrigin}/plain.html`);
  await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0);
  const hinted = await page.evaluate(async () => {
    const noMap = document.createElement("div");
    noMap.setAttribute("data-campaign-widget", "");
    noMap.setAttribute("data-sections", "map");
    const json = document.createElement("script");
    json.type = "application/json";
    json.textContent = JSON.stringify({ schema: 1, title: "T", organization: "O", summary: "S", keyDates: [] });
    noMap.append(json);
    document.body.prepend(noMap);
    await CampaignWidget.mount(noMap);
    const before = [...document.querySelectorAll("link[rel=preconnect]")].map((l) => l.href);
    const host = document.createElement("campaign-widget");
    host.setAttribute("sections", "map, summary");
    document.body.prepend(host);
    await CampaignWidget.mount(host);
    return { before, after: [...document.querySelectorAll("link[rel=preconnect]")].map((l) => l.href) };
  });
  assert.deepEqual(hinted.before, []);
  assert.deepEqual(hinted.after, ["https://tile.openstreetmap.org/"]);
  // The map at the top loads its (locally answered) tiles: let them finish
  // before the page closes.
  await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(problems, []);
  await context.close();
});
