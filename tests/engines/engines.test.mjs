// The widget in Firefox ESR and WebKitGTK (the engine of Safari), through
// WebDriver: the release dist/ served by nginx on one origin and embedded into
// host pages on another, as in tests/e2e/ (same servers and fixtures).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { By } from "selenium-webdriver";
import { startServers, root } from "../e2e/support/servers.mjs";
import { popupFit } from "../e2e/support/popup-fit.mjs";
import { mapLook, pictureComplete, leafletComplete } from "../e2e/support/map-look.mjs";
import { ENGINES, startEngine, waitFor } from "./support/webdriver.mjs";

const output = join(root, "tests", "output");

let servers;
before(async () => { servers = await startServers(); });
after(async () => { await servers?.stop(); });

/** The widget's visible state in the placeholder `selector` of the current page. */
function looks(selector) {
  const host = document.querySelector(selector);
  const shadow = host && host.shadowRoot;
  const h2 = shadow && shadow.querySelector("h2");
  const card = shadow && shadow.querySelector(".cw");
  const fallback = host && [...host.children].find((c) => c.localName !== "script");
  return {
    mode: shadow ? shadow.mode : null,
    title: h2 ? h2.textContent : null,
    titleShown: !!h2 && h2.getBoundingClientRect().height > 0,
    titleSize: h2 ? parseFloat(getComputedStyle(h2).fontSize) : 0,
    accentBorder: card ? getComputedStyle(card).borderTopWidth : null,
    adopted: shadow && shadow.adoptedStyleSheets ? shadow.adoptedStyleSheets.length : 0,
    fallbackShown: !!fallback && fallback.getClientRects().length > 0,
    viewport: innerWidth,
    overflow: document.documentElement.scrollWidth - innerWidth,
    problems: window.__problems || [],
  };
}

const shot = async (name, png) => {
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, `${name}.png`), Buffer.from(await png, "base64"));
};

for (const engine of Object.keys(ENGINES)) {
  describe(ENGINES[engine].label, () => {
    let session;
    let driver;
    before(async () => {
      session = await startEngine(engine);
      driver = session.driver;
      await driver.manage().window().setRect({ width: 1280, height: 800 });
    });
    after(async () => { await session?.stop(); });

    test("mounts from embed.js cross-origin into an open shadow root, styled, and fires ready", async () => {
      await driver.get(`${servers.hostOrigin}/portal-article.html`);
      await waitFor(driver, () => document.querySelector("campaign-widget").shadowRoot?.querySelector("h2"), [], "the title");
      const seen = await driver.executeScript(looks, "campaign-widget");
      assert.equal(seen.mode, "open");
      assert.match(seen.title, /^Phong trào thi đua thực hiện thắng lợi nhiệm vụ/);
      assert.equal(seen.titleShown, true);
      assert.ok(seen.titleSize >= 16 && seen.titleSize !== 40, `title ${seen.titleSize}px (the host's h2 is 40px)`);
      assert.equal(seen.accentBorder, "4px", "the widget's stylesheet applies");
      assert.equal(seen.adopted, 1, "constructed and adopted");
      assert.equal(seen.fallbackShown, false);
      assert.ok(seen.overflow <= 0, `overflow ${seen.overflow}px`);
      await shot(`engine-${engine}-portal-desktop`, driver.takeScreenshot());

      // A placeholder added later mounts too, and the page hears ready.
      const added = await driver.executeAsyncScript(function (done) {
        const el = document.createElement("campaign-widget");
        el.setAttribute("lang", "en");
        el.addEventListener("campaign-widget:ready", (e) => done({
          composed: e.composed, bubbles: e.bubbles, title: el.shadowRoot.querySelector("h2").textContent,
        }), { once: true });
        document.querySelector("main").append(el);
      });
      assert.deepEqual(added, {
        composed: true, bubbles: true,
        title: "2021 emulation movement for socio-economic development, defence and security",
      });
    });

    test("at phone width (360 CSS px) the widget fits, with no horizontal overflow", async () => {
      await driver.get(`${servers.hostOrigin}/phone-frame.html?src=portal-article.html`);
      const frame = await driver.findElement(By.id("phone"));
      await driver.switchTo().frame(frame);
      await waitFor(driver, () => document.querySelector("campaign-widget")?.shadowRoot?.querySelector("h2"), [], "the title");
      const seen = await driver.executeScript(looks, "campaign-widget");
      await driver.switchTo().defaultContent();
      assert.equal(seen.viewport, 360);
      assert.equal(seen.titleShown, true);
      assert.equal(seen.accentBorder, "4px");
      assert.ok(seen.overflow <= 0, `overflow ${seen.overflow}px`);
      await shot(`engine-${engine}-portal-phone`, frame.takeScreenshot());
    });

    test("with a frozen now, the countdown and the timeline read the right values", async () => {
      await driver.get(`${servers.hostOrigin}/two-instances.html`);
      await waitFor(driver, () => ["vi", "en"].every((id) => document.getElementById(id).shadowRoot?.querySelector(".cw-value")), [], "both widgets");
      const read = await driver.executeScript(() => {
        const shadow = (id) => document.getElementById(id).shadowRoot;
        const text = (id, selector) => [...shadow(id).querySelectorAll(selector)].map((e) => e.textContent.trim());
        return {
          viDigits: text("vi", ".cw-value"),
          viFeatured: text("vi", ".cw-featured-when")[0],
          enLabel: text("en", ".cw-digits-label")[0],
          timeline: [...shadow("vi").querySelectorAll(".cw-timeline-item")].map((item) => ({
            state: item.dataset.state,
            title: item.querySelector(".cw-timeline-title").textContent,
            status: item.querySelector(".cw-state").textContent,
          })),
        };
      });
      assert.deepEqual(read.viDigits, ["69", "14", "00", "00"]);
      assert.match(read.viFeatured, /Kỷ niệm 97 năm · Thứ Tư, 03\/02\/2027/);
      assert.equal(read.enLabel, "Starts in");
      const byTitle = (pattern) => read.timeline.find((item) => pattern.test(item.title));
      assert.equal(read.timeline.length, 5, JSON.stringify(read.timeline));
      assert.equal(byTitle(/^Bầu cử đại biểu Quốc hội khóa XV/).state, "held");
      assert.equal(byTitle(/^Bầu cử đại biểu Quốc hội khóa XV/).status, "Đã diễn ra");
      assert.equal(byTitle(/Đảng Cộng sản Việt Nam/).state, "upcoming");
      await shot(`engine-${engine}-two-instances-desktop`, driver.takeScreenshot());
    });

    test("the map's picture is drawn without Leaflet; focused, the map loads Leaflet, which draws it exactly the same", async () => {
      await driver.get(`${servers.hostOrigin}/map.html`);
      await waitFor(driver, () => document.querySelector("campaign-widget")?.shadowRoot?.querySelector(".cw-map"), [], "the map section");
      await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map").scrollIntoView());
      await waitFor(driver, pictureComplete, [], "the picture");
      await driver.sleep(500);
      const leafletFiles = () => driver.executeScript(() => performance.getEntriesByType("resource")
        .map((r) => r.name).filter((url) => /\/leaflet(-[0-9a-f]{16})?\.(js|css)$/.test(url)).length);
      assert.equal(await leafletFiles(), 0, "no Leaflet for a map only looked at");
      const picture = await driver.executeScript(mapLook, "picture");
      assert.ok(picture.tiles.length >= 4, JSON.stringify(picture.tiles));
      assert.ok(picture.tiles.every(([src]) => src.startsWith(`${servers.tileOrigin}/tiles/16/`)), JSON.stringify(picture.tiles));
      assert.equal(picture.attributionText, "Leaflet | © <b>Tile</b> test server");
      await shot(`engine-${engine}-map-picture-desktop`, driver.takeScreenshot());

      await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map-canvas").focus());
      await waitFor(driver, leafletComplete, [], "Leaflet's map");
      await driver.sleep(400); // Leaflet's fade
      const leaflet = await driver.executeScript(mapLook, "leaflet");
      assert.deepEqual(leaflet, picture, "every tile, the pin, the zoom buttons and the attribution where the picture had them");
      assert.equal(await leafletFiles(), 2);
      const map = await driver.executeScript(() => {
        const shadow = document.querySelector("campaign-widget").shadowRoot;
        return {
          leafletInDocument: document.querySelectorAll(".leaflet-container").length,
          sheets: shadow.adoptedStyleSheets.length,
          // The widget's Leaflet reached it through its <script> element
          // (document.currentScript) and left no global behind.
          globals: ["L", "leaflet"].filter((name) => name in window),
        };
      });
      assert.deepEqual(map, { leafletInDocument: 0, sheets: 2, globals: [] });
      await shot(`engine-${engine}-map-desktop`, driver.takeScreenshot());
    });

    for (const width of [280, 320, 360]) {
      test(`a marker popup fits inside the map at ${width} CSS px, with a 44 px close button and no control over it`, async () => {
        const src = encodeURIComponent("map.html?config=map-popup.json");
        await driver.get(`${servers.hostOrigin}/phone-frame.html?width=${width}&src=${src}`);
        const frame = await driver.findElement(By.id("phone"));
        await driver.switchTo().frame(frame);
        await waitFor(driver, () => document.querySelector("campaign-widget")?.shadowRoot?.querySelector(".cw-map"), [], "the map section");
        await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map").scrollIntoView());
        await waitFor(driver, pictureComplete, [], "the picture");
        // The picture's pin: the click loads Leaflet, which opens the popup.
        await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map-picture .cw-marker").click());
        await waitFor(driver, () => document.querySelector("campaign-widget").shadowRoot.querySelector(".leaflet-popup"), [], "the popup");
        await driver.sleep(700); // brought into view
        const seen = await driver.executeScript(popupFit);
        await driver.switchTo().defaultContent();
        await shot(`engine-${engine}-map-popup-${width}`, frame.takeScreenshot());
        assert.equal(seen.inside, true, `popup ${seen.bubble} inside map ${seen.map}`);
        assert.equal(seen.closeInside, true);
        assert.ok(seen.close[0] >= 44 && seen.close[1] >= 44, seen.close.join("×"));
        assert.deepEqual(seen.covered, []);
        assert.equal(seen.cut, false);
      });
    }

    test("at 320 CSS px a date's calendar choices open in one tap: Google Calendar's link as Chromium's, the .ics beside it", async () => {
      await driver.get(`${servers.hostOrigin}/phone-frame.html?width=320&src=calendar-share.html`);
      const frame = await driver.findElement(By.id("phone"));
      await driver.switchTo().frame(frame);
      await waitFor(driver, () => document.getElementById("vi")?.shadowRoot?.querySelector(".cw-calendar"), [], "the calendar choices");
      const seen = await driver.executeScript(() => {
        const item = [...document.getElementById("vi").shadowRoot.querySelectorAll(".cw-timeline-item")]
          .find((i) => i.querySelector(".cw-timeline-title").textContent === "Giỗ Tổ Hùng Vương");
        const toggle = item.querySelector("summary");
        toggle.scrollIntoView({ block: "center" });
        toggle.click();
        const google = item.querySelector("a.cw-gcal");
        const ics = item.querySelector("a.cw-ics");
        const params = Object.fromEntries(new URL(google.href).searchParams);
        return {
          open: item.querySelector("details").open,
          params,
          heights: [toggle, google, ics].map((e) => e.getBoundingClientRect().height),
          icsShown: ics.getClientRects().length > 0,
          overflow: document.documentElement.scrollWidth - innerWidth,
        };
      });
      await driver.switchTo().defaultContent();
      await shot(`engine-${engine}-calendar-choices-320`, frame.takeScreenshot());
      assert.equal(seen.open, true);
      assert.equal(seen.params.dates, "20270416/20270417");
      assert.equal(seen.params.text, "Giỗ Tổ Hùng Vương");
      assert.equal(seen.icsShown, true);
      assert.ok(seen.heights.every((h) => h >= 44), seen.heights.join(", "));
      assert.ok(seen.overflow <= 0, `overflow ${seen.overflow}px`);
    });

    test("Chia sẻ shares or copies the page's link, and says so", async () => {
      await driver.get(`${servers.hostOrigin}/calendar-share.html#moc`);
      await waitFor(driver, () => document.getElementById("vi")?.shadowRoot?.querySelector(".cw-share-button"), [], "the share button");
      const button = await driver.executeScript(() => document.getElementById("vi").shadowRoot.querySelector(".cw-share-button"));
      const hasShare = await driver.executeScript(() => typeof navigator.share === "function");
      await button.click();
      if (hasShare) {
        // A real share sheet cannot be driven here: that it opened without an error is all.
        await driver.sleep(500);
      } else {
        await waitFor(driver, () => document.getElementById("vi").shadowRoot.querySelector(".cw-share-status").textContent !== "", [], "the status");
        const status = await driver.executeScript(() => document.getElementById("vi").shadowRoot.querySelector(".cw-share-status").textContent);
        const url = `${servers.hostOrigin}/calendar-share.html`;
        assert.ok(status === "Đã sao chép liên kết" || status === `Hãy sao chép liên kết này: ${url}`, status);
      }
      await shot(`engine-${engine}-share-desktop`, driver.takeScreenshot());
      assert.deepEqual(await driver.executeScript(() => window.__problems || []), []);
    });

    test("a bad config shows the error panel, keeps the fallback, and fires campaign-widget:error", async () => {
      await driver.get(`${servers.hostOrigin}/configs.html`);
      await waitFor(driver, () => window.__events.length >= 6, [], "six events");
      const result = await driver.executeScript(() => {
        const host = document.getElementById("inline-bad");
        const event = window.__events.find((e) => e.id === "inline-bad");
        return {
          type: event.type, detail: event.detail,
          panel: host.shadowRoot.querySelector("[role=alert]").textContent,
          fallback: host.querySelector(".fallback").getClientRects().length > 0,
          missing: window.__events.find((e) => e.id === "missing").detail,
          others: window.__events.filter((e) => ["from-url", "default-vi"].includes(e.id)).map((e) => e.type),
        };
      });
      assert.equal(result.type, "campaign-widget:error");
      assert.deepEqual(result.detail, {
        message: 'keyDates[0].start: "2021-02-30" không phải ngày hợp lệ: ngày này không có trong lịch',
        path: "keyDates[0].start",
      });
      assert.match(result.panel, /Không thể hiển thị chiến dịch/);
      assert.equal(result.fallback, true);
      assert.deepEqual(result.missing, { message: "config: the server answered HTTP 404 for the config", path: "config" });
      assert.deepEqual(result.others, ["campaign-widget:ready", "campaign-widget:ready"]);
    });

    for (const kind of ["same", "cross"]) {
      test(`a strict CSP, ${kind}-origin: widget and map with no violation`, async () => {
        await driver.get(kind === "same" ? `${servers.distOrigin}/pages/csp.html` : `${servers.hostOrigin}/csp.html`);
        await waitFor(driver, () => document.querySelector("campaign-widget").shadowRoot?.querySelector(".cw-map"), [], "the widget");
        await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map").scrollIntoView());
        await waitFor(driver, pictureComplete, [], "the picture");
        await driver.executeScript(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw-map-canvas").focus());
        await waitFor(driver, leafletComplete, [], "Leaflet's map");
        const seen = await driver.executeScript(looks, "campaign-widget");
        assert.equal(seen.accentBorder, "4px");
        assert.deepEqual(seen.problems, [], "no CSP violation, no error");
      });
    }

    test("without constructable stylesheets (Safari before 16.4) the linked CSS styles the widget", async () => {
      await driver.get(`${servers.hostOrigin}/legacy.html?lacks=stylesheets`);
      await waitFor(driver, () => {
        const h2 = document.querySelector("campaign-widget").shadowRoot?.querySelector("h2");
        return h2 && h2.getClientRects().length > 0;
      }, [], "the styled title");
      const seen = await driver.executeScript(looks, "campaign-widget");
      const links = await driver.executeScript(() =>
        [...document.querySelector("campaign-widget").shadowRoot.querySelectorAll("link[rel=stylesheet]")].map((l) => ({
          file: l.getAttribute("href").split("/").pop(), loaded: l.sheet !== null,
        })));
      assert.equal(seen.adopted, 0);
      assert.equal(links.length, 1);
      assert.match(links[0].file, /^widget-[0-9a-f]{16}\.css$/);
      assert.equal(links[0].loaded, true);
      assert.equal(seen.accentBorder, "4px");
      assert.ok(seen.titleSize >= 16 && seen.titleSize !== 40, `title ${seen.titleSize}px`);
      assert.equal(seen.fallbackShown, false);
      assert.deepEqual(seen.problems, []);
      await shot(`engine-${engine}-legacy-stylesheets-desktop`, driver.takeScreenshot());
    });

    test("without WebAssembly the fallback stays and the page hears why", async () => {
      await driver.get(`${servers.hostOrigin}/legacy.html?lacks=wasm`);
      await waitFor(driver, () => window.__events.length > 0, [], "an event");
      const result = await driver.executeScript(() => ({
        events: window.__events,
        shadow: document.querySelector("campaign-widget").shadowRoot,
        fallback: document.getElementById("fallback").getBoundingClientRect().height,
        problems: window.__problems,
      }));
      assert.deepEqual(result.events.map((e) => e.type), ["error"]);
      assert.match(result.events[0].detail.message, /it lacks WebAssembly/);
      assert.equal(result.shadow, null);
      assert.ok(result.fallback > 0);
      assert.deepEqual(result.problems, []);
    });

    test("the .ics link yields a calendar file that parses", async () => {
      await driver.get(`${servers.hostOrigin}/two-instances.html`);
      await waitFor(driver, () => document.getElementById("vi").shadowRoot?.querySelector(".cw-ics-all"), [], "the .ics link");
      // The file as the browser would save it: the link's own target, fetched by the page.
      const file = await driver.executeAsyncScript(function (done) {
        const link = document.getElementById("vi").shadowRoot.querySelector(".cw-ics-all");
        fetch(link.href).then((r) => r.text()).then(
          (text) => done({ name: link.getAttribute("download"), type: link.href.slice(0, link.href.indexOf(",")), text }),
          (error) => done({ error: String(error) }));
      });
      assert.equal(file.name, "campaign.ics");
      assert.equal(file.type, "data:text/calendar;charset=utf-8");
      const calendar = new ICAL.Component(ICAL.parse(file.text));
      const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      assert.equal(events.length, 5);
      const founding = events.find((e) => e.uid === "party-founding@campaign-widget");
      assert.equal(founding.startDate.toString(), "1930-02-03");
      assert.equal(founding.component.getFirstPropertyValue("rrule").freq, "YEARLY");
      const election = events.find((e) => e.uid === "election-2021@campaign-widget");
      assert.equal(election.startDate.toJSDate().toISOString(), "2021-05-23T00:00:00.000Z");
    });
  });
}
