// The map without the serial chain: when the map section is in view from the
// start, the loader asks for Leaflet's files (and a connection to the tile
// server) while the wasm is still downloading, not after the first render; yet
// leaflet.js runs only after that render. A map far below stays lazy. Order is
// observed through Playwright's request events, never through timings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

/** Records, in order, requests started and finished for the widget's files. */
function recordOrder(page) {
  const events = [];
  const name = (request) => request.url().split("/").pop().replace(/-[0-9a-f]{8,16}_bg\.wasm$/, ".wasm");
  page.on("request", (r) => events.push(`request ${name(r)}`));
  page.on("requestfinished", (r) => events.push(`finished ${name(r)}`));
  return events;
}

// In the page: when Leaflet's <script> is inserted and when it has run, whether
// the widget had rendered yet (its performance mark).
const watchLeaflet = () => {
  window.leafletSeen = [];
  const rendered = () => performance.getEntriesByName("campaign-widget:first-render").length > 0;
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.localName === "script" && /\/leaflet\.js$/.test(node.src)) {
        window.leafletSeen.push(`script inserted, rendered: ${rendered()}`);
        node.addEventListener("load", () => window.leafletSeen.push(`script ran, rendered: ${rendered()}`));
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

for (const [label, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`a map in view from the start: Leaflet and the tile server are asked for before the wasm has arrived, Leaflet runs after the first render (${label})`, async () => {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    await context.addInitScript(watchLeaflet);
    const events = recordOrder(page);
    // On loopback the wasm arrives in a few milliseconds, often before the page
    // has even read its config; on a phone network it takes seconds. So the wasm's
    // response is held until leaflet.js is asked for (or 10 s pass, and the order
    // checks below then fail): this shows the hint does not wait for the wasm.
    let leafletAsked;
    const asked = new Promise((done) => { leafletAsked = done; });
    page.on("request", (r) => { if (r.url().endsWith("/leaflet.js")) leafletAsked(); });
    await page.route(/_bg\.wasm$/, async (route) => {
      const response = await route.fetch();
      await Promise.race([asked, new Promise((done) => setTimeout(done, 10000))]);
      await route.fulfill({ response });
    });
    await page.goto(`${servers.hostOrigin}/map-near.html`);
    await page.locator("campaign-widget .leaflet-tile-loaded").first().waitFor({ timeout: 20000 });

    const at = (event) => events.indexOf(event);
    assert.ok(at("request embed.js") >= 0 && at("finished campaign-widget.wasm") > 0, events.join("\n"));
    for (const file of ["leaflet.js", "leaflet.css"]) {
      assert.ok(at(`request ${file}`) > at("request campaign-widget.wasm"), `${file} after the wasm is asked for:\n${events.join("\n")}`);
      assert.ok(at(`request ${file}`) < at("finished campaign-widget.wasm"), `${file} before the wasm has arrived:\n${events.join("\n")}`);
      // The preload is what the map then uses: one request each.
      assert.equal(requests.filter((u) => u.endsWith(`/${file}`)).length, 1, file);
    }
    const hints = await page.evaluate(() => [...document.head.querySelectorAll("link[rel=preconnect], link[rel=preload]")]
      .map((l) => `${l.rel} ${l.href}${l.as ? ` as=${l.as}` : ""}`));
    assert.deepEqual(hints, [
      `preconnect ${servers.tileOrigin}/`,
      `preload ${servers.distOrigin}/leaflet.js as=script`,
      `preload ${servers.distOrigin}/leaflet.css as=fetch`,
    ]);
    assert.deepEqual(await page.evaluate(() => window.leafletSeen), [
      "script inserted, rendered: true",
      "script ran, rendered: true",
    ]);
    await screenshot(page, `map-early-${label}`);
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
    assert.deepEqual(requests.filter((u) => /leaflet\.(js|css)$/.test(u)), [], path);
    assert.equal(await page.evaluate(() => document.querySelectorAll("link[rel=preload], link[rel=preconnect]").length), 0, path);

    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await page.locator("campaign-widget .leaflet-container").waitFor({ timeout: 20000 });
    assert.equal(requests.filter((u) => u.endsWith("/leaflet.js")).length, 1, path);
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
  assert.deepEqual(problems, []);
  await context.close();
});
