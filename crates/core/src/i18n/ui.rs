//! The fixed strings of the widget: the [`Strings`] struct and one table per
//! language. A field added to [`Strings`] fails to compile until every table
//! has it; [`Lang::strings`](super::Lang::strings) picks the table.

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
    /// When no tile of the map can load.
    pub map_unavailable: &'static str,
    /// Beside the picture of the map, when Leaflet could not load.
    pub map_static: &'static str,
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
    /// Opens one date's calendar choices.
    pub add_to_calendar: &'static str,
    /// Opens the calendar choices for every date.
    pub add_all_to_calendar: &'static str,
    /// The Google Calendar link.
    pub google_calendar: &'static str,
    /// The .ics download of one date: which calendars take it.
    pub ics_file: &'static str,
    /// The .ics download of every date.
    pub ics_file_all: &'static str,
    /// In the choices of every date: Google Calendar takes one date at a time.
    pub google_calendar_each: &'static str,
    /// In an app's embedded browser, in place of the .ics download.
    pub ics_in_app: &'static str,
    /// The share button's text and accessible name.
    pub share: &'static str,
    /// Announced when the link was copied.
    pub link_copied: &'static str,
    /// Beside the link when it could not be copied for the visitor.
    pub copy_this_link: &'static str,
    /// Names the zone times are shown in, for UTC+07:00.
    pub vietnam_time: &'static str,
    /// Weekday names, Sunday first.
    pub weekdays: [&'static str; 7],
}

/// The Vietnamese table, also the source of `time_until`'s unit names.
pub(super) static VI: Strings = Strings {
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
    map_static: "Không tải được bản đồ tương tác (chạm lại để thử). Địa điểm:",
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
    add_all_to_calendar: "Thêm tất cả các mốc vào lịch",
    google_calendar: "Google Lịch (Android, máy tính)",
    ics_file: "Tệp .ics (iPhone, Outlook, lịch khác)",
    ics_file_all: "Tệp .ics có tất cả các mốc (iPhone, Outlook, lịch khác)",
    google_calendar_each: "Google Lịch: dùng nút “Thêm vào lịch” của từng mốc ở trên.",
    ics_in_app: "Muốn tải tệp .ics, hãy mở trang này bằng trình duyệt: bấm ⋮ hoặc ⋯ rồi chọn “Mở bằng trình duyệt”.",
    share: "Chia sẻ",
    link_copied: "Đã sao chép liên kết",
    copy_this_link: "Hãy sao chép liên kết này:",
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

/// The English table.
pub(super) static EN: Strings = Strings {
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
    map_static: "The interactive map could not load (touch it to try again). The place:",
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
    add_all_to_calendar: "Add all dates to your calendar",
    google_calendar: "Google Calendar (Android, computer)",
    ics_file: ".ics file (iPhone, Outlook, other calendars)",
    ics_file_all: ".ics file with every date (iPhone, Outlook, other calendars)",
    google_calendar_each: "Google Calendar: use each date's “Add to calendar” above.",
    ics_in_app: "To download the .ics file, open this page in your browser: tap ⋮ or ⋯ and choose “Open in browser”.",
    share: "Share",
    link_copied: "Link copied",
    copy_this_link: "Copy this link:",
    vietnam_time: "Vietnam time",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
