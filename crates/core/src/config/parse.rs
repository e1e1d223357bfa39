//! Config schema v1: JSON text in, a validated [`Campaign`] out, or the first
//! problem with the path of the field that has it. Unknown fields are not refused
//! (a newer config may carry them) but reported as warnings.

use super::json::{self, Value};

use super::limits;
use super::model::{Campaign, KeyDate, LatLng, MapConfig, Marker, Source, Text, Tiles};
use crate::error::{quote, EditorEdit, Error, Kind, Reason};
use crate::time::{
    lunar, parse_date_spec, parse_offset, DateSpec, Offset, Recurrence, RecurringDate,
};

/// A campaign that passed validation, and the unknown fields it carried.
#[derive(Debug)]
pub struct Parsed {
    /// The campaign.
    pub campaign: Campaign,
    /// Paths of fields the schema does not know (typos, or a newer schema's).
    pub unknown_fields: Vec<String>,
}

/// The default tile layer: OpenStreetMap's standard tiles (a URL template).
pub const OSM_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// The attribution OpenStreetMap asks for with its tiles.
pub const OSM_ATTRIBUTION: &str = "© OpenStreetMap contributors";

/// The values of the `Referrer-Policy` header, as `map.tiles.referrerPolicy` takes them.
pub const REFERRER_POLICIES: [&str; 8] = [
    "no-referrer",
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
];

/// The field names of schema v1, per object; others are reported as unknown.
pub mod fields {
    /// The config's top level.
    pub const CAMPAIGN: &[&str] = &[
        "schema",
        "timezone",
        "title",
        "organization",
        "basis",
        "summary",
        "goals",
        "keyDates",
        "map",
        "source",
        "share",
    ];
    /// One of `keyDates`.
    pub const KEY_DATE: &[&str] = &["id", "title", "start", "end", "repeat"];
    /// `map`.
    pub const MAP: &[&str] = &["title", "center", "zoom", "tiles", "markers"];
    /// `map.tiles`.
    pub const TILES: &[&str] = &["url", "attribution", "maxZoom", "referrerPolicy"];
    /// One of `map.markers`.
    pub const MARKER: &[&str] = &["position", "title", "address"];
    /// `source`.
    pub const SOURCE: &[&str] = &["name", "url", "author"];
    /// All of the above.
    pub const ALL: [&[&str]; 6] = [CAMPAIGN, KEY_DATE, MAP, TILES, MARKER, SOURCE];
}

/// Parses and validates a config.
pub fn parse_config(json: &str) -> Result<Parsed, Error> {
    if json.len() > limits::CONFIG_BYTES {
        return Err(Error::at(
            "",
            Reason::TooLarge {
                bytes: json.len(),
                limit: limits::CONFIG_BYTES,
            },
        ));
    }
    let value = json::parse(json).map_err(|e| {
        let (line, column) = (e.line, e.column);
        // Where an editor changed the JSON (pasted into a CMS as text), say what
        // it did rather than only where.
        let edit = json.get(e.offset..).and_then(EditorEdit::at);
        let reason = match edit {
            Some(edit) => Reason::EditedJson { line, column, edit },
            None => Reason::Json { line, column },
        };
        Error::at("", reason)
    })?;
    let mut unknown_fields = Vec::new();
    let campaign = campaign(&value, &mut unknown_fields)?;
    Ok(Parsed {
        campaign,
        unknown_fields,
    })
}

fn campaign(value: &Value, unknown: &mut Vec<String>) -> Result<Campaign, Error> {
    let root = Obj::new(value, String::new())?;
    root.warn_unknown(fields::CAMPAIGN, unknown);
    schema_version(&root)?;
    let timezone = match root.get("timezone") {
        None => Offset::VIETNAM,
        Some(v) => {
            let path = root.path("timezone");
            let text = string(v, &path, limits::SHORT_TEXT)?;
            parse_offset(text)
                .map_err(|_| Error::at(path, Reason::Timezone { value: quote(text) }))?
        }
    };
    let goals = match root.get("goals") {
        None => Vec::new(),
        Some(v) => array(v, &root.path("goals"), limits::GOALS)?
            .iter()
            .enumerate()
            .map(|(i, goal)| text(goal, &root.index("goals", i), limits::LONG_TEXT))
            .collect::<Result<_, _>>()?,
    };
    let key_dates = key_dates(&root, timezone, unknown)?;
    Ok(Campaign {
        timezone,
        title: root.required_text("title", limits::SHORT_TEXT)?,
        organization: root.required_text("organization", limits::SHORT_TEXT)?,
        basis: root.optional_text("basis", limits::LONG_TEXT)?,
        summary: root.required_text("summary", limits::LONG_TEXT)?,
        goals,
        key_dates,
        map: root
            .get("map")
            .map(|v| map(v, root.path("map"), unknown))
            .transpose()?,
        source: root
            .get("source")
            .map(|v| source(v, root.path("source"), unknown))
            .transpose()?,
        share: match root.get("share") {
            None | Some(Value::Bool(true)) => true,
            Some(Value::Bool(false)) => false,
            Some(other) => return Err(wrong_type(root.path("share"), Kind::Boolean, other)),
        },
    })
}

fn schema_version(root: &Obj) -> Result<(), Error> {
    let path = root.path("schema");
    match root.get("schema") {
        None => Err(Error::at(path, Reason::Missing)),
        Some(Value::Number(n)) if n.as_i64() == Some(1) => Ok(()),
        Some(Value::Number(n)) => Err(Error::at(
            path,
            Reason::UnsupportedSchema {
                found: n.as_str().to_owned(),
            },
        )),
        Some(other) => Err(wrong_type(path, Kind::Integer, other)),
    }
}

fn key_dates(root: &Obj, zone: Offset, unknown: &mut Vec<String>) -> Result<Vec<KeyDate>, Error> {
    let list = array(
        root.require("keyDates")?,
        &root.path("keyDates"),
        limits::KEY_DATES,
    )?;
    let mut dates: Vec<KeyDate> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let obj = Obj::new(item, root.index("keyDates", i))?;
        obj.warn_unknown(fields::KEY_DATE, unknown);
        let id_path = obj.path("id");
        let id = string(obj.require("id")?, &id_path, limits::ID)?;
        let id_ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !id_ok {
            return Err(Error::at(id_path, Reason::BadId { value: quote(id) }));
        }
        if dates.iter().any(|d| d.id == id) {
            return Err(Error::at(id_path, Reason::DuplicateId { value: quote(id) }));
        }
        let start = date(obj.require("start")?, obj.path("start"))?;
        let end = obj
            .get("end")
            .map(|v| date(v, obj.path("end")))
            .transpose()?;
        let recurrence = match obj.get("repeat") {
            None => Recurrence::Once,
            Some(v) => {
                let path = obj.path("repeat");
                match string(v, &path, limits::SHORT_TEXT)? {
                    "yearly" => Recurrence::Yearly,
                    "yearly-lunar" => Recurrence::YearlyLunar,
                    "none" => Recurrence::Once,
                    other => {
                        return Err(Error::at(
                            path,
                            Reason::UnknownRepeat {
                                value: quote(other),
                            },
                        ))
                    }
                }
            }
        };
        if recurrence == Recurrence::YearlyLunar {
            // The lunar table's range; a start in it keeps its end (at most a year
            // later, below) in it too.
            let (first, _) = crate::time::to_civil(start.start_in(zone), zone);
            if !(lunar::FIRST_YEAR + 1..lunar::LAST_YEAR).contains(&first.year) {
                return Err(Error::at(
                    obj.path("start"),
                    Reason::LunarOutOfRange {
                        first: lunar::FIRST_YEAR + 1,
                        last: lunar::LAST_YEAR - 1,
                    },
                ));
            }
        }
        if let Some(end) = end {
            if end.end_in(zone) < start.start_in(zone) {
                return Err(Error::at(obj.path("end"), Reason::EndBeforeStart));
            }
            // Occurrences a year apart must not overlap.
            let a_year = 365 * crate::time::DAY_MS;
            if recurrence != Recurrence::Once && end.end_in(zone) - start.start_in(zone) > a_year {
                return Err(Error::at(obj.path("end"), Reason::RepeatSpanTooLong));
            }
        }
        dates.push(KeyDate {
            id: id.to_owned(),
            title: obj.required_text("title", limits::SHORT_TEXT)?,
            when: RecurringDate {
                start,
                end,
                recurrence,
            },
        });
    }
    Ok(dates)
}

fn date(value: &Value, path: String) -> Result<DateSpec, Error> {
    let text = string(value, &path, limits::SHORT_TEXT)?;
    parse_date_spec(text).map_err(|error| {
        Error::at(
            path,
            Reason::Date {
                value: quote(text),
                error,
            },
        )
    })
}

fn map(value: &Value, path: String, unknown: &mut Vec<String>) -> Result<MapConfig, Error> {
    let obj = Obj::new(value, path)?;
    obj.warn_unknown(fields::MAP, unknown);
    let tiles = match obj.get("tiles") {
        None => Tiles {
            url: OSM_TILE_URL.to_owned(),
            attribution: Text::plain(OSM_ATTRIBUTION),
            max_zoom: 19,
            referrer_policy: None,
        },
        Some(v) => tiles(v, obj.path("tiles"), unknown)?,
    };
    let zoom = match obj.get("zoom") {
        None => 15,
        Some(v) => integer(v, &obj.path("zoom"), 0, i64::from(tiles.max_zoom))? as u8,
    };
    let markers = match obj.get("markers") {
        None => Vec::new(),
        Some(v) => array(v, &obj.path("markers"), limits::MARKERS)?
            .iter()
            .enumerate()
            .map(|(i, m)| marker(m, obj.index("markers", i), unknown))
            .collect::<Result<_, _>>()?,
    };
    Ok(MapConfig {
        title: obj
            .optional_text("title", limits::SHORT_TEXT)?
            .unwrap_or_default(),
        center: lat_lng(obj.require("center")?, obj.path("center"))?,
        zoom,
        tiles,
        markers,
    })
}

fn tiles(value: &Value, path: String, unknown: &mut Vec<String>) -> Result<Tiles, Error> {
    let obj = Obj::new(value, path)?;
    obj.warn_unknown(fields::TILES, unknown);
    let url_path = obj.path("url");
    let url = http_url(obj.require("url")?, &url_path)?;
    if !["{z}", "{x}", "{y}"].iter().all(|p| url.contains(p)) {
        return Err(Error::at(
            url_path,
            Reason::TileTemplate { value: quote(&url) },
        ));
    }
    let max_zoom = match obj.get("maxZoom") {
        None => 19,
        Some(v) => integer(v, &obj.path("maxZoom"), 0, 22)? as u8,
    };
    let referrer_policy = match obj.get("referrerPolicy") {
        None => None,
        Some(v) => {
            let path = obj.path("referrerPolicy");
            let policy = string(v, &path, limits::SHORT_TEXT)?;
            if !REFERRER_POLICIES.contains(&policy) {
                return Err(Error::at(
                    path,
                    Reason::ReferrerPolicy {
                        value: quote(policy),
                    },
                ));
            }
            Some(policy.to_owned())
        }
    };
    Ok(Tiles {
        url,
        attribution: obj.required_text("attribution", limits::SHORT_TEXT)?,
        max_zoom,
        referrer_policy,
    })
}

fn marker(value: &Value, path: String, unknown: &mut Vec<String>) -> Result<Marker, Error> {
    let obj = Obj::new(value, path)?;
    obj.warn_unknown(fields::MARKER, unknown);
    Ok(Marker {
        position: lat_lng(obj.require("position")?, obj.path("position"))?,
        title: obj.required_text("title", limits::SHORT_TEXT)?,
        address: obj
            .optional_text("address", limits::SHORT_TEXT)?
            .unwrap_or_default(),
    })
}

fn source(value: &Value, path: String, unknown: &mut Vec<String>) -> Result<Source, Error> {
    let obj = Obj::new(value, path)?;
    obj.warn_unknown(fields::SOURCE, unknown);
    Ok(Source {
        name: obj.required_text("name", limits::SHORT_TEXT)?,
        url: obj
            .get("url")
            .map(|v| http_url(v, &obj.path("url")))
            .transpose()?,
        author: obj.optional_text("author", limits::SHORT_TEXT)?,
    })
}

fn lat_lng(value: &Value, path: String) -> Result<LatLng, Error> {
    let pair = match value {
        Value::Array(items) if items.len() == 2 => items,
        other => return Err(wrong_type(path, Kind::LatLng, other)),
    };
    let coordinate = |i: usize, limit: i64| {
        let path = format!("{path}[{i}]");
        match &pair[i] {
            Value::Number(n) => match n.as_f64() {
                x if (-limit as f64..=limit as f64).contains(&x) => Ok(x),
                _ => Err(Error::at(
                    path,
                    Reason::OutOfRange {
                        min: -limit,
                        max: limit,
                    },
                )),
            },
            other => Err(wrong_type(path, Kind::Number, other)),
        }
    };
    Ok(LatLng {
        lat: coordinate(0, 90)?,
        lng: coordinate(1, 180)?,
    })
}

fn http_url(value: &Value, path: &str) -> Result<String, Error> {
    let url = string(value, path, limits::URL)?;
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        ""
    };
    let host_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c != '/' && c != '?' && c != '#');
    if !host_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::at(path, Reason::NotHttpUrl { value: quote(url) }));
    }
    Ok(url.to_owned())
}

fn text(value: &Value, path: &str, max: usize) -> Result<Text, Error> {
    match value {
        Value::String(s) => Ok(Text::plain(checked_text(s, path, max)?)),
        Value::Object(map) if !map.is_empty() => {
            let mut variants = Vec::with_capacity(map.len());
            for (tag, v) in map {
                let path = format!("{path}.{tag}");
                if !is_language_tag(tag) {
                    return Err(Error::at(path, Reason::LanguageTag { value: quote(tag) }));
                }
                match v {
                    Value::String(s) => {
                        variants.push((tag.to_ascii_lowercase(), checked_text(s, &path, max)?))
                    }
                    other => return Err(wrong_type(path, Kind::String, other)),
                }
            }
            Ok(Text::localized(variants))
        }
        Value::Object(_) => Err(Error::at(path, Reason::Empty)),
        other => Err(wrong_type(path, Kind::Text, other)),
    }
}

fn checked_text(s: &str, path: &str, max: usize) -> Result<String, Error> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(Error::at(path, Reason::Empty));
    }
    if trimmed.chars().nth(max).is_some() {
        return Err(Error::at(path, Reason::TooLong { max }));
    }
    Ok(trimmed.to_owned())
}

/// `vi`, `en`, `en-US`, `zh-Hant`: letters, then optional `-` subtags of letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn string<'a>(value: &'a Value, path: &str, max: usize) -> Result<&'a str, Error> {
    match value {
        Value::String(s) if s.chars().nth(max).is_some() => {
            Err(Error::at(path, Reason::TooLong { max }))
        }
        Value::String(s) => Ok(s),
        other => Err(wrong_type(path, Kind::String, other)),
    }
}

fn integer(value: &Value, path: &str, min: i64, max: i64) -> Result<i64, Error> {
    match value {
        Value::Number(n) => match n.as_i64() {
            Some(i) if (min..=max).contains(&i) => Ok(i),
            Some(_) => Err(Error::at(path, Reason::OutOfRange { min, max })),
            None => Err(wrong_type(path, Kind::Integer, value)),
        },
        other => Err(wrong_type(path, Kind::Integer, other)),
    }
}

fn array<'a>(value: &'a Value, path: &str, max: usize) -> Result<&'a [Value], Error> {
    match value {
        Value::Array(items) if items.len() > max => Err(Error::at(path, Reason::TooMany { max })),
        Value::Array(items) => Ok(items),
        other => Err(wrong_type(path, Kind::Array, other)),
    }
}

fn kind_of(value: &Value) -> Kind {
    match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Boolean,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}

fn wrong_type(path: impl Into<String>, expected: Kind, found: &Value) -> Error {
    Error::at(
        path,
        Reason::WrongType {
            expected,
            found: kind_of(found),
        },
    )
}

/// A JSON object being read, with its path for messages.
struct Obj<'a> {
    members: &'a [(String, Value)],
    path: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: String) -> Result<Obj<'a>, Error> {
        match value {
            Value::Object(members) => Ok(Obj { members, path }),
            other => Err(wrong_type(path, Kind::Object, other)),
        }
    }

    fn path(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_owned()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    fn index(&self, field: &str, i: usize) -> String {
        format!("{}[{i}]", self.path(field))
    }

    /// The member `field` (the last one if it is repeated, as with `JSON.parse`).
    fn get(&self, field: &str) -> Option<&'a Value> {
        let members = self.members;
        members
            .iter()
            .rev()
            .find(|(key, _)| key == field)
            .map(|(_, v)| v)
    }

    fn require(&self, field: &str) -> Result<&'a Value, Error> {
        self.get(field)
            .ok_or_else(|| Error::at(self.path(field), Reason::Missing))
    }

    fn required_text(&self, field: &str, max: usize) -> Result<Text, Error> {
        text(self.require(field)?, &self.path(field), max)
    }

    fn optional_text(&self, field: &str, max: usize) -> Result<Option<Text>, Error> {
        self.get(field)
            .map(|v| text(v, &self.path(field), max))
            .transpose()
    }

    /// Notes fields outside `known`; `$comment` is allowed everywhere, as in JSON Schema.
    fn warn_unknown(&self, known: &[&str], unknown: &mut Vec<String>) {
        for (key, _) in self.members {
            if key != "$comment"
                && !known.contains(&key.as_str())
                && unknown.len() < limits::WARNINGS
            {
                unknown.push(self.path(key));
            }
        }
    }
}
