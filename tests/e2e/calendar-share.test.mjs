// A visitor puts a key date in their calendar and passes the campaign on
// (tests/fixtures/calendar-share.html, seen on 03/12/2026 10:00 Vietnam time):
// the Google Calendar link of each kind of date against what the screen shows,
// the .ics beside it (or, in an app's embedded browser, the line that says how
// to get it), the share sheet and its clipboard fallback, and nothing sent off
// the page before a click.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { join } from "node:path";
import { openPage, freezeClock, screenshot, screenshots, PHONE, DESKTOP } from "./support/browser.mjs";

const ZALO_UA = "Mozilla/5.0 (Linux; Android 12; SM-A125F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12100752 ZaloTheme/light ZaloLanguage/vn";
const FACEBOOK_IOS_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBLC/vi_VN;FBOP/5]";
// Tracking a shared link must not carry, and a fragment.
const QUERY = "?id=7&utm_source=zalo&zarsrc=30&fbclid=IwAR0#cac-moc";

async function open(device = DESKTOP, { userAgent, init } = {}) {
  const opened = await openPage(browser, userAgent ? { ...device, userAgent } : device, servers);
  if (init) await opened.page.addInitScript(init);
  await opened.page.goto(`${servers.hostOrigin}/calendar-share.html${QUERY}`);
  await opened.page.locator("#vi .cw-timeline-item").first().waitFor();
  return opened;
}

const pageUrl = () => `${servers.hostOrigin}/calendar-share.html?id=7`;

/** Each timeline item's title, shown date, and its Google link's parameters (or null). */
const items = (page, widget = "#vi") => page.evaluate((widget) =>
  [...document.querySelector(widget).shadowRoot.querySelectorAll(".cw-timeline-item")].map((item) => {
    const link = item.querySelector("a.cw-gcal");
    const url = link && new URL(link.href);
    return {
      title: item.querySelector(".cw-timeline-title").textContent,
      when: item.querySelector(".cw-timeline-when").textContent,
      google: url && { origin: url.origin + url.pathname, ...Object.fromEntries(url.searchParams), target: link.target, rel: link.rel },
      ics: item.querySelector("a.cw-ics")?.getAttribute("download") ?? null,
    };
  }), widget);

// What the screen shows for each date on 03/12/2026, and the `dates` Google
// must receive: UTC instants (an hour when there is no end), whole days in
// Vietnam with the end exclusive, a recurring date's occurrence as shown.
const EXPECTED = {
  "Bầu cử": ["23/05/2027", "20270523T000000Z/20270523T120000Z"],
  "Họp báo": ["10/01/2027", "20270110T023000Z/20270110T033000Z"],
  "Đại hội": ["25/01/2027 – 01/02/2027", "20270125/20270202"],
  "Kỷ niệm ngày thành lập Đảng": ["03/02/2027", "20270203/20270204"],
  "Ngày 29/02": ["28/02/2027", "20270228/20270301"],
  "Giỗ Tổ Hùng Vương": ["16/04/2027", "20270416/20270417"],
  "Đợt cao điểm": ["01/12/2026 – 10/12/2026", "20261201/20261211"],
};

test("each date's Google Calendar link carries exactly the date the screen shows, the end of whole days exclusive", async () => {
  const { context, page, problems, external } = await open();
  const list = await items(page);
  assert.equal(list.length, 8);
  for (const item of list) {
    if (item.title === "Ban hành kế hoạch") {
      assert.equal(item.google, null, "a held date has nothing to add");
      assert.equal(item.ics, null);
      continue;
    }
    const [shown, dates] = EXPECTED[item.title] ?? assert.fail(`unexpected ${item.title}`);
    assert.ok(item.when.includes(shown), `${item.title}: screen says ${item.when}`);
    assert.deepEqual(item.google, {
      origin: "https://calendar.google.com/calendar/render",
      action: "TEMPLATE",
      dates,
      text: item.title,
      details: `Phong trào thi đua năm 2027\n${pageUrl()}`,
      location: "Số 2 Nguyễn Văn Trị, Biên Hòa, Đồng Nai",
      target: "_blank",
      rel: "noopener noreferrer",
    }, item.title);
    assert.match(item.ics, /\.ics$/);
  }
  // The lunar date is shown with its lunar day, and Google gets that day.
  assert.match(list.find((i) => i.title === "Giỗ Tổ Hùng Vương").when, /10\/3 âm lịch/);
  // English: the title in the widget's language.
  const [election] = await items(page, "#en");
  assert.equal(election.google.text, "Election");
  assert.equal(election.google.details, `Emulation movement\n${pageUrl()}`);
  assert.equal(election.google.location, undefined, "no place, no location");
  assert.deepEqual(external, [], "nothing requested off the page");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, a date goes to the calendar in two taps: Thêm vào lịch, then Google or the .ics", async () => {
  const { context, page, problems } = await open(PHONE);
  const item = page.locator("#vi .cw-timeline-item").filter({ hasText: "Bầu cử" });
  // A <summary>: a disclosure button, named with the date for screen readers.
  const toggle = item.locator("summary");
  assert.equal(await toggle.textContent(), "Thêm vào lịch: Bầu cử");
  const google = item.getByRole("link", { name: /^Google Lịch/ });
  assert.equal(await google.isVisible(), false, "the choices are closed at first");
  await toggle.tap();
  assert.equal(await item.locator("details").evaluate((d) => d.open), true);
  assert.equal(await google.isVisible(), true);
  const ics = item.getByRole("link", { name: /^Tệp \.ics/ });
  assert.equal(await ics.isVisible(), true);
  for (const target of [toggle, google, ics]) {
    const box = await target.boundingBox();
    assert.ok(box.height >= 44, `44 px targets: ${JSON.stringify(box)}`);
  }
  // Every date at once: the file; Google takes one date at a time, and says so.
  const all = page.locator("#vi .cw-calendar-all");
  const allToggle = all.locator("summary");
  assert.equal(await allToggle.textContent(), "Thêm tất cả các mốc vào lịch");
  await allToggle.tap();
  assert.equal(await all.locator("a.cw-gcal").count(), 0);
  assert.match(await all.locator(".cw-gcal-each").innerText(), /từng mốc/);
  assert.equal(await all.locator("a.cw-ics-all").isVisible(), true);
  // The dates with both choices open, as the visitor sees them.
  await page.locator("#vi .cw-timeline-block").screenshot({ path: join(screenshots, "calendar-choices-phone.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the choices open and close from the keyboard", async () => {
  const { context, page } = await open();
  const item = page.locator("#vi .cw-timeline-item").filter({ hasText: "Họp báo" });
  const toggle = item.locator("summary");
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await item.locator("details").evaluate((d) => d.open), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.className), "cw-gcal");
  await toggle.focus();
  await page.keyboard.press("Space");
  assert.equal(await item.locator("details").evaluate((d) => d.open), false);
  await context.close();
});

for (const [name, userAgent] of [["Zalo on Android", ZALO_UA], ["Facebook on iPhone", FACEBOOK_IOS_UA]]) {
  test(`in ${name}'s in-app browser the Google link stays and one line says how to get the file`, async () => {
    const { context, page, problems } = await open(PHONE, { userAgent });
    const item = page.locator("#vi .cw-timeline-item").filter({ hasText: "Bầu cử" });
    await item.locator("summary").tap();
    assert.equal(await item.getByRole("link", { name: /^Google Lịch/ }).isVisible(), true);
    assert.equal(await page.locator("#vi a.cw-ics").count(), 0, "no file link that cannot download");
    assert.match(await item.locator(".cw-ics-in-app").innerText(), /mở trang này bằng trình duyệt/);
    if (userAgent === ZALO_UA) await item.screenshot({ path: join(screenshots, "calendar-in-app-phone.png") });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("Chia sẻ opens the share sheet with the campaign's title, its first sentence and the page's URL", async () => {
  const { context, page, problems, external } = await open(PHONE, {
    init: () => {
      window.__shared = [];
      Object.defineProperty(Navigator.prototype, "share", {
        configurable: true,
        value(data) { window.__shared.push(data); return Promise.resolve(); },
      });
    },
  });
  const button = page.locator("#vi").getByRole("button", { name: "Chia sẻ", exact: true });
  assert.equal(await page.locator("#en").getByRole("button", { name: "Share", exact: true }).count(), 1);
  assert.equal(await page.locator("#no-share .cw-share-button").count(), 0, "share: false has no button");
  assert.ok((await button.boundingBox()).height >= 44);
  assert.deepEqual(external, [], "nothing sent before the visitor acts");
  await button.tap();
  await page.waitForFunction(() => window.__shared.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__shared), [{
    title: "Phong trào thi đua năm 2027",
    text: "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2027.",
    url: pageUrl(),
  }]);
  assert.equal(await page.locator("#vi .cw-share-status").innerText(), "", "a share says nothing");
  await screenshot(page, "share-phone");
  assert.deepEqual(external, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("without a share sheet the link is copied, and the status is announced", async () => {
  const { context, page, problems } = await open(DESKTOP, {
    init: () => { delete Navigator.prototype.share; },
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: servers.hostOrigin });
  const status = page.locator("#vi").getByRole("status");
  await page.locator("#vi").getByRole("button", { name: "Chia sẻ", exact: true }).click();
  await status.filter({ hasText: "Đã sao chép liên kết" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), pageUrl());
  await page.locator("#en").getByRole("button", { name: "Share", exact: true }).click();
  await page.locator("#en").getByRole("status").filter({ hasText: "Link copied" }).waitFor();
  await screenshot(page, "share-copied-desktop");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a share refused by the browser and no clipboard leave the link shown to copy by hand", async () => {
  const { context, page, problems } = await open(PHONE, {
    init: () => {
      Object.defineProperty(Navigator.prototype, "share", {
        configurable: true,
        value() { return Promise.reject(new DOMException("not allowed", "NotAllowedError")); },
      });
      Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined });
    },
  });
  await page.locator("#vi").getByRole("button", { name: "Chia sẻ", exact: true }).tap();
  await page.locator("#vi").getByRole("status").filter({ hasText: "Hãy sao chép liên kết này:" }).waitFor();
  assert.equal(await page.locator("#vi .cw-share-link").innerText(), pageUrl());
  assert.deepEqual(problems, []);
  await context.close();
});

test("open choices stay open while the clock moves the timeline on, their links kept current", async () => {
  const { context, page, problems } = await openPage(browser, PHONE, servers);
  await freezeClock(page, "2026-11-25T10:00:30+07:00");
  await page.goto(`${servers.hostOrigin}/countdown.html`);
  const item = page.locator("campaign-widget .cw-timeline-item").filter({ hasText: "03/02/2027" });
  await item.locator("summary").tap();
  const before = await item.locator("a.cw-ics").getAttribute("href");
  // Past the minute: the timeline renders again (its "còn … ngày" and its files' stamps).
  await page.clock.runFor(61_000);
  await page.waitForFunction(() => true);
  assert.equal(await item.locator("details").evaluate((d) => d.open), true, "still open");
  assert.equal(await item.getByRole("link", { name: /^Google Lịch/ }).isVisible(), true);
  assert.notEqual(await item.locator("a.cw-ics").getAttribute("href"), before, "the file stamped anew");
  assert.deepEqual(problems, []);
  await context.close();
});
