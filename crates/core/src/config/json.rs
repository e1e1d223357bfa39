//! A strict JSON (RFC 8259) reader into a plain tree, just enough for configs.
//!
//! Written here rather than taken from serde_json because it is all the widget
//! needs of JSON and every byte of code reaches the visitor: replacing
//! serde_json's `Value` (and its B-tree maps) took 7.8 KB off the gzipped wasm. Objects keep their members
//! in document order (the last of duplicate keys wins, as with `JSON.parse`);
//! numbers keep the text they were written with, for messages.

/// Nesting deeper than this is refused (a config needs four levels).
const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as [`Number`] keeps it.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// Items in document order.
    Array(Vec<Value>),
    /// Members in document order.
    Object(Vec<(String, Value)>),
}

/// A JSON number, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    text: String,
}

impl Number {
    /// The number as written in the JSON text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The value if it was written as an integer (no fraction, no exponent) that
    /// fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.text.parse().ok()
    }

    /// The value as an `f64`: the nearest one (as `JSON.parse` gives) when the
    /// number has at most 15 significant digits and a decimal exponent within
    /// ±22, which covers coordinates and zoom levels; within a few units in the
    /// last place beyond. Not `str::parse`: its correctly rounded algorithm and
    /// tables would add 6 KB (gzip) to the wasm for digits no config needs.
    pub fn as_f64(&self) -> f64 {
        let (digits, written) = match self.text.find(['e', 'E']) {
            Some(e) => (&self.text[..e], &self.text[e + 1..]),
            None => (self.text.as_str(), "0"),
        };
        let mut mantissa: u64 = 0;
        let mut exponent: i32 = 0;
        let mut in_fraction = false;
        for b in digits.bytes() {
            match b {
                b'0'..=b'9' => {
                    // Digits past 19 no longer fit; they only scale the value.
                    if mantissa < 1_000_000_000_000_000_000 {
                        mantissa = mantissa * 10 + u64::from(b - b'0');
                        exponent -= i32::from(in_fraction);
                    } else {
                        exponent += i32::from(!in_fraction);
                    }
                }
                b'.' => in_fraction = true,
                _ => {}
            }
        }
        // Exponents too large for an i32 overflow or underflow anyway.
        let written: i32 =
            written
                .trim_start_matches('+')
                .parse()
                .unwrap_or(if written.starts_with('-') {
                    -9999
                } else {
                    9999
                });
        let exponent = exponent.saturating_add(written);
        // Powers of ten up to 1e22 are exact, so one operation rounds once.
        let magnitude = if exponent >= 0 {
            mantissa as f64 * 10f64.powi(exponent)
        } else if exponent >= -308 {
            mantissa as f64 / 10f64.powi(-exponent)
        } else {
            mantissa as f64 / 1e300 / 10f64.powi(-exponent - 300)
        };
        if self.text.starts_with('-') {
            -magnitude
        } else {
            magnitude
        }
    }
}

impl Value {
    /// The member `key` of an object (the last one if it is repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Where a JSON text stops being JSON: 1-based line and column (in characters)
/// of the offending character, or of the last character when the text ends early.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The offending character's byte offset in the text.
    pub offset: usize,
}

/// Reads one JSON value filling the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value();
    let value = value.and_then(|value| match reader.skip_whitespace() {
        None => Ok(value),
        Some(_) => Err(()),
    });
    value.map_err(|()| position(text, reader.at))
}

fn position(text: &str, at: usize) -> SyntaxError {
    // The offending character counts; at the end, the last one does.
    let end = text[at.min(text.len())..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8());
    let before = &text[..end];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    SyntaxError {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count(),
        offset: at.min(text.len()),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    /// The next byte to read; on error, the offending one.
    at: usize,
    depth: usize,
}

/// Errors carry no data: the reader's position is the error.
type Read<T> = Result<T, ()>;

impl Reader<'_> {
    /// Skips whitespace and returns the next byte without consuming it.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn value(&mut self) -> Read<Value> {
        match self.skip_whitespace().ok_or(())? {
            b'{' => self.nested(Self::object),
            b'[' => self.nested(Self::array),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            _ => self.number(),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Read<Value>) -> Read<Value> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(());
        }
        self.at += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn literal(&mut self, word: &str, value: Value) -> Read<Value> {
        for &expected in word.as_bytes() {
            if self.bytes.get(self.at) != Some(&expected) {
                return Err(());
            }
            self.at += 1;
        }
        Ok(value)
    }

    /// Consumes `byte` if it comes next (after whitespace).
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.skip_whitespace() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn array(&mut self) -> Read<Value> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(());
            }
        }
    }

    fn object(&mut self) -> Read<Value> {
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            if self.skip_whitespace() != Some(b'"') {
                return Err(());
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(());
            }
            members.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(());
            }
        }
    }

    /// A string, the reader on its opening quote.
    fn string(&mut self) -> Read<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and runs stop only at ASCII bytes, so each run
            // is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| ())?);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                _ => return Err(()),
            }
        }
    }

    /// The character an escape stands for, the reader after the backslash.
    fn escape(&mut self) -> Read<char> {
        let c = match self.bytes.get(self.at).ok_or(())? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.at += 1;
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by an escaped low one.
                        if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                            return Err(());
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(());
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => unit,
                };
                // A lone low surrogate is not a character.
                return char::from_u32(code).ok_or(());
            }
            _ => return Err(()),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Read<u32> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = (*self.bytes.get(self.at).ok_or(())? as char)
                .to_digit(16)
                .ok_or(())?;
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Read<Value> {
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(()),
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| ())?;
        Ok(Value::Number(Number {
            text: text.to_owned(),
        }))
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Read<()> {
        if !self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            return Err(());
        }
        self.digits();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize) {
        let e = parse(text).expect_err(text);
        (e.line, e.column)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let Ok(value) = parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n", "a": 0} "#,
        ) else {
            panic!("valid JSON")
        };
        let Value::Object(members) = &value else {
            panic!("object")
        };
        assert_eq!(members.len(), 3);
        assert_eq!(value.get("b"), Some(&Value::String("x\"é😀\n".into())));
        // The last of duplicate keys wins, as with JSON.parse.
        let Some(Value::Number(n)) = value.get("a") else {
            panic!("number")
        };
        assert_eq!(n.as_i64(), Some(0));
        let Value::Array(items) = &members[0].1 else {
            panic!("array")
        };
        let Value::Number(n) = &items[1] else {
            panic!("number")
        };
        assert_eq!(
            (n.as_str(), n.as_i64(), n.as_f64()),
            ("-2.5e3", None, -2500.0)
        );
        assert_eq!(parse("\"đ Bản đồ\""), Ok(Value::String("đ Bản đồ".into())));
    }

    #[test]
    fn numbers_convert_as_json_parse_does_for_config_values() {
        let f = |text: &str| Number { text: text.into() }.as_f64();
        for (text, want) in [
            ("10.9467", 10.9467_f64),
            ("10.9467", 10.9467),
            ("106.8171", 106.8171),
            ("-33.8688", -33.8688),
            ("0.1", 0.1),
            ("-0", -0.0),
            ("19", 19.0),
            ("1e2", 100.0),
            ("1E+2", 100.0),
            ("2.5e-3", 0.0025),
            ("123456789012345", 123456789012345.0),
            ("0.000001", 0.000001),
            ("179.99999999", 179.99999999),
        ] {
            assert_eq!(f(text).to_bits(), want.to_bits(), "{text}");
        }
        // Far outside any range: still ordered and finite or infinite, never NaN.
        assert_eq!(f("1e999"), f64::INFINITY);
        assert_eq!(f("1e-999"), 0.0);
        assert!((f("12345678901234567890123") / 1.2345678901234568e22 - 1.0).abs() < 1e-15);
        assert!((f("1.5e300") / 1.5e300 - 1.0).abs() < 1e-14);
        assert!((f("1.5e-320") / 1.5e-320 - 1.0).abs() < 1e-3);
    }

    #[test]
    fn refuses_what_rfc_8259_refuses() {
        for bad in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "0x10",
            "NaN",
            "Infinity",
            "'a'",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\tb\"",
            "tru",
            "nul",
            "{a:1}",
            "{\"a\" 1}",
            "[1 2]",
            "1 2",
            "\u{feff}{}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn errors_point_at_the_offending_character() {
        assert_eq!(error("{\"schema\": 1,"), (1, 13));
        assert_eq!(error("campaign: yes"), (1, 1));
        assert_eq!(error("{\"schema\": 1}}"), (1, 14));
        assert_eq!(error("{\"schema\": 1,\n \"title\": \"T\",\n}"), (3, 1));
        assert_eq!(error("{\"tên\": x}"), (1, 9));
        assert_eq!(error(&"[".repeat(5000)), (1, 128));
        assert!(parse(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
    }
}
