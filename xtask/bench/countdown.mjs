// cargo xtask bench (countdown): the cost of ticking, measured in headless
// Chromium with the CPU throttled 4x. Figures, not assertions: the machines are
// shared and noisy, so nothing here fails a build.
//   - script time per tick (CDP Performance.getMetrics, ScriptDuration delta / ticks)
//   - ticks while the page is hidden (budget: 0)
//   - JS heap and wasm memory after 10 simulated minutes of ticking (budget: flat)
import { startServers } from "../../tests/e2e/support/servers.mjs";
import { launch, openPage, DESKTOP } from "../../tests/e2e/support/browser.mjs";

const THROTTLE = 4;
const REAL_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const servers = await startServers();
const browser = await launch();
const results = {};

async function metrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function countSecondsChanges(page) {
  await page.evaluate(() => {
    window.__changes = 0;
    const seconds = document.querySelector("campaign-widget").shadowRoot.querySelectorAll(".cw-value")[3];
    new MutationObserver((r) => { window.__changes += r.length; })
      .observe(seconds, { subtree: true, childList: true, characterData: true });
  });
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const wasm = await cdp.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  const nodes = await page.evaluate(() => {
    const root = document.querySelector("campaign-widget").shadowRoot;
    return document.getElementsByTagName("*").length + root.querySelectorAll("*").length;
  });
  return { jsHeapUsed: heap.usedSize, wasmMemory: wasm.result.value, domNodes: nodes };
}

// 1. Real time, throttled: script time per tick.
{
  const { context, page } = await openPage(browser, DESKTOP, servers);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${servers.hostOrigin}/countdown.html`);
  await page.locator("campaign-widget .cw-value").first().waitFor();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await countSecondsChanges(page);
  await page.waitForTimeout(1500);
  const before = await metrics(cdp);
  const changesBefore = await page.evaluate(() => window.__changes);
  await page.waitForTimeout(REAL_SECONDS * 1000);
  const after = await metrics(cdp);
  const ticks = (await page.evaluate(() => window.__changes)) - changesBefore;
  const perTick = (name) => ((after[name] - before[name]) * 1000) / Math.max(ticks, 1);
  results.tick = {
    cpuThrottle: THROTTLE,
    seconds: REAL_SECONDS,
    ticks,
    scriptMsPerTick: perTick("ScriptDuration"),
    styleMsPerTick: perTick("RecalcStyleDuration"),
    layoutMsPerTick: perTick("LayoutDuration"),
    taskMsPerTick: perTick("TaskDuration"),
  };

  // 2. Hidden page: no ticks at all.
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const hiddenBefore = await page.evaluate(() => window.__changes);
  const hiddenMetrics = await metrics(cdp);
  await page.waitForTimeout(10_000);
  const hiddenAfter = await metrics(cdp);
  results.hidden = {
    seconds: 10,
    ticks: (await page.evaluate(() => window.__changes)) - hiddenBefore,
    scriptMs: (hiddenAfter.ScriptDuration - hiddenMetrics.ScriptDuration) * 1000,
  };
  await context.close();
}

// 3. Ten simulated minutes on a fake clock: memory stays flat.
{
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await page.route("**/*_bg.wasm", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers.date;
    await route.fulfill({ response, headers });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.clock.install({ time: new Date("2026-11-25T10:00:00+07:00") });
  await page.goto(`${servers.hostOrigin}/countdown.html`);
  await page.locator("campaign-widget .cw-value").first().waitFor();
  await page.clock.runFor(5_000);
  const start = await memory(page, cdp);
  for (let minute = 0; minute < 10; minute++) await page.clock.runFor(60_000);
  const end = await memory(page, cdp);
  const digits = await page.locator("campaign-widget .cw-value").allInnerTexts();
  results.tenMinutes = { start, end, digitsAfter: digits.join(" ") };
  await context.close();
}

await browser.close();
await servers.stop();

const r = results;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`
countdown benchmark (Chromium, CPU throttled ${THROTTLE}x)
  script per tick:     ${r.tick.scriptMsPerTick.toFixed(3)} ms   (budget ≤ 3 ms; ${r.tick.ticks} ticks in ${r.tick.seconds} s)
  style+layout per tick: ${(r.tick.styleMsPerTick + r.tick.layoutMsPerTick).toFixed(3)} ms; whole tasks per tick: ${r.tick.taskMsPerTick.toFixed(3)} ms
  ticks while hidden:  ${r.hidden.ticks} in ${r.hidden.seconds} s   (budget 0; script ${r.hidden.scriptMs.toFixed(2)} ms)
  after 10 simulated minutes (fake clock, digits now ${r.tenMinutes.digitsAfter}):
    JS heap used:      ${kb(r.tenMinutes.start.jsHeapUsed)} -> ${kb(r.tenMinutes.end.jsHeapUsed)}
    wasm memory:       ${kb(r.tenMinutes.start.wasmMemory)} -> ${kb(r.tenMinutes.end.wasmMemory)}
    DOM nodes:         ${r.tenMinutes.start.domNodes} -> ${r.tenMinutes.end.domNodes}
`);
console.log(JSON.stringify(results));
