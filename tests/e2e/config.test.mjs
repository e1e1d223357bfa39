// Config sources (inline JSON, a URL, the default), their errors, and languages,
// on one page with several instances: a bad one never breaks the others.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";


const shadowText = (page, id, selector) =>
  page.evaluate(([id, selector]) => document.getElementById(id).shadowRoot?.querySelector(selector)?.textContent ?? null, [id, selector]);

test("each instance loads its own config; bad ones show an error panel and keep their fallback", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/configs.html`);
  await page.waitForFunction(() => window.__events.length >= 6, null, { timeout: 20000 });
  const events = Object.fromEntries(await page.evaluate(() => window.__events.map((e) => [e.id, e])));

  // From a URL relative to the page, in English (the page's <html lang>).
  assert.equal(events["from-url"].type, "campaign-widget:ready");
  assert.equal(await shadowText(page, "from-url", "h2"), "Bình Dương Book Festival 2027");
  assert.equal(await shadowText(page, "from-url", ".cw-lead"), "A week of events encouraging reading, with <b>markup</b> shown as text.");

  // The inline config wins over the default; its error names the field, in Vietnamese.
  assert.deepEqual(events["inline-bad"].detail, {
    message: 'keyDates[0].start: "2021-02-30" không phải ngày hợp lệ: ngày này không có trong lịch',
    path: "keyDates[0].start",
  });
  const panel = await page.evaluate(() => {
    const host = document.getElementById("inline-bad");
    const alert = host.shadowRoot.querySelector("[role=alert]");
    return { text: alert.textContent, fallbackVisible: host.querySelector(".fallback").getClientRects().length > 0 };
  });
  assert.match(panel.text, /Không thể hiển thị chiến dịch/);
  assert.equal(panel.fallbackVisible, true, "the webmaster's fallback stays visible under the error");

  assert.deepEqual(events.missing.detail, { message: "config: the server answered HTTP 404 for the config", path: "config" });
  assert.deepEqual(events.broken.detail, { message: "malformed JSON at line 1, column 34", path: "" });
  assert.deepEqual(events["bad-scheme"].detail, { message: 'config: "javascript:alert(1)" is not an http(s) URL', path: "config" });

  // The default campaign, unaffected by its broken neighbours; <html lang="en"> applies.
  assert.equal(events["default-vi"].type, "campaign-widget:ready");
  assert.match(await shadowText(page, "default-vi", "h2"), /^2021 emulation movement/);

  await screenshot(page, "config-sources-desktop");
  // Only the widget's own reports of the bad configs (and the 404 itself) reach the console.
  const unexpected = problems.filter((p) => !/campaign-widget: |status of 404/.test(p));
  assert.deepEqual(unexpected, []);
  await context.close();
});

/** Adds an English widget with `config` to the page; resolves to its error event's detail. */
const errorFor = (page, config) => page.evaluate(async (config) => {
  const el = document.createElement("campaign-widget");
  el.setAttribute("lang", "en");
  el.setAttribute("config", config);
  const seen = new Promise((done) => el.addEventListener("campaign-widget:error", (e) => done(e.detail)));
  document.body.append(el);
  return seen;
}, config);

test("a config that never answers times out with its own message", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  // A request that hangs until the widget gives up.
  await page.route("**/hangs.json", () => new Promise(() => {}));
  await page.goto(`${servers.hostOrigin}/portal-article.html`);
  await page.locator("campaign-widget h2").waitFor();
  const detail = await errorFor(page, "hangs.json");
  assert.deepEqual(detail, { message: "config: the config took more than 10 seconds to load", path: "config" });
  await context.close();
});

test("a config larger than 256 KB is refused from its Content-Length, before its body is read", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  const huge = JSON.stringify({ schema: 1, padding: "x".repeat(300 * 1024) });
  await page.route("**/huge.json", (route) => route.fulfill({ contentType: "application/json", body: huge }));
  await page.goto(`${servers.hostOrigin}/portal-article.html`);
  await page.locator("campaign-widget h2").waitFor();
  const detail = await errorFor(page, "huge.json");
  assert.deepEqual(detail, { message: "the config is too large (301 KB, at most 256 KB)", path: "" });
  await context.close();
});

test("a config URL is fetched in parallel with the wasm, not after it", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  // The wasm takes a while; the config must not wait for it.
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((resume) => setTimeout(resume, 800));
    await route.continue();
  });
  const seen = {};
  page.on("request", (request) => {
    if (/campaign-en\.json$/.test(request.url())) seen.configAsked ??= Date.now();
  });
  page.on("requestfinished", (request) => {
    if (/_bg\.wasm$/.test(request.url())) seen.wasmDone ??= Date.now();
  });
  await page.goto(`${servers.hostOrigin}/configs.html`);
  await page.waitForFunction(() => window.__events.some((e) => e.id === "from-url"), null, { timeout: 20000 });
  assert.ok(seen.configAsked && seen.wasmDone, JSON.stringify(seen));
  assert.ok(seen.configAsked < seen.wasmDone, `config asked ${seen.wasmDone - seen.configAsked} ms before the wasm arrived`);
  assert.ok(seen.wasmDone - seen.configAsked > 500, "the config was asked while the wasm was still on its way");
  await context.close();
});

test("the summary fits a 280 px wide phone", async () => {
  const { context, page, problems } = await openPage(browser, { ...PHONE, viewport: { width: 280, height: 653 } }, servers);
  await page.goto(`${servers.hostOrigin}/portal-article.html`);
  await page.locator("campaign-widget h2").waitFor();
  const widths = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const widest = Math.max(...[...root.querySelectorAll("*")].map((el) => el.getBoundingClientRect().right));
    return { page: document.documentElement.scrollWidth, viewport: innerWidth, widest };
  });
  assert.ok(widths.page <= widths.viewport, JSON.stringify(widths));
  assert.ok(widths.widest <= widths.viewport, JSON.stringify(widths));
  // "Xem thêm" works from the keyboard.
  await page.locator("campaign-widget .cw-more").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("campaign-widget ol.cw-goals > li").count(), 8);
  assert.equal(await page.locator("campaign-widget .cw-more").getAttribute("aria-expanded"), "true");
  await screenshot(page, "summary-280");
  assert.deepEqual(problems, []);
  await context.close();
});
