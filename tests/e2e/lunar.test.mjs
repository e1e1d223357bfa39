// Key dates kept by the lunar calendar ("repeat": "yearly-lunar"): entered once,
// counted down to the right day every year, shown with their lunar date, and
// listed day by day in the calendar file. The listed days are checked against
// an independent lunar calendar (the `lunar-vn` package that `cargo xtask setup`
// installs for the native reference test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { servers, browser } from "./support/harness.mjs";
import { openPage, freezeClock, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

const digits = (widget) => widget.locator(".cw-value").allInnerTexts();

/** The lunar dates of `days` (YYYY-MM-DD) by lunar-vn: [[day, month, leap], …]. */
function lunarByReference(days) {
  const script = [
    "import datetime, json, sys, lunar_vn",
    "days = json.loads(sys.argv[1])",
    "out = [lunar_vn.solar_to_lunar(datetime.date.fromisoformat(d)) for d in days]",
    "print(json.dumps([[l.day, l.month, l.leap] for l in out]))",
  ].join("\n");
  return JSON.parse(execFileSync("python3", ["-c", script, JSON.stringify(days)], { encoding: "utf8" }));
}

for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`lunar dates seen on 30/11/2026: next occurrences, both dates, the remaining time (${name})`, async () => {
    const { context, page, problems } = await openPage(browser, device, servers);
    await page.goto(`${servers.hostOrigin}/lunar.html`);
    const vi = page.locator("#vi");
    const en = page.locator("#en");
    await vi.locator(".cw-countdown").waitFor();
    await en.locator(".cw-countdown").waitFor();

    // Tết 2027 (06/02/2027) comes first: 67 days 14 hours after 30/11/2026 10:00.
    assert.equal(await vi.locator(".cw-featured-title").innerText(), "Tết Nguyên Đán");
    assert.equal(
      await vi.locator(".cw-featured-when").innerText(),
      "Kỷ niệm 1 năm · Thứ Bảy, 06/02/2027 (1/1 âm lịch)",
    );
    assert.deepEqual(await digits(vi), ["67", "14", "00", "00"]);
    const when = await vi.locator(".cw-timeline-when").allInnerTexts();
    assert.deepEqual(when, [
      "06/02/2027 (1/1 âm lịch) – 08/02/2027 · hằng năm theo âm lịch",
      "16/04/2027 (10/3 âm lịch) · hằng năm theo âm lịch",
      "16/04/2027 (10/3 âm lịch), 07:30 – 11:00 (giờ Việt Nam) · hằng năm theo âm lịch",
    ]);

    assert.equal(
      await en.locator(".cw-featured-when").innerText(),
      "1st anniversary · Friday, 16/04/2027 (day 10 of lunar month 3)",
    );
    assert.deepEqual(await digits(en), ["136", "14", "00", "00"]);
    await screenshot(page, `lunar-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the .ics of a lunar date lists its next 11 days, each 10/3 âm lịch, with no rule", async () => {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/lunar.html`);
  const item = page.locator("#vi .cw-timeline-item").filter({ hasText: "Giỗ Tổ Hùng Vương" });
  const link = item.locator(".cw-ics");
  assert.equal(await link.getAttribute("download"), "gio-to.ics");
  const href = await link.getAttribute("href");
  const text = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  assert.equal(events.length, 11);
  for (const event of events) {
    assert.equal(event.isRecurring(), false, "calendar apps cannot repeat by the moon");
    assert.equal(event.startDate.isDate, true);
    assert.equal(event.summary, "Giỗ Tổ Hùng Vương");
    assert.equal(event.endDate.toJSDate() - event.startDate.toJSDate(), 86_400_000, "one whole day");
  }
  const days = events.map((e) => e.startDate.toString());
  assert.deepEqual(days.slice(0, 3), ["2027-04-16", "2028-04-04", "2029-04-23"]);
  assert.deepEqual(days.map((d) => Number(d.slice(0, 4))), [2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037]);
  assert.deepEqual(lunarByReference(days), days.map(() => [10, 3, false]));
  assert.deepEqual(events.map((e) => e.uid), days.map((d) => `gio-to-${d.slice(0, 4)}@campaign-widget`));
  // The file of all dates holds the same 11 days for it, and the others' own.
  const all = await page.locator("#vi .cw-ics-all").getAttribute("href");
  const allEvents = new ICAL.Component(ICAL.parse(decodeURIComponent(all.slice(all.indexOf(",") + 1))))
    .getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  assert.equal(allEvents.length, 33);
  const ceremony = allEvents.find((e) => e.uid === "ceremony-2027@campaign-widget");
  assert.equal(ceremony.startDate.toJSDate().toISOString(), "2027-04-16T00:30:00.000Z");
  assert.equal(ceremony.endDate.toJSDate().toISOString(), "2027-04-16T04:00:00.000Z");
  await context.close();
});

test("on Giỗ Tổ's last second the countdown moves to next year's lunar day by itself", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await freezeClock(page, "2027-04-16T23:59:58+07:00");
  await page.goto(`${servers.hostOrigin}/lunar-live.html`);
  const widget = page.locator("campaign-widget");
  await widget.locator(".cw-countdown").waitFor();
  assert.equal(await widget.locator(".cw-digits-label").innerText(), "Kết thúc sau");
  assert.match(await widget.locator(".cw-featured-when").innerText(), /Kỷ niệm 1 năm · Thứ Sáu, 16\/04\/2027 \(10\/3 âm lịch\)$/);
  assert.deepEqual(await digits(widget), ["0", "00", "00", "02"]);
  await page.clock.runFor(3_000);
  assert.equal(await widget.locator(".cw-digits-label").innerText(), "Còn");
  assert.match(await widget.locator(".cw-featured-when").innerText(), /Kỷ niệm 2 năm · Thứ Ba, 04\/04\/2028 \(10\/3 âm lịch\)$/);
  // 04/04/2028 00:00 is 353 days after 17/04/2027 00:00, when the last tick came
  // (the clock is at 00:00:01.000; that second's tick comes a few ms later).
  assert.deepEqual(await digits(widget), ["353", "00", "00", "00"]);
  assert.deepEqual(problems, []);
  await context.close();
});
