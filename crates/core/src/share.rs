//! Passing the campaign on: the page address a visitor shares (and a calendar
//! event links back to), the line of text that goes with it, and whether the
//! browser is an app's embedded one (Zalo, Facebook: a WebView), where an `.ics`
//! file cannot download.

/// Query parameters that only say who sent the visitor (Facebook's `fbclid`,
/// Zalo's `zarsrc`, Google's click ids, Instagram's `igshid`, the `utm_*`
/// campaign tags): dropped from a shared address, so a link passed on does not
/// carry the first visitor's tracking to the next.
const TRACKING_PARAMETERS: [&str; 6] = ["fbclid", "gclid", "gbraid", "wbraid", "zarsrc", "igshid"];

/// The page's address as it is shared, from `href` (`location.href`): without
/// its fragment (RFC 3986 §3.5: a place in the page, often a widget's own
/// anchor) and without tracking parameters (`fbclid`, `gclid`, `zarsrc`, `utm_*`…); every other query
/// parameter stays (a CMS may name the article by one: NukeViet's
/// `index.php?nv=news&op=…`).
pub fn share_url(href: &str) -> String {
    let without_fragment = href.split('#').next().unwrap_or(href);
    let Some((path, query)) = without_fragment.split_once('?') else {
        return without_fragment.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or(pair);
            !pair.is_empty() && !name.starts_with("utm_") && !TRACKING_PARAMETERS.contains(&name)
        })
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// The longest line of summary shared beside the title, in characters.
pub const SHARE_TEXT_CHARS: usize = 160;

/// One line of `summary` to share: its first sentence (up to the first `.`,
/// `!` or `?` followed by a space, or the first line break), at most
/// [`SHARE_TEXT_CHARS`] characters, cut at a word with "…" when longer.
pub fn share_text(summary: &str) -> String {
    let summary = summary.trim();
    let mut end = summary.len();
    let mut chars = summary.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\n' {
            end = at;
            break;
        }
        let next_is_space = chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_space {
            end = at + c.len_utf8();
            break;
        }
    }
    let sentence = summary[..end].trim();
    if sentence.chars().count() <= SHARE_TEXT_CHARS {
        return sentence.to_owned();
    }
    let limit = sentence
        .char_indices()
        .nth(SHARE_TEXT_CHARS - 1)
        .map_or(sentence.len(), |(at, _)| at);
    let cut = &sentence[..limit];
    let at_word = cut.rfind(char::is_whitespace).filter(|&at| at > limit / 2);
    format!("{}…", cut[..at_word.unwrap_or(limit)].trim_end())
}

/// What marks an app's embedded browser in its user agent: Android's WebView
/// (`; wv)`, Android's WebView documentation), Zalo, Facebook (`FBAN/`,
/// `FBAV/`, `FB_IAB/`), Instagram, LINE, WeChat (`MicroMessenger`) and TikTok
/// (`BytedanceWebview`, `musical_ly`).
const IN_APP_MARKS: [&str; 10] = [
    "; wv)",
    "Zalo",
    "FBAN/",
    "FBAV/",
    "FB_IAB/",
    "Instagram",
    " Line/",
    "MicroMessenger",
    "BytedanceWebview",
    "musical_ly",
];

/// Whether `user_agent` (`navigator.userAgent`) is an app's embedded browser,
/// where a file link does not download: the widget then offers the Google
/// Calendar link and says how to open the page in the browser.
pub fn is_in_app_browser(user_agent: &str) -> bool {
    IN_APP_MARKS.iter().any(|mark| user_agent.contains(mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_address_drops_the_fragment_and_tracking_only() {
        assert_eq!(
            share_url(
                "https://a.gov.vn/tin/bai-1.html?utm_source=zalo&utm_medium=zalo&zarsrc=30#cw"
            ),
            "https://a.gov.vn/tin/bai-1.html"
        );
        assert_eq!(
            share_url("https://a.gov.vn/index.php?nv=news&fbclid=IwAR0x&op=thi-dua-123#top"),
            "https://a.gov.vn/index.php?nv=news&op=thi-dua-123"
        );
        assert_eq!(share_url("https://a.gov.vn/?"), "https://a.gov.vn/");
        assert_eq!(
            share_url("https://a.gov.vn/p?id=5"),
            "https://a.gov.vn/p?id=5"
        );
        assert_eq!(share_url("https://a.gov.vn/p"), "https://a.gov.vn/p");
        // A name that merely starts like one is kept.
        assert_eq!(
            share_url("https://a.gov.vn/p?fbclidx=1"),
            "https://a.gov.vn/p?fbclidx=1"
        );
    }

    #[test]
    fn share_text_is_the_first_sentence_or_line() {
        assert_eq!(
            share_text("  Phát động phong trào thi đua năm 2021. Các cơ quan thực hiện."),
            "Phát động phong trào thi đua năm 2021."
        );
        assert_eq!(share_text("Dòng một\nDòng hai"), "Dòng một");
        // A dot inside a number or an abbreviation does not end it.
        assert_eq!(
            share_text("Tăng 6.5% so với năm trước"),
            "Tăng 6.5% so với năm trước"
        );
        assert_eq!(share_text(""), "");
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word() {
        let long = "thi đua ".repeat(40);
        let text = share_text(&long);
        assert!(text.chars().count() <= SHARE_TEXT_CHARS, "{text}");
        let kept = text.strip_suffix('…').unwrap_or_else(|| panic!("{text}"));
        assert!(long.starts_with(kept), "{text}");
        assert!(long[kept.len()..].starts_with(' '), "cut at a word: {text}");
        let unbroken = "x".repeat(400);
        assert_eq!(share_text(&unbroken).chars().count(), SHARE_TEXT_CHARS);
    }

    #[test]
    fn in_app_browsers_by_their_user_agent() {
        let zalo = "Mozilla/5.0 (Linux; Android 12; SM-A125F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12100752 ZaloTheme/light ZaloLanguage/vn";
        let facebook_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBSS/3;FBID/phone;FBLC/vi_VN;FBOP/5]";
        let zalo_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/23.09.01";
        let chrome_android = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        let safari_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        for ua in [zalo, facebook_ios, zalo_ios] {
            assert!(is_in_app_browser(ua), "{ua}");
        }
        for ua in [chrome_android, safari_ios, firefox] {
            assert!(!is_in_app_browser(ua), "{ua}");
        }
    }
}
