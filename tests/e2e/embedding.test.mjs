// Embedding on real host pages (the README's "For webmasters: embedding"): both placeholder forms, the loader
// in every position, the JS API, isolation both ways against Bootstrap 3 and the
// resets portals carry, a strict CSP (same-origin and cross-origin), two
// instances, a single-page app, a page that mounts by hand, and leak checks.
// Every page runs at 360×740 (touch) and 1280×800; screenshots go to tests/output/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { reachForMap } from "./support/map.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";


const DEVICES = [["phone", PHONE], ["desktop", DESKTOP]];
const ready = (page, selector) =>
  page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector(".cw"), selector, { timeout: 20000 });

/** The computed look of the widget's parts, to compare across host pages. */
const look = (page, selector) => page.evaluate((s) => {
  const root = document.querySelector(s).shadowRoot;
  const props = ["fontSize", "fontFamily", "lineHeight", "color", "textTransform", "letterSpacing", "boxSizing",
    "paddingLeft", "marginLeft", "borderTopWidth", "listStyleType", "backgroundColor", "width"];
  const parts = ["h2", ".cw-lead", ".cw-goals", ".cw-goals li", ".cw-button", ".cw-source a", ".cw-value", ".cw-timeline-title", ".cw-ics-all"];
  return Object.fromEntries(parts.filter((p) => root.querySelector(p)).map((p) => {
    const style = getComputedStyle(root.querySelector(p));
    return [p, Object.fromEntries(props.map((k) => [k, style[k]]))];
  }));
}, selector);

for (const [name, device] of DEVICES) {
  test(`a Bootstrap 3 + jQuery portal with hostile resets does not change the widget (${name})`, async () => {
    const reference = await openPage(browser, device, servers);
    await reference.context.addInitScript(() => { window.__initialKeys = Object.keys(window); });
    await reference.page.goto(`${servers.hostOrigin}/plain.html`);
    await ready(reference.page, "#article-widget");
    await ready(reference.page, "#sidebar-widget");
    const portal = await openPage(browser, device, servers);
    await portal.page.goto(`${servers.hostOrigin}/portal-bootstrap.html`);
    await ready(portal.page, "#article-widget");
    await ready(portal.page, "#sidebar-widget");

    // The article widget has the width of its column in both pages, so every
    // computed value must match (the sidebar's width differs by design).
    const [mine, theirs] = [await look(portal.page, "#article-widget"), await look(reference.page, "#article-widget")];
    for (const part of Object.keys(theirs)) {
      for (const [prop, value] of Object.entries(theirs[part])) {
        if (prop === "width") continue;
        assert.equal(mine[part][prop], value, `${part} ${prop}`);
      }
    }
    const sidebar = await portal.page.evaluate(() => document.querySelector("#sidebar-widget").shadowRoot.querySelector(".cw").getAttribute("lang"));
    assert.equal(sidebar, "en");

    // The widget added no global CSS, and on a page with no script of its own,
    // no global but CampaignWidget (L comes only with the map, which is not shown).
    const after = await portal.page.evaluate(() => ({
      sheets: document.styleSheets.length,
      styles: document.querySelectorAll("style").length,
    }));
    assert.equal(after.sheets, 2, "Bootstrap and the page's own <style>");
    assert.equal(after.styles, 1);
    const added = await reference.page.evaluate(() => Object.keys(window).filter((k) => !window.__initialKeys.includes(k) && k !== "__initialKeys"));
    assert.deepEqual(added, ["CampaignWidget"]);
    const overflow = await portal.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `overflow ${overflow}px`);
    await screenshot(portal.page, `host-bootstrap-${name}`);
    assert.deepEqual(portal.problems, []);
    assert.deepEqual(reference.problems, []);
    await reference.context.close();
    await portal.context.close();
  });

  for (const kind of ["same", "cross"]) {
    test(`a strict CSP, ${kind}-origin: widget and map work with no violation (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, device, servers);
      const url = kind === "same" ? `${servers.distOrigin}/pages/csp.html` : `${servers.hostOrigin}/csp.html`;
      const response = await page.goto(url);
      assert.match(response.headers()["content-security-policy"], /script-src 'self'.*'wasm-unsafe-eval'; style-src 'self'/);
      await ready(page, "campaign-widget");
      // The picture (positioned through the CSSOM), then Leaflet's map.
      await reachForMap(page);
      await screenshot(page, `host-csp-${kind}-${name}`);
      assert.deepEqual(problems, [], "no CSP violation, no error");
      await context.close();
    });
  }

  test(`two instances, two languages and configs, one wasm; the loader first and deferred (${name})`, async () => {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/two-instances.html`);
    await ready(page, "#vi");
    await ready(page, "#en");
    const titles = await page.evaluate(() => ["vi", "en"].map((id) => document.getElementById(id).shadowRoot.querySelector("h2").textContent));
    assert.match(titles[0], /^Phong trào thi đua/);
    assert.equal(titles[1], "Bình Dương Book Festival 2027");
    assert.deepEqual(await page.locator("#vi .cw-value").allInnerTexts(), ["69", "14", "00", "00"]);
    assert.equal(await page.locator("#en .cw-digits-label").innerText(), "Starts in");
    assert.equal(requests.filter((u) => u.endsWith("_bg.wasm")).length, 1);
    await screenshot(page, `host-two-instances-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a single-page app inserts and removes widgets, in both forms (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/spa.html`);
    await page.waitForFunction(() => window.CampaignWidget);
    const mountedCount = () => page.evaluate(() => [...document.querySelectorAll("campaign-widget, [data-campaign-widget]")].filter((el) => el.shadowRoot?.querySelector(".cw")).length);
    await page.evaluate(() => go("campaign"));
    await ready(page, "campaign-widget");
    assert.equal(await mountedCount(), 1);
    await page.evaluate(() => go("sidebar"));
    await ready(page, "[data-campaign-widget]");
    await ready(page, "campaign-widget");
    assert.equal(await mountedCount(), 2);
    assert.equal(await page.locator("[data-campaign-widget] .cw-countdown h3").innerText(), "Đếm ngược");
    // Attribute changes update a mounted widget.
    await page.evaluate(() => document.querySelector("campaign-widget").setAttribute("lang", "vi"));
    await page.waitForFunction(() => document.querySelector("campaign-widget").shadowRoot.querySelector(".cw")?.getAttribute("lang") === "vi");
    await page.evaluate(() => go("home"));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    await screenshot(page, `host-spa-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a page with no markup mounts by hand through CampaignWidget.mount (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/programmatic.html`);
    const result = await page.evaluate(async () => {
      const handle = await window.mounted;
      const root = handle.element.shadowRoot;
      const state = { badge: root.querySelector(".cw-badge")?.textContent, lang: root.querySelector(".cw").getAttribute("lang"), version: CampaignWidget.version };
      state.unmounted = handle.unmount();
      state.after = root.querySelector(".cw") === null;
      state.again = CampaignWidget.unmount(handle.element);
      return state;
    });
    assert.deepEqual(result, { badge: "Happening now", lang: "en", version: result.version, unmounted: true, after: true, again: false });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("100 mount/unmount cycles leave DOM nodes, listeners, timers and wasm memory where they started", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await context.addInitScript(() => {
    // Counts live timeouts: set and neither fired nor cleared.
    const live = new Set();
    const set = window.setTimeout, clear = window.clearTimeout;
    window.setTimeout = function (fn, ms, ...args) {
      const id = set.call(window, (...a) => { live.delete(id); return typeof fn === "function" ? fn(...a) : undefined; }, ms, ...args);
      live.add(id);
      return id;
    };
    window.clearTimeout = (id) => { live.delete(id); clear.call(window, id); };
    window.__liveTimeouts = () => live.size;
  });
  await page.goto(`${servers.hostOrigin}/spa.html`);
  await page.waitForFunction(() => window.CampaignWidget);
  const cdp = await context.newCDPSession(page);
  const wasmBytes = async () => {
    const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const sum = await cdp.send("Runtime.callFunctionOn", {
      objectId: found.objects.objectId, returnByValue: true,
      functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }",
    });
    return sum.result.value;
  };
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const counters = await cdp.send("Memory.getDOMCounters");
    return { ...counters, timeouts: await page.evaluate(() => window.__liveTimeouts()), wasm: await wasmBytes() };
  };
  const cycles = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement("campaign-widget");
      el.setAttribute("sections", "summary,countdown");
      document.getElementById("app").append(el);
      await new Promise((r) => el.addEventListener("campaign-widget:ready", r, { once: true }));
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
    }
  }, n);
  await cycles(5);
  const start = await measure();
  await cycles(100);
  const end = await measure();
  console.log(`100 cycles: nodes ${start.nodes} -> ${end.nodes}, listeners ${start.jsEventListeners} -> ${end.jsEventListeners}, live timeouts ${start.timeouts} -> ${end.timeouts}, wasm ${start.wasm} -> ${end.wasm} bytes`);
  assert.ok(end.nodes <= start.nodes + 50, `nodes ${start.nodes} -> ${end.nodes}`);
  assert.ok(end.jsEventListeners <= start.jsEventListeners + 5, `listeners ${start.jsEventListeners} -> ${end.jsEventListeners}`);
  assert.ok(end.timeouts <= start.timeouts, `timeouts ${start.timeouts} -> ${end.timeouts}`);
  assert.ok(end.wasm <= start.wasm + 64 * 1024, `wasm memory ${start.wasm} -> ${end.wasm}`);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, device] of DEVICES) {
  test(`fallback shows until ready, and with the README's reservation nothing shifts (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await context.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    // Hold the wasm back a moment, to see the page as a slow phone sees it.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/*_bg.wasm", async (route) => { await held; await route.continue(); });
    await page.goto(`${servers.hostOrigin}/reserved.html`);
    assert.equal(await page.locator("#fallback").isVisible(), true, "fallback visible before the widget is ready");
    const afterTop = await page.locator("#after").evaluate((el) => el.getBoundingClientRect().top + scrollY);
    release();
    await ready(page, "#main");
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#fallback").isVisible(), false);
    assert.equal(await page.locator("#after").evaluate((el) => el.getBoundingClientRect().top + scrollY), afterTop, "the paragraph after the widget did not move");
    const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    assert.equal(cls, 0, "cumulative layout shift");
    // theme="dark" and a custom accent set by the host page through --cw-accent.
    await ready(page, "#dark");
    const dark = await page.evaluate(() => {
      const root = document.getElementById("dark").shadowRoot;
      return { bg: getComputedStyle(root.querySelector(".cw")).backgroundColor, accent: getComputedStyle(root.querySelector(".cw-value")).color };
    });
    assert.equal(dark.bg, "rgb(23, 25, 29)");
    assert.equal(dark.accent, "rgb(11, 83, 148)");
    await screenshot(page, `host-reserved-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/**
 * Opens reserved.html with the wasm request handled by `handleWasm`; waits for
 * the main widget's campaign-widget:error and checks that its fallback stayed.
 */
async function whenTheWasmFails(handleWasm, { withoutSubtle = false } = {}) {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  // crypto.subtle is missing outside a secure context (plain http): the loader
  // then fetches the wasm with `integrity` instead of hashing it itself.
  if (withoutSubtle) await context.addInitScript(() => Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined }));
  // Listening from the start: the event may come before any test code runs.
  await context.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("campaign-widget:error", (e) => window.__errors.push({ id: e.target.id, detail: e.detail }));
  });
  await page.route("**/*_bg.wasm", handleWasm);
  await page.goto(`${servers.hostOrigin}/reserved.html`);
  await page.waitForFunction(() => window.__errors.some((e) => e.id === "main"), null, { timeout: 20000 });
  const detail = await page.evaluate(() => window.__errors.find((e) => e.id === "main").detail);
  assert.equal(await page.locator("#fallback").isVisible(), true);
  assert.equal(await page.evaluate(() => document.getElementById("main").shadowRoot), null);
  await context.close();
  return { detail, problems };
}

test("when the wasm cannot load, the fallback stays and the page hears campaign-widget:error", async () => {
  const { detail, problems } = await whenTheWasmFails((route) => route.abort("blockedbyclient"));
  assert.equal(typeof detail.message, "string");
  // The loader reports the failure on the console; nothing is thrown into the page.
  assert.deepEqual(problems.filter((p) => !/campaign-widget: |_bg\.wasm|Failed to load resource/.test(p)), []);
});

for (const [how, withoutSubtle] of [["hashed by the loader as it compiles", false], ["fetched with integrity where crypto.subtle is missing", true]]) {
  test(`a wasm that is not the one embed.js was built with is refused (${how}), and the fallback stays`, async () => {
    // One byte changed on the way: a compromised server or cache.
    const { problems } = await whenTheWasmFails(async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 1;
      await route.fulfill({ response, body });
    }, { withoutSubtle });
    assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join("\n"));
    assert.deepEqual(problems.filter((p) => !/campaign-widget: |integrity|_bg\.wasm/i.test(p)), []);
  });
}

test("CampaignWidget.mount with new options re-mounts an element mounted by hand", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/programmatic.html`);
  const lang = () => page.evaluate(() => document.getElementById("slot").shadowRoot?.querySelector(".cw")?.getAttribute("lang"));
  await page.evaluate(() => window.mounted);
  assert.equal(await lang(), "en");
  await page.evaluate(() => CampaignWidget.mount(document.getElementById("slot"), { lang: "vi" }));
  await page.waitForFunction(() => document.getElementById("slot").shadowRoot.querySelector(".cw")?.getAttribute("lang") === "vi");
  assert.equal(await page.locator("#slot .cw-badge").innerText(), "Đang diễn ra");
  assert.deepEqual(problems, []);
  await context.close();
});
