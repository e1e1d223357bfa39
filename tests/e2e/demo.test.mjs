// The developer's demo page (dist/index.html, what `cargo xtask serve` shows):
// the widget mounts from the page's own script tag, at phone and desktop sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";


for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`the demo page shows the default campaign (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
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
    assert.deepEqual(problems, []);
    await context.close();
  });
}
