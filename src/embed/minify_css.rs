//! The CSS minifier shared by build.rs (the CSS compiled into the wasm) and
//! `cargo xtask stamp-loader` (the same CSS as a hashed file in dist/, linked
//! where stylesheets cannot be constructed): both include this file by path,
//! so the two copies are byte for byte the same. Not part of the widget crate.

/// Drops `/* … */` comments and collapses whitespace; spaces next to `{ } ; , >`
/// and after `:` go too, and so does the `;` before `}`. Spaces elsewhere stay
/// (they can be descendant combinators, or separate values). Safe for the
/// widget's CSS, whose only strings are font names and an empty `content`.
pub fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';' | ',' | '>') && out.ends_with(' ') {
            out.pop();
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';', ',', '>', ':']) {
            continue;
        }
        out.push(c);
    }
    out
}
