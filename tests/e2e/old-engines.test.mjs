// Older engines, emulated in Chromium by init scripts that remove what they
// lack: each must show either the styled widget or the placeholder's visible
// fallback, never a blank box, and nothing uncaught may reach the page.
import { reachForMap } from "./support/map.mjs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

/** Init scripts, run before any script of the page. */
const ENGINES = {
  // Safari and iOS before 16.4, Chrome before 73, Firefox before 101.
  "no constructable stylesheets": () => {
    const Original = CSSStyleSheet;
    function Legacy() { throw new TypeError("Illegal constructor"); }
    Legacy.prototype = Original.prototype;
    window.CSSStyleSheet = Legacy;
    delete Document.prototype.adoptedStyleSheets;
    delete ShadowRoot.prototype.adoptedStyleSheets;
  },
  // iOS Lockdown Mode, hardened browsers.
  "no WebAssembly": () => { delete window.WebAssembly; },
  // Safari before 12.1 (IntersectionObserver) and 13.1 (ResizeObserver).
  "no ResizeObserver or IntersectionObserver": () => {
    delete window.ResizeObserver;
    delete window.IntersectionObserver;
  },
  // Chrome before 105, Safari before 16, Firefox before 110: CSS.supports says
  // no and @container blocks are dropped from every sheet, as a parser that
  // does not know them drops them.
  "no container queries": () => {
    const supports = CSS.supports;
    CSS.supports = (...args) => (/container/.test(args.join(" ")) ? false : supports.apply(CSS, args));
    const strip = (css) => {
      let out = "";
      for (let i = 0; i < css.length;) {
        const at = css.indexOf("@container", i);
        if (at < 0) { out += css.slice(i); break; }
        out += css.slice(i, at);
        let depth = 0, j = css.indexOf("{", at);
        for (; j < css.length; j++) {
          if (css[j] === "{") depth++;
          else if (css[j] === "}" && --depth === 0) break;
        }
        i = j + 1;
      }
      return out;
    };
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    CSSStyleSheet.prototype.replaceSync = function (css) { return replaceSync.call(this, strip(String(css))); };
  },
};

/** What the visitor sees in the placeholder `selector`. */
const look = (page, selector = "campaign-widget") => page.evaluate((selector) => {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  const heading = root?.querySelector("h2");
  const widget = root?.querySelector(".cw-root");
  const shown = (element) => !!element && element.getClientRects().length > 0 && element.getBoundingClientRect().height > 0;
  const fallback = [...host.children].find((c) => c.localName !== "script");
  const fallbackShown = (!root || [...root.querySelectorAll("slot")].some(shown)) && shown(fallback);
  return {
    hostHeight: host.getBoundingClientRect().height,
    widgetShown: shown(widget) && shown(heading),
    headingText: heading?.textContent ?? "",
    headingSize: heading ? parseFloat(getComputedStyle(heading).fontSize) : 0,
    // The widget's own stylesheet applies: the card has its accent border.
    styled: !!widget?.querySelector(".cw") && getComputedStyle(widget.querySelector(".cw")).borderTopWidth === "4px",
    linked: root ? root.querySelectorAll("link[rel=stylesheet]").length : 0,
    adopted: root?.adoptedStyleSheets?.length ?? 0,
    fallbackShown,
    fallbackHeight: fallback ? fallback.getBoundingClientRect().height : 0,
  };
}, selector);

/** Opens `path` in an emulated engine; collects campaign-widget events. */
async function openIn(engine, device, path) {
  const opened = await openPage(browser, device, servers);
  await opened.context.addInitScript(ENGINES[engine]);
  await opened.context.addInitScript(() => {
    window.__events = [];
    for (const type of ["ready", "error"]) {
      document.addEventListener(`campaign-widget:${type}`, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  await opened.page.goto(`${servers.hostOrigin}/${path}`);
  await opened.page.waitForFunction(() => window.__events.length > 0, null, { timeout: 20000 });
  return opened;
}

for (const [engine] of Object.entries(ENGINES)) {
  for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    test(`${engine}: the styled widget or the visible fallback, never a blank box (${name})`, async () => {
      const { context, page, problems, requests } = await openIn(engine, device, "portal-article.html");
      const events = await page.evaluate(() => window.__events);
      let seen;
      if (engine === "no WebAssembly") {
        assert.deepEqual(events.map((e) => e.type), ["error"]);
        assert.match(events[0].detail.message, /cannot show the widget: it lacks WebAssembly \(Safari 15, Chrome 96, Firefox 79\)$/);
        seen = await look(page);
        assert.equal(await page.evaluate(() => document.querySelector("campaign-widget").shadowRoot), null, "nothing attached");
        assert.equal(seen.fallbackShown, true);
        assert.deepEqual(requests.filter((url) => /_bg\.wasm$/.test(url)), [], "no wasm downloaded for nothing");
        // The loader's own report is expected; nothing else.
        assert.deepEqual(problems.filter((p) => !/^console: campaign-widget: this browser cannot show/.test(p)), []);
      } else {
        assert.deepEqual(events.map((e) => e.type), ["ready"]);
        // A linked stylesheet applies a moment after the render: until then the
        // fallback shows through its slot.
        await page.waitForFunction(() => {
          const h2 = document.querySelector("campaign-widget").shadowRoot.querySelector("h2");
          return h2 && h2.getClientRects().length > 0;
        }, null, { timeout: 20000 });
        seen = await look(page);
        assert.equal(seen.widgetShown, true, JSON.stringify(seen));
        assert.equal(seen.styled, true, JSON.stringify(seen));
        assert.ok(seen.headingSize >= 16, `heading ${seen.headingSize}px`);
        assert.match(seen.headingText, /^Phong trào thi đua/);
        assert.equal(seen.fallbackShown, false);
        if (engine === "no constructable stylesheets") {
          assert.deepEqual([seen.linked, seen.adopted], [1, 0], "the CSS is linked, not adopted");
        } else {
          // Without IntersectionObserver the map loads at once: Leaflet's sheet is adopted too.
          assert.equal(seen.linked, 0);
          assert.ok(seen.adopted >= 1);
        }
        assert.deepEqual(problems, []);
      }
      // Never a blank box: the placeholder holds either the widget or its fallback, and is as tall.
      assert.ok(seen.hostHeight >= (seen.widgetShown ? 200 : seen.fallbackHeight) && seen.hostHeight > 0,
        `a ${seen.hostHeight}px box for ${seen.widgetShown ? "the widget" : `a ${seen.fallbackHeight}px fallback`}`);
      await screenshot(page, `old-engine-${engine.replaceAll(" ", "-")}-${name}`);
      await context.close();
    });
  }
}

for (const kind of ["same", "cross"]) {
  test(`no constructable stylesheets, strict CSP ${kind}-origin: the linked CSS and Leaflet's apply, no violation`, async () => {
    const opened = await openPage(browser, DESKTOP, servers);
    const { context, page, problems } = opened;
    await context.addInitScript(ENGINES["no constructable stylesheets"]);
    await page.goto(kind === "same" ? `${servers.distOrigin}/pages/csp.html` : `${servers.hostOrigin}/csp.html`);
    await reachForMap(page);
    const map = await page.evaluate(() => {
      const root = document.querySelector("campaign-widget").shadowRoot;
      const marker = root.querySelector(".cw-marker").getBoundingClientRect();
      const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
      return {
        links: [...root.querySelectorAll("link[rel=stylesheet]")].map((l) => l.getAttribute("href").split("/").pop()),
        tileWidth: root.querySelector(".leaflet-tile-loaded").getBoundingClientRect().width,
        markerInside: marker.width > 0 && marker.left >= canvas.left && marker.right <= canvas.right,
        // Leaflet's own CSS applies: its tile pane's stacking order.
        leafletCss: getComputedStyle(root.querySelector(".leaflet-tile-pane")).zIndex,
      };
    });
    assert.match(map.links.join(" "), /^leaflet-[0-9a-f]{16}\.css widget-[0-9a-f]{16}\.css$/);
    assert.equal(map.tileWidth, 256);
    assert.equal(map.markerInside, true);
    assert.equal(map.leafletCss, "200");
    assert.ok((await look(page)).styled);
    await screenshot(page, `old-engine-linked-css-csp-${kind}`);
    assert.deepEqual(problems, [], "no CSP violation, no error");
    await context.close();
  });
}
