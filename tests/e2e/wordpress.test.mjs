// The WordPress plugin in a real WordPress: Debian's WordPress 6.1 on a private
// MariaDB (tests/e2e/support/wordpress.mjs), the plugin uploaded from the zip
// `cargo xtask dist` makes, an editor and a contributor writing posts, with a
// classic theme (Twenty Twenty-One) and a block theme (Twenty Twenty-Three),
// in Chromium at phone and desktop size. The posts must show the configured
// campaign with embed.js requested once and only where a widget is; the
// placeholder must be byte for byte what `cargo xtask snippet --target
// wordpress` makes; no attribute may carry markup or script into the page;
// without the wasm the post still tells the campaign; a deactivated plugin
// leaves readable posts and loads nothing; and the block editor's sidebar takes
// the builder's output and previews the real widget.
import { pictureDrawn } from "./support/map.mjs";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openPage, screenshot, screenshots, freezeClock, PHONE, DESKTOP } from "./support/browser.mjs";
import { createServer } from "node:http";
import { root, tilePng, freePort } from "./support/servers.mjs";
import { startWordPress, crateVersion } from "./support/wordpress.mjs";

const CONFIG = join(root, "tests", "cms", "campaign.json");
const campaign = JSON.parse(readFileSync(CONFIG, "utf8"));
const TITLE = campaign.title.vi.normalize("NFC");
const DEFAULT_TITLE = "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội, quốc phòng – an ninh năm 2021";
const NOW = "2026-11-25T10:00:00+07:00";
const PLUGIN_DIST = "/wp-content/plugins/campaign-widget/dist/";
/** WordPress's version query on the plugin's scripts: the plugin's version, the crate's. */
const VER = `?ver=${crateVersion()}`;

/** `cargo xtask snippet --target wordpress` for the test config: the generator's own output. */
function generate(lang = "vi") {
  const out = mkdtempSync(join(tmpdir(), "cw-snippet-wp-"));
  execFileSync("cargo", ["xtask", "snippet", "--config", CONFIG, "--target", "wordpress", "--lang", lang,
    "--dist-url", "https://static.example.gov.vn/campaign-widget/", "--out", out],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const placeholder = readFileSync(join(out, "placeholder.html"), "utf8");
  const open = placeholder.indexOf(">\n");
  return {
    placeholder,
    campaign: placeholder.match(/ data-campaign="([A-Za-z0-9_-]+)"/)[1],
    fallback: placeholder.slice(open + 2, placeholder.lastIndexOf("</div>")),
  };
}

/** A block comment as WordPress serializes it (wp-includes/blocks.php,
 *  serialize_block_attributes: "--", "<", ">", "&" and \" as \u escapes). */
function block(attributes) {
  const json = JSON.stringify(attributes)
    .replace(/--/g, "\\u002d\\u002d").replace(/</g, "\\u003c").replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026").replace(/\\"/g, "\\u0022");
  return `<!-- wp:campaign-widget/campaign ${json} /-->`;
}
const paragraph = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;

const made = generate("vi");
const XSS = {
  lang: '"><script>alert("lang")</script>',
  sections: "<img src=x onerror=alert('sections')>",
  theme: '" onmouseover="alert(\'theme\')',
  campaign: '"><svg onload=alert("campaign")>',
  config: "javascript:alert('config')",
};
const BAD_FALLBACK = `${made.fallback}<script>alert('fallback')</script><img src=x onerror="alert('img')"><p><a href="javascript:alert('href')">liên kết</a></p>\n`;
const shortcodeAttributes = (attributes) =>
  Object.entries(attributes).map(([name, value]) => `${name}='${value.replace(/'/g, "&#39;")}'`).join(" ");

const FIXTURES = {
  shortcode: {
    author: "bientap", title: "Bài có mã ngắn",
    content: `Đoạn mở đầu của bài.\n\n[campaign_widget campaign="${made.campaign}" lang="vi"]\n${made.fallback}[/campaign_widget]\n\nĐoạn kết của bài.`,
  },
  builtin: { author: "bientap", title: "Chiến dịch có sẵn", content: "Đoạn mở đầu.\n\n[campaign_widget]\n\nĐoạn kết." },
  block: {
    author: "bientap", title: "Bài có khối",
    content: [paragraph("Đoạn mở đầu của bài."), block({ campaign: made.campaign, lang: "vi", fallback: made.fallback }),
      paragraph("Đoạn kết của bài.")].join("\n\n"),
  },
  two: {
    author: "bientap", title: "Hai tiện ích",
    content: [paragraph("Hai tiện ích trong một bài."), "<!-- wp:shortcode -->\n[campaign_widget sections=\"summary\"]\n<!-- /wp:shortcode -->",
      block({ campaign: made.campaign, fallback: made.fallback, sections: "summary,countdown" })].join("\n\n"),
  },
  config: {
    author: "bientap", title: "Cấu hình qua địa chỉ",
    content: "[campaign_widget config=\"/wp-content/uploads/chien-dich.json\" lang=\"vi\"]",
  },
  plain: { author: "bientap", title: "Bài không có tiện ích", content: paragraph("Chỉ có chữ.") },
  xssShortcode: { author: "congtacvien", title: "Thử mã độc (mã ngắn)", content: `[campaign_widget ${shortcodeAttributes(XSS)}]` },
  xssBlock: { author: "congtacvien", title: "Thử mã độc (khối)", content: block(XSS) },
  xssFallback: {
    author: "congtacvien", title: "Thử mã độc (nội dung dự phòng)",
    content: [block({ campaign: made.campaign, fallback: BAD_FALLBACK }),
      `[campaign_widget campaign="${made.campaign}"]${BAD_FALLBACK}[/campaign_widget]`].join("\n\n"),
  },
};

let wp;
let browser;
// Map tiles from loopback, as the other end-to-end tests get them (openPage
// answers OpenStreetMap's tile URLs from `tiles.tileOrigin`).
let tileServer;
const tiles = {};
before(async () => {
  const tile = tilePng();
  tileServer = createServer((request, response) => {
    response.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" });
    response.end(tile);
  });
  const port = await freePort();
  await new Promise((done) => tileServer.listen(port, "127.0.0.1", done));
  tiles.tileOrigin = `http://127.0.0.1:${port}`;
  wp = await startWordPress(FIXTURES);
  cpSync(CONFIG, join(wp.wpdir, "wp-content", "uploads", "chien-dich.json"));
  browser = await launch();
  console.log(`# WordPress ${wp.version} installed with the plugin from its zip in ${wp.installMs} ms`);
});
after(async () => {
  await browser?.close();
  await wp?.stop();
  await new Promise((done) => (tileServer ? tileServer.close(done) : done()));
});

const url = (key) => `${wp.origin}/?p=${wp.posts[key]}`;
const embedRequests = (requests) => requests.filter((r) => new URL(r).pathname.endsWith("/embed.js"));
const pluginRequests = (requests) => requests.filter((r) => r.includes("/campaign-widget/"));
/** Titles the mounted widgets show, in page order. */
const titles = (page) => page.evaluate(() => Array.from(document.querySelectorAll("[data-campaign-widget]"),
  (e) => e.shadowRoot?.querySelector("h2")?.textContent ?? null));
/** The rendered placeholders of a post's HTML (each `<div data-campaign-widget…>…</div>\n`). */
const placeholders = (html) => html.match(/<div data-campaign-widget=[\s\S]*?<\/div>\n/g) ?? [];

async function visit(key, device, { blockWasm = false } = {}) {
  const visitor = await openPage(browser, device, tiles);
  await freezeClock(visitor.page, NOW);
  const dialogs = [];
  visitor.page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  if (blockWasm) await visitor.page.route("**/*.wasm", (route) => route.abort());
  // The bytes of each embed.js response, as they came over the wire.
  const embedBytes = [];
  visitor.page.on("response", async (r) => {
    if (new URL(r.url()).pathname.endsWith("/embed.js")) embedBytes.push((await r.body()).length);
  });
  const response = await visitor.page.goto(url(key));
  assert.equal(response.status(), 200, key);
  return { ...visitor, dialogs, embedBytes };
}

async function mounted(page, count) {
  await page.waitForFunction((count) => {
    const all = document.querySelectorAll("[data-campaign-widget]");
    return all.length === count && Array.from(all).every((e) => e.shadowRoot?.querySelector("h2"));
  }, count);
}

for (const [theme, kind] of [["twentytwentyone", "classic"], ["twentytwentythree", "block"]]) {
  for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    test(`${kind} theme (${theme}), ${name}: the shortcode post and the block post show the configured campaign, embed.js once`, async () => {
      assert.deepEqual(wp.site("theme", theme), { theme, block: kind === "block" });
      for (const key of ["shortcode", "block"]) {
        const { context, page, problems, requests, external } = await visit(key, device);
        await mounted(page, 1);
        assert.deepEqual(await titles(page), [TITLE], key);
        const embeds = embedRequests(requests);
        assert.deepEqual(embeds, [`${wp.origin}${PLUGIN_DIST}embed.js${VER}`], `${key}: embed.js once, from the plugin's dist/`);
        // The editor's generator stays in the editor.
        assert.deepEqual(pluginRequests(requests).filter((r) => /builder|editor\.js/.test(r)), [], key);
        // In the footer, async: after the post's text, never blocking it.
        const tag = await page.evaluate(() => {
          const script = document.querySelector("script[src*='/embed.js']");
          const widget = document.querySelector("[data-campaign-widget]");
          return { async: script.async, after: !!(widget.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING) };
        });
        assert.deepEqual(tag, { async: true, after: true }, key);
        const text = await page.evaluate(() => document.body.innerText);
        assert.ok(text.includes("Đoạn mở đầu của bài.") && text.includes("Đoạn kết của bài."), key);
        // The map's picture draws when it comes near the viewport (its tiles
        // from loopback), on a running clock, then the screenshots.
        await page.locator("[data-campaign-widget] .cw-map").scrollIntoViewIfNeeded();
        await page.clock.resume();
        await pictureDrawn(page, "[data-campaign-widget]");
        await page.waitForLoadState("networkidle");
        await screenshot(page, `wordpress-${kind}-${key}-${name}`);
        // The widget alone, at a size one can look at.
        await page.locator("[data-campaign-widget]").screenshot({ path: join(screenshots, `wordpress-${kind}-${key}-${name}-widget.png`) });
        assert.deepEqual(external, [], key);
        assert.deepEqual(problems, [], key);
        await context.close();
      }
    });
  }

  test(`${kind} theme (${theme}): two widgets, one request; a post without a widget asks for nothing`, async () => {
    wp.site("theme", theme);
    const two = await visit("two", DESKTOP);
    await mounted(two.page, 2);
    assert.deepEqual(await titles(two.page), [DEFAULT_TITLE, TITLE]);
    assert.equal(embedRequests(two.requests).length, 1, "one embed.js for two widgets");
    assert.equal(await two.page.evaluate(() => document.querySelectorAll("script[src*='/embed.js']").length), 1);
    console.log(`# ${kind} theme: embed.js, ${two.embedBytes.join(", ")} bytes as served by PHP's server (no compression)`);
    await two.context.close();

    const plain = await visit("plain", PHONE);
    await plain.page.waitForLoadState("load");
    assert.deepEqual(pluginRequests(plain.requests), [], "no request for the plugin's files");
    assert.equal(await plain.page.evaluate(() => !!document.querySelector("script[src*='campaign-widget']")), false);
    assert.deepEqual(plain.problems, []);
    await plain.context.close();
  });
}

test("the placeholder is byte for byte what `cargo xtask snippet --target wordpress` makes, from the shortcode and the block", async () => {
  // A block theme runs the whole template through wptexturize as well
  // (get_the_block_template_html, wp-includes/block-template.php).
  for (const theme of ["twentytwentythree", "twentytwentyone"]) {
    wp.site("theme", theme);
    for (const key of ["shortcode", "block"]) {
      const html = await (await fetch(url(key))).text();
      assert.deepEqual(placeholders(html), [made.placeholder], `${theme} ${key}`);
    }
  }
  // The built-in campaign: the generator's fallback, written by `cargo xtask dist`.
  const builtin = placeholders(await (await fetch(url("builtin"))).text());
  assert.equal(builtin.length, 1);
  assert.ok(builtin[0].startsWith(`<div data-campaign-widget="" data-lang="vi">\n<h2>${DEFAULT_TITLE}</h2>\n`), builtin[0]);
});

test("a config URL: the widget fetches it and shows that campaign", async () => {
  const { context, page, problems } = await visit("config", PHONE);
  await mounted(page, 1);
  assert.deepEqual(await titles(page), [TITLE]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const kind of ["twentytwentyone", "twentytwentythree"]) {
  test(`${kind}: script and markup in every attribute, from a contributor, stay text`, async () => {
    wp.site("theme", kind);
    for (const key of ["xssShortcode", "xssBlock"]) {
      const { context, page, dialogs, problems } = await visit(key, DESKTOP);
      await page.waitForLoadState("load");
      const notice = await page.evaluate(() => document.querySelector(".campaign-widget-notice")?.innerText ?? "");
      for (const name of ["lang", "sections", "theme", "campaign", "config"]) {
        assert.match(notice, new RegExp(`${name}="`), `${key}: ${name} named in the notice`);
      }
      // What reached the page of each payload is shown as text in the notice.
      assert.match(notice, /lang="[^\n]*alert\("lang"\)/);
      assert.match(notice, /sections="<img [^\n]*src="x">/);
      assert.match(notice, /config="javascript:alert\('config'\)"/);
      const injected = await page.evaluate(() => ({
        handlers: Array.from(document.querySelectorAll("body *")).flatMap((e) =>
          Array.from(e.attributes).filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)),
        svg: document.querySelectorAll("article svg[onload], .entry-content svg, .wp-block-post-content svg").length,
        img: document.querySelectorAll("img[src='x']").length,
        scripts: Array.from(document.scripts).filter((s) => /alert/.test(s.textContent)).length,
        placeholders: document.querySelectorAll("[data-campaign-widget]").length,
      }));
      assert.deepEqual(injected, { handlers: [], svg: 0, img: 0, scripts: 0, placeholders: 0 }, key);
      assert.deepEqual(dialogs, [], key);
      assert.deepEqual(problems, [], key);
      await screenshot(page, `wordpress-xss-${key}-${kind}`);
      await context.close();
    }
    // Markup smuggled into the fallback (the block's stored attribute, the
    // shortcode's content) is cut to the generator's tags; the widget still mounts.
    const { context, page, dialogs, problems } = await visit("xssFallback", DESKTOP);
    await mounted(page, 2);
    assert.deepEqual(await titles(page), [TITLE, TITLE]);
    const seen = await page.evaluate(() => ({
      widgets: document.querySelectorAll("[data-campaign-widget]").length,
      img: document.querySelectorAll("[data-campaign-widget] img").length,
      scripts: document.querySelectorAll("[data-campaign-widget] script").length,
      hrefs: Array.from(document.querySelectorAll("[data-campaign-widget] a"), (a) => a.getAttribute("href"))
        .filter((h) => h === null || !/^https?:/.test(h)),
    }));
    assert.deepEqual(seen, { widgets: 2, img: 0, scripts: 0, hrefs: [] });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("without the wasm the posts still tell the campaign, in the fallback the generator wrote", async () => {
  for (const theme of ["twentytwentyone", "twentytwentythree"]) {
    wp.site("theme", theme);
    for (const key of ["shortcode", "block"]) {
      const { context, page } = await visit(key, PHONE, { blockWasm: true });
      await page.waitForLoadState("load");
      const text = await page.evaluate(() => document.querySelector("[data-campaign-widget]").innerText);
      assert.ok(text.includes(TITLE), `${theme} ${key}: ${text}`);
      for (const day of ["21/04/2027, 08:00 – 11:00 (giờ Việt Nam)", "21/04/2027 – 23/04/2027", "21/04 hằng năm"]) {
        assert.ok(text.includes(day), `${theme} ${key}: ${day}`);
      }
      assert.doesNotMatch(text, /"schema"|keyDates/);
      if (key === "block") await screenshot(page, `wordpress-fallback-${theme}-phone`);
      await context.close();
    }
  }
});

test("deactivated, the plugin loads nothing and the posts stay readable; activated again, the widgets return", async () => {
  wp.site("theme", "twentytwentyone");
  assert.deepEqual(wp.site("deactivate"), { active: false });
  try {
    const short = await visit("shortcode", PHONE);
    await short.page.waitForLoadState("load");
    const text = await short.page.evaluate(() => document.body.innerText);
    assert.ok(text.includes("Đoạn mở đầu của bài.") && text.includes("Đoạn kết của bài."));
    // (wptexturize makes its quotes typographic.)
    assert.match(text, /\[campaign_widget campaign=["”][A-Za-z0-9_-]+["″] lang=["”]vi["”]\]/, "the shortcode's text is the residue");
    assert.ok(text.includes(TITLE), "its enclosed fallback still reads");
    assert.deepEqual(pluginRequests(short.requests), []);
    await screenshot(short.page, "wordpress-deactivated-shortcode-phone");
    await short.context.close();

    const blockPost = await visit("block", PHONE);
    await blockPost.page.waitForLoadState("load");
    const blockText = await blockPost.page.evaluate(() => document.body.innerText);
    assert.ok(blockText.includes("Đoạn mở đầu của bài.") && blockText.includes("Đoạn kết của bài."));
    assert.doesNotMatch(blockText, /wp:campaign-widget|data-campaign/);
    assert.deepEqual(pluginRequests(blockPost.requests), []);
    await blockPost.context.close();
  } finally {
    assert.deepEqual(wp.site("activate"), { active: true });
  }
  const again = await visit("block", PHONE);
  await mounted(again.page, 1);
  await again.context.close();
});

async function logIn(page, user) {
  await page.goto(`${wp.origin}/wp-login.php`);
  await page.fill("#user_login", user);
  await page.fill("#user_pass", "password");
  await Promise.all([page.waitForURL(/wp-admin/), page.click("#wp-submit")]);
}

test("the block editor: the builder's placeholder pasted into the sidebar, the real widget as preview, bad configs refused with the widget's message", async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP, tiles);
  await logIn(page, "bientap");
  await page.goto(`${wp.origin}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.data?.select("core/editor")?.getCurrentPostId());
  await page.evaluate(() => {
    // The welcome guide would cover the canvas (WordPress 6.1 keeps it in the preferences store).
    window.wp.data.dispatch("core/preferences")?.set("core/edit-post", "welcomeGuide", false);
    window.wp.data.dispatch("core/editor").editPost({ title: "Bài soạn trong trình soạn thảo khối" });
    window.wp.data.dispatch("core/block-editor").insertBlocks(window.wp.blocks.createBlock("campaign-widget/campaign"));
  });
  const paste = page.locator(".campaign-widget-paste textarea");
  await paste.waitFor();
  // Until a campaign is pasted, the preview is the built-in campaign.
  await page.waitForFunction(() => document.querySelector(".editor-styles-wrapper [data-campaign-widget]")?.shadowRoot?.querySelector("h2"));

  // Malformed JSON, then a date the widget's rules refuse: the widget's own messages.
  await paste.fill('{"schema": 1, "title": ');
  await page.click(".campaign-widget-use");
  await page.locator(".campaign-widget-refused").first().waitFor();
  assert.match(await page.locator(".campaign-widget-refused").first().innerText(), /JSON/);
  const badDate = { ...campaign, keyDates: [{ id: "a", title: "A", start: "2027-02-30" }] };
  await paste.fill(JSON.stringify(badDate));
  await page.click(".campaign-widget-use");
  await page.waitForFunction(() => /keyDates\[0\]\.start/.test(document.querySelector(".campaign-widget-refused")?.textContent));
  await screenshot(page, "wordpress-editor-refused");
  const stillBuiltIn = await page.evaluate(() => window.wp.data.select("core/block-editor").getBlocks()[0].attributes.campaign);
  assert.equal(stillBuiltIn, "", "a refused config is not stored");

  // The builder's WordPress placeholder, as a webmaster copies it.
  await paste.fill(made.placeholder);
  await page.click(".campaign-widget-use");
  await page.waitForFunction((title) => document.querySelector(".editor-styles-wrapper [data-campaign-widget]")
    ?.shadowRoot?.querySelector("h2")?.textContent === title, TITLE);
  assert.equal(await page.locator(".campaign-widget-refused").count(), 0);
  await page.evaluate(() => document.querySelector(".editor-styles-wrapper [data-campaign-widget]").scrollIntoView());
  await screenshot(page, "wordpress-editor-block");

  await page.evaluate(async () => {
    window.wp.data.dispatch("core/editor").editPost({ status: "publish" });
    await window.wp.data.dispatch("core/editor").savePost();
  });
  const id = await page.evaluate(() => window.wp.data.select("core/editor").getCurrentPostId());
  const saved = wp.site("post", String(id)).content;
  assert.match(saved, /^<!-- wp:campaign-widget\/campaign \{.*\} \/-->$/, "only the block comment is saved");
  const html = await (await fetch(`${wp.origin}/?p=${id}`)).text();
  assert.deepEqual(placeholders(html), [made.placeholder], "the editor stored the generator's output");
  // WordPress's own off-site images (avatars, the welcome guide's) are refused
  // by the test's network; nothing of the plugin may fail.
  assert.deepEqual(problems.filter((p) => p.startsWith("pageerror") || p.includes("campaign-widget")), []);
  await context.close();

  // The published post at phone size.
  const visitor = await openPage(browser, PHONE, tiles);
  await freezeClock(visitor.page, NOW);
  await visitor.page.goto(`${wp.origin}/?p=${id}`);
  await mounted(visitor.page, 1);
  await screenshot(visitor.page, "wordpress-editor-post-phone");
  await visitor.page.screenshot({ path: join(screenshots, "wordpress-editor-post-phone-top.png") });
  await visitor.context.close();
});

test("settings: only administrators, through options.php's nonce; a CDN dist/ URL is where embed.js comes from", async () => {
  const editor = await openPage(browser, DESKTOP, tiles);
  await logIn(editor.page, "bientap");
  const refused = await editor.page.goto(`${wp.origin}/wp-admin/options-general.php?page=campaign-widget`);
  assert.equal(refused.status(), 403, "an editor cannot open the settings");
  await editor.context.close();

  // Another copy of the same dist/, at another path, stands for the CDN.
  cpSync(join(wp.wpdir, "wp-content", "plugins", "campaign-widget", "dist"), join(wp.wpdir, "cdn", "campaign-widget"), { recursive: true });
  const admin = await openPage(browser, DESKTOP, tiles);
  await logIn(admin.page, "admin");
  await admin.page.goto(`${wp.origin}/wp-admin/options-general.php?page=campaign-widget`);
  await admin.page.fill("#campaign-widget-dist-url", "javascript:alert(1)");
  await Promise.all([admin.page.waitForURL(/settings-updated/), admin.page.click("#submit")]);
  assert.equal(await admin.page.inputValue("#campaign-widget-dist-url"), "", "a non-http URL is refused");
  await admin.page.fill("#campaign-widget-dist-url", `${wp.origin}/cdn/campaign-widget`);
  await Promise.all([admin.page.waitForURL(/settings-updated/), admin.page.click("#submit")]);
  // Without the nonce, options.php refuses the same change.
  const forged = await admin.page.request.post(`${wp.origin}/wp-admin/options.php`, {
    form: { option_page: "campaign-widget", action: "update", campaign_widget_dist_url: "https://evil.example/" },
  });
  assert.notEqual(forged.status(), 302);
  await admin.context.close();
  try {
    const { context, page, requests } = await visit("block", PHONE);
    await mounted(page, 1);
    assert.deepEqual(embedRequests(requests), [`${wp.origin}/cdn/campaign-widget/embed.js${VER}`]);
    await context.close();
  } finally {
    wp.site("option", "campaign_widget_dist_url", "");
  }
});

test("the plugin's PHP raised no warning or notice", () => {
  const ours = wp.debugLog().split("\n").filter((line) => line.includes("campaign-widget"));
  assert.deepEqual(ours, []);
});
