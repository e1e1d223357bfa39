// The .ics against the screen: a calendar app must show a yearly date on exactly
// the days the widget does. ical.js, an independent RFC 5545 implementation,
// expands the file; the widgets of tests/fixtures/leap-day.html, one per year
// from 2025 to 2033 (each seen on 1 January), say what the screen shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { servers, browser } from "./support/harness.mjs";
import { openPage, DESKTOP } from "./support/browser.mjs";

const FIRST_YEAR = 2025;
const LAST_YEAR = 2033;
const VIETNAM_MS = 7 * 3_600_000;

const pad = (n) => String(n).padStart(2, "0");
/** dd/mm/yyyy of an ICAL.Time that is a DATE. */
const dayOf = (time) => `${pad(time.day)}/${pad(time.month)}/${time.year}`;
/** The tokens the widget writes for an instant in Vietnam: "hh:mm" and "dd/mm/yyyy". */
function instantTokens(time) {
  const local = new Date(time.toJSDate().getTime() + VIETNAM_MS);
  return [
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`,
  ];
}

/** What an occurrence (start, exclusive end) reads as on screen, as a sorted set of tokens. */
function tokens(start, end) {
  let out;
  if (start.isDate) {
    const last = end.clone();
    last.adjust(-1, 0, 0, 0);
    out = [dayOf(start), dayOf(last)];
  } else {
    out = [...instantTokens(start), ...instantTokens(end)];
  }
  return [...new Set(out)].sort();
}

/** Every occurrence the file gives each title, expanded by ical.js up to 2036. */
function expand(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const byTitle = new Map();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const list = byTitle.get(event.summary) ?? [];
    byTitle.set(event.summary, list);
    if (!event.isRecurring()) {
      list.push({ start: event.startDate, end: event.endDate });
      continue;
    }
    const next = event.iterator();
    for (let time = next.next(); time && time.year <= LAST_YEAR + 3; time = next.next()) {
      const details = event.getOccurrenceDetails(time);
      list.push({ start: details.startDate, end: details.endDate });
    }
  }
  return byTitle;
}

test("a yearly date at the end of February is in the .ics on exactly the days the screen shows, year by year", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/leap-day.html`);
  await page.locator(`#y${LAST_YEAR} .cw-timeline-item`).first().waitFor();

  // The screen, year by year: each date's current or next occurrence.
  const screen = await page.evaluate(() =>
    [...document.querySelectorAll("campaign-widget")].map((widget) => {
      const items = [...widget.shadowRoot.querySelectorAll(".cw-timeline-item")];
      return Object.fromEntries(items.map((item) => [
        item.querySelector(".cw-timeline-title").textContent,
        item.querySelector(".cw-timeline-when").textContent,
      ]));
    }));
  assert.equal(screen.length, LAST_YEAR - FIRST_YEAR + 1);
  const shown = (when) => [...new Set(when.match(/\d\d:\d\d|\d\d\/\d\d\/\d{4}/g))].sort();

  const href = await page.locator(`#y${FIRST_YEAR} .cw-ics-all`).getAttribute("href");
  const file = expand(decodeURIComponent(href.slice(href.indexOf(",") + 1)));
  assert.equal(file.size, 8, "one title per key date");
  for (const [title, occurrences] of file) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const newYear = Date.UTC(year, 0, 1) - VIETNAM_MS;
      // The occurrence a calendar app shows as current or next on 1 January.
      const current = occurrences.find(({ end }) => end.toJSDate().getTime() > newYear);
      assert.ok(current, `${title}: the file has nothing from ${year} on`);
      const when = screen[year - FIRST_YEAR][title];
      assert.deepEqual(tokens(current.start, current.end), shown(when), `${title} in ${year}: screen says "${when}"`);
    }
    // One occurrence a year, and no other day in between.
    const starts = occurrences.map(({ start }) => start.year).filter((y) => y >= FIRST_YEAR && y <= LAST_YEAR);
    assert.deepEqual(starts, Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i), title);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
