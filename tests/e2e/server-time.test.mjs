// Server time from whatever the widget can read: a phone whose clock is 3 days
// fast, dist/ cross-origin on a server that does not expose its Date header (as
// most CDNs), and the config from the page's own origin, whose Date is readable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, DESKTOP } from "./support/browser.mjs";

const DAY = 86_400_000;

/** Opens server-time.html on a device clock `fast` ms ahead, with the wasm's
 *  Date unreadable, and the config (a key date 100 days from now) served by the
 *  host origin to server-time.html (`page` may be another host page). */
async function open({ fast, page: page_ = "server-time.html" }) {
  const opened = await openPage(browser, DESKTOP, servers);
  const { page } = opened;
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  // A CDN that sends Date without Access-Control-Expose-Headers, for every
  // file of dist/ (the wasm and the built-in campaign's JSON).
  await page.route(/_bg\.wasm$|\/default-campaign-[0-9a-f]{16}\.json$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["access-control-expose-headers"];
    await route.fulfill({ response, headers });
  });
  // Mid-day, so that seconds of delay or of header rounding cannot change the day count.
  const target = new Date(Math.ceil((Date.now() + 100.5 * DAY) / 1000) * 1000);
  const config = {
    schema: 1, title: "Server time", organization: "Test", summary: "A key date 100 days from now.",
    keyDates: [{ id: "target", title: "Target", start: target.toISOString() }],
  };
  // The host origin's own response (nginx's Date header), with this body.
  await page.route("**/campaign-en.json", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), "content-type": "application/json" };
    delete headers["content-length"];
    await route.fulfill({ response, headers, body: JSON.stringify(config) });
  });
  await page.clock.install({ time: new Date(Date.now() + fast) });
  await page.goto(`${servers.hostOrigin}/${page_}`);
  await page.locator("campaign-widget .cw-value").first().waitFor({ timeout: 20000 });
  return { ...opened, warnings, target: target.getTime() };
}

test("a phone 3 days fast counts down on the server's time, read from the config's response", async () => {
  const { context, page, problems, warnings } = await open({ fast: 3 * DAY });
  // 100½ days by the server's clock; the phone's own clock would say 97½.
  const [days] = await page.locator("campaign-widget .cw-value").allInnerTexts();
  assert.equal(days, "100");
  assert.match(await page.locator("campaign-widget .cw-clock-note").innerText(), /lệch/);
  assert.deepEqual(warnings.filter((w) => /Date header/.test(w)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when no response's Date is readable, the console says so once and the device clock is used", async () => {
  // countdown.html has no config URL: the default campaign, from dist/ as the wasm, both Dates unexposed.
  const { context, page, problems, warnings } = await open({ fast: 3 * DAY, page: "countdown.html" });
  await page.evaluate(() => {
    // Another widget: the note is not repeated.
    document.body.append(document.createElement("campaign-widget"));
  });
  await page.waitForFunction(() => document.querySelectorAll("campaign-widget")[1].shadowRoot?.querySelector("h2"));
  assert.equal(await page.locator("campaign-widget .cw-clock-note").count(), 0, "no correction claimed");
  const notes = warnings.filter((w) => /Access-Control-Expose-Headers: Date/.test(w));
  assert.equal(notes.length, 1, warnings.join("\n"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a device clock set right while the page is open changes nothing: the countdown keeps the server's time and the note goes", async () => {
  const { context, page, problems } = await open({ fast: 3 * DAY });
  assert.equal((await page.locator("campaign-widget .cw-value").allInnerTexts())[0], "100");
  // The phone's clock is set right (NTP, the user): Date jumps back 3 days,
  // while the monotonic clock (performance.now) goes on as it was.
  await page.clock.setSystemTime(new Date(Date.now()));
  await page.clock.runFor(3000);
  assert.equal((await page.locator("campaign-widget .cw-value").allInnerTexts())[0], "100");
  assert.equal(await page.locator("campaign-widget .cw-clock-note").count(), 0, "no correction claimed any more");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a phone 3 days fast that sleeps an hour keeps the server's time after waking: it reads the server's Date again", async () => {
  const { context, page, problems } = await open({ fast: 3 * DAY });
  assert.equal((await page.locator("campaign-widget .cw-value").allInnerTexts())[0], "100");
  const asked = [];
  page.on("request", (r) => { if (/\/embed\.js$/.test(r.url())) asked.push(r.url()); });
  const answered = page.waitForResponse((r) => /\/embed\.js$/.test(r.url()), { timeout: 5000 });
  // Asleep: the device clock (still 3 days fast) moves on an hour while the
  // monotonic clock (performance.now) stood still, and the server's time
  // moved (here) by seconds.
  await page.clock.setSystemTime(new Date(Date.now() + 3 * DAY + 3_600_000));
  await page.clock.runFor(1000);
  // The server's answer arrives in real time, then the next tick shows it.
  await answered;
  await page.waitForTimeout(200);
  await page.clock.runFor(2000);
  assert.equal(asked.length, 1, "one request for the server's time");
  assert.equal((await page.locator("campaign-widget .cw-value").allInnerTexts())[0], "100", "still the server's 100 days, not the device's 97");
  assert.match(await page.locator("campaign-widget .cw-clock-note").innerText(), /lệch/);
  assert.deepEqual(problems, []);
  await context.close();
});
