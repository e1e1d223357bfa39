// Through the real CMS: the snippet `cargo xtask snippet` makes for NukeViet and
// WordPress goes through what each CMS does to what a webmaster pastes (CKEditor
// 4 with NukeViet's settings, in Chromium; WordPress's own wp_kses_post,
// wptexturize and wpautop from Debian's package, run by php-cli), into a host
// page with the site line in its footer. The widget must show the configured
// campaign (never the built-in one), and without the widget the placeholder
// must still tell the campaign, with no raw JSON anywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";
import { root } from "./support/servers.mjs";

const CONFIG = join(root, "tests", "cms", "campaign.json");
const campaign = JSON.parse(readFileSync(CONFIG, "utf8"));
// The file's text is decomposed (NFD), as macOS and Word paste it.
const TITLE = campaign.title.vi.normalize("NFC");
assert.notEqual(campaign.title.vi, TITLE, "the test config's title is NFD");
const DEFAULT_TITLE = /^Phong trào thi đua thực hiện thắng lợi/;
// A quoted config key followed by ":" (straight or typographic quotes): raw JSON.
const RAW_JSON = /["\u201c\u201d](schema|title|keyDates|organization|summary)["\u201c\u201d]\s*:/;

/** `cargo xtask snippet` for `target`, with this run's dist/ origin. */
function generate(target) {
  const out = mkdtempSync(join(tmpdir(), "cw-snippet-"));
  execFileSync("cargo", ["xtask", "snippet", "--config", CONFIG, "--target", target,
    "--dist-url", `${servers.distOrigin}/`, "--out", out], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const read = (name) => readFileSync(join(out, name), "utf8");
  return { placeholder: read("placeholder.html"), site: read("site.html") };
}

/** What NukeViet's article editor posts for `html` pasted in source mode. */
async function throughNukeVietEditor(html) {
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/ckeditor-nukeviet.html`);
  const data = await page.evaluate((html) => window.throughEditor(html), html);
  await context.close();
  return data;
}

/** What a WordPress visitor gets for `html` saved by a user without unfiltered_html. */
function throughWordPress(html) {
  return execFileSync("php", [join(root, "tests", "cms", "wordpress-filter.php")], { input: html, encoding: "utf8" });
}

const FILTERS = {
  nukeviet: throughNukeVietEditor,
  wordpress: async (html) => throughWordPress(html),
};

/** A portal article page with `body` in the article and `site` in the footer. */
function hostPage(name, body, site) {
  servers.writePage(name, `<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>Bài viết: ${name}</title>
</head>
<body>
  <main><article><h1>Ngày hội đọc sách năm nay</h1>
${body}
  <p>Đoạn văn sau tiện ích.</p></article></main>
  <footer><p>Cổng thông tin điện tử</p>
${site}</footer>
</body>
</html>
`);
  return `${servers.hostOrigin}/${name}`;
}

const widgetTitle = (page, selector = "[data-campaign-widget]") =>
  page.evaluate((selector) => document.querySelector(selector)?.shadowRoot?.querySelector("h2")?.textContent ?? null, selector);

for (const target of ["nukeviet", "wordpress"]) {

  for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    test(`${target}: the snippet through the CMS shows the configured campaign (${name})`, async () => {
      const snippet = generate(target);
      const body = await FILTERS[target](snippet.placeholder);
      const div = body.match(/<div [^>]*>/)?.[0] ?? "";
      assert.match(div, /\bdata-campaign-widget\b/, "the placeholder survives");
      assert.match(div, /\bdata-campaign="[A-Za-z0-9_-]+"/, "with its config");
      const url = hostPage(`cms-${target}-${name}.html`, body, snippet.site);
      const { context, page, problems } = await openPage(browser, device, servers);
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector("[data-campaign-widget]")?.shadowRoot?.querySelector("h2"));
      const title = await widgetTitle(page);
      assert.equal(title, TITLE, "exactly the configured title, composed (NFC)");
      assert.doesNotMatch(title, DEFAULT_TITLE);
      const timeline = await page.evaluate(() => Array.from(
        document.querySelector("[data-campaign-widget]").shadowRoot.querySelectorAll(".cw-timeline-title"), (e) => e.textContent));
      assert.ok(timeline.includes("Giỗ Tổ Hùng Vương") && timeline.includes("Khai mạc"), timeline.join(" | "));
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), RAW_JSON);
      await screenshot(page, `cms-${target}-${name}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const [how, block] of [
    ["the wasm cannot be fetched", async (page) => page.route("**/*_bg.wasm", (route) => route.abort())],
    ["WebAssembly is undefined", async (page) => page.addInitScript(() => { delete window.WebAssembly; })],
  ]) {
    test(`${target}: when ${how}, the placeholder still tells the campaign`, async () => {
      const snippet = generate(target);
      const url = hostPage(`cms-${target}-fallback.html`, await FILTERS[target](snippet.placeholder), snippet.site);
      const { context, page } = await openPage(browser, PHONE, servers);
      await block(page);
      await page.addInitScript(() => document.addEventListener("campaign-widget:error", (e) => {
        window.__cwError = e.detail.message;
      }));
      await page.goto(url);
      await page.waitForFunction(() => window.__cwError !== undefined);
      const text = await page.evaluate(() => document.querySelector("[data-campaign-widget]").innerText);
      assert.ok(text.includes(TITLE), text);
      for (const day of ["21/04/2027, 08:00 – 11:00 (giờ Việt Nam)", "21/04/2027 – 23/04/2027", "21/04 hằng năm", "10/3 âm lịch"]) {
        assert.ok(text.includes(day), `${day} in ${text}`);
      }
      assert.ok(text.includes("Thư viện tỉnh Đồng Nai, Số 1 Hà Huy Giáp, Biên Hòa, Đồng Nai"), text);
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), RAW_JSON);
      assert.ok(await page.evaluate(() => document.querySelector("[data-campaign-widget] a[href^='https://www.openstreetmap.org/']") !== null));
      await screenshot(page, `cms-${target}-fallback`);
      await context.close();
    });
  }
}

test("the plain-HTML snippet pasted into WordPress anyway: an error panel says what happened, never the built-in campaign", async () => {
  const snippet = generate("html");
  const body = throughWordPress(snippet.placeholder);
  assert.ok(!body.includes("<script") && !body.includes("<campaign-widget"), "the filter removed both");
  // The script's JSON is left as text, its quotes made typographic: that is why
  // the CMS targets carry it in an attribute.
  assert.match(body, /&#822[01];schema&#8221;:1,/);
  // What the page would need: the element kept (a theme's own template, say).
  const url = hostPage("cms-html-in-wordpress.html", `<div data-campaign-widget>${body}</div>`, snippet.site);
  const { context, page } = await openPage(browser, DESKTOP, servers);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("[data-campaign-widget]")?.shadowRoot?.querySelector("[role=alert]"));
  const alert = await page.evaluate(() => document.querySelector("[data-campaign-widget]").shadowRoot.querySelector("[role=alert]").textContent);
  assert.match(alert, /config: trình soạn thảo hoặc bộ lọc HTML đã xoá thẻ <script> của cấu hình/);
  assert.equal(await widgetTitle(page), null);
  await context.close();
});

test("inline configs as editors leave them: each the right campaign or a clear error, never the built-in one", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, servers);
  await page.goto(`${servers.hostOrigin}/edited-configs.html`);
  const ids = ["in-p", "br", "nbsp", "curly", "nfd", "bom", "stripped", "damaged"];
  await page.waitForFunction((ids) => ids.every((id) => {
    const shadow = document.getElementById(id)?.shadowRoot;
    return shadow && (shadow.querySelector("h2") || shadow.querySelector("[role=alert]"));
  }), ids);
  const seen = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    const alert = shadow.querySelector("[role=alert]");
    return [id, alert ? { error: alert.textContent } : { title: shadow.querySelector("h2").textContent }];
  })), ids);
  assert.deepEqual(seen["in-p"], { title: "Chiến dịch trong thẻ p" });
  assert.deepEqual(seen.nfd, { title: "Chiến dịch gõ kiểu tổ hợp (NFD)".normalize("NFC") });
  assert.equal(seen.nfd.title, seen.nfd.title.normalize("NFC"));
  assert.deepEqual(seen.bom, { title: "Tệp có BOM và CRLF" });
  assert.match(seen.br.error, /JSON không hợp lệ ở dòng 3, cột \d+: trình soạn thảo đã chèn mã HTML \(<br \/>, <p>\) vào cấu hình/);
  assert.match(seen.nbsp.error, /trình soạn thảo đã chèn dấu cách không ngắt \(&nbsp;\)/);
  assert.match(seen.curly.error, /trình soạn thảo đã đổi dấu ngoặc kép thẳng \("\) thành dấu ngoặc cong/);
  assert.match(seen.stripped.error, /^.*config: trình soạn thảo hoặc bộ lọc HTML đã xoá thẻ <script>/);
  assert.match(seen.damaged.error, /campaign: dữ liệu chiến dịch \(data-campaign\) bị hỏng/);
  for (const [id, outcome] of Object.entries(seen)) {
    assert.doesNotMatch(outcome.title ?? "", DEFAULT_TITLE, id);
  }
  await screenshot(page, "edited-configs");
  assert.deepEqual(problems.filter((p) => !p.startsWith("console: campaign-widget: ")), []);
  await context.close();
});

test("cargo xtask snippet refuses a bad config with the widget's own message, naming the field", () => {
  const dir = mkdtempSync(join(tmpdir(), "cw-snippet-bad-"));
  const bad = { ...campaign, keyDates: [{ id: "a", title: "A", start: "2027-02-30" }] };
  writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
  const run = (lang) => spawnSync("cargo", ["xtask", "snippet", "--config", join(dir, "bad.json"), "--target", "nukeviet",
    "--dist-url", "https://static.example.gov.vn/cw", "--out", join(dir, "out"), "--lang", lang], { cwd: root, encoding: "utf8" });
  const vi = run("vi");
  assert.notEqual(vi.status, 0);
  assert.match(vi.stderr, /xtask: keyDates\[0\]\.start: "2027-02-30" không phải ngày hợp lệ/);
  const en = run("en");
  assert.notEqual(en.status, 0);
  assert.match(en.stderr, /xtask: keyDates\[0\]\.start: "2027-02-30" is not a date: that day is not in the calendar/);
  assert.equal(existsSync(join(dir, "out", "placeholder.html")), false, "nothing written");
});

for (const target of ["nukeviet", "wordpress"]) {
  test(`a webmaster fills the builder, copies the ${target} output, and the post through its filter shows that campaign`, async () => {
    const { context, page } = await openPage(browser, PHONE, servers);
    await page.goto(`${servers.distOrigin}/builder.html`);
    await page.locator(`input[name="target"][value="${target}"]`).check();
    const title = "Hội thi tìm hiểu pháp luật năm 2027";
    await page.fill('input[name="title"]', title);
    await page.waitForFunction((title) => {
      const code = document.getElementById("placeholder-code").value;
      return code.startsWith("<div data-campaign-widget=") && code.includes(`<h2>${title}</h2>`);
    }, title);
    const placeholder = await page.locator("#placeholder-code").inputValue();
    const site = await page.locator("#site-code").inputValue();
    await context.close();
    assert.equal(site, `<script src="${servers.distOrigin}/embed.js" async></script>\n`);

    const body = await FILTERS[target](placeholder);
    const url = hostPage(`builder-${target}.html`, body, site);
    const visitor = await openPage(browser, PHONE, servers);
    await visitor.page.goto(url);
    await visitor.page.waitForFunction(() => document.querySelector("[data-campaign-widget]")?.shadowRoot?.querySelector("h2"));
    assert.equal(await widgetTitle(visitor.page), title);
    assert.doesNotMatch(await visitor.page.evaluate(() => document.body.innerText), RAW_JSON);
    await screenshot(visitor.page, `builder-${target}-post`);
    assert.deepEqual(visitor.problems, []);
    await visitor.context.close();
  });
}
