// Without the serial chain: the loader asks for the wasm before the rest of its
// script has run. When the map section is in view from the start, the loader
// opens a connection to the tile server at once, and the widget draws the map's
// picture from its tiles at the first render; nothing of Leaflet is asked for
// in a load without interaction. A map far below stays lazy. Order is observed
// through Playwright's request events and the page's own DOM, never through
// timings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";
import { pictureDrawn, reachForMap } from "./support/map.mjs";

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
  await pictureDrawn(page);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [label, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`a map in view from the start: the tile server's connection opens at once, the picture's tiles come after the wasm, and nothing of Leaflet is asked for until the map is reached for (${label})`, async () => {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    const events = recordOrder(page);
    await page.goto(`${servers.hostOrigin}/map-near.html`);
    await pictureDrawn(page);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);

    const at = (event) => events.indexOf(event);
    assert.ok(at("request embed.js") >= 0 && at("finished campaign-widget.wasm") > 0, events.join("\n"));
    const hints = await page.evaluate(() => [...document.head.querySelectorAll("link[rel=preconnect], link[rel=preload]")]
      .map((l) => `${l.rel} ${l.href}`));
    assert.deepEqual(hints, [`preconnect ${servers.tileOrigin}/`]);
    const tiles = requests.filter((u) => u.startsWith(`${servers.tileOrigin}/tiles/`));
    assert.ok(tiles.length >= 4, tiles.join("\n"));
    assert.equal(new Set(tiles).size, tiles.length, "each tile asked for once");
    assert.ok(events.findIndex((e) => /^request \d+\.png$/.test(e)) > at("finished campaign-widget.wasm"), events.join("\n"));
    assert.deepEqual(requests.filter((u) => isLeaflet(u, "leaflet.js") || isLeaflet(u, "leaflet.css")), [], "no Leaflet without intent");
    await screenshot(page, `map-early-${label}`);

    await reachForMap(page);
    for (const file of ["leaflet.js", "leaflet.css"]) assert.equal(requests.filter((u) => isLeaflet(u, file)).length, 1, file);
    // Unmounted and mounted again, as a single-page app does: a picture again, no Leaflet built.
    await page.evaluate(async () => {
      const element = document.querySelector("campaign-widget");
      CampaignWidget.unmount(element);
      await CampaignWidget.mount(element);
    });
    await pictureDrawn(page);
    assert.equal(await page.locator("campaign-widget .leaflet-container").count(), 0);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a map far below the fold stays lazy: no tile, no Leaflet, no hint; near it, the picture and still no Leaflet", async () => {
  for (const [device, path] of [[PHONE, "map.html"], [DESKTOP, "widget-bench.html"], [PHONE, "widget-bench.html"]]) {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/${path}`);
    await page.waitForFunction(() => performance.getEntriesByName("campaign-widget:first-render").length > 0);
    // Past the first render, the widget's IntersectionObserver has had its frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requests.filter((u) => isLeaflet(u, "leaflet.js") || isLeaflet(u, "leaflet.css")), [], path);
    assert.equal(await page.evaluate(() => document.querySelectorAll("link[rel=preload], link[rel=preconnect]").length), 0, path);
    assert.equal(await page.locator("campaign-widget .cw-map-picture").count(), 0, path);

    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await pictureDrawn(page);
    await page.waitForLoadState("networkidle"); // the other tiles, before the page closes
    assert.deepEqual(requests.filter((u) => isLeaflet(u, "leaflet.js") || isLeaflet(u, "leaflet.css")), [], path);
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
  // The map at the top draws its picture from (locally answered) tiles: let
  // them finish before the page closes.
  await pictureDrawn(page);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(problems, []);
  await context.close();
});
