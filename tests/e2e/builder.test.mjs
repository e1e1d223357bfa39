// The webmaster's snippet builder (dist/builder.html): the form, the widget's own
// validation messages, the live preview, and a snippet that works when pasted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

/** A tile request aborted because the preview it was for was replaced. */
const replacedTile = (problem) => /^requestfailed: \S+\.png net::ERR_ABORTED$/.test(problem);

for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`build a campaign, see it, fix what the validator names, paste the snippet (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.distOrigin}/builder.html`);
    const status = page.locator("#status");
    await page.waitForFunction(() => document.getElementById("status").textContent !== "");
    assert.equal(await status.innerText(), "Cấu hình hợp lệ.");

    await page.fill('input[name="title"]', "Ngày hội <b>đọc sách</b> 2027");
    await page.locator("#preview campaign-widget h2").filter({ hasText: "Ngày hội <b>đọc sách</b> 2027" }).waitFor({ timeout: 20000 });

    // An end before its start: the widget's own message, naming the field.
    const row = page.locator("#dates .date").first();
    await row.locator('[data-field="end"]').fill("2026-12-31T00:00");
    await page.waitForFunction(() => /keyDates\[0\]\.end/.test(document.getElementById("status").textContent));
    assert.equal(await status.innerText(), "Cần sửa: keyDates[0].end: kết thúc trước khi bắt đầu");
    await row.locator('[data-field="end"]').fill("2027-01-10T00:00");
    await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");

    await page.selectOption('select[name="lang"]', "en");
    await page.locator('input[name="section"][value="map"]').uncheck();
    await page.waitForFunction(() => document.getElementById("snippet").value.startsWith('<campaign-widget lang="en" sections="summary,countdown"'));
    await page.locator('#preview campaign-widget[lang="en"] .cw-countdown').waitFor();
    const snippet = await page.locator("#snippet").inputValue();
    assert.match(snippet, /^<campaign-widget lang="en" sections="summary,countdown" theme="auto">/);
    assert.match(snippet, /\\u003cb>đọc sách\\u003c\/b>/, "markup in text cannot close the script element");
    assert.ok(snippet.endsWith(`<script src="${servers.distOrigin}/embed.js" async></script>\n`));
    await screenshot(page, `builder-${name}`);

    // Pasted into a page of its own, the snippet shows the same campaign.
    const pasted = await context.newPage();
    await pasted.goto(`${servers.hostOrigin}/plain.html`);
    await pasted.evaluate((html) => {
      document.body.innerHTML = "";
      const range = document.createRange();
      document.body.append(range.createContextualFragment(html));
    }, snippet);
    const title = pasted.locator("campaign-widget h2").last();
    await title.waitFor({ timeout: 20000 });
    assert.equal(await title.innerText(), "Ngày hội <b>đọc sách</b> 2027");
    assert.equal(await pasted.locator("campaign-widget .cw-timeline-when").first().innerText(), "05/01/2027 – 10/01/2027");
    // The preview's own report of the deliberately wrong end date is the only console
    // error; tiles of a preview replaced while they load are aborted, rightly.
    assert.deepEqual(problems.filter((p) => !p.includes("keyDates[0].end: kết thúc trước khi bắt đầu") && !replacedTile(p)), []);
    await context.close();
  });
}

test("a lunar key date: the builder offers it, shows the lunar day beside the date, and the widget keeps it", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.distOrigin}/builder.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");
  const row = page.locator("#dates .date").nth(2);
  assert.equal(await row.locator('[data-field="title"]').inputValue(), "Giỗ Tổ Hùng Vương");
  assert.equal(await row.locator('[data-field="repeat"]').inputValue(), "yearly-lunar");
  const note = row.locator('[data-lunar="start"]');
  await page.waitForFunction((el) => el.textContent !== "", await note.elementHandle());
  assert.equal(await note.innerText(), "(10/3 âm lịch)");

  // Tết instead: its day in 2027, and the lunar date beside it.
  await row.locator('[data-field="title"]').fill("Tết Nguyên Đán");
  await row.locator('[data-field="start"]').fill("2027-02-06T00:00");
  await page.waitForFunction((el) => el.textContent === "(1/1 âm lịch)", await note.elementHandle());
  const first = page.locator("#dates .date").first();
  await first.locator('[data-field="repeat"]').selectOption("yearly-lunar");
  await page.waitForFunction(() => {
    const snippet = document.getElementById("snippet").value;
    return snippet.includes('"title": "Tết Nguyên Đán"') && snippet.split('"yearly-lunar"').length === 3;
  });
  const config = JSON.parse((await page.locator("#snippet").inputValue()).match(/<script type="application\/json">([\s\S]*?)<\/script>/)[1]);
  assert.deepEqual(
    config.keyDates.map((d) => [d.title, d.start, d.repeat]),
    [
      ["Phát động phong trào thi đua", "2027-01-05", "yearly-lunar"],
      ["Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam", "1930-02-03", "yearly"],
      ["Tết Nguyên Đán", "2027-02-06", "yearly-lunar"],
    ],
  );
  // The preview shows it with its lunar date, whatever the year it is seen in.
  const tet = page.locator("#preview campaign-widget .cw-timeline-item").filter({ hasText: "Tết Nguyên Đán" });
  await tet.waitFor({ timeout: 20000 });
  assert.match(await tet.locator(".cw-timeline-when").innerText(), /^\d\d\/\d\d\/\d{4} \(1\/1 âm lịch\) · hằng năm theo âm lịch$/);
  await screenshot(page, "builder-lunar");
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});
