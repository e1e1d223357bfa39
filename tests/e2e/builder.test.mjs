// The webmaster's snippet builder (dist/builder.html): the target CMS first, the
// form, the widget's own validation messages beside their fields, the live preview
// (with a frozen time), opening an existing campaign, and a snippet that works
// when pasted with its site line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servers, browser } from "./support/harness.mjs";
import { openPage, screenshot, PHONE, DESKTOP } from "./support/browser.mjs";

/** A tile request aborted because the preview it was for was replaced. */
const replacedTile = (problem) => /^requestfailed: \S+\.png net::ERR_ABORTED$/.test(problem);

/** The builder, loaded and showing its starting example as valid. */
async function openBuilder(device) {
  const opened = await openPage(browser, device, servers);
  await opened.page.goto(`${servers.distOrigin}/builder.html`);
  await opened.page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");
  return opened;
}

/** Step 1, and the output it brings. */
async function chooseTarget(page, target) {
  await page.locator(`input[name="target"][value="${target}"]`).check();
  const start = target === "html" ? "<campaign-widget " : "<div data-campaign-widget=";
  await page.waitForFunction((start) => document.getElementById("placeholder-code").value.startsWith(start), start);
}

const placeholderCode = (page) => page.locator("#placeholder-code").inputValue();

/** The config a placeholder carries: base64url in data-campaign (CMS forms), or
 *  the inline JSON (plain page). */
function configOf(placeholder) {
  const campaign = placeholder.match(/data-campaign="([A-Za-z0-9_-]+)"/);
  if (campaign) return JSON.parse(Buffer.from(campaign[1], "base64url").toString("utf8"));
  return JSON.parse(placeholder.match(/<script type="application\/json">([\s\S]*?)<\/script>/)[1]);
}

/** Waits until the output's config satisfies `check`, and returns it. */
async function configWhen(page, check) {
  await page.waitForFunction(
    (check) => {
      const placeholder = document.getElementById("placeholder-code").value;
      const campaign = placeholder.match(/data-campaign="([A-Za-z0-9_-]+)"/);
      if (!campaign) return false;
      const binary = atob(campaign[1].replace(/-/g, "+").replace(/_/g, "/"));
      const config = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
      return new Function("config", `return (${check})(config)`)(config);
    },
    check.toString(),
  );
  return configOf(await placeholderCode(page));
}

/** plain.html on the host origin with its body replaced by what the webmaster
 *  pastes: the placeholder where the widget goes and the site line once. The
 *  page's own embed.js line is held back, so the pasted site line is what loads
 *  the widget. (The document itself must come from the server: Chromium does not
 *  let a document fulfilled by the test reach loopback.) */
async function pasteIntoHostPage(context, placeholder, site) {
  const page = await context.newPage();
  const embed = `${servers.distOrigin}/embed.js`;
  await page.route(embed, (route) => route.abort());
  await page.goto(`${servers.hostOrigin}/plain.html`);
  await page.unroute(embed);
  assert.equal(await page.evaluate(() => typeof window.CampaignWidget), "undefined");
  await page.evaluate(([placeholder, site]) => {
    const range = document.createRange();
    range.selectNodeContents(document.body);
    const article = document.createElement("article");
    article.append(range.createContextualFragment(placeholder));
    const footer = document.createElement("footer");
    footer.append(range.createContextualFragment(site)); // a parsed <script> runs
    document.body.replaceChildren(article, footer);
  }, [placeholder, site]);
  return page;
}

/** The note shown beside an input for its path, and what ties them together. */
async function fieldError(input) {
  return input.evaluate((el) => {
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    const note = ids.map((id) => document.getElementById(id)).find((n) => n && n.classList.contains("field-error"));
    const label = el.closest("label") || el;
    return {
      invalid: el.getAttribute("aria-invalid"),
      text: note ? note.textContent : null,
      besideIt: note ? label.nextElementSibling === note : false,
      visible: note ? note.getBoundingClientRect().height > 0 : false,
    };
  });
}

for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`build a campaign, see it, fix what the validator names beside its field, paste the snippet (${name})`, async () => {
    const { context, page, problems } = await openBuilder(device);
    const status = page.locator("#status");
    // No target yet: the code waits for step 1.
    assert.equal(await page.locator("#choose-target").isVisible(), true);
    assert.equal(await page.locator("#placeholder-code").isVisible(), false);
    await chooseTarget(page, "html");

    await page.fill('input[name="title"]', "Ngày hội <b>đọc sách</b> 2027");
    await page.locator("#preview campaign-widget .cw-title").filter({ hasText: "Ngày hội <b>đọc sách</b> 2027" }).waitFor({ timeout: 20000 });

    // An end before its start: the widget's own message, in the status line and
    // beside the end field, which is marked invalid and described by it.
    const row = page.locator("#dates .date").first();
    const end = row.locator('[data-field="end"]');
    await end.fill("2026-12-31T00:00");
    await page.waitForFunction(() => /keyDates\[0\]\.end/.test(document.getElementById("status").textContent));
    assert.equal(await status.innerText(), "Cần sửa: keyDates[0].end: kết thúc trước khi bắt đầu");
    assert.deepEqual(await fieldError(end), { invalid: "true", text: "kết thúc trước khi bắt đầu", besideIt: true, visible: true });
    assert.equal(await page.locator("#fix-first").isVisible(), true);
    await end.fill("2027-01-10T00:00");
    await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");
    assert.deepEqual(await fieldError(end), { invalid: null, text: null, besideIt: false, visible: false });

    await page.selectOption('select[name="lang"]', "en");
    await page.locator('input[name="section"][value="map"]').uncheck();
    await page.waitForFunction(() => document.getElementById("placeholder-code").value.startsWith('<campaign-widget lang="en" sections="summary,countdown">'));
    await page.locator('#preview campaign-widget[lang="en"] .cw-countdown').waitFor();
    const placeholder = await placeholderCode(page);
    assert.match(placeholder, /\\u003cb>đọc sách\\u003c\/b>/, "markup in text cannot close the script element");
    assert.equal(configOf(placeholder).title, "Ngày hội <b>đọc sách</b> 2027");
    const site = await page.locator("#site-code").inputValue();
    assert.equal(site, `<script src="${servers.distOrigin}/embed.js" async></script>\n`);
    await screenshot(page, `builder-${name}`);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    // Every control is a 44 px target (checkboxes and radios through their labels).
    await page.locator("#open > summary").click();
    await page.check('input[name="bilingual"]');
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll(
        "button, input:not([type=checkbox]):not([type=radio]), select, textarea, summary, label.check, label.target, a"))
        .filter((el) => !el.closest("#preview") && el.getClientRects().length > 0)
        .map((el) => [el.outerHTML.slice(0, 80), Math.round(el.getBoundingClientRect().height)])
        .filter(([, height]) => height < 44));
    assert.deepEqual(small, []);

    // Pasted into a page with its line, the snippet shows the same campaign.
    const pasted = await pasteIntoHostPage(context, placeholder, site);
    const title = pasted.locator("campaign-widget .cw-title");
    await title.waitFor({ timeout: 20000 });
    assert.equal(await title.innerText(), "Ngày hội <b>đọc sách</b> 2027");
    assert.equal(await pasted.locator("campaign-widget .cw-timeline-when").first().innerText(), "05/01/2027 – 10/01/2027");
    // The preview's own report of the deliberately wrong end date is the only console
    // error; tiles of a preview replaced while they load are aborted, rightly.
    assert.deepEqual(problems.filter((p) => !p.includes("keyDates[0].end: kết thúc trước khi bắt đầu") && !replacedTile(p)), []);
    await context.close();
  });
}

test("each target: its own placeholder, the site line, and step-by-step instructions in Vietnamese", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  const steps = (target) => page.locator(`.steps[data-target="${target}"]`);
  const expected = {
    nukeviet: { form: "div[data-campaign-widget]", says: ["footer_only.tpl", "trước </body>", "Mã HTML", "Thêm bài viết", "xoá mọi thẻ <script>"] },
    wordpress: {
      form: "div[data-campaign-widget]",
      says: ["plugin Tiện ích chiến dịch", "campaign-widget-wordpress-", "khối Tiện ích chiến dịch", "footer.php",
        "Template Parts", "HTML tùy chỉnh", "Custom HTML", "Trình soạn thảo mã"],
    },
    html: { form: "campaign-widget", says: ["Dán đoạn thứ nhất", "một lần, ngay trước </body>"] },
  };
  for (const [target, { form, says }] of Object.entries(expected)) {
    await chooseTarget(page, target);
    const placeholder = await placeholderCode(page);
    if (target === "html") {
      assert.match(placeholder, /^<campaign-widget lang="vi">\n<script type="application\/json">\{/);
    } else {
      assert.match(placeholder, /^<div data-campaign-widget="" data-lang="vi" data-campaign="[A-Za-z0-9_-]+">\n<h2>Phong trào thi đua năm 2027<\/h2>\n/);
      assert.ok(!placeholder.includes("<script"), "a CMS placeholder carries no script");
    }
    assert.equal(configOf(placeholder).title, "Phong trào thi đua năm 2027");
    assert.equal(await page.locator("#site-code").inputValue(), `<script src="${servers.distOrigin}/embed.js" async></script>\n`);
    // Only this target's instructions, and what they must tell.
    for (const other of Object.keys(expected)) assert.equal(await steps(other).isVisible(), other === target, `${target}: ${other}`);
    const text = await steps(target).innerText();
    for (const phrase of says) assert.ok(text.includes(phrase), `${target} instructions say ${phrase}`);
    // For a CMS: the line goes once per site, by whoever edits the theme.
    assert.equal(await page.locator(".once").isVisible(), target !== "html");
    if (target !== "html") assert.match(await page.locator(".once").innerText(), /một lần cho cả trang web.*ai sửa được bài viết cũng dán được/s);
    // The preview is the placeholder itself.
    await page.locator(`#preview ${form} .cw-title`).waitFor({ timeout: 20000 });
  }
  await chooseTarget(page, "nukeviet");
  await screenshot(page, "builder-nukeviet-desktop");
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});

test("the NukeViet output, copied and pasted into a host page with the site line, shows the configured campaign", async () => {
  const { context, page, problems } = await openBuilder(PHONE);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: servers.distOrigin });
  await chooseTarget(page, "nukeviet");
  await page.fill('input[name="title"]', "Hội thi Tìm hiểu pháp luật năm 2027");
  await configWhen(page, (c) => c.title === "Hội thi Tìm hiểu pháp luật năm 2027");
  await screenshot(page, "builder-nukeviet-phone");

  const copy = async (box) => {
    await page.locator(`button[data-copy="${box}"]`).click();
    await page.locator(`button[data-copy="${box}"] + .copied`).filter({ hasText: "Đã chép." }).waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const placeholder = await copy("placeholder-code");
  assert.equal(placeholder, await placeholderCode(page));
  const site = await copy("site-code");
  assert.equal(site, `<script src="${servers.distOrigin}/embed.js" async></script>\n`);

  const pasted = await pasteIntoHostPage(context, placeholder, site);
  const title = pasted.locator("div[data-campaign-widget] .cw-title");
  await title.waitFor({ timeout: 20000 });
  assert.equal(await title.innerText(), "Hội thi Tìm hiểu pháp luật năm 2027");
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});

test("open an existing config: the form is filled, unknown fields are kept, a bad one gets the widget's message", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  await chooseTarget(page, "nukeviet");
  const existing = {
    $comment: "Sở VHTTDL, bản 2",
    schema: 1,
    timezone: "+07:00",
    title: { vi: "Ngày hội đọc sách 2027", en: "Book Festival 2027" },
    organization: "Sở Văn hóa, Thể thao và Du lịch",
    summary: "Tuần lễ khuyến khích đọc sách.",
    goals: ["Phát triển văn hóa đọc", { vi: "Tặng 10.000 cuốn sách", en: "Give away 10,000 books", fr: "Offrir 10 000 livres" }],
    keyDates: [
      { id: "opening", title: "Khai mạc", start: "2027-04-21T08:00:00+07:00", end: "2027-04-21T11:00:00+07:00", $comment: "giờ khai mạc" },
      { id: "festival", title: "Ngày hội", start: "2027-04-21", end: "2027-04-23" },
      { id: "gio-to", title: "Giỗ Tổ Hùng Vương", start: "2026-04-26", repeat: "yearly-lunar" },
    ],
    map: {
      title: { vi: "Bản đồ", en: "Map" },
      center: [10.9467, 106.8171],
      zoom: 16,
      tiles: { url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", attribution: "© OpenStreetMap contributors", maxZoom: 19, referrerPolicy: "strict-origin-when-cross-origin" },
      markers: [{ position: [10.9467, 106.8171], title: "Thư viện tỉnh", address: "Biên Hòa, Đồng Nai", $comment: "cổng chính" }],
    },
    source: { name: "example.gov.vn", url: "https://example.gov.vn/", author: "Phòng Văn hóa" },
    futureField: { kept: true },
  };
  await page.locator("#open > summary").click();
  // Pasted from a Mac: decomposed Vietnamese, opened as typed text (NFC).
  await page.fill("#import-text", JSON.stringify(existing, null, 2).normalize("NFD"));
  await page.click("#import-open");
  await page.locator("#import-status").filter({ hasText: "Đã mở chiến dịch “Ngày hội đọc sách 2027”" }).waitFor();

  assert.equal(await page.inputValue('input[name="title"]'), "Ngày hội đọc sách 2027");
  assert.equal(await page.inputValue('input[name="title.en"]'), "Book Festival 2027");
  assert.equal(await page.isChecked('input[name="bilingual"]'), true, "English shown, since the config has it");
  assert.equal(await page.locator("#goals .item").count(), 2);
  assert.equal(await page.locator("#dates .date").count(), 3);
  const opening = page.locator("#dates .date").first();
  assert.equal(await opening.locator('[data-field="start"]').inputValue(), "2027-04-21T08:00");
  assert.equal(await opening.locator('[data-field="allDay"]').isChecked(), false);
  assert.equal(await page.locator("#dates .date").nth(1).locator('[data-field="allDay"]').isChecked(), true);
  assert.equal(await page.locator("#markers .marker").count(), 1);
  assert.equal(await page.inputValue('input[name="source.author"]'), "Phòng Văn hóa");

  // Untouched, it comes out as it went in; edited, only the edit changes.
  assert.deepEqual(await configWhen(page, (c) => c.title.vi === "Ngày hội đọc sách 2027"), existing);
  await page.fill('input[name="title"]', "Ngày hội đọc sách 2028");
  await opening.locator('[data-field="start"]').fill("2027-04-21T08:30");
  const edited = await configWhen(page, (c) => c.title.vi === "Ngày hội đọc sách 2028");
  assert.deepEqual(edited, {
    ...existing,
    title: { vi: "Ngày hội đọc sách 2028", en: "Book Festival 2027" },
    keyDates: [{ ...existing.keyDates[0], start: "2027-04-21T08:30:00+07:00" }, ...existing.keyDates.slice(1)],
  });
  await page.locator("#preview .cw-title").filter({ hasText: "Ngày hội đọc sách 2028" }).waitFor({ timeout: 20000 });

  // The placeholder from an article opens too (its config, language, sections).
  await page.selectOption('select[name="lang"]', "en");
  await page.locator('input[name="section"][value="map"]').uncheck();
  await page.waitForFunction(() => document.getElementById("placeholder-code").value.includes('data-sections="summary,countdown"'));
  const article = await placeholderCode(page);
  await page.goto(`${servers.distOrigin}/builder.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");
  await chooseTarget(page, "nukeviet");
  await page.locator("#open > summary").click();
  await page.fill("#import-text", article);
  await page.click("#import-open");
  assert.deepEqual(await configWhen(page, (c) => c.title.vi === "Ngày hội đọc sách 2028"), edited);
  assert.equal(await page.inputValue('select[name="lang"]'), "en");
  assert.equal(await page.isChecked('input[name="section"][value="map"]'), false);

  // From a config URL.
  await page.fill("#import-url", `${servers.distOrigin}/pages/campaign-en.json`);
  await page.click("#import-load");
  await page.locator("#import-status").filter({ hasText: "Đã mở chiến dịch “Ngày hội đọc sách tỉnh Bình Dương 2027”" }).waitFor();
  assert.equal(await page.inputValue('input[name="organization.en"]'), "Department of Culture, Sports and Tourism");
  await page.fill("#import-url", `${servers.distOrigin}/pages/missing.json`);
  await page.click("#import-load");
  await page.locator("#import-status").filter({ hasText: "HTTP 404" }).waitFor();

  // JSON that cannot be read: the widget's own message, and the form untouched.
  await page.fill("#import-text", '{ "schema": 1,\n  "title": "x", }');
  await page.click("#import-open");
  await page.locator("#import-status").filter({ hasText: "Không mở được" }).waitFor();
  assert.match(await page.locator("#import-status").innerText(), /^Không mở được: JSON không hợp lệ ở dòng 2, cột \d+$/);
  assert.equal(await page.getAttribute("#import-text", "aria-invalid"), "true");
  assert.equal(await page.inputValue('input[name="title"]'), "Ngày hội đọc sách tỉnh Bình Dương 2027");
  await screenshot(page, "builder-opened");
  // The missing config's 404 is the only problem.
  assert.deepEqual(problems.filter((p) => !replacedTile(p) && !p.includes("missing.json") && !p.includes("status of 404")), []);
  await context.close();
});

test("English beside Vietnamese makes a localized text, which the English widget shows", async () => {
  const { context, page, problems } = await openBuilder(PHONE);
  await chooseTarget(page, "wordpress");
  // Hidden until asked for: most campaigns are in Vietnamese only.
  assert.equal(await page.locator('input[name="title.en"]').isVisible(), false);
  await page.check('input[name="bilingual"]');
  await page.fill('input[name="title.en"]', "Emulation movement 2027");
  await page.locator("#goals .item").first().locator('[data-field="text.en"]').fill("Exceed the 2027 targets");
  const config = await configWhen(page, (c) => typeof c.title === "object" && typeof c.goals[0] === "object");
  assert.deepEqual(config.title, { vi: "Phong trào thi đua năm 2027", en: "Emulation movement 2027" });
  assert.deepEqual(config.goals, [{ vi: "Hoàn thành vượt mức chỉ tiêu năm 2027", en: "Exceed the 2027 targets" }, "Nhân rộng các điển hình tiên tiến"]);
  assert.equal(config.organization, "Văn phòng HĐND tỉnh Đồng Nai", "a text without English stays a string");

  await page.selectOption('select[name="lang"]', "en");
  await page.locator("#preview [data-campaign-widget] .cw-title").filter({ hasText: "Emulation movement 2027" }).waitFor({ timeout: 20000 });
  const placeholder = await placeholderCode(page);
  assert.match(placeholder, /^<div data-campaign-widget="" data-lang="en" data-campaign="[A-Za-z0-9_-]+">\n<h2>Emulation movement 2027<\/h2>\n/);
  await screenshot(page, "builder-english-phone");
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});

test("two markers, each with its place; a bad coordinate and a bad link are named beside their fields", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  await chooseTarget(page, "nukeviet");
  await page.click("#add-marker");
  const second = page.locator("#markers .marker").nth(1);
  await second.locator('[data-field="title"]').fill("Nhà Văn hóa Thanh niên");
  await second.locator('[data-field="address"]').fill("Đường 30/4, Biên Hòa");
  await second.locator('[data-field="lat"]').fill("10,9512"); // a decimal comma, as typed in Vietnam
  await second.locator('[data-field="lng"]').fill("106.8240");
  const config = await configWhen(page, (c) => c.map.markers.length === 2 && c.map.markers[1].position[0] === 10.9512);
  assert.deepEqual(config.map.markers, [
    { position: [10.9467, 106.8171], title: "Văn phòng HĐND tỉnh Đồng Nai", address: "Số 2 Nguyễn Văn Trị, Biên Hòa, Đồng Nai" },
    { position: [10.9512, 106.824], title: "Nhà Văn hóa Thanh niên", address: "Đường 30/4, Biên Hòa" },
  ]);
  assert.equal(config.map.tiles, undefined, "OpenStreetMap's tiles are the default: not written");
  // Both places in the fallback, and both on the preview's map.
  const placeholder = await placeholderCode(page);
  assert.equal(placeholder.match(/<p><strong>Bản đồ:<\/strong> /g).length, 2);
  const map = page.locator("#preview [data-campaign-widget] .cw-map");
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const widget = document.querySelector("#preview [data-campaign-widget]");
    return widget && widget.shadowRoot && widget.shadowRoot.querySelectorAll(".cw-marker").length === 2;
  }, null, { timeout: 20000 });

  // A latitude out of range: the message beside that place's latitude.
  const lat = second.locator('[data-field="lat"]');
  await lat.fill("95");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("map.markers[1].position[0]"));
  const message = (await page.locator("#status").innerText()).replace("Cần sửa: map.markers[1].position[0]: ", "");
  assert.deepEqual(await fieldError(lat), { invalid: "true", text: message, besideIt: true, visible: true });
  assert.equal(await page.locator("#code").isVisible(), false, "no code for a config the widget refuses");
  await screenshot(page, "builder-bad-marker");
  await lat.fill("10.9512");
  await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");
  assert.equal((await fieldError(lat)).invalid, null);

  // A link that is not http(s): beside the source's address.
  const link = page.locator('input[name="source.url"]');
  await page.fill('input[name="source.name"]', "hdnd.dongnai.gov.vn");
  await link.fill("javascript:alert(1)");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Cần sửa: source.url"));
  assert.equal((await fieldError(link)).besideIt, true);
  assert.match((await fieldError(link)).text, /javascript:alert\(1\)/);
  await link.fill("https://hdnd.dongnai.gov.vn/");
  await page.waitForFunction(() => document.getElementById("status").textContent === "Cấu hình hợp lệ.");

  // Removing a place removes it from the config.
  await second.locator(".remove").click();
  await configWhen(page, (c) => c.map.markers.length === 1);
  assert.deepEqual(problems.filter((p) => !replacedTile(p) && !p.includes("map.markers[1].position[0]") && !p.includes("source.url")), []);
  await context.close();
});

test("a frozen-time preview: the preview widget gets now, the snippet does not", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  await chooseTarget(page, "html");
  await page.fill("#now", "2027-01-03T10:00");
  await page.waitForFunction(() => document.querySelector("#preview campaign-widget")?.getAttribute("now") === "2027-01-03T10:00:00+07:00");
  const widget = page.locator("#preview campaign-widget");
  await widget.locator(".cw-featured-title").filter({ hasText: "Phát động phong trào thi đua" }).waitFor({ timeout: 20000 });
  // 1 day 14 hours to 05/01/2027 00:00, standing still.
  assert.deepEqual(await widget.locator(".cw-value").allInnerTexts(), ["1", "14", "00", "00"]);
  assert.ok(!(await placeholderCode(page)).includes("now"), "the snippet has no frozen time");

  // The same for a CMS placeholder (data-now), and back to the clock.
  await chooseTarget(page, "wordpress");
  await page.waitForFunction(() => document.querySelector("#preview [data-campaign-widget]")?.getAttribute("data-now") === "2027-01-03T10:00:00+07:00");
  assert.ok(!(await placeholderCode(page)).includes("now"));
  await page.click("#now-clear");
  await page.waitForFunction(() => {
    const w = document.querySelector("#preview [data-campaign-widget]");
    return w && !w.hasAttribute("data-now");
  });
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});

test("a lunar key date: the builder offers it, shows the lunar day beside the date, and the widget keeps it", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  await chooseTarget(page, "html");
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
    const snippet = document.getElementById("placeholder-code").value;
    return snippet.includes('"title":"Tết Nguyên Đán"') && snippet.split('"yearly-lunar"').length === 3;
  });
  const config = configOf(await placeholderCode(page));
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

test("the share button: on by default, turned off by share: false, which the preview follows", async () => {
  const { context, page, problems } = await openBuilder(DESKTOP);
  await chooseTarget(page, "nukeviet");
  assert.equal(await page.locator('input[name="share"]').isChecked(), true);
  let config = configOf(await placeholderCode(page));
  assert.equal("share" in config, false, "the default is not written");
  const preview = page.locator("#preview [data-campaign-widget]");
  await preview.getByRole("button", { name: "Chia sẻ", exact: true }).waitFor({ timeout: 20000 });
  await page.locator('input[name="share"]').uncheck();
  config = await configWhen(page, (c) => c.share === false);
  assert.equal(config.share, false);
  await page.waitForFunction(() => {
    const widget = document.querySelector("#preview [data-campaign-widget]");
    return widget?.shadowRoot?.querySelector(".cw-title") && !widget.shadowRoot.querySelector(".cw-share-button");
  });
  assert.deepEqual(problems.filter((p) => !replacedTile(p)), []);
  await context.close();
});
