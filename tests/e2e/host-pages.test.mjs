// Host pages as they are (issue 19): a page with an AMD loader, and the
// loader's line reaching the page by script rather than in the HTML. Each test
// is named after the situation; the widget, its fallback and the host page stay
// intact (no page error caused by the widget, nothing of the page changed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";
import { pictureDrawn, reachForMap } from "./support/map.mjs";

// Leaflet's map, which the widget builds when the visitor reaches for it.
const tileLoaded = (page) => reachForMap(page);
const ready = (page) =>
  page.waitForFunction(() => document.querySelector("campaign-widget")?.shadowRoot?.querySelector(".cw"), null, { timeout: 20000 });

for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`a page with an AMD loader (RequireJS): the map shows and the page's loader receives nothing from the widget (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/amd-requirejs.html`);
    await tileLoaded(page);
    // The page's loader still works after Leaflet ran: a later require() is
    // where RequireJS reports a stray anonymous define.
    const after = await page.evaluate(() => new Promise((done) => {
      require(["portal/greeting"], (greeting) => done({
        greeting,
        first: window.pageModule,
        defineCalls: window.defineCalls,
        amdErrors: window.amdErrors,
        leaflet: "L" in window,
        strayGlobal: "leaflet" in window,
      }));
    }));
    assert.deepEqual(after, {
      greeting: "xin chào", first: "xin chào", defineCalls: [], amdErrors: [], leaflet: false, strayGlobal: false,
    });
    assert.equal(await page.locator("campaign-widget .cw-marker").count(), 1);
    assert.equal(await page.locator("campaign-widget .cw-map-fallback").count(), 0);
    await screenshot(page, `host-amd-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const how of ["jquery-append", "getscript", "getscript-xhr", "text", "created"]) {
  test(`embed.js inserted by script (${how}) finds its own files and mounts`, async () => {
    const { context, page, problems, requests } = await openPage(browser, PHONE, servers);
    await page.goto(`${servers.hostOrigin}/jquery-append.html?how=${how}`);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.widgetErrors), []);
    // Every file of the widget came from dist/, none from the page's own server.
    const wasm = requests.filter((url) => /_bg\.wasm$/.test(url));
    assert.ok(wasm.length >= 1 && wasm.every((url) => url.startsWith(servers.distOrigin)), wasm.join(" "));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("embed.js run from a copy of its code names the problem and keeps the fallback", async () => {
  const { context, page, problems, requests } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/jquery-append.html?how=inline-copy`);
  await page.waitForFunction(() => window.widgetErrors.length > 0, null, { timeout: 20000 });
  const errors = await page.evaluate(() => window.widgetErrors);
  assert.match(errors[0], /cannot tell where embed\.js was loaded from/);
  // No request for the widget's files went to the page's own server.
  const own = requests.filter((url) => url.startsWith(servers.hostOrigin) && /_bg\.wasm$/.test(url));
  assert.deepEqual(own, [], "no wasm asked of the page's server");
  assert.match(await page.locator("campaign-widget").innerText(), /Thông tin chiến dịch/);
  assert.deepEqual(problems.filter((p) => !/cannot tell where embed\.js/.test(p)), []);
  await context.close();
});

test("a page that adds to built-in prototypes, wraps fetch and has CommonJS-looking globals keeps them, and the widget and its map work", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/hostile-globals.html`);
  await page.waitForFunction(() => document.querySelector("#summary")?.shadowRoot?.querySelector(".cw h2"), null, { timeout: 20000 });
  await reachForMap(page, "#map");
  // Leaflet at work on such a page: a zoom (tiles replaced, for-in over them)
  // and the marker's popup.
  await page.locator("#map .leaflet-control-zoom-in").click();
  await page.waitForFunction(() => [...document.querySelector("#map").shadowRoot.querySelectorAll(".leaflet-tile-loaded")]
    .some((t) => /\/tiles\/17\//.test(t.src)), null, { timeout: 10000 });
  await page.locator("#map .cw-marker").click();
  await page.locator("#map .leaflet-popup").waitFor({ timeout: 5000 });
  const state = await page.evaluate(() => ({
    title: document.querySelector("#summary").shadowRoot.querySelector(".cw h2").textContent.length > 0,
    marker: document.querySelector("#map").shadowRoot.querySelectorAll(".cw-marker").length,
    module: typeof window.module.exports === "object" && Object.keys(window.module.exports).length,
    leaflet: "L" in window,
    extra: ({}).portalExtra(),
    removed: [1, 2].remove(1).length,
    fetchWrapped: window.fetch.toString().includes("fetchCalls"),
    stringified: JSON.stringify({ list: [1] }),
  }));
  assert.deepEqual(state, {
    title: true, marker: 1, module: 0, leaflet: false, extra: "extra", removed: 1,
    fetchWrapped: true, stringified: '{"list":"broken"}',
  });
  await screenshot(page, "host-hostile-globals-desktop");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page with its own map on Leaflet 0.7 keeps its L, and the widget's map runs on its own Leaflet 1.9", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/old-leaflet.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  // A tap on the picture's "+": Leaflet loads, and the map zooms in.
  await page.locator("campaign-widget .cw-picture-zoom div").first().tap();
  await page.waitForFunction(() => [...document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-tile-loaded")]
    .some((t) => /\/tiles\/17\//.test(t.src)), null, { timeout: 10000 });
  // The page's code after the widget's map: its L is still the one it loaded.
  const state = await page.evaluate(() => {
    L.marker([10.95, 106.82]).addTo(window.ownMap);
    return {
      same: window.L === window.pageLeaflet,
      version: L.version,
      pageMarkers: document.querySelectorAll("#own .leaflet-marker-icon").length,
      strayGlobal: "leaflet" in window,
    };
  });
  assert.deepEqual(state, { same: true, version: "0.7.7", pageMarkers: 1, strayGlobal: false });
  await screenshot(page, "host-old-leaflet-phone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page with elements named CampaignWidget, L, define and wasm_bindgen (DOM clobbering): the widget and its map work, the elements stay", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/named-elements.html`);
  await page.locator("campaign-widget h2").waitFor({ timeout: 10000 });
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await tileLoaded(page);
  const state = await page.evaluate(() => ({
    api: typeof window.CampaignWidget.mount,
    wrapper: document.getElementById("CampaignWidget").contains(document.querySelector("campaign-widget")),
    l: window.L === document.getElementById("L"),
    define: window.define === document.getElementById("define"),
  }));
  assert.deepEqual(state, { api: "function", wrapper: true, l: true, define: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page without Leaflet gets no L global from the widget's map", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await tileLoaded(page);
  assert.deepEqual(await page.evaluate(() => ({ L: "L" in window, leaflet: "leaflet" in window })), { L: false, leaflet: false });
  assert.deepEqual(problems, []);
  await context.close();
});
