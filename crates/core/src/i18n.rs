//! Every user-visible string of the widget, in Vietnamese and English, and the
//! wording of errors and dates. Pure: no browser APIs.

use crate::error::{EditorEdit, Error, Kind, Reason};
use crate::time::{to_civil, CivilDate, DateError, DateSpec, LunarDate, Offset, Remaining, State};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language of a BCP 47 tag (`vi`, `vi-VN`, `en-GB`), if the widget speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag used for `lang` attributes and text maps.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The fixed strings of the widget in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// The fixed strings of the widget in one language.
pub struct Strings {
    /// The widget's accessible name, before the campaign title.
    pub widget_label: &'static str,
    /// The small line above the title.
    pub kicker: &'static str,
    /// "Issued by".
    pub organization: &'static str,
    /// "Legal basis".
    pub basis: &'static str,
    /// The goals heading.
    pub goals: &'static str,
    /// Expands a long goal list.
    pub show_more: &'static str,
    /// Collapses it again.
    pub show_less: &'static str,
    /// "Source".
    pub source: &'static str,
    /// "Author".
    pub author: &'static str,
    /// The timeline heading.
    pub key_dates: &'static str,
    /// "every year".
    pub yearly: &'static str,
    /// "every year, by the lunar calendar".
    pub yearly_lunar: &'static str,
    /// The map heading when the config gives none.
    pub map: &'static str,
    /// Part of the map's accessible name: how to use it from the keyboard.
    pub map_keys: &'static str,
    /// While Leaflet loads.
    pub map_loading: &'static str,
    /// Shown over the map when one finger tries to move it on a phone.
    pub map_two_fingers: &'static str,
    /// When Leaflet or the tiles cannot load.
    pub map_unavailable: &'static str,
    /// The address label beside the map.
    pub address: &'static str,
    /// The link that opens a place on OpenStreetMap.
    pub open_in_osm: &'static str,
    /// Marks a link that opens in a new tab, for screen readers.
    pub new_tab: &'static str,
    /// The heading of the error panel.
    pub error_title: &'static str,
    /// The line under it.
    pub error_hint: &'static str,
    /// The countdown heading.
    pub countdown: &'static str,
    /// Before the digits of an upcoming date.
    pub starts_in: &'static str,
    /// Before the digits of an ongoing date.
    pub ends_in: &'static str,
    /// The state of a date that has started and not ended.
    pub ongoing: &'static str,
    /// The state of a date that is over.
    pub held: &'static str,
    /// When every date is held and none recurs.
    pub all_held: &'static str,
    /// Unit labels: days, hours, minutes, seconds.
    pub units: [&'static str; 4],
    /// The pause control, while ticking.
    pub pause: &'static str,
    /// The pause control, while paused.
    pub resume: &'static str,
    /// Downloads one date as .ics.
    pub add_to_calendar: &'static str,
    /// Downloads every date as .ics.
    pub add_all_to_calendar: &'static str,
    /// Names the zone times are shown in, for UTC+07:00.
    pub vietnam_time: &'static str,
    /// Weekday names, Sunday first.
    pub weekdays: [&'static str; 7],
}

static VI: Strings = Strings {
    widget_label: "Chiến dịch",
    kicker: "Thông tin chiến dịch",
    organization: "Cơ quan phát động",
    basis: "Căn cứ",
    goals: "Nội dung chính",
    show_more: "Xem thêm",
    show_less: "Thu gọn",
    source: "Nguồn",
    author: "Tác giả",
    key_dates: "Các mốc thời gian",
    yearly: "hằng năm",
    yearly_lunar: "hằng năm theo âm lịch",
    map: "Bản đồ",
    map_keys: "bản đồ tương tác, dùng phím mũi tên để di chuyển, + và − để phóng to, thu nhỏ",
    map_loading: "Đang tải bản đồ…",
    map_two_fingers: "Dùng hai ngón tay để di chuyển bản đồ",
    map_unavailable: "Không tải được bản đồ. Địa điểm:",
    address: "Địa chỉ",
    open_in_osm: "Xem trên OpenStreetMap",
    new_tab: "(mở trong thẻ mới)",
    error_title: "Không thể hiển thị chiến dịch",
    error_hint: "Cấu hình của tiện ích có lỗi. Quản trị viên trang có thể sửa theo thông báo sau:",
    countdown: "Đếm ngược",
    starts_in: "Còn",
    ends_in: "Kết thúc sau",
    ongoing: "Đang diễn ra",
    held: "Đã diễn ra",
    all_held: "Các mốc thời gian của chiến dịch đều đã diễn ra.",
    units: ["ngày", "giờ", "phút", "giây"],
    pause: "Tạm dừng đếm ngược",
    resume: "Tiếp tục đếm ngược",
    add_to_calendar: "Thêm vào lịch",
    add_all_to_calendar: "Thêm tất cả các mốc vào lịch (.ics)",
    vietnam_time: "giờ Việt Nam",
    weekdays: [
        "Chủ Nhật",
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
    ],
};

static EN: Strings = Strings {
    widget_label: "Campaign",
    kicker: "Campaign",
    organization: "Issued by",
    basis: "Legal basis",
    goals: "Main points",
    show_more: "Show more",
    show_less: "Show less",
    source: "Source",
    author: "Author",
    key_dates: "Key dates",
    yearly: "every year",
    yearly_lunar: "every year, by the lunar calendar",
    map: "Map",
    map_keys: "interactive map, arrow keys to move, + and − to zoom",
    map_loading: "Loading the map…",
    map_two_fingers: "Use two fingers to move the map",
    map_unavailable: "The map could not load. The place:",
    address: "Address",
    open_in_osm: "View on OpenStreetMap",
    new_tab: "(opens in a new tab)",
    error_title: "The campaign cannot be shown",
    error_hint: "The widget's configuration has a problem. The site's administrator can fix it from this message:",
    countdown: "Countdown",
    starts_in: "Starts in",
    ends_in: "Ends in",
    ongoing: "Happening now",
    held: "Held",
    all_held: "All of the campaign's dates have been held.",
    units: ["days", "hours", "minutes", "seconds"],
    pause: "Pause the countdown",
    resume: "Resume the countdown",
    add_to_calendar: "Add to calendar",
    add_all_to_calendar: "Add all dates to your calendar (.ics)",
    vietnam_time: "Vietnam time",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

/// `03/02/2021`: how both languages write a date on Vietnamese pages.
pub fn short_date(date: CivilDate) -> String {
    format!("{:02}/{:02}/{}", date.day, date.month, date.year)
}

/// `Thứ Tư, 03/02/2021` / `Wednesday, 03/02/2021`.
pub fn long_date(lang: Lang, date: CivilDate) -> String {
    format!(
        "{}, {}",
        lang.strings().weekdays[usize::from(date.weekday())],
        short_date(date)
    )
}

/// `97th anniversary` / `Kỷ niệm 97 năm`.
pub fn anniversary(lang: Lang, years: u32) -> String {
    match lang {
        Lang::Vi => format!("Kỷ niệm {years} năm"),
        Lang::En => {
            let suffix = match (years % 10, years % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{years}{suffix} anniversary")
        }
    }
}

/// How far an upcoming date is, in its largest whole unit: `còn 69 ngày`, `in 5 hours`.
pub fn time_until(lang: Lang, remaining: Remaining) -> String {
    let (n, unit) = if remaining.days > 0 {
        (remaining.days, 0)
    } else if remaining.hours > 0 {
        (u64::from(remaining.hours), 1)
    } else {
        (u64::from(remaining.minutes).max(1), 2)
    };
    match lang {
        Lang::Vi => format!("còn {n} {}", VI.units[unit]),
        Lang::En => {
            let name = ["day", "hour", "minute"][unit];
            format!("in {n} {name}{}", if n == 1 { "" } else { "s" })
        }
    }
}

/// The polite announcement at a countdown milestone (a new day, the last hour, the start).
pub fn milestone(lang: Lang, title: &str, state: State, remaining: Remaining) -> String {
    match (lang, state) {
        (Lang::Vi, State::Ongoing) => format!("{title}: đang diễn ra."),
        (Lang::En, State::Ongoing) => format!("{title}: happening now."),
        (Lang::Vi, _) if remaining.days == 0 => format!("Còn dưới 1 giờ đến {title}."),
        (Lang::En, _) if remaining.days == 0 => format!("Less than an hour until {title}."),
        (Lang::Vi, _) => format!("Còn {} ngày đến {title}.", remaining.days),
        (Lang::En, _) => format!("{} days until {title}.", remaining.days),
    }
}

/// The discreet note shown when the device clock is off and the server's time is used.
pub fn clock_corrected(lang: Lang, skew_ms: i64) -> String {
    let minutes = (skew_ms.unsigned_abs() + 30_000) / 60_000;
    match lang {
        Lang::Vi => format!("Đồng hồ thiết bị lệch khoảng {minutes} phút; đếm ngược theo giờ máy chủ."),
        Lang::En => format!("This device's clock is off by about {minutes} minutes; counting from the server's time."),
    }
}

/// How the zone is named next to a time: "giờ Việt Nam" for +07:00, else `UTC+hh:mm`.
pub fn zone_label(lang: Lang, zone: Offset) -> String {
    if zone == Offset::VIETNAM {
        return lang.strings().vietnam_time.to_owned();
    }
    let m = zone.minutes();
    let sign = if m < 0 { '−' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
}

/// `07:00`, the time of day of `ms_of_day` milliseconds after midnight.
pub fn clock_time(ms_of_day: u32) -> String {
    let minutes = ms_of_day / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A lunar date as Vietnamese readers write it, day/month without leading zeros:
/// `10/3 âm lịch`, `1/2 nhuận âm lịch` (a leap month); `day 10 of lunar month 3`,
/// `day 1 of leap lunar month 2`.
pub fn lunar_date(lang: Lang, date: LunarDate) -> String {
    let LunarDate {
        day, month, leap, ..
    } = date;
    match (lang, leap) {
        (Lang::Vi, false) => format!("{day}/{month} âm lịch"),
        (Lang::Vi, true) => format!("{day}/{month} nhuận âm lịch"),
        (Lang::En, false) => format!("day {day} of lunar month {month}"),
        (Lang::En, true) => format!("day {day} of leap lunar month {month}"),
    }
}

/// A key date as text, in the campaign's zone: `03/02/2021`,
/// `25/01/2021 – 01/02/2021`, `23/05/2021, 07:00 – 19:00 (giờ Việt Nam)`, and
/// with the lunar date of its start when it has one: `16/04/2027 (10/3 âm lịch)`.
pub fn date_range(
    lang: Lang,
    (start, end): (DateSpec, Option<DateSpec>),
    lunar: Option<LunarDate>,
    zone: Offset,
) -> String {
    let part = |spec: DateSpec| match spec {
        DateSpec::Day(date) => (date, None),
        DateSpec::Instant { at, .. } => {
            let (date, ms) = to_civil(at, zone);
            (date, Some(clock_time(ms)))
        }
    };
    let (start_date, start_time) = part(start);
    let has_time = start_time.is_some() || end.is_some_and(|e| !e.is_whole_day());
    let mut text = short_date(start_date);
    if let Some(lunar) = lunar {
        text.push_str(&format!(" ({})", lunar_date(lang, lunar)));
    }
    if let Some(time) = &start_time {
        text.push_str(", ");
        text.push_str(time);
    }
    if let Some((end_date, end_time)) = end.map(part) {
        if (end_date, &end_time) != (start_date, &start_time) {
            text.push_str(" – ");
            if end_date != start_date || end_time.is_none() {
                text.push_str(&short_date(end_date));
                if end_time.is_some() {
                    text.push_str(", ");
                }
            }
            if let Some(time) = &end_time {
                text.push_str(time);
            }
        }
    }
    if has_time {
        text.push_str(&format!(" ({})", zone_label(lang, zone)));
    }
    text
}

fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    match (lang, kind) {
        (Lang::Vi, Kind::Null) => "null",
        (Lang::Vi, Kind::Boolean) => "giá trị đúng/sai",
        (Lang::Vi, Kind::Number) => "số",
        (Lang::Vi, Kind::Integer) => "số nguyên",
        (Lang::Vi, Kind::String) => "chuỗi",
        (Lang::Vi, Kind::Text) => "chuỗi hoặc {\"vi\": …, \"en\": …}",
        (Lang::Vi, Kind::Array) => "mảng",
        (Lang::Vi, Kind::Object) => "đối tượng",
        (Lang::Vi, Kind::LatLng) => "[vĩ độ, kinh độ]",
        (Lang::En, Kind::Null) => "null",
        (Lang::En, Kind::Boolean) => "a boolean",
        (Lang::En, Kind::Number) => "a number",
        (Lang::En, Kind::Integer) => "a whole number",
        (Lang::En, Kind::String) => "a string",
        (Lang::En, Kind::Text) => "a string or {\"vi\": …, \"en\": …}",
        (Lang::En, Kind::Array) => "an array",
        (Lang::En, Kind::Object) => "an object",
        (Lang::En, Kind::LatLng) => "[latitude, longitude]",
    }
}

fn date_reason(lang: Lang, value: &str, error: DateError) -> String {
    let vi = lang == Lang::Vi;
    match error {
        DateError::Format if vi => {
            format!("\"{value}\" không phải ngày hợp lệ: viết YYYY-MM-DD hoặc RFC 3339 có múi giờ")
        }
        DateError::Format => {
            format!("\"{value}\" is not a date: write YYYY-MM-DD or RFC 3339 with an offset")
        }
        DateError::NoSuchDay if vi => {
            format!("\"{value}\" không phải ngày hợp lệ: ngày này không có trong lịch")
        }
        DateError::NoSuchDay => {
            format!("\"{value}\" is not a date: that day is not in the calendar")
        }
        DateError::NoSuchTime if vi => {
            format!("\"{value}\" không phải ngày hợp lệ: giờ không tồn tại")
        }
        DateError::NoSuchTime => format!("\"{value}\" is not a date: no such time of day"),
        DateError::MissingOffset if vi => format!("\"{value}\" thiếu múi giờ (thêm Z hoặc +07:00)"),
        DateError::MissingOffset => format!("\"{value}\" has no offset (add Z or +07:00)"),
        DateError::BadOffset if vi => {
            format!("\"{value}\" có múi giờ không hợp lệ (Z hoặc ±HH:MM)")
        }
        DateError::BadOffset => format!("\"{value}\" has an invalid offset (Z or ±HH:MM)"),
    }
}

/// What to do about a config an editor or a filter changed.
const PASTE_AGAIN_VI: &str = "hãy dán lại đoạn mã do trang tạo mã nhúng tạo ra";
const PASTE_AGAIN_EN: &str = "paste the snippet the snippet builder makes again";

/// Why, in words, without the path.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    let vi = lang == Lang::Vi;
    match reason {
        Reason::Json { line, column } if vi => {
            format!("JSON không hợp lệ ở dòng {line}, cột {column}")
        }
        Reason::Json { line, column } => format!("malformed JSON at line {line}, column {column}"),
        Reason::EditedJson { line, column, edit } if vi => {
            let what = match edit {
                EditorEdit::TypographicQuotes => {
                    "trình soạn thảo đã đổi dấu ngoặc kép thẳng (\") thành dấu ngoặc cong (“ ”)"
                }
                EditorEdit::Markup => "trình soạn thảo đã chèn mã HTML (<br />, <p>) vào cấu hình",
                EditorEdit::NonBreakingSpace => {
                    "trình soạn thảo đã chèn dấu cách không ngắt (&nbsp;) vào cấu hình"
                }
            };
            format!("JSON không hợp lệ ở dòng {line}, cột {column}: {what}; {PASTE_AGAIN_VI}")
        }
        Reason::EditedJson { line, column, edit } => {
            let what = match edit {
                EditorEdit::TypographicQuotes => {
                    "an editor turned straight quotes (\") into typographic ones (“ ”)"
                }
                EditorEdit::Markup => "an editor added HTML (<br />, <p>) inside the config",
                EditorEdit::NonBreakingSpace => {
                    "an editor added non-breaking spaces (&nbsp;) inside the config"
                }
            };
            format!("malformed JSON at line {line}, column {column}: {what}; {PASTE_AGAIN_EN}")
        }
        Reason::TooLarge { bytes, limit } if vi => {
            format!(
                "cấu hình quá lớn ({} KB, tối đa {} KB)",
                bytes.div_ceil(1024),
                limit / 1024
            )
        }
        Reason::TooLarge { bytes, limit } => {
            format!(
                "the config is too large ({} KB, at most {} KB)",
                bytes.div_ceil(1024),
                limit / 1024
            )
        }
        Reason::Missing if vi => "bắt buộc nhưng bị thiếu".into(),
        Reason::Missing => "is required".into(),
        Reason::WrongType { expected, found } if vi => {
            format!(
                "phải là {}, không phải {}",
                kind_name(lang, *expected),
                kind_name(lang, *found)
            )
        }
        Reason::WrongType { expected, found } => {
            format!(
                "must be {}, not {}",
                kind_name(lang, *expected),
                kind_name(lang, *found)
            )
        }
        Reason::Empty if vi => "không được để trống".into(),
        Reason::Empty => "must not be empty".into(),
        Reason::TooLong { max } if vi => format!("dài quá {max} ký tự"),
        Reason::TooLong { max } => format!("is longer than {max} characters"),
        Reason::TooMany { max } if vi => format!("có quá {max} mục"),
        Reason::TooMany { max } => format!("has more than {max} items"),
        Reason::UnsupportedSchema { found } if vi => {
            format!("phiên bản cấu hình {found} không được hỗ trợ (tiện ích này đọc phiên bản 1)")
        }
        Reason::UnsupportedSchema { found } => {
            format!("config schema {found} is not supported (this widget reads schema 1)")
        }
        Reason::Date { value, error } => date_reason(lang, value, *error),
        Reason::EndBeforeStart if vi => "kết thúc trước khi bắt đầu".into(),
        Reason::EndBeforeStart => "ends before it starts".into(),
        Reason::RepeatSpanTooLong if vi => "mốc lặp hằng năm không thể kéo dài quá một năm".into(),
        Reason::LunarOutOfRange { first, last } if vi => {
            format!("mốc lặp theo âm lịch phải bắt đầu trong các năm {first}–{last}")
        }
        Reason::LunarOutOfRange { first, last } => {
            format!("a yearly lunar date must start between {first} and {last}")
        }
        Reason::RepeatSpanTooLong => "a yearly date cannot last more than a year".into(),
        Reason::UnknownRepeat { value } if vi => {
            format!(
                "\"{value}\" không hợp lệ (chỉ nhận \"yearly\", \"yearly-lunar\" hoặc \"none\")"
            )
        }
        Reason::UnknownRepeat { value } => {
            format!("\"{value}\" is not a repeat (use \"yearly\", \"yearly-lunar\" or \"none\")")
        }
        Reason::NotHttpUrl { value } if vi => format!("\"{value}\" không phải địa chỉ http(s)"),
        Reason::NotHttpUrl { value } => format!("\"{value}\" is not an http(s) URL"),
        Reason::TileTemplate { value } if vi => {
            format!("\"{value}\" thiếu {{z}}, {{x}} hoặc {{y}}")
        }
        Reason::TileTemplate { value } => format!("\"{value}\" lacks {{z}}, {{x}} or {{y}}"),
        Reason::ReferrerPolicy { value } if vi => {
            format!("\"{value}\" không phải Referrer-Policy (strict-origin-when-cross-origin, …)")
        }
        Reason::ReferrerPolicy { value } => {
            format!("\"{value}\" is not a Referrer-Policy (strict-origin-when-cross-origin, …)")
        }
        Reason::Timezone { value } if vi => {
            format!("\"{value}\" không phải múi giờ (Z hoặc ±HH:MM)")
        }
        Reason::Timezone { value } => format!("\"{value}\" is not an offset (Z or ±HH:MM)"),
        Reason::OutOfRange { min, max } if vi => format!("phải nằm trong khoảng {min} đến {max}"),
        Reason::OutOfRange { min, max } => format!("must be between {min} and {max}"),
        Reason::BadId { value } if vi => {
            format!("\"{value}\" chỉ được gồm chữ thường, chữ số, - và _")
        }
        Reason::BadId { value } => {
            format!("\"{value}\" may only hold lowercase letters, digits, - and _")
        }
        Reason::DuplicateId { value } if vi => format!("\"{value}\" bị trùng với một mốc trước"),
        Reason::DuplicateId { value } => format!("\"{value}\" is already used by an earlier date"),
        Reason::LanguageTag { value } if vi => {
            format!("\"{value}\" không phải mã ngôn ngữ (vi, en, …)")
        }
        Reason::LanguageTag { value } => format!("\"{value}\" is not a language tag (vi, en, …)"),
        Reason::UnknownSection { value } if vi => {
            format!("\"{value}\" không phải mục (summary, countdown, map)")
        }
        Reason::UnknownSection { value } => {
            format!("\"{value}\" is not a section (summary, countdown, map)")
        }
        Reason::UnknownTheme { value } if vi => {
            format!("\"{value}\" không phải giao diện (light, dark, auto)")
        }
        Reason::UnknownTheme { value } => format!("\"{value}\" is not a theme (light, dark, auto)"),
        Reason::FetchFailed if vi => "không tải được cấu hình (lỗi mạng hoặc bị chặn)".into(),
        Reason::FetchFailed => "the config could not be loaded (network error or blocked)".into(),
        Reason::CampaignDamaged if vi => {
            format!("dữ liệu chiến dịch (data-campaign) bị hỏng; {PASTE_AGAIN_VI}")
        }
        Reason::CampaignDamaged => {
            format!("the campaign data (data-campaign) is damaged; {PASTE_AGAIN_EN}")
        }
        Reason::ConfigShownAsText if vi => {
            "trình soạn thảo hoặc bộ lọc HTML đã xoá thẻ <script> của cấu hình và để lại JSON thành chữ; hãy dùng đoạn mã cho NukeViet hoặc WordPress của trang tạo mã nhúng".into()
        }
        Reason::ConfigShownAsText => {
            "an editor or HTML filter removed the config's <script> element and left its JSON as text; use the snippet builder's NukeViet or WordPress snippet".into()
        }
        Reason::HttpStatus { status } if vi => {
            format!("máy chủ trả lỗi HTTP {status} khi tải cấu hình")
        }
        Reason::HttpStatus { status } => {
            format!("the server answered HTTP {status} for the config")
        }
        Reason::Timeout { seconds } if vi => format!("tải cấu hình quá {seconds} giây"),
        Reason::Timeout { seconds } => {
            format!("the config took more than {seconds} seconds to load")
        }
        Reason::Browser { detail } if vi => format!("trình duyệt không hỗ trợ: {detail}"),
        Reason::Browser { detail } => format!("the browser lacks a feature: {detail}"),
    }
}

/// `keyDates[2].start: "2021-02-30" is not a date…`, or the reason alone for the
/// config as a whole.
pub fn error_message(lang: Lang, error: &Error) -> String {
    let reason = reason_text(lang, &error.reason);
    if error.path.is_empty() {
        reason
    } else {
        format!("{}: {reason}", error.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn vietnamese_dates() {
        let date = CivilDate::new(2021, 2, 3);
        assert_eq!(
            date.map(|d| long_date(Lang::Vi, d)).as_deref(),
            Some("Thứ Tư, 03/02/2021")
        );
        assert_eq!(
            date.map(|d| long_date(Lang::En, d)).as_deref(),
            Some("Wednesday, 03/02/2021")
        );
    }

    #[test]
    fn countdown_words() {
        assert_eq!(anniversary(Lang::Vi, 97), "Kỷ niệm 97 năm");
        let en: Vec<String> = [1, 2, 3, 11, 12, 13, 21, 91, 92, 97, 111]
            .iter()
            .map(|n| anniversary(Lang::En, *n))
            .collect();
        assert_eq!(en.join(","), "1st anniversary,2nd anniversary,3rd anniversary,11th anniversary,12th anniversary,13th anniversary,21st anniversary,91st anniversary,92nd anniversary,97th anniversary,111th anniversary");
        let r = |days, hours, minutes| Remaining {
            days,
            hours,
            minutes,
            seconds: 0,
        };
        assert_eq!(time_until(Lang::Vi, r(69, 14, 0)), "còn 69 ngày");
        assert_eq!(time_until(Lang::En, r(0, 1, 5)), "in 1 hour");
        assert_eq!(time_until(Lang::En, r(0, 0, 0)), "in 1 minute");
        assert_eq!(
            milestone(Lang::Vi, "Bầu cử", State::Upcoming, r(3, 2, 0)),
            "Còn 3 ngày đến Bầu cử."
        );
        assert_eq!(
            clock_corrected(Lang::En, -125_000),
            "This device's clock is off by about 2 minutes; counting from the server's time."
        );
    }

    #[test]
    fn date_ranges() {
        let spec = |t: &str| crate::time::parse_date_spec(t).ok();
        let zone = Offset::VIETNAM;
        let range = |a: &str, b: Option<&str>| match (spec(a), b.map(spec)) {
            (Some(a), None) => date_range(Lang::Vi, (a, None), None, zone),
            (Some(a), Some(Some(b))) => date_range(Lang::Vi, (a, Some(b)), None, zone),
            _ => String::from("invalid"),
        };
        assert_eq!(range("2021-02-03", None), "03/02/2021");
        assert_eq!(
            range("2021-01-25", Some("2021-02-01")),
            "25/01/2021 – 01/02/2021"
        );
        assert_eq!(
            range(
                "2021-05-23T07:00:00+07:00",
                Some("2021-05-23T19:00:00+07:00")
            ),
            "23/05/2021, 07:00 – 19:00 (giờ Việt Nam)"
        );
        // An instant written in UTC is shown in the campaign's zone.
        assert_eq!(
            range("2021-05-23T00:00:00Z", None),
            "23/05/2021, 07:00 (giờ Việt Nam)"
        );
        assert_eq!(
            zone_label(Lang::En, Offset::from_minutes(-600).unwrap_or(Offset::UTC)),
            "UTC−10:00"
        );
    }

    #[test]
    fn lunar_dates_as_vietnamese_readers_write_them() {
        let gio_to = LunarDate {
            year: 2027,
            month: 3,
            day: 10,
            leap: false,
        };
        let leap = LunarDate {
            year: 2023,
            month: 2,
            day: 1,
            leap: true,
        };
        let day = |t: &str| crate::time::parse_date_spec(t).ok();
        let Some(start) = day("2027-04-16") else {
            panic!("a valid day");
        };
        let zone = Offset::VIETNAM;
        assert_eq!(
            date_range(Lang::Vi, (start, None), Some(gio_to), zone),
            "16/04/2027 (10/3 âm lịch)"
        );
        assert_eq!(
            date_range(Lang::En, (start, None), Some(gio_to), zone),
            "16/04/2027 (day 10 of lunar month 3)"
        );
        assert_eq!(lunar_date(Lang::Vi, leap), "1/2 nhuận âm lịch");
        assert_eq!(lunar_date(Lang::En, leap), "day 1 of leap lunar month 2");
        let ceremony = (
            day("2027-04-16T07:30:00+07:00").unwrap_or(start),
            day("2027-04-16T11:00:00+07:00"),
        );
        assert_eq!(
            date_range(Lang::Vi, ceremony, Some(gio_to), zone),
            "16/04/2027 (10/3 âm lịch), 07:30 – 11:00 (giờ Việt Nam)"
        );
    }

    #[test]
    fn messages_name_path_and_reason() {
        let error = Error::at(
            "keyDates[2].start",
            Reason::Date {
                value: "2021-02-30".into(),
                error: DateError::NoSuchDay,
            },
        );
        assert_eq!(
            error_message(Lang::En, &error),
            "keyDates[2].start: \"2021-02-30\" is not a date: that day is not in the calendar"
        );
        assert!(error_message(Lang::Vi, &error)
            .starts_with("keyDates[2].start: \"2021-02-30\" không phải ngày"));
    }
}
