//! Why a config was refused, in words. One function per language for each
//! thing worded (a [`Reason`], a JSON [`Kind`], a [`DateError`], an
//! [`EditorEdit`]), each an exhaustive match with no wildcard arm: a new
//! variant without wording in every language fails to compile. The public
//! functions pick the language with an exhaustive match over [`Lang`].

use super::Lang;
use crate::error::{EditorEdit, Error, Kind, Reason};
use crate::time::DateError;

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

/// Why, in words, without the path.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    match lang {
        Lang::Vi => reason_vi(reason),
        Lang::En => reason_en(reason),
    }
}

/// What to do about a config an editor or a filter changed: shared by the
/// messages of JSON an editor changed and of a damaged `campaign` attribute.
const PASTE_AGAIN_VI: &str = "hãy dán lại đoạn mã do trang tạo mã nhúng tạo ra";
const PASTE_AGAIN_EN: &str = "paste the snippet the snippet builder makes again";

fn reason_vi(reason: &Reason) -> String {
    match reason {
        Reason::Json { line, column } => format!("JSON không hợp lệ ở dòng {line}, cột {column}"),
        Reason::EditedJson { line, column, edit } => format!(
            "JSON không hợp lệ ở dòng {line}, cột {column}: {}; {PASTE_AGAIN_VI}",
            edit_vi(*edit)
        ),
        Reason::TooLarge { bytes, limit } => format!(
            "cấu hình quá lớn ({} KB, tối đa {} KB)",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        Reason::Missing => "bắt buộc nhưng bị thiếu".into(),
        Reason::WrongType { expected, found } => format!(
            "phải là {}, không phải {}",
            kind_vi(*expected),
            kind_vi(*found)
        ),
        Reason::Empty => "không được để trống".into(),
        Reason::TooLong { max } => format!("dài quá {max} ký tự"),
        Reason::TooMany { max } => format!("có quá {max} mục"),
        Reason::UnsupportedSchema { found } => {
            format!("phiên bản cấu hình {found} không được hỗ trợ (tiện ích này đọc phiên bản 1)")
        }
        Reason::Date { value, error } => date_vi(value, *error),
        Reason::EndBeforeStart => "kết thúc trước khi bắt đầu".into(),
        Reason::RepeatSpanTooLong => "mốc lặp hằng năm không thể kéo dài quá một năm".into(),
        Reason::UnknownRepeat { value } => {
            format!("\"{value}\" không hợp lệ (chỉ nhận \"yearly\", \"yearly-lunar\" hoặc \"none\")")
        }
        Reason::LunarOutOfRange { first, last } => {
            format!("mốc lặp theo âm lịch phải bắt đầu trong các năm {first}–{last}")
        }
        Reason::NotHttpUrl { value } => format!("\"{value}\" không phải địa chỉ http(s)"),
        Reason::TileTemplate { value } => format!("\"{value}\" thiếu {{z}}, {{x}} hoặc {{y}}"),
        Reason::ReferrerPolicy { value } => {
            format!("\"{value}\" không phải Referrer-Policy (strict-origin-when-cross-origin, …)")
        }
        Reason::Timezone { value } => format!("\"{value}\" không phải múi giờ (Z hoặc ±HH:MM)"),
        Reason::OutOfRange { min, max } => format!("phải nằm trong khoảng {min} đến {max}"),
        Reason::BadId { value } => format!("\"{value}\" chỉ được gồm chữ thường, chữ số, - và _"),
        Reason::DuplicateId { value } => format!("\"{value}\" bị trùng với một mốc trước"),
        Reason::LanguageTag { value } => format!("\"{value}\" không phải mã ngôn ngữ (vi, en, …)"),
        Reason::UnknownSection { value } => {
            format!("\"{value}\" không phải mục (summary, countdown, map)")
        }
        Reason::UnknownTheme { value } => {
            format!("\"{value}\" không phải giao diện (light, dark, auto)")
        }
        Reason::FetchFailed => "không tải được cấu hình (lỗi mạng hoặc bị chặn)".into(),
        Reason::CampaignDamaged => {
            format!("dữ liệu chiến dịch (data-campaign) bị hỏng; {PASTE_AGAIN_VI}")
        }
        Reason::ConfigShownAsText => "trình soạn thảo hoặc bộ lọc HTML đã xoá thẻ <script> của cấu hình và để lại JSON thành chữ; hãy dùng đoạn mã cho NukeViet hoặc WordPress của trang tạo mã nhúng".into(),
        Reason::HttpStatus { status } => format!("máy chủ trả lỗi HTTP {status} khi tải cấu hình"),
        Reason::Timeout { seconds } => format!("tải cấu hình quá {seconds} giây"),
        Reason::Browser { detail } => format!("trình duyệt không hỗ trợ: {detail}"),
    }
}

fn reason_en(reason: &Reason) -> String {
    match reason {
        Reason::Json { line, column } => format!("malformed JSON at line {line}, column {column}"),
        Reason::EditedJson { line, column, edit } => format!(
            "malformed JSON at line {line}, column {column}: {}; {PASTE_AGAIN_EN}",
            edit_en(*edit)
        ),
        Reason::TooLarge { bytes, limit } => format!(
            "the config is too large ({} KB, at most {} KB)",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        Reason::Missing => "is required".into(),
        Reason::WrongType { expected, found } => {
            format!("must be {}, not {}", kind_en(*expected), kind_en(*found))
        }
        Reason::Empty => "must not be empty".into(),
        Reason::TooLong { max } => format!("is longer than {max} characters"),
        Reason::TooMany { max } => format!("has more than {max} items"),
        Reason::UnsupportedSchema { found } => {
            format!("config schema {found} is not supported (this widget reads schema 1)")
        }
        Reason::Date { value, error } => date_en(value, *error),
        Reason::EndBeforeStart => "ends before it starts".into(),
        Reason::RepeatSpanTooLong => "a yearly date cannot last more than a year".into(),
        Reason::UnknownRepeat { value } => {
            format!("\"{value}\" is not a repeat (use \"yearly\", \"yearly-lunar\" or \"none\")")
        }
        Reason::LunarOutOfRange { first, last } => {
            format!("a yearly lunar date must start between {first} and {last}")
        }
        Reason::NotHttpUrl { value } => format!("\"{value}\" is not an http(s) URL"),
        Reason::TileTemplate { value } => format!("\"{value}\" lacks {{z}}, {{x}} or {{y}}"),
        Reason::ReferrerPolicy { value } => {
            format!("\"{value}\" is not a Referrer-Policy (strict-origin-when-cross-origin, …)")
        }
        Reason::Timezone { value } => format!("\"{value}\" is not an offset (Z or ±HH:MM)"),
        Reason::OutOfRange { min, max } => format!("must be between {min} and {max}"),
        Reason::BadId { value } => {
            format!("\"{value}\" may only hold lowercase letters, digits, - and _")
        }
        Reason::DuplicateId { value } => format!("\"{value}\" is already used by an earlier date"),
        Reason::LanguageTag { value } => format!("\"{value}\" is not a language tag (vi, en, …)"),
        Reason::UnknownSection { value } => {
            format!("\"{value}\" is not a section (summary, countdown, map)")
        }
        Reason::UnknownTheme { value } => format!("\"{value}\" is not a theme (light, dark, auto)"),
        Reason::FetchFailed => "the config could not be loaded (network error or blocked)".into(),
        Reason::CampaignDamaged => {
            format!("the campaign data (data-campaign) is damaged; {PASTE_AGAIN_EN}")
        }
        Reason::ConfigShownAsText => "an editor or HTML filter removed the config's <script> element and left its JSON as text; use the snippet builder's NukeViet or WordPress snippet".into(),
        Reason::HttpStatus { status } => format!("the server answered HTTP {status} for the config"),
        Reason::Timeout { seconds } => format!("the config took more than {seconds} seconds to load"),
        Reason::Browser { detail } => format!("the browser lacks a feature: {detail}"),
    }
}

fn date_vi(value: &str, error: DateError) -> String {
    match error {
        DateError::Format => {
            format!("\"{value}\" không phải ngày hợp lệ: viết YYYY-MM-DD hoặc RFC 3339 có múi giờ")
        }
        DateError::NoSuchDay => {
            format!("\"{value}\" không phải ngày hợp lệ: ngày này không có trong lịch")
        }
        DateError::NoSuchTime => format!("\"{value}\" không phải ngày hợp lệ: giờ không tồn tại"),
        DateError::MissingOffset => format!("\"{value}\" thiếu múi giờ (thêm Z hoặc +07:00)"),
        DateError::BadOffset => format!("\"{value}\" có múi giờ không hợp lệ (Z hoặc ±HH:MM)"),
    }
}

fn date_en(value: &str, error: DateError) -> String {
    match error {
        DateError::Format => {
            format!("\"{value}\" is not a date: write YYYY-MM-DD or RFC 3339 with an offset")
        }
        DateError::NoSuchDay => {
            format!("\"{value}\" is not a date: that day is not in the calendar")
        }
        DateError::NoSuchTime => format!("\"{value}\" is not a date: no such time of day"),
        DateError::MissingOffset => format!("\"{value}\" has no offset (add Z or +07:00)"),
        DateError::BadOffset => format!("\"{value}\" has an invalid offset (Z or ±HH:MM)"),
    }
}

fn kind_vi(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Boolean => "giá trị đúng/sai",
        Kind::Number => "số",
        Kind::Integer => "số nguyên",
        Kind::String => "chuỗi",
        Kind::Text => "chuỗi hoặc {\"vi\": …, \"en\": …}",
        Kind::Array => "mảng",
        Kind::Object => "đối tượng",
        Kind::LatLng => "[vĩ độ, kinh độ]",
    }
}

fn kind_en(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Boolean => "a boolean",
        Kind::Number => "a number",
        Kind::Integer => "a whole number",
        Kind::String => "a string",
        Kind::Text => "a string or {\"vi\": …, \"en\": …}",
        Kind::Array => "an array",
        Kind::Object => "an object",
        Kind::LatLng => "[latitude, longitude]",
    }
}

fn edit_vi(edit: EditorEdit) -> &'static str {
    match edit {
        EditorEdit::TypographicQuotes => {
            "trình soạn thảo đã đổi dấu ngoặc kép thẳng (\") thành dấu ngoặc cong (“ ”)"
        }
        EditorEdit::Markup => "trình soạn thảo đã chèn mã HTML (<br />, <p>) vào cấu hình",
        EditorEdit::NonBreakingSpace => {
            "trình soạn thảo đã chèn dấu cách không ngắt (&nbsp;) vào cấu hình"
        }
    }
}

fn edit_en(edit: EditorEdit) -> &'static str {
    match edit {
        EditorEdit::TypographicQuotes => {
            "an editor turned straight quotes (\") into typographic ones (“ ”)"
        }
        EditorEdit::Markup => "an editor added HTML (<br />, <p>) inside the config",
        EditorEdit::NonBreakingSpace => {
            "an editor added non-breaking spaces (&nbsp;) inside the config"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// How many variants `Reason` has: [`variant`] numbers them `0..REASONS`.
    const REASONS: usize = 30;

    /// The position of a reason's variant. An exhaustive match without a
    /// wildcard, so a new variant fails to compile here until it is numbered,
    /// and the test below then fails until [`one_of_each`] has a sample of it.
    fn variant(reason: &Reason) -> usize {
        match reason {
            Reason::Json { .. } => 0,
            Reason::EditedJson { .. } => 1,
            Reason::TooLarge { .. } => 2,
            Reason::Missing => 3,
            Reason::WrongType { .. } => 4,
            Reason::Empty => 5,
            Reason::TooLong { .. } => 6,
            Reason::TooMany { .. } => 7,
            Reason::UnsupportedSchema { .. } => 8,
            Reason::Date { .. } => 9,
            Reason::EndBeforeStart => 10,
            Reason::RepeatSpanTooLong => 11,
            Reason::UnknownRepeat { .. } => 12,
            Reason::LunarOutOfRange { .. } => 13,
            Reason::NotHttpUrl { .. } => 14,
            Reason::TileTemplate { .. } => 15,
            Reason::ReferrerPolicy { .. } => 16,
            Reason::Timezone { .. } => 17,
            Reason::OutOfRange { .. } => 18,
            Reason::BadId { .. } => 19,
            Reason::DuplicateId { .. } => 20,
            Reason::LanguageTag { .. } => 21,
            Reason::UnknownSection { .. } => 22,
            Reason::UnknownTheme { .. } => 23,
            Reason::FetchFailed => 24,
            Reason::CampaignDamaged => 25,
            Reason::ConfigShownAsText => 26,
            Reason::HttpStatus { .. } => 27,
            Reason::Timeout { .. } => 28,
            Reason::Browser { .. } => 29,
        }
    }

    /// At least one of each reason, with every editor edit, JSON kind and date error.
    fn one_of_each() -> Vec<Reason> {
        let value = || String::from("x");
        let mut all = vec![
            Reason::Json { line: 3, column: 7 },
            Reason::TooLarge {
                bytes: 300_000,
                limit: 256 * 1024,
            },
            Reason::Missing,
            Reason::Empty,
            Reason::TooLong { max: 200 },
            Reason::TooMany { max: 50 },
            Reason::UnsupportedSchema { found: "2".into() },
            Reason::EndBeforeStart,
            Reason::RepeatSpanTooLong,
            Reason::UnknownRepeat { value: value() },
            Reason::LunarOutOfRange {
                first: 1900,
                last: 2199,
            },
            Reason::NotHttpUrl { value: value() },
            Reason::TileTemplate { value: value() },
            Reason::ReferrerPolicy { value: value() },
            Reason::Timezone { value: value() },
            Reason::OutOfRange { min: -90, max: 90 },
            Reason::BadId { value: value() },
            Reason::DuplicateId { value: value() },
            Reason::LanguageTag { value: value() },
            Reason::UnknownSection { value: value() },
            Reason::UnknownTheme { value: value() },
            Reason::FetchFailed,
            Reason::CampaignDamaged,
            Reason::ConfigShownAsText,
            Reason::HttpStatus { status: 404 },
            Reason::Timeout { seconds: 10 },
            Reason::Browser {
                detail: "attachShadow".into(),
            },
        ];
        for edit in [
            EditorEdit::TypographicQuotes,
            EditorEdit::Markup,
            EditorEdit::NonBreakingSpace,
        ] {
            all.push(Reason::EditedJson {
                line: 3,
                column: 7,
                edit,
            });
        }
        let kinds = [
            Kind::Null,
            Kind::Boolean,
            Kind::Number,
            Kind::Integer,
            Kind::String,
            Kind::Text,
            Kind::Array,
            Kind::Object,
            Kind::LatLng,
        ];
        for (expected, found) in kinds.iter().zip(kinds.iter().rev()) {
            all.push(Reason::WrongType {
                expected: *expected,
                found: *found,
            });
        }
        for error in [
            DateError::Format,
            DateError::NoSuchDay,
            DateError::NoSuchTime,
            DateError::MissingOffset,
            DateError::BadOffset,
        ] {
            all.push(Reason::Date {
                value: "2021-02-30".into(),
                error,
            });
        }
        all
    }

    #[test]
    fn every_reason_is_worded_in_both_languages() {
        let all = one_of_each();
        let mut seen: Vec<usize> = all.iter().map(variant).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen,
            (0..REASONS).collect::<Vec<_>>(),
            "a reason without a sample"
        );
        let mut vi_seen = Vec::new();
        let mut en_seen = Vec::new();
        for reason in &all {
            let (vi, en) = (reason_text(Lang::Vi, reason), reason_text(Lang::En, reason));
            assert!(!vi.is_empty() && !en.is_empty(), "{reason:?}");
            // Every message is translated today: none reads the same in both.
            assert_ne!(vi, en, "{reason:?}");
            // Two samples worded alike would be an arm copied without its edit.
            assert!(!vi_seen.contains(&vi), "{reason:?}: {vi}");
            assert!(!en_seen.contains(&en), "{reason:?}: {en}");
            vi_seen.push(vi);
            en_seen.push(en);
        }
    }
}
