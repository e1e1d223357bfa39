//! The placeholder's attributes: `lang`, `config`, `sections`, `now`, `theme` on
//! `<campaign-widget>`, and the same with a `data-` prefix on
//! `<div data-campaign-widget>` (for editors that strip unknown tags).

use web_sys::HtmlElement;

use campaign_core::i18n::Lang;

/// Reads one placeholder's attributes.
pub struct Attributes {
    host: HtmlElement,
    /// Whether the names take the `data-` prefix.
    prefixed: bool,
}

impl Attributes {
    /// The attributes of `host`.
    pub fn read(host: &HtmlElement) -> Attributes {
        let prefixed = !host.tag_name().eq_ignore_ascii_case("campaign-widget");
        Attributes {
            host: host.clone(),
            prefixed,
        }
    }

    /// The attribute `name` (with the `data-` prefix where the placeholder needs it).
    pub fn get(&self, name: &str) -> Option<String> {
        let own = if self.prefixed {
            format!("data-{name}")
        } else {
            name.to_owned()
        };
        self.host.get_attribute(&own)
    }

    /// The widget's language: the `lang` attribute if the widget speaks it, else
    /// the page's `<html lang>` if it does, else Vietnamese.
    pub fn lang(&self) -> Lang {
        let page = || {
            let root = self.host.owner_document()?.document_element()?;
            Lang::from_tag(&root.get_attribute("lang")?)
        };
        self.get("lang")
            .and_then(|tag| Lang::from_tag(&tag))
            .or_else(page)
            .unwrap_or_default()
    }
}
