// The map's first view as a picture, Leaflet only when the visitor reaches for
// it (src/map/picture.rs, src/hooks/use_leaflet_map.rs), in Chromium at phone
// and desktop size. Leaflet itself is the oracle: once it has built the map over
// the picture, every tile, the pin, the zoom buttons and the attribution must be
// where the picture had them, to the pixel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, screenshots, PHONE, DESKTOP } from "./support/browser.mjs";
import { pictureDrawn, leafletDrawn, reachForMap } from "./support/map.mjs";
import { mapLook } from "./support/map-look.mjs";

const LEAFLET = /\/leaflet(-[0-9a-f]{16})?\.(js|css)$/;
const leafletRequests = (requests) => requests.filter((u) => LEAFLET.test(u)).map((u) => u.split(".").pop());

const look = (page, which) => page.evaluate(mapLook, which);

/** How two PNG screenshots of the same size differ: `count` pixels in all,
 *  `visible` by more than 8 in a channel (antialiasing of a composited layer
 *  goes up to 6) away from the tiles' edges, `seams` on those edges (Leaflet
 *  positions tiles with translate3d, and where two meet it can draw a line a
 *  device pixel thick that the picture does not). `edges`: the tiles' lefts
 *  and tops in CSS pixels; `scale`: device pixels per CSS pixel. */
function compare(page, a, b, edges, scale) {
  return page.evaluate(async ([a, b, edges, scale]) => {
    const decode = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      return { width: image.width, data: context.getImageData(0, 0, image.width, image.height).data };
    };
    const [x, y] = [await decode(a), await decode(b)];
    if (x.data.length !== y.data.length) return { count: -1 };
    const near = (value, lines) => lines.some((line) => Math.abs(value - line * scale) <= 1);
    const result = { count: 0, visible: 0, seams: 0 };
    for (let i = 0; i < x.data.length; i += 4) {
      const delta = Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c] - y.data[i + c])));
      if (!delta) continue;
      result.count++;
      const [px, py] = [(i / 4) % x.width, Math.floor(i / 4 / x.width)];
      if (near(px, edges.lefts) || near(py, edges.tops)) result.seams++;
      else if (delta > 8) result.visible++;
    }
    return result;
  }, [a.toString("base64"), b.toString("base64"), edges, scale]);
}

/** A tap (phone) or a click (desktop) on an empty part of the map. */
async function reach(page, device) {
  const box = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const [x, y] = [box.x + box.width * 0.8, box.y + box.height * 0.35];
  if (device.hasTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

const CASES = [
  ["phone", PHONE, "map-config.json"],
  ["desktop", DESKTOP, "map-config.json"],
  // A retina screen ({r} is "@2x"), the layer's maxZoom (+ disabled), two pins.
  ["phone-retina-max-zoom", PHONE, "map-retina.json"],
];
for (const [name, device, config] of CASES) {
  test(`the map's picture is drawn without Leaflet, and Leaflet, when reached for, draws exactly the same (${name})`, async () => {
    const { context, page, problems, requests, external } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/map.html?config=${config}`);
    await page.locator("campaign-widget .cw-map-canvas").waitFor({ state: "attached" });
    await page.waitForTimeout(300);
    assert.equal(await page.locator("campaign-widget .cw-map-picture").count(), 0, "nothing drawn far from the viewport");

    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await pictureDrawn(page);
    await page.waitForTimeout(500);
    assert.deepEqual(leafletRequests(requests), [], "no Leaflet for a map only looked at");
    const picture = await look(page, "picture");
    assert.ok(picture.tiles.length >= 4, `${picture.tiles.length} tiles`);
    const retina = config === "map-retina.json";
    for (const [src] of picture.tiles) assert.match(src, retina ? /\/tiles\/18\/\d+\/\d+@2x\.png$/ : /\/tiles\/16\/\d+\/\d+\.png$/);
    assert.equal(picture.attributionText, retina ? "Leaflet | © OpenStreetMap" : "Leaflet | © <b>Tile</b> test server");
    assert.deepEqual(picture.disabled, [retina, false], "+ disabled at the layer's maxZoom");
    const before = await page.locator("campaign-widget .cw-map-canvas").screenshot();
    await screenshot(page, `map-picture-${name}`);

    await reach(page, device);
    await leafletDrawn(page);
    const leaflet = await look(page, "leaflet");
    assert.deepEqual(leaflet.tiles, picture.tiles, "every tile where the picture had it");
    assert.deepEqual(leaflet.pins, picture.pins, "the pins");
    assert.deepEqual(leaflet.zoom, picture.zoom, "the zoom buttons");
    assert.deepEqual(leaflet.buttons, picture.buttons);
    assert.deepEqual(leaflet.attribution, picture.attribution, "the attribution");
    assert.equal(leaflet.attributionText, picture.attributionText);
    const after = await page.locator("campaign-widget .cw-map-canvas").screenshot();
    const edges = { lefts: [...new Set(picture.tiles.map((t) => t[1]))], tops: [...new Set(picture.tiles.map((t) => t[2]))] };
    const differ = await compare(page, before, after, edges, device.deviceScaleFactor || 1);
    console.log(`pixels that differ between the picture and Leaflet's map (${name}): ${JSON.stringify(differ)}`);
    assert.equal(differ.visible, 0, "the picture and Leaflet's map look the same");
    assert.deepEqual(leafletRequests(requests).sort(), ["css", "js"], "Leaflet once reached for, once");
    await screenshot(page, `map-picture-leaflet-${name}`);
    assert.deepEqual(external, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("while Leaflet loads, the picture stays under a busy indicator, which goes when the map is up", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  // Leaflet's script on a slow link: 1.5 s.
  await page.route(/\/leaflet(-[0-9a-f]{16})?\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  await reach(page, DESKTOP);
  const status = page.locator("campaign-widget .cw-map-status");
  await status.waitFor({ timeout: 5000 });
  assert.equal(await status.getAttribute("role"), "status");
  assert.equal(await status.innerText(), "Đang tải bản đồ…");
  assert.equal(await page.locator("campaign-widget .cw-map-picture").isVisible(), true);
  await page.locator("campaign-widget .cw-map-frame").screenshot({ path: `${screenshots}/map-picture-busy-desktop.png` });
  await leafletDrawn(page);
  assert.equal(await status.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the picture's + and − zoom the map once Leaflet is in (the gesture replayed)", async () => {
  for (const [button, zoom] of [[0, 17], [1, 15]]) {
    const { context, page, problems } = await openPage(browser, DESKTOP, servers);
    await page.goto(`${servers.hostOrigin}/map.html`);
    await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
    await pictureDrawn(page);
    await page.locator("campaign-widget .cw-picture-zoom div").nth(button).click();
    await page.waitForFunction((zoom) => [...document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".leaflet-tile-loaded")]
      .some((t) => t.src.includes(`/tiles/${zoom}/`)), zoom, { timeout: 10000 });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** Fingers on the map, through one CDP session (touches are its state):
 *  `touch(steps)` sends each [type, points]. */
async function fingers(context, page) {
  const cdp = await context.newCDPSession(page);
  return async (steps) => {
    for (const [type, touchPoints] of steps) await cdp.send("Input.dispatchTouchEvent", { type, touchPoints });
  };
}

test("on a phone, one finger on the picture scrolls the page and shows the hint, building nothing; two fingers load the map", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  const box = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.7];
  const scrollBefore = await page.evaluate(() => scrollY);
  const touch = await fingers(context, page);
  const moves = Array.from({ length: 10 }, (_, step) => ["touchMove", [{ x, y: y - (step + 1) * 15 }]]);
  await touch([["touchStart", [{ x, y }]], ...moves]);
  assert.equal(await page.locator("campaign-widget .cw-map-hint").innerText(), "Dùng hai ngón tay để di chuyển bản đồ");
  await touch([["touchEnd", []]]);
  await page.waitForTimeout(400);
  assert.ok((await page.evaluate(() => scrollY)) > scrollBefore + 50, "the page scrolled");
  assert.equal(await page.locator("campaign-widget .cw-map-hint").count(), 0, "the hint went with the finger");
  assert.equal(await page.locator("campaign-widget .leaflet-container").count(), 0, "no map built for a scroll");

  const now = await page.locator("campaign-widget .cw-map-canvas").boundingBox();
  const [a, b] = [{ x: now.x + 100, y: now.y + 120 }, { x: now.x + 200, y: now.y + 140 }];
  await touch([["touchStart", [a]], ["touchStart", [a, b]], ["touchEnd", []]]);
  await leafletDrawn(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the picture follows its container: narrowed before Leaflet, it is drawn again around the same centre", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  const pinCentre = () => page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
    const pin = root.querySelector(".cw-map-picture .cw-marker").getBoundingClientRect();
    return { width: canvas.width, offset: pin.left + pin.width / 2 - canvas.left - canvas.width / 2 };
  });
  const wide = await pinCentre();
  await page.evaluate(() => { document.querySelector("campaign-widget").style.width = "200px"; });
  // Drawn again (on the resize observer's report) with the pin back in the middle.
  await page.waitForFunction(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
    const pin = root.querySelector(".cw-map-picture .cw-marker")?.getBoundingClientRect();
    return canvas.width < 200 && pin && Math.abs(pin.left + pin.width / 2 - canvas.left - canvas.width / 2) <= 1;
  }, null, { timeout: 5000 });
  await pictureDrawn(page);
  const narrow = await pinCentre();
  assert.ok(narrow.width < wide.width, JSON.stringify({ wide, narrow }));
  assert.ok(Math.abs(narrow.offset) <= 1 && Math.abs(wide.offset) <= 1, JSON.stringify({ wide, narrow }));
  // And Leaflet, built at the new size, agrees.
  const picture = await look(page, "picture");
  await page.locator("campaign-widget .cw-map-canvas").focus();
  await leafletDrawn(page);
  const leaflet = await look(page, "leaflet");
  assert.deepEqual(leaflet.tiles, picture.tiles);
  assert.deepEqual(leaflet.pins, picture.pins);
  assert.deepEqual(problems, []);
  await context.close();
});

test("once Leaflet's map moves from the first view (a replayed zoom, a drag), the picture goes at once: no old view or second pin under it", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  // The next zoom level's tiles on a slow link.
  await page.route(/\/tiles\/17\//, async (route) => {
    await new Promise((done) => setTimeout(done, 3000));
    await route.continue().catch(() => {});
  });
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").scrollIntoViewIfNeeded();
  await pictureDrawn(page);
  await page.locator("campaign-widget .cw-picture-zoom div").first().click();
  await page.locator("campaign-widget .leaflet-container").waitFor({ state: "attached", timeout: 10000 });
  await page.waitForTimeout(1000);
  const seen = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    return { picture: root.querySelectorAll(".cw-map-picture").length, pins: root.querySelectorAll(".cw-marker").length };
  });
  assert.deepEqual(seen, { picture: 0, pins: 1 }, "the zoomed map alone, one pin");
  assert.deepEqual(problems.filter((p) => !/\/tiles\/17\//.test(p)), []);
  await context.close();
});
