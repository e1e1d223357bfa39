//! The CSS minifier shared by the widget's `build.rs` (the CSS compiled into
//! the wasm) and `cargo xtask stamp-loader` (the same CSS as a hashed file in
//! dist/, linked where stylesheets cannot be constructed), so the two copies
//! are byte for byte the same.
//!
//! It only removes what CSS Syntax Level 3 calls insignificant: comments, and
//! whitespace beside `{ } ; , > :` (and the `;` before `}`); every quoted
//! string is copied as written, so `content: "a, b"` keeps its spaces. What it
//! cannot be sure of, it refuses rather than guesses: an unterminated comment
//! or string, or a backslash escape (which could hide a quote).

use std::fmt;

/// Why [`minify_css`] refused a stylesheet; each carries the byte offset in
/// the input where the problem starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CssError {
    /// A `/*` with no `*/` after it.
    UnterminatedComment(usize),
    /// A `"` or `'` string with no closing quote on its line.
    UnterminatedString(usize),
    /// A `\` escape, which this minifier does not interpret.
    Escape(usize),
}

impl fmt::Display for CssError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CssError::UnterminatedComment(at) => write!(f, "unterminated comment at byte {at}"),
            CssError::UnterminatedString(at) => write!(f, "unterminated string at byte {at}"),
            CssError::Escape(at) => write!(f, "backslash escape at byte {at} (not supported)"),
        }
    }
}

impl std::error::Error for CssError {}

/// Characters beside which whitespace never matters (outside strings).
fn is_tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>' | ':')
}

/// `css` without comments and without whitespace that changes nothing.
///
/// Spaces before `{ } ; , >` and after `{ } ; , > :` go, runs of whitespace
/// become one space, a `;` before `}` goes; strings stay as they are. A space
/// before `:` stays (`a :hover` is not `a:hover`).
///
/// # Errors
/// [`CssError`] for an unterminated comment or string, or a backslash escape.
pub fn minify_css(css: &str) -> Result<String, CssError> {
    let mut out = String::with_capacity(css.len());
    // Whitespace (or a comment) seen since the last character written.
    let mut pending_space = false;
    let mut chars = css.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '/' if chars.peek().is_some_and(|&(_, next)| next == '*') => {
                let end = css[at + 2..]
                    .find("*/")
                    .ok_or(CssError::UnterminatedComment(at))?;
                let resume = at + 2 + end + 2;
                while chars.peek().is_some_and(|&(i, _)| i < resume) {
                    chars.next();
                }
                pending_space = true;
            }
            '\\' => return Err(CssError::Escape(at)),
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                write_space(&mut out, &mut pending_space, c);
                let rest = &css[at + 1..];
                let end = rest
                    .find([c, '\n', '\\'])
                    .ok_or(CssError::UnterminatedString(at))?;
                if rest[end..].starts_with('\\') {
                    return Err(CssError::Escape(at + 1 + end));
                }
                if !rest[end..].starts_with(c) {
                    return Err(CssError::UnterminatedString(at));
                }
                out.push_str(&css[at..at + 1 + end + 1]);
                while chars.peek().is_some_and(|&(i, _)| i <= at + end + 1) {
                    chars.next();
                }
            }
            c => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                write_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    Ok(out)
}

/// Writes the one space that stands for a run of whitespace before `next`,
/// unless a tight character is on either side of it (or it starts the output).
fn write_space(out: &mut String, pending_space: &mut bool, next: char) {
    let tight_before = out.is_empty() || out.ends_with(is_tight);
    // `:` is tight only after it: `a :hover` is not `a:hover`.
    let tight_after = is_tight(next) && next != ':';
    if std::mem::take(pending_space) && !tight_before && !tight_after {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_layout_whitespace() {
        let css = "/* head */\n:host {\n  display: block; /* why */\n  color : red ;\n}\n\na > b,\nc  d { margin: 0 auto; }\n";
        assert_eq!(
            minify_css(css).as_deref(),
            Ok(":host{display:block;color :red}a>b,c d{margin:0 auto}")
        );
    }

    #[test]
    fn keeps_strings_as_written() {
        let css = ".a::before { content: \"a, b ; { } /* no */\"; font-family: 'Noto Sans', sans-serif; }";
        assert_eq!(
            minify_css(css).as_deref(),
            Ok(".a::before{content:\"a, b ; { } /* no */\";font-family:'Noto Sans',sans-serif}")
        );
    }

    #[test]
    fn keeps_a_descendant_space_before_a_pseudo_class() {
        assert_eq!(
            minify_css(".a :focus-visible { x: y }").as_deref(),
            Ok(".a :focus-visible{x:y}")
        );
    }

    #[test]
    fn keeps_spaces_inside_values_and_functions() {
        assert_eq!(
            minify_css(
                "@container (min-width: 40em) { .a { grid-template-columns: repeat(2, 1fr) } }"
            )
            .as_deref(),
            Ok("@container (min-width:40em){.a{grid-template-columns:repeat(2,1fr)}}")
        );
    }

    #[test]
    fn a_comment_between_words_still_separates_them() {
        assert_eq!(minify_css("a/**/b{}").as_deref(), Ok("a b{}"));
    }

    #[test]
    fn refuses_what_it_cannot_be_sure_of() {
        assert_eq!(
            minify_css("a { } /* open"),
            Err(CssError::UnterminatedComment(6))
        );
        assert_eq!(
            minify_css("a { content: \"x }"),
            Err(CssError::UnterminatedString(13))
        );
        assert_eq!(
            minify_css("a { content: \"x\n\" }"),
            Err(CssError::UnterminatedString(13))
        );
        assert_eq!(
            minify_css("a { content: \"\\201C\" }"),
            Err(CssError::Escape(14))
        );
        assert_eq!(minify_css(".a\\:b { }"), Err(CssError::Escape(2)));
    }
}
