// The developer's demo page (dist/index.html, what `cargo xtask serve` shows):
// the widget mounts from the page's own script tag, at phone and desktop sizes,
// on the built-in campaign, which embed.js fetches from dist/ (it is not in the
// wasm) in parallel with the wasm; a page with a config of its own never does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";


for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`the demo page shows the default campaign (${name})`, async () => {
    const { context, page, problems, requests } = await openPage(browser, device, servers);
    const started = [];
    page.on("request", (r) => started.push(r.url().split("/").pop()));
    await page.goto(`${servers.distOrigin}/index.html`);
    await page.locator("campaign-widget h2").waitFor({ timeout: 20000 });
    const facts = await page.locator("campaign-widget dd").allInnerTexts();
    assert.equal(facts[0], "Văn phòng HĐND tỉnh Đồng Nai");
    assert.match(facts[1], /^Chỉ thị số 01\/CT-UBND ngày 05\/01\/2021/);
    assert.ok(await page.locator("campaign-widget .cw-countdown .cw-digits").isVisible());
    assert.equal(await page.locator("campaign-widget .cw-timeline > li").count(), 5);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    await screenshot(page, `demo-${name}`);
    // Asked for once, before the wasm has arrived (in parallel with it).
    const campaign = started.findIndex((n) => /^default-campaign-[0-9a-f]{16}\.json$/.test(n));
    assert.ok(campaign >= 0, started.join("\n"));
    assert.equal(requests.filter((u) => /default-campaign-/.test(u)).length, 1);
    assert.ok(started.findIndex((n) => /_bg\.wasm$/.test(n)) >= 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a page with a config of its own never downloads the built-in campaign", async () => {
  const { context, page, problems, requests } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/map.html`);
  await page.locator("campaign-widget .cw-map").waitFor({ timeout: 20000 });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requests.filter((u) => /default-campaign-/.test(u)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("without its built-in campaign's file (a dist/ copied in part), a placeholder with no config shows the error panel and keeps its fallback", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.route(/default-campaign-[0-9a-f]{16}\.json$/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${servers.distOrigin}/index.html`);
  const panel = page.locator("campaign-widget .cw-error");
  await panel.waitFor({ timeout: 20000 });
  assert.match(await panel.innerText(), /HTTP 404/);
  assert.deepEqual(problems.filter((p) => !/404|campaign-widget:|default-campaign-/.test(p)), []);
  await context.close();
});
