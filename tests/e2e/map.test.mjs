// "Bản đồ" in Chromium: tiles from a local tile server, Leaflet inside the
// shadow root on a page with the CSS that classically breaks it, lazy loading,
// phones, fallbacks, keyboard, and cleanup. Leaflet loads when the visitor
// reaches for the map (its picture comes first: map-picture.test.mjs);
// `reachForMap` does so from the keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { join } from "node:path";
import { openPage, screenshot, screenshots, PHONE, DESKTOP } from "./support/browser.mjs";
import { popupFit } from "./support/popup-fit.mjs";
import { pictureDrawn, leafletDrawn, reachForMap } from "./support/map.mjs";


// The widget's Leaflet, by its content-hashed name (or a page's own copy).
const LEAFLET_JS = /\/leaflet(-[0-9a-f]{16})?\.js$/;

for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`Leaflet loads only when the map is reached for, then draws the marker and configured tiles in the shadow root (${name})`, async () => {
    const { context, page, problems, requests, external } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/map.html`);
    await page.locator("campaign-widget .cw-map-canvas").waitFor({ state: "attached" });
    await page.waitForTimeout(300);
    assert.equal(requests.filter((u) => u.startsWith(servers.tileOrigin)).length, 0, "no tile before the map is near");

    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await pictureDrawn(page);
    assert.equal(requests.filter((u) => LEAFLET_JS.test(u)).length, 0, "no Leaflet for the picture");
    await reachForMap(page);
    assert.equal(requests.filter((u) => LEAFLET_JS.test(u)).length, 1);
    const tiles = requests.filter((u) => u.startsWith(servers.tileOrigin));
    assert.ok(tiles.length > 0);
    for (const url of tiles) assert.match(url, /\/tiles\/16\/\d+\/\d+\.png$/);

    const look = await page.evaluate(() => {
      const root = document.querySelector("campaign-widget").shadowRoot;
      const tile = root.querySelector(".leaflet-tile-loaded");
      const marker = root.querySelector(".cw-marker");
      const box = marker.getBoundingClientRect();
      const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
      return {
        tileWidth: tile.getBoundingClientRect().width,
        tileMaxWidth: getComputedStyle(tile).maxWidth,
        markerInside: box.width > 0 && box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom,
        markerTitle: marker.getAttribute("title"),
        leafletInDocument: document.querySelectorAll(".leaflet-container").length,
        attribution: root.querySelector(".leaflet-control-attribution").textContent,
        attributionHtml: root.querySelector(".leaflet-control-attribution").innerHTML,
        label: root.querySelector(".cw-map-canvas").getAttribute("aria-label"),
        addressOutside: root.querySelector(".cw-place-address").textContent,
        sheets: root.adoptedStyleSheets.length,
        globalL: typeof window.L,
      };
    });
    assert.equal(look.tileWidth, 256, "Bootstrap's img max-width does not squeeze the tiles");
    assert.equal(look.tileMaxWidth, "none");
    assert.equal(look.markerInside, true);
    assert.equal(look.markerTitle, "<img src=x onerror=alert(1)>");
    assert.equal(look.leafletInDocument, 0, "Leaflet's DOM lives in the shadow root");
    assert.equal(look.attribution, "Leaflet | © <b>Tile</b> test server");
    assert.doesNotMatch(look.attributionHtml, /<b>Tile/);
    assert.doesNotMatch(look.attributionHtml, /<svg/, "no flag in the prefix");
    assert.match(look.label, /^Bản đồ: bản đồ tương tác/);
    assert.match(look.addressOutside, /Số 2 Nguyễn Văn Trị/);
    assert.equal(look.sheets, 2);
    assert.equal(look.globalL, "undefined", "the page had no Leaflet, and the widget's stays its own");
    await screenshot(page, `map-${name}`);
    assert.deepEqual(external, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a popup built from text: a title with markup shows as text", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; d.dismiss(); });
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  // The picture's pin: the click loads Leaflet, which then opens the popup.
  await page.locator("campaign-widget .cw-map-picture .cw-marker").click();
  const popup = page.locator("campaign-widget .leaflet-popup-content");
  await popup.waitFor();
  assert.equal(await popup.locator("strong").innerText(), "<img src=x onerror=alert(1)>");
  assert.equal(await popup.locator("span").innerText(), "Số 2 Nguyễn Văn Trị, Biên Hòa");
  assert.equal(await page.evaluate(() => document.querySelector("campaign-widget").shadowRoot.querySelectorAll("img[src=x]").length), 0);
  assert.equal(dialogs, 0);
  await screenshot(page, "map-popup-desktop");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a tile server that refuses gives the text fallback: address and a link", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/map.html?config=map-refused.json`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  const fallback = page.locator("campaign-widget .cw-map-fallback");
  await fallback.waitFor({ timeout: 20000 });
  assert.match(await fallback.innerText(), /Không tải được bản đồ\. Địa điểm:[\s\S]*Số 2 Nguyễn Văn Trị, Biên Hòa/);
  const link = fallback.locator("a");
  assert.equal(await link.getAttribute("href"), "https://www.openstreetmap.org/?mlat=10.94670&mlon=106.81710#map=16/10.94670/106.81710");
  await screenshot(page, "map-fallback-phone");
  // The 403s themselves are the only console errors.
  assert.deepEqual(problems.filter((p) => !/\/refuse\/|status of 403/.test(p)), []);
  await context.close();
});

test("Leaflet that cannot load leaves the picture, with the address and a link; reaching again tries again", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  let blocked = true;
  await page.route(LEAFLET_JS, (route) => (blocked ? route.abort("blockedbyclient") : route.continue()));
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  await page.locator("campaign-widget .cw-map-canvas").focus();
  const fallback = page.locator("campaign-widget .cw-map-fallback");
  await fallback.waitFor({ timeout: 20000 });
  assert.match(await fallback.innerText(), /Không tải được bản đồ tương tác \(chạm lại để thử\)\. Địa điểm:[\s\S]*Số 2 Nguyễn Văn Trị, Biên Hòa/);
  assert.match(await fallback.locator("a").getAttribute("href"), /^https:\/\/www\.openstreetmap\.org\//);
  assert.equal(await page.locator("campaign-widget .cw-map-picture").isVisible(), true, "the picture stays");
  assert.equal(await page.locator("campaign-widget .cw-map-status").count(), 0, "no busy indicator left");
  await page.locator("campaign-widget .cw-map-frame").screenshot({ path: join(screenshots, "map-leaflet-blocked-desktop.png") });
  blocked = false;
  await page.locator("campaign-widget .cw-map-canvas").click();
  await leafletDrawn(page);
  assert.equal(await fallback.count(), 0);
  await context.close();
});

/** The map pane's transform: where the visitor has panned the map (run in the page). */
function mapPaneTransform() {
  return document.querySelector("campaign-widget").shadowRoot.querySelector(".leaflet-map-pane").style.transform;
}

/** One finger (CDP touch input) moved 150 px up from 70 % down the map; returns
 *  the hint shown while it was down (null for none). */
async function oneFingerUp(context, page) {
  const canvas = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const cdp = await context.newCDPSession(page);
  const x = canvas.x + canvas.width / 2;
  const y = canvas.y + canvas.height * 0.7;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let step = 1; step <= 10; step++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - step * 15 }] });
  }
  const hint = await page.locator("campaign-widget .cw-map-hint").innerText().catch(() => null);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(300);
  return hint;
}

test("on a phone, one finger scrolls the page and does not pan the map; a hint says to use two", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await reachForMap(page);
  const pane = () => page.evaluate(mapPaneTransform);
  const [paneBefore, scrollBefore] = [await pane(), await page.evaluate(() => scrollY)];
  const hint = await oneFingerUp(context, page);
  assert.equal(hint, "Dùng hai ngón tay để di chuyển bản đồ");
  assert.equal(await pane(), paneBefore, "the map did not pan");
  assert.ok((await page.evaluate(() => scrollY)) > scrollBefore + 50, "the page scrolled");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a touchscreen laptop (pointer: fine), one finger scrolls the page and does not pan the map; the mouse still drags it", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await reachForMap(page);
  assert.equal(await page.evaluate(() => matchMedia("(pointer: coarse)").matches), false, "a fine pointer, as on a Windows touch laptop");
  const pane = () => page.evaluate(mapPaneTransform);
  const [paneBefore, scrollBefore] = [await pane(), await page.evaluate(() => scrollY)];
  await oneFingerUp(context, page);
  assert.equal(await pane(), paneBefore, "the finger did not pan the map");
  // The page's own fling may go on a little: wait until it rests.
  let scrolled = await page.evaluate(() => scrollY);
  for (let settled = -1; settled !== scrolled; ) {
    settled = scrolled;
    await page.waitForTimeout(250);
    scrolled = await page.evaluate(() => scrollY);
  }
  assert.ok(scrolled > scrollBefore + 50, `the page scrolled (${scrollBefore} → ${scrolled})`);

  // The mouse, next, drags the map as before.
  const canvas = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width / 2 - 80, canvas.y + canvas.height / 2 - 40, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(600);
  assert.notEqual(await pane(), paneBefore, "the mouse panned the map");
  assert.equal(await page.evaluate(() => scrollY), scrolled, "and did not scroll the page");
  assert.deepEqual(problems, []);
  await context.close();
});

test("with prefers-reduced-motion, nothing moves that the visitor did not move: no inertia, no zoom animation, no gliding pan", async () => {
  const { context, page, problems } = await openPage(browser, { ...DESKTOP, reducedMotion: "reduce" }, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await reachForMap(page);
  const pane = () => page.evaluate(mapPaneTransform);
  // A quick flick, released while moving: Leaflet's inertia would glide on.
  const canvas = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const [x, y] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 4; step++) await page.mouse.move(x - step * 40, y);
  await page.mouse.up();
  const released = await pane();
  await page.waitForTimeout(800);
  assert.equal(await pane(), released, "the map stopped where the mouse let go");

  // Zooming and key pans: no animation classes, the map where it ends at once.
  await page.evaluate(() => {
    const map = document.querySelector("campaign-widget").shadowRoot.querySelector(".leaflet-container");
    window.__animated = 0;
    new MutationObserver(() => { if (map.classList.contains("leaflet-zoom-anim")) window.__animated++; })
      .observe(map, { attributes: true, attributeFilter: ["class"] });
  });
  await page.locator("campaign-widget .leaflet-control-zoom-in").click();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.__animated), 0, "no zoom animation");
  assert.equal(await page.locator("campaign-widget .leaflet-marker-icon.leaflet-zoom-animated").count(), 0, "no marker zoom animation");
  await page.locator("campaign-widget .cw-map-canvas").focus();
  const beforeKey = await pane();
  await page.keyboard.press("ArrowRight");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  const afterKey = await pane(); // a frame later: a glide would be under way
  assert.notEqual(afterKey, beforeKey, "the arrow key panned");
  await page.waitForTimeout(500);
  assert.equal(await pane(), afterKey, "at once, with no glide");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const width of [280, 320, 360]) {
  test(`a marker popup fits inside the map on a ${width} px phone: text wrapped, a 44 px close button, no control over it`, async () => {
    const device = { ...PHONE, viewport: { width, height: 740 } };
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/map.html?config=map-popup.json`);
    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await pictureDrawn(page);
    // A tap on the picture's pin loads Leaflet, which opens the popup.
    await page.locator("campaign-widget .cw-map-picture .cw-marker").tap();
    const popup = page.locator("campaign-widget .leaflet-popup");
    await popup.waitFor();
    await page.waitForTimeout(600); // the popup brought into view
    // The map alone (the page is 3,400 px tall).
    await page.locator("campaign-widget .cw-map-frame").screenshot({ path: join(screenshots, `map-popup-${width}.png`) });
    const seen = await page.evaluate(popupFit);
    assert.ok(seen.inside, `popup ${seen.bubble} inside map ${seen.map}`);
    assert.ok(seen.close[0] >= 44 && seen.close[1] >= 44, `close button ${seen.close.join("×")}`);
    assert.ok(seen.closeInside, "close button inside the map");
    assert.deepEqual(seen.covered, [], "the zoom control and attribution are clear of the popup");
    assert.equal(seen.cut, false, "no text cut");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a page enlarged with CSS zoom, the widget in a scaled column: a click on the marker opens its popup, a drag moves the map with the pointer", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/zoomed-page.html`);
  await reachForMap(page);
  const marker = await page.locator("campaign-widget .cw-marker").boundingBox();
  // The pin's dot, where a visitor aims.
  await page.mouse.click(marker.x + marker.width / 2, marker.y + marker.height * 0.35);
  await page.locator("campaign-widget .leaflet-popup").waitFor({ timeout: 5000 });
  await page.locator("campaign-widget .leaflet-popup-close-button").click();
  // A drag of 100 px on screen moves the marker 100 px on screen.
  const canvas = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const [x, y] = [canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.8];
  const before = await page.locator("campaign-widget .cw-marker").boundingBox();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x + step * 10, y, { steps: 1 });
  await page.waitForTimeout(100);
  await page.mouse.move(x + 100, y);
  await page.mouse.up();
  await page.waitForTimeout(800);
  const after = await page.locator("campaign-widget .cw-marker").boundingBox();
  assert.ok(Math.abs(after.x - before.x - 100) <= 3, `the marker moved ${after.x - before.x} px for a 100 px drag`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard: Tab reaches the map's picture, which loads Leaflet; + then zooms it", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  const canvas = page.locator("campaign-widget .cw-map-canvas");
  assert.equal(await canvas.getAttribute("tabindex"), "0");
  // The map is the page's first stop for Tab.
  await page.keyboard.press("Tab");
  await leafletDrawn(page);
  assert.equal(await canvas.evaluate((el) => el.getRootNode().activeElement === el), true, "the map kept the focus");
  await page.keyboard.press("+");
  await page.waitForFunction(() => [...document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-tile")].some((t) => /\/tiles\/17\//.test(t.src)), null, { timeout: 10000 });
  // The ring is drawn over Leaflet's panes, which would hide an outline.
  const ring = await canvas.evaluate((el) => {
    const style = getComputedStyle(el, "::after");
    return `${style.borderTopStyle} ${style.borderTopWidth} z ${style.zIndex}`;
  });
  assert.equal(ring, "solid 3px z 1001", "visible focus");
  await page.locator("campaign-widget .cw-map-frame").screenshot({ path: join(screenshots, "map-keyboard-focus-desktop.png") });
  await context.close();
});

test("a page with its own Leaflet 1.x keeps its L, and the widget uses it", async () => {
  const { context, page, problems, requests } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/own-leaflet.html`);
  await reachForMap(page);
  const same = await page.evaluate(() => window.L === window.pageLeaflet && window.ownMap.getZoom() === 13);
  assert.equal(same, true);
  assert.equal(requests.filter((u) => LEAFLET_JS.test(u)).length, 1, "only the page's own copy");
  assert.deepEqual(problems, []);
  await context.close();
});

test("mounting and unmounting 20 times leaves no map, listener or observer behind", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await reachForMap(page);
  const cdp = await context.newCDPSession(page);
  const counters = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Memory.getDOMCounters"));
  };
  const cycle = () => page.evaluate(async () => {
    const el = document.querySelector("campaign-widget");
    CampaignWidget.unmount(el);
    await new Promise((r) => setTimeout(r, 20));
    await CampaignWidget.mount(el);
    // The picture, then (the map reached for from the keyboard) Leaflet's map.
    const until = (found) => new Promise((r) => {
      const check = () => (found() ? r() : setTimeout(check, 20));
      check();
    });
    await until(() => el.shadowRoot.querySelector(".cw-map-picture img"));
    el.shadowRoot.querySelector(".cw-map-canvas").focus();
    await until(() => el.shadowRoot.querySelector(".leaflet-tile-loaded"));
  });
  await cycle();
  const start = await counters();
  for (let i = 0; i < 20; i++) await cycle();
  const end = await counters();
  const maps = await page.evaluate(() => document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-container").length);
  assert.equal(maps, 1, "one map for one mounted widget");
  assert.ok(end.jsEventListeners <= start.jsEventListeners + 5, `listeners ${start.jsEventListeners} -> ${end.jsEventListeners}`);
  assert.ok(end.nodes <= start.nodes + 200, `nodes ${start.nodes} -> ${end.nodes}`);
  await page.evaluate(() => CampaignWidget.unmount(document.querySelector("campaign-widget")));
  const after = await page.evaluate(() => document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-container, .cw-map").length);
  assert.equal(after, 0);
  // Unmounting a map while tiles are in flight cancels them (ERR_ABORTED): expected.
  assert.deepEqual(problems.filter((p) => !/\/tiles\/.*ERR_ABORTED/.test(p)), []);
  await context.close();
});

test("the wheel scrolls the page over the picture and loads nothing; a click loads Leaflet, and the wheel then zooms it", async () => {
  const { context, page, requests } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  const canvas = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const zoomOf = () => page.evaluate(() => {
    const tile = document.querySelector("campaign-widget").shadowRoot.querySelector(".leaflet-tile-loaded");
    return Number(tile.src.match(/\/tiles\/(\d+)\//)[1]);
  });
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(400);
  assert.ok((await page.evaluate(() => scrollY)) > scrollBefore, "the page scrolled");
  // The pointer over the map fetched Leaflet (a first sign), but nothing was built.
  assert.equal(await page.locator("campaign-widget .leaflet-container").count(), 0, "no map built for a wheel");

  const box = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  await page.mouse.click(box.x + 20, box.y + box.height - 30);
  await leafletDrawn(page);
  assert.equal(await zoomOf(), 16, "the click did not zoom");
  assert.equal(requests.filter((u) => LEAFLET_JS.test(u)).length, 1);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => [...document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-tile-loaded")]
    .some((t) => /\/tiles\/1[7-9]\//.test(t.src)), null, { timeout: 10000 });
  await context.close();
});

test("a map that starts in a closed accordion loads at the right size when opened", async () => {
  const { context, page, problems, requests } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/map-accordion.html`);
  await page.waitForFunction(() => document.querySelector("campaign-widget").shadowRoot?.querySelector(".cw-map-canvas"));
  await page.waitForTimeout(300);
  assert.equal(requests.filter((u) => u.startsWith(servers.tileOrigin)).length, 0, "nothing loads while hidden");
  await page.locator("#accordion summary").click();
  await pictureDrawn(page);
  const pictureFit = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
    const pin = root.querySelector(".cw-map-picture .cw-marker").getBoundingClientRect();
    return { width: canvas.width, pinCentre: pin.left + pin.width / 2 - canvas.left };
  });
  assert.ok(Math.abs(pictureFit.pinCentre - pictureFit.width / 2) < 2, `the picture's pin centred: ${JSON.stringify(pictureFit)}`);
  await reachForMap(page);
  const fit = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
    const marker = root.querySelector(".cw-marker").getBoundingClientRect();
    return { width: canvas.width, markerCentre: marker.left + marker.width / 2 - canvas.left };
  });
  assert.ok(fit.width > 200);
  assert.ok(Math.abs(fit.markerCentre - fit.width / 2) < 2, `marker centred: ${JSON.stringify(fit)}`);
  // The container narrows (a sidebar opens): Leaflet follows and keeps the centre.
  await page.evaluate(() => { document.querySelector("campaign-widget").style.width = "220px"; });
  await page.waitForFunction(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
    const marker = root.querySelector(".cw-marker").getBoundingClientRect();
    return canvas.width < 200 && Math.abs(marker.left + marker.width / 2 - canvas.left - canvas.width / 2) < 2;
  }, null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});
