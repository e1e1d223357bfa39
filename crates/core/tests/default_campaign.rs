//! The built-in default campaign parses and holds the facts of its source (the
//! article and the corrections noted in `default_campaign.json`'s `$comment`s).
#![cfg(not(target_arch = "wasm32"))]

use campaign_core::config::{
    default_campaign, parse_config, Campaign, KeyDate, DEFAULT_CAMPAIGN_JSON,
    DEFAULT_CAMPAIGN_SOURCE,
};
use campaign_core::i18n::Lang;
use campaign_core::time::{parse_date_spec, CivilDate, DateSpec, Offset, Recurrence};

fn campaign() -> Campaign {
    match default_campaign() {
        Ok(campaign) => campaign,
        Err(error) => panic!("the default campaign does not parse: {error:?}"),
    }
}

fn key_date<'a>(campaign: &'a Campaign, id: &str) -> &'a KeyDate {
    campaign
        .key_dates
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no key date {id}"))
}

fn day(y: i32, m: u8, d: u8) -> DateSpec {
    DateSpec::Day(CivilDate::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}")))
}

fn instant(text: &str) -> DateSpec {
    parse_date_spec(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

#[test]
fn parses_without_unknown_fields() {
    let parsed = parse_config(DEFAULT_CAMPAIGN_JSON).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        parsed.unknown_fields.is_empty(),
        "{:?}",
        parsed.unknown_fields
    );
}

#[test]
fn body_basis_and_source() {
    let c = campaign();
    assert_eq!(c.timezone, Offset::VIETNAM);
    assert_eq!(c.organization.get(Lang::Vi), "Văn phòng HĐND tỉnh Đồng Nai");
    let basis = c
        .basis
        .as_ref()
        .map(|b| b.get(Lang::Vi))
        .unwrap_or_default();
    assert!(
        basis.starts_with("Chỉ thị số 01/CT-UBND ngày 05/01/2021 của UBND tỉnh Đồng Nai"),
        "{basis}"
    );
    assert!(basis.contains("quốc phòng – an ninh năm 2021"));
    let source = c.source.as_ref().expect("a source");
    assert_eq!(source.name.get(Lang::Vi), "hdnd.dongnai.gov.vn");
    assert_eq!(
        source.author.as_ref().map(|a| a.get(Lang::Vi)),
        Some("Kiếm Long")
    );
    assert!(c.title.get(Lang::Vi).contains("năm 2021"));
    assert!(!c.title.get(Lang::En).is_empty() && c.title.get(Lang::En) != c.title.get(Lang::Vi));
}

#[test]
fn key_dates_match_the_record() {
    let c = campaign();
    let founding = key_date(&c, "party-founding");
    assert_eq!(
        (
            founding.when.start,
            founding.when.end,
            founding.when.recurrence
        ),
        (day(1930, 2, 3), None, Recurrence::Yearly)
    );

    let congress = key_date(&c, "congress-13");
    assert_eq!(
        (congress.when.start, congress.when.end),
        (day(2021, 1, 25), Some(day(2021, 2, 1)))
    );
    assert!(congress.title.get(Lang::Vi).contains("lần thứ XIII"));

    let election = key_date(&c, "election-2021");
    // 07:00–19:00 Vietnam time is 00:00–12:00 UTC, on Sunday 23/05/2021.
    let utc = |spec: DateSpec| spec.start_in(Offset::UTC);
    assert_eq!(
        utc(election.when.start),
        utc(instant("2021-05-23T00:00:00Z"))
    );
    assert_eq!(
        election.when.end.map(utc),
        Some(utc(instant("2021-05-23T12:00:00Z")))
    );
    assert_eq!(CivilDate::new(2021, 5, 23).map(CivilDate::weekday), Some(0));
    assert!(election.title.get(Lang::Vi).contains("khóa XV"));

    assert_eq!(
        key_date(&c, "campaign-year-end").when.start,
        day(2021, 12, 31)
    );
}

#[test]
fn typos_of_the_article_are_fixed() {
    // The embedded JSON has no `$comment` (which names the typos), only data.
    let data = DEFAULT_CAMPAIGN_JSON;
    assert!(data.contains("Đẩy mạnh công tác thông tin tuyên truyền"));
    for typo in [
        "đẩỵ",
        "tiên tiên",
        "chỉ thị số chỉ thị số",
        "thi đua năm 2020",
    ] {
        assert!(!data.to_lowercase().contains(typo), "{typo}");
    }
}

#[test]
fn the_map_shows_the_office_in_bien_hoa() {
    let c = campaign();
    let map = c.map.as_ref().expect("a map");
    assert_eq!(map.title.get(Lang::Vi), "Bản đồ");
    let office = map.markers.first().expect("a marker");
    assert!(office.address.get(Lang::Vi).contains("Biên Hòa"));
    // Biên Hòa's centre lies within these bounds.
    assert!(
        (10.90..11.00).contains(&office.position.lat),
        "{:?}",
        office.position
    );
    assert!(
        (106.78..106.88).contains(&office.position.lng),
        "{:?}",
        office.position
    );
}

#[test]
fn the_data_file_says_where_it_comes_from_and_what_was_fixed() {
    for note in [
        "Typos fixed",
        "'đẩỵ' -> 'đẩy'",
        "OpenStreetMap",
        "hdnd.dongnai.gov.vn",
    ] {
        assert!(DEFAULT_CAMPAIGN_SOURCE.contains(note), "{note}");
    }
    // What the widget embeds is the same campaign, only compact and without notes.
    let source = parse_config(DEFAULT_CAMPAIGN_SOURCE).map(|p| p.campaign);
    let embedded = parse_config(DEFAULT_CAMPAIGN_JSON).map(|p| p.campaign);
    assert_eq!(source, embedded);
    assert!(!DEFAULT_CAMPAIGN_JSON.contains("$comment"));
    assert!(DEFAULT_CAMPAIGN_JSON.len() + 2000 < DEFAULT_CAMPAIGN_SOURCE.len());
}
