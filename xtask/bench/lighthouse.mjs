// cargo xtask bench (lighthouse): Lighthouse 12.8.2 performance and accessibility
// scores and CLS for the demo page with and without the widget (Debian Chromium,
// Lighthouse's own mobile throttling). Figures, never pass/fail.
import { writeFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServers, dist } from "../../tests/e2e/support/servers.mjs";

const servers = await startServers();
// The demo page without the widget: its placeholder and loader removed.
const demo = readFileSync(join(dist, "index.html"), "utf8");
const without = demo
  .replace(/<campaign-widget[\s\S]*?<\/campaign-widget>/, "")
  .replace(/<script src="embed.js" async><\/script>/, "");
const css = readdirSync(dist).find((f) => /^demo-.*\.css$/.test(f));
writeFileSync(join(dist, "index-without-widget.html"), without.replace(`href="/${css}"`, `href="${css}"`));

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  for (const [name, page] of [["with the widget", "index.html"], ["without the widget", "index-without-widget.html"]]) {
    const { lhr } = await lighthouse(`${servers.distOrigin}/${page}`, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"],
    });
    results[name] = {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      lcp: lhr.audits["largest-contentful-paint"].numericValue,
      tbt: lhr.audits["total-blocking-time"].numericValue,
      failedA11y: Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id),
    };
  }
} finally {
  await chrome.kill();
  await servers.stop();
  const { rmSync } = await import("node:fs");
  rmSync(join(dist, "index-without-widget.html"), { force: true });
}
console.log("\nLighthouse 12.8.2 (mobile, simulated throttling) on the demo page");
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name}: performance ${r.performance}, accessibility ${r.accessibility}, CLS ${r.cls.toFixed(3)}, LCP ${r.lcp.toFixed(0)} ms, TBT ${r.tbt.toFixed(0)} ms${r.failedA11y.length ? `; failing a11y audits: ${r.failedA11y.join(", ")}` : ""}`);
}
