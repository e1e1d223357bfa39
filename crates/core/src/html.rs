//! HTML text escaping, for the few places that must write HTML as a string:
//! Leaflet's attribution option, and the snippet a webmaster pastes. Pure.

/// Escapes `&`, `<`, `>`, `"` and `'`, so that `text` is safe both as element
/// content and inside a quoted attribute value (HTML Living Standard §13.1.2.3).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape("Đồng Nai"), "Đồng Nai");
    }
}
