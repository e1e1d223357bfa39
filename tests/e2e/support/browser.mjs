// Headless Chromium from Debian, driven by playwright-core (no browser download).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./servers.mjs";

export const screenshots = join(root, "tests", "output");

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // No name off loopback resolves, so a preconnect (which requests
      // interception never sees) cannot reach the internet either.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/** A page that records console errors, page errors and failed requests, and
 *  never reaches the internet: OpenStreetMap tile requests (the default campaign's
 *  tiles) are answered by the local tile server, anything else off loopback is
 *  refused and reported. */
export async function openPage(browser, device, servers) {
  const context = await browser.newContext({ ...device, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const external = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
    const url = route.request().url();
    const tile = url.match(/^https:\/\/tile\.openstreetmap\.org\/(\d+\/\d+\/\d+\.png)$/);
    if (tile && servers) {
      try {
        await route.fulfill({ response: await route.fetch({ url: `${servers.tileOrigin}/tiles/${tile[1]}` }) });
      } catch (error) {
        // A tile still on its way when the test closes the page (the map asks
        // for tiles as long as it lives) is no failure.
        if (!/disposed|closed/i.test(String(error?.message))) throw error;
      }
    } else {
      external.push(url);
      await route.abort("blockedbyclient");
    }
  });
  // Whatever reaches the host page uncaught, and every CSP violation, is reported
  // to the console, where it counts as a problem.
  await context.addInitScript(() => {
    addEventListener("unhandledrejection", (e) => console.error(`unhandledrejection: ${e.reason}`));
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`csp violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  return { context, page, problems, requests, external };
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Freezes the page's clock at `time` (anything `new Date` takes): Playwright's
 *  fake clock installed a second early and paused there, so the page's time moves
 *  only when a test runs it. The Date header of the wasm and of the built-in
 *  campaign's file is dropped unless
 *  `keepDateHeader`: the fake clock is not the server's, and the widget would
 *  (rightly) correct it. Call before the page loads. */
export async function freezeClock(page, time, { keepDateHeader = false } = {}) {
  if (!keepDateHeader) {
    // The wasm's, and the built-in campaign's (fetched from dist/ beside it).
    await page.route(/_bg\.wasm$|\/default-campaign-[0-9a-f]{16}\.json$/, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers.date;
      await route.fulfill({ response, headers });
    });
  }
  const at = new Date(time).getTime();
  await page.clock.install({ time: new Date(at - 1000) });
  await page.clock.pauseAt(new Date(at));
}
