// The countdown against a clock that moves: Playwright's fake clock drives
// Date and timers in the page. The wasm's Date header is stripped, or the widget
// would (rightly) take the fake clock for a wrong device clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { servers, browser } from "./support/harness.mjs";
import { openPage, freezeClock, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";


async function openAt(time, { device = DESKTOP, keepDateHeader = false, offscreen = false, fixture = "countdown.html" } = {}) {
  const opened = await openPage(browser, device, servers);
  const { page } = opened;
  await freezeClock(page, time, { keepDateHeader });
  await page.goto(`${servers.hostOrigin}/${fixture}`);
  if (offscreen) {
    await page.evaluate(() => { document.getElementById("spacer").hidden = false; });
    // Intersection callbacks come with rendering frames, in real time.
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.locator("campaign-widget .cw-countdown").first().waitFor({ state: "attached" });
  return opened;
}

const digits = (page) => page.locator("campaign-widget .cw-value").allInnerTexts();
const ticks = (page) => page.evaluate(() => window.__cwTicks?.() ?? null);

test("the default campaign seen on 25/11/2026 10:00 features the 97th anniversary", async () => {
  const { context, page, problems } = await openAt("2026-11-25T10:00:00+07:00", { device: PHONE });
  assert.deepEqual(await digits(page), ["69", "14", "00", "00"]);
  assert.match(await page.locator("campaign-widget .cw-featured-when").innerText(), /Kỷ niệm 97 năm · Thứ Tư, 03\/02\/2027/);
  await page.clock.runFor(61_000);
  // The last tick was at 10:01:00.004: 69 d 13:58:59.996 left, shown rounded up.
  assert.deepEqual(await digits(page), ["69", "13", "59", "00"]);
  await screenshot(page, "countdown-phone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("crossing 23/05/2021 07:00 flips the election from upcoming to ongoing, with no reload", async () => {
  const { context, page, problems } = await openAt("2021-05-23T06:59:58+07:00");
  const title = page.locator("campaign-widget .cw-featured-title");
  assert.match(await title.innerText(), /^Bầu cử đại biểu Quốc hội khóa XV/);
  assert.equal(await page.locator("campaign-widget .cw-digits-label").innerText(), "Còn");
  assert.deepEqual(await digits(page), ["0", "00", "00", "02"]);
  const live = page.locator("campaign-widget [aria-live=polite]");
  const before = await live.innerText();

  await page.clock.runFor(2_500);
  assert.equal(await page.locator("campaign-widget .cw-badge").innerText(), "Đang diễn ra");
  assert.equal(await page.locator("campaign-widget .cw-digits-label").innerText(), "Kết thúc sau");
  // 12 hours left at 07:00:00.004, shown rounded up, as every remaining time is.
  assert.deepEqual(await digits(page), ["0", "12", "00", "00"]);
  assert.match(await title.innerText(), /^Bầu cử/);
  const after = await live.innerText();
  assert.notEqual(after, before);
  assert.match(after, /đang diễn ra/);
  const state = await page.locator("campaign-widget [data-state=ongoing] .cw-state").innerText();
  assert.equal(state, "Đang diễn ra");

  // At 19:00 the polls close: the next date (31/12/2021) is featured; never a negative number.
  await page.clock.runFor(12 * 3600_000);
  assert.match(await title.innerText(), /^Kết thúc năm thi đua 2021/);
  for (const d of await digits(page)) assert.match(d, /^\d+$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the live region stays quiet between milestones", async () => {
  const { context, page } = await openAt("2026-11-25T10:00:00+07:00");
  const live = page.locator("campaign-widget [aria-live=polite]");
  const first = await live.innerText();
  await page.clock.runFor(5 * 60_000);
  assert.equal(await live.innerText(), first);
  // Last tick at 10:04:59.004: 13:55:00.996 left, rounded up.
  assert.deepEqual(await digits(page), ["69", "13", "55", "01"]);
  await context.close();
});

test("what the live region says is true when it is said: each milestone, a second either side, in both languages", async () => {
  // The election starts on 23/05/2021 07:00 (+07:00); seen from 24 h + 1 s and 1 h + 1 s before.
  const heard = {
    vi: { day: "Còn 1 ngày đến Bầu cử", underDay: "Còn dưới 1 ngày đến Bầu cử", underHour: "Còn dưới 1 giờ đến Bầu cử", started: ": đang diễn ra." },
    en: { day: "1 day until", underDay: "Less than a day until", underHour: "Less than an hour until", started: "happening now." },
  };
  for (const [from, steps] of [
    ["2021-05-22T06:59:59+07:00", [[["1", "00", "00", "01"], "day"], [["1", "00", "00", "00"], "day"], [["0", "23", "59", "59"], "underDay"]]],
    ["2021-05-23T05:59:59+07:00", [[["0", "01", "00", "01"], "underDay"], [["0", "01", "00", "00"], "underDay"], [["0", "00", "59", "59"], "underHour"]]],
    ["2021-05-23T06:59:59+07:00", [[["0", "00", "00", "01"], "underHour"], [["0", "12", "00", "00"], "started"], [["0", "11", "59", "59"], "started"]]],
  ]) {
    const { context, page, problems } = await openAt(from, { fixture: "announcements.html" });
    // Ticks come a few ms after each second: read 100 ms into it.
    await page.clock.runFor(100);
    for (const [i, [shown, said]] of steps.entries()) {
      if (i > 0) await page.clock.runFor(1_000);
      for (const lang of ["vi", "en"]) {
        const widget = page.locator(`#${lang}`);
        assert.deepEqual(await widget.locator(".cw-value").allInnerTexts(), shown, `${lang} at ${from} + ${i} s`);
        const live = await widget.locator("[aria-live=polite]").innerText();
        assert.ok(live.includes(heard[lang][said]), `${lang} at ${from} + ${i} s, timer ${shown.join(":")}: heard "${live}"`);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a page translator that wraps the widget's text in <font> leaves the countdown live: it keeps ticking and flips at the start", async () => {
  const { context, page, problems } = await openAt("2021-05-23T06:59:55+07:00");
  // What Google's and Chrome's page translation do to each text node they
  // translate, skipping what is marked translate="no" (HTML's translate
  // attribute, which they honour). Yew keeps writing to the nodes it made; a
  // node replaced this way is no longer on screen.
  await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.data.trim() && !node.parentElement.closest("[translate=no]")) nodes.push(node);
    }
    for (const node of nodes) {
      const outer = document.createElement("font");
      const inner = document.createElement("font");
      inner.textContent = node.data;
      outer.append(inner);
      node.replaceWith(outer);
    }
  });
  assert.deepEqual(await digits(page), ["0", "00", "00", "05"]);
  // Ticks come a few ms after each second.
  await page.clock.runFor(2_100);
  assert.deepEqual(await digits(page), ["0", "00", "00", "03"], "still ticking");
  await page.clock.runFor(5_000);
  assert.equal(await page.locator("campaign-widget .cw-digits-label").innerText(), "Kết thúc sau");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a hidden page performs no re-renders, and catches up when shown", async () => {
  const { context, page } = await openAt("2026-11-25T10:00:00+07:00");
  await page.clock.runFor(2_000);
  const mutations = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    window.__mutations = 0;
    new MutationObserver((records) => { window.__mutations += records.length; })
      .observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
    return window.__mutations;
  });
  assert.equal(mutations, 0);
  await page.clock.runFor(30_000);
  assert.equal(await page.evaluate(() => window.__mutations), 0, "no DOM change while hidden");
  assert.equal(await page.evaluate(() => window.CampaignWidget && document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".cw-value").length), 4);

  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.waitForFunction(() => window.__mutations > 0);
  assert.deepEqual(await digits(page), ["69", "13", "59", "28"]);
  await context.close();
});

test("off screen, the widget does not tick; the pause control stops it too", async () => {
  const { context, page } = await openAt("2026-11-25T10:00:00+07:00", { offscreen: true });
  await page.clock.runFor(1_000);
  const seconds = () => page.locator("campaign-widget .cw-value").nth(3).innerText();
  const frozen = await seconds();
  await page.clock.runFor(5_000);
  assert.equal(await seconds(), frozen, "no tick while off screen");

  await page.evaluate(() => document.querySelector("campaign-widget").scrollIntoView());
  // The intersection callback comes with a rendering frame, in real time: wait
  // for it (the widget then catches up with the clock at once), polling from here.
  for (let i = 0; i < 100 && (await seconds()) === frozen; i++) await new Promise((r) => setTimeout(r, 50));
  const caughtUp = await seconds();
  assert.notEqual(caughtUp, frozen, "catches up once scrolled into view");
  await page.clock.runFor(1_100);
  assert.notEqual(await seconds(), caughtUp, "ticks again once scrolled into view");

  const pause = page.locator("campaign-widget .cw-pause");
  await pause.click();
  assert.equal(await pause.getAttribute("aria-pressed"), "true");
  assert.equal(await pause.innerText(), "Tiếp tục đếm ngược");
  const paused = await seconds();
  await page.clock.runFor(5_000);
  assert.equal(await seconds(), paused, "no tick while paused");
  await pause.press("Enter");
  await page.clock.runFor(1_100);
  assert.notEqual(await seconds(), paused);
  await context.close();
});

test("the .ics of all dates parses, with whole days as dates and the yearly rule", async () => {
  const { context, page } = await openAt("2026-11-25T10:00:00+07:00");
  const link = page.locator("campaign-widget .cw-ics-all");
  assert.equal(await link.getAttribute("download"), "campaign.ics");
  const href = await link.getAttribute("href");
  assert.match(href, /^data:text\/calendar;charset=utf-8,/);
  const text = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  assert.equal(events.length, 5);
  const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
  const founding = byUid["party-founding@campaign-widget"];
  assert.equal(founding.startDate.isDate, true);
  assert.equal(founding.startDate.toString(), "1930-02-03");
  assert.equal(founding.component.getFirstPropertyValue("rrule").freq, "YEARLY");
  const next = founding.iterator();
  let occurrence;
  while ((occurrence = next.next()) && occurrence.year < 2027);
  assert.equal(occurrence.toString(), "2027-02-03");
  const congress = byUid["congress-13@campaign-widget"];
  assert.equal(congress.endDate.toString(), "2021-02-02", "DTEND is exclusive");
  const election = byUid["election-2021@campaign-widget"];
  assert.equal(election.startDate.toJSDate().toISOString(), "2021-05-23T00:00:00.000Z");
  assert.equal(election.endDate.toJSDate().toISOString(), "2021-05-23T12:00:00.000Z");
  assert.match(election.summary, /^Bầu cử đại biểu Quốc hội khóa XV/);
  await context.close();
});

test("a device clock off by an hour is corrected from the server's Date header, discreetly", async () => {
  const real = Date.now();
  const { context, page } = await openAt(real - 3600_000, { keepDateHeader: true });
  const note = page.locator("campaign-widget .cw-clock-note");
  await note.waitFor();
  assert.match(await note.innerText(), /lệch khoảng 60 phút; đếm ngược theo giờ máy chủ/);
  await context.close();
});

// The block theme's phone column (Twenty Twenty-Three at 360 px: 312 px for the
// widget) and narrower: a day count of three or four digits stays on one line
// inside its box, and the other units keep theirs.
for (const width of [280, 312, 360]) {
  test(`three- and four-digit day counts stay on one line in a ${width} px widget`, async () => {
    const device = { ...PHONE, viewport: { width: width + 16, height: 900 } };
    const { context, page, problems } = await openAt("2026-12-03T10:00:00+07:00", { device, fixture: "countdown-narrow.html" });
    await page.locator("#years .cw-value").first().waitFor();
    const seen = await page.evaluate(() => ["months", "years"].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return [...root.querySelectorAll(".cw-unit")].map((unit) => {
        const value = unit.querySelector(".cw-value");
        const range = document.createRange();
        range.selectNodeContents(value);
        const text = range.getBoundingClientRect();
        const box = unit.getBoundingClientRect();
        return {
          text: value.textContent,
          lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          inside: text.left >= box.left && text.right <= box.right,
        };
      });
    }));
    assert.deepEqual(seen.map((units) => units.map((u) => u.text)), [["140", "14", "00", "00"], ["1124", "14", "00", "00"]]);
    for (const unit of seen.flat()) {
      assert.equal(unit.lines, 1, `${unit.text} on one line at ${width} px`);
      assert.ok(unit.inside, `${unit.text} inside its box at ${width} px`);
    }
    await screenshot(page, `countdown-narrow-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
