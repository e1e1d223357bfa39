//! The snippet a webmaster pastes into a CMS, made from a config: a placeholder
//! that survives the CMS's editor and server-side HTML filter, with the config
//! inside it and fallback markup that tells the campaign by itself, and the one
//! line to add once per site. One generator for the snippet builder page (through
//! the wasm's `snippet` export) and for `cargo xtask snippet`. Pure: no browser.
//!
//! What the filters do, read in their own code:
//! - NukeViet (`vendor/vinades/nukeviet/Core/Request.php`, `filterTags`,
//!   `filterAttr`, then `strip_tags` with the allowed list): removes `<script>`
//!   with its content and every tag whose name is not `^[a-z][a-z0-9]*$` (so
//!   custom elements); keeps `div`, `p`, `h1`–`h6`, `ul`, `li`, `a`, `strong` and
//!   `data-*` attributes; turns `"` in attribute values into `'`; drops a value
//!   containing `expression`, `javascript`, `behaviour`, `vbscript`, `mocha` or
//!   `livescript`, a value with `eval(` and the like, and rewrites `#abc` colours.
//! - WordPress (`wp_kses_post` for users without `unfiltered_html`, after
//!   `wpautop`): removes scripts and custom elements, keeps `div` and `data-*`
//!   attributes, wraps loose text in `<p>` and turns single newlines into `<br />`.
//!
//! So in the CMS forms the config travels in a `data-campaign` attribute of a
//! `<div data-campaign-widget>`, as base64url (RFC 4648 §5) of its UTF-8 JSON:
//! letters, digits, `-` and `_` only, which no filter rewrites. The loader
//! decodes it (static/embed.js).

use crate::config::{parse_config, parse_sections, parse_theme, Campaign, KeyDate};
use crate::error::Error;
use crate::html::escape as escape_html;
use crate::i18n::{date_range, lunar_date, Lang};
use crate::time::{lunar, DateSpec, Recurrence};

/// Where the snippet goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A NukeViet article or block, through CKEditor 4 and `Request::filterTags`.
    NukeViet,
    /// A WordPress post, through `wpautop` and `wp_kses_post`.
    WordPress,
    /// A page whose HTML is not filtered: the custom element with the config as
    /// readable JSON inside it.
    Html,
}

impl Target {
    /// `nukeviet`, `wordpress` or `html`.
    pub fn from_name(name: &str) -> Option<Target> {
        match name.trim().to_ascii_lowercase().as_str() {
            "nukeviet" => Some(Target::NukeViet),
            "wordpress" => Some(Target::WordPress),
            "html" => Some(Target::Html),
            _ => None,
        }
    }
}

/// What the snippet is made for.
#[derive(Clone, Copy, Debug)]
pub struct SnippetOptions<'a> {
    /// The CMS.
    pub target: Target,
    /// The URL of the deployed `dist/` (with or without a trailing slash).
    pub dist_url: &'a str,
    /// The widget's language (also the fallback markup's).
    pub lang: Lang,
    /// The `sections` attribute, if not all three.
    pub sections: Option<&'a str>,
    /// The `theme` attribute, if not `auto`.
    pub theme: Option<&'a str>,
}

/// The two parts of a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// What to paste where the widget goes (it passes the CMS's filter).
    pub placeholder: String,
    /// What to add once per site, in the theme or site-wide footer (not filtered).
    pub site: String,
}

/// The snippet for a config (JSON text, already in Unicode NFC), or the widget's
/// own error naming the field path (`keyDates[2].start`, or `sections`/`theme`).
pub fn snippet(json: &str, options: &SnippetOptions) -> Result<Snippet, Error> {
    let campaign = parse_config(json)?.campaign;
    let sections = options.sections.map(str::trim).filter(|s| !s.is_empty());
    let theme = options.theme.map(str::trim).filter(|t| !t.is_empty());
    parse_sections(sections)?;
    parse_theme(theme)?;
    let lang = options.lang.code();
    let compact = compact_json(json);
    let fallback = fallback_markup(&campaign, options.lang);
    let placeholder = match options.target {
        Target::Html => {
            let mut tag = format!("<campaign-widget lang=\"{lang}\"");
            push_attribute(&mut tag, "sections", sections);
            push_attribute(&mut tag, "theme", theme);
            // "<" escaped, so that "</script>" in a text cannot end the element.
            let json = compact.replace('<', "\\u003c");
            format!("{tag}>\n<script type=\"application/json\">{json}</script>\n{fallback}</campaign-widget>\n")
        }
        Target::NukeViet | Target::WordPress => {
            let mut tag = format!("<div data-campaign-widget=\"\" data-lang=\"{lang}\"");
            push_attribute(&mut tag, "data-sections", sections);
            push_attribute(&mut tag, "data-theme", theme);
            push_attribute(
                &mut tag,
                "data-campaign",
                Some(&filter_safe_base64(&compact)),
            );
            format!("{tag}>\n{fallback}</div>\n")
        }
    };
    let base = options.dist_url.trim().trim_end_matches('/');
    let site = format!(
        "<script src=\"{}/embed.js\" async></script>\n",
        escape_html(base)
    );
    Ok(Snippet { placeholder, site })
}

fn push_attribute(tag: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        tag.push_str(&format!(" {name}=\"{}\"", escape_html(value)));
    }
}

/// The fallback markup: the campaign told with tags every filter keeps (`h2`,
/// `h3`, `p`, `strong`, `ul`, `li`, `a`), one block a line, and only absolute
/// dates, so that it stays true whenever it is read (the README's "In a CMS": it is what a
/// visitor without the widget, or a search engine, reads).
pub fn fallback_markup(campaign: &Campaign, lang: Lang) -> String {
    let t = lang.strings();
    let mut out = String::new();
    let mut line = |html: String| {
        out.push_str(&html);
        out.push('\n');
    };
    line(format!("<h2>{}</h2>", text(campaign.title.get(lang))));
    line(format!(
        "<p><strong>{}:</strong> {}</p>",
        t.organization,
        text(campaign.organization.get(lang))
    ));
    if let Some(basis) = &campaign.basis {
        line(format!(
            "<p><strong>{}:</strong> {}</p>",
            t.basis,
            text(basis.get(lang))
        ));
    }
    line(format!("<p>{}</p>", text(campaign.summary.get(lang))));
    if !campaign.goals.is_empty() {
        line(format!("<h3>{}</h3>", t.goals));
        line("<ul>".into());
        for goal in &campaign.goals {
            line(format!("<li>{}</li>", text(goal.get(lang))));
        }
        line("</ul>".into());
    }
    if !campaign.key_dates.is_empty() {
        line(format!("<h3>{}</h3>", t.key_dates));
        line("<ul>".into());
        for date in &campaign.key_dates {
            line(format!(
                "<li><strong>{}</strong>: {}</li>",
                escape_html(&key_date_text(date, campaign, lang)),
                text(date.title.get(lang))
            ));
        }
        line("</ul>".into());
    }
    if let Some(map) = &campaign.map {
        let heading = match map.title.get(lang) {
            "" => t.map.to_owned(),
            title => text(title),
        };
        for marker in &map.markers {
            let address = marker.address.get(lang);
            let place = if address.is_empty() {
                text(marker.title.get(lang))
            } else {
                format!("{}, {}", text(marker.title.get(lang)), text(address))
            };
            line(format!(
                "<p><strong>{heading}:</strong> {place} (<a href=\"{}\">{}</a>)</p>",
                escape_html(&marker.position.osm_link(map.zoom)),
                t.open_in_osm
            ));
        }
    }
    if let Some(source) = &campaign.source {
        let name = text(source.name.get(lang));
        let name = match &source.url {
            Some(url) => format!("<a href=\"{}\">{name}</a>", escape_html(url)),
            None => name,
        };
        let author = source
            .author
            .as_ref()
            .map(|a| format!(", {}: {}", t.author, text(a.get(lang))))
            .unwrap_or_default();
        line(format!(
            "<p><strong>{}:</strong> {name}{author}</p>",
            t.source
        ));
    }
    out
}

/// A key date as the fallback states it, never relative to now: `03/02 hằng
/// năm`, `10/3 âm lịch, hằng năm theo âm lịch`, `23/05/2021, 07:00 – 19:00 (giờ
/// Việt Nam)`.
fn key_date_text(date: &KeyDate, campaign: &Campaign, lang: Lang) -> String {
    let when = date.when;
    let zone = campaign.timezone;
    let t = lang.strings();
    let day_month = |spec: DateSpec| {
        let (day, _) = crate::time::to_civil(spec.start_in(zone), zone);
        format!("{:02}/{:02}", day.day, day.month)
    };
    match when.recurrence {
        Recurrence::Once => date_range(lang, (when.start, when.end), None, zone),
        Recurrence::Yearly => {
            let (first, last) = (day_month(when.start), when.end.map(day_month));
            match last.filter(|last| *last != first) {
                Some(last) => format!("{first} – {last} {}", t.yearly),
                None => format!("{first} {}", t.yearly),
            }
        }
        Recurrence::YearlyLunar => {
            let (day, _) = crate::time::to_civil(when.start.start_in(zone), zone);
            match lunar::lunar_from_civil(day) {
                Some(l) => format!(
                    "{}, {}",
                    lunar_date(lang, lunar::LunarDate { leap: false, ..l }),
                    t.yearly_lunar
                ),
                None => format!("{} {}", day_month(when.start), t.yearly_lunar),
            }
        }
    }
}

/// Text for HTML: escaped, with runs of whitespace (newlines included, which
/// `wpautop` would turn into `<br />`) made one space.
fn text(value: &str) -> String {
    escape_html(&value.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// JSON without the whitespace between its tokens (strings kept as written).
pub fn compact_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.trim_start_matches('\u{feff}').chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// Words that make NukeViet's `filterAttr` drop an attribute value (checked
/// without regard to case, which is stricter than NukeViet for some of them).
const NUKEVIET_REFUSED: [&str; 6] = [
    "expression",
    "javascript",
    "behaviour",
    "vbscript",
    "mocha",
    "livescript",
];

/// base64url of `json` that contains none of `NUKEVIET_REFUSED`: should an
/// encoding happen to spell one, leading spaces (which JSON ignores) shift the
/// bytes until none does.
pub fn filter_safe_base64(json: &str) -> String {
    let mut padded = String::from(json);
    loop {
        let encoded = base64url(padded.as_bytes());
        let lower = encoded.to_ascii_lowercase();
        if padded.len() > json.len() + 8 || !NUKEVIET_REFUSED.iter().any(|w| lower.contains(w)) {
            return encoded;
        }
        padded.insert(0, ' ');
    }
}

/// base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULT_CAMPAIGN_JSON;

    fn options(target: Target) -> SnippetOptions<'static> {
        SnippetOptions {
            target,
            dist_url: "https://static.example.gov.vn/campaign-widget/",
            lang: Lang::Vi,
            sections: None,
            theme: None,
        }
    }

    #[test]
    fn base64url_as_rfc_4648_section_5() {
        // RFC 4648 §10 test vectors, without padding.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64url(plain.as_bytes()), encoded);
        }
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn no_word_nukeviet_refuses_survives_in_the_encoding() {
        // These bytes encode as "AmocHAAA": "mocha" to NukeViet's case-blind check.
        let text = "\u{2}j\u{1c}\u{1c}\0\0";
        assert_eq!(base64url(text.as_bytes()), "AmocHAAA");
        let safe = filter_safe_base64(text);
        assert!(!safe.to_ascii_lowercase().contains("mocha"), "{safe}");
        // One leading space (which JSON ignores) was enough.
        assert_eq!(safe, base64url(format!(" {text}").as_bytes()));
    }

    #[test]
    fn compact_json_keeps_strings() {
        assert_eq!(
            compact_json("\u{feff}{ \"a b\" : [ 1 , \"x \\\" y\" ]\r\n}"),
            "{\"a b\":[1,\"x \\\" y\"]}"
        );
    }

    #[test]
    fn the_cms_placeholder_carries_the_config_and_tells_the_campaign() {
        let Ok(snippet) = snippet(DEFAULT_CAMPAIGN_JSON, &options(Target::NukeViet)) else {
            panic!("the default campaign makes a snippet");
        };
        assert_eq!(
            snippet.site,
            "<script src=\"https://static.example.gov.vn/campaign-widget/embed.js\" async></script>\n"
        );
        let html = &snippet.placeholder;
        assert!(
            html.starts_with("<div data-campaign-widget=\"\" data-lang=\"vi\" data-campaign=\"")
        );
        assert!(!html.contains("<script") && !html.contains("campaign-widget>"));
        assert!(html.contains("<li><strong>03/02 hằng năm</strong>: "));
        assert!(html.contains(
            "<li><strong>23/05/2021, 07:00 – 19:00 (giờ Việt Nam)</strong>: Bầu cử đại biểu Quốc hội khóa XV"
        ));
        assert!(html.contains("<li><strong>25/01/2021 – 01/02/2021</strong>: "));
        assert!(html.contains("(<a href=\"https://www.openstreetmap.org/?mlat="));
        assert!(html.contains("<p><strong>Nguồn:</strong> <a href=\"https://hdnd.dongnai.gov.vn/"));
        // What NukeViet's filterAttr (Request.php) would drop or rewrite in an
        // attribute value: quotes, `#abc` colours, the refused words, `word(`.
        let div = html.lines().next().unwrap_or_default();
        for value in div.split("=\"").skip(1).filter_map(|v| v.split('"').next()) {
            let lower = value.to_ascii_lowercase();
            assert!(!value.contains(['\'', '#', '(', ' ', '&']), "{value}");
            assert!(
                !NUKEVIET_REFUSED.iter().any(|w| lower.contains(w)),
                "{value}"
            );
            assert!(!lower.contains("data:"), "{value}");
        }
        // No raw JSON in what a visitor can read.
        assert!(!html.contains("\"schema\"") && !html.contains("\"keyDates\""));
        // Only the tags every filter keeps.
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(
                ["div", "h2", "h3", "p", "strong", "ul", "li", "a"].contains(&name.as_str()),
                "{name}"
            );
        }
    }

    #[test]
    fn a_map_without_a_title_is_headed_as_the_widget_heads_it() {
        let json = r#"{"schema":1,"title":"T","organization":"O","summary":"S","keyDates":[],
            "map":{"center":[10.9,106.8],"markers":[{"position":[10.9,106.8],"title":"Nơi A"}]}}"#;
        let Ok(made) = snippet(json, &options(Target::NukeViet)) else {
            panic!("valid");
        };
        assert!(
            made.placeholder
                .contains("<p><strong>Bản đồ:</strong> Nơi A (<a href="),
            "{}",
            made.placeholder
        );
    }

    #[test]
    fn the_html_placeholder_keeps_readable_json_that_cannot_end_its_script() {
        let json =
            DEFAULT_CAMPAIGN_JSON.replacen("\"title\":{", "\"title\":{\"xx\":\"</script><b>\",", 1);
        let options = SnippetOptions {
            sections: Some("countdown,map"),
            theme: Some("dark"),
            ..options(Target::Html)
        };
        let Ok(snippet) = snippet(&json, &options) else {
            panic!("valid");
        };
        assert!(snippet.placeholder.starts_with(
            "<campaign-widget lang=\"vi\" sections=\"countdown,map\" theme=\"dark\">\n<script type=\"application/json\">{\""
        ));
        assert_eq!(snippet.placeholder.matches("</script>").count(), 1);
    }

    #[test]
    fn a_bad_config_or_attribute_is_the_widgets_own_error() {
        let bad = DEFAULT_CAMPAIGN_JSON.replacen("1930-02-03", "1930-02-30", 1);
        let error = snippet(&bad, &options(Target::WordPress)).err();
        assert_eq!(error.map(|e| e.path), Some("keyDates[2].start".to_owned()));
        let options = SnippetOptions {
            sections: Some("summary,calendar"),
            ..options(Target::WordPress)
        };
        let error = snippet(DEFAULT_CAMPAIGN_JSON, &options).err();
        assert_eq!(error.map(|e| e.path), Some("sections".to_owned()));
    }
}
