<?php
/**
 * What the shortcode and the block write into a post: the placeholder
 * `cargo xtask snippet --target wordpress` makes (crates/core/src/snippet.rs,
 * `Target::WordPress`): `<div data-campaign-widget="" data-lang=…
 * [data-sections=…] [data-theme=…] [data-campaign=…]>`, a newline, the
 * fallback markup, `</div>` and a newline, and embed.js enqueued.
 *
 * The fallback's words are never made here. They are the generator's: the
 * block editor stores what the release's generator wasm made for the block's
 * config; a shortcode encloses it; and for the built-in campaign
 * `cargo xtask dist` writes the generator's fallback into fallback/ of the
 * plugin. This file only checks, escapes and writes.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/**
 * The `[campaign_widget]` shortcode (registered with add_shortcode,
 * wp-includes/shortcodes.php): `campaign`, `config`, `lang`, `sections`,
 * `theme`; the enclosed content, if any, is the fallback markup.
 *
 * @param array|string $atts    Attributes from shortcode_parse_atts ('' when none).
 * @param string|null  $content Enclosed content, after wpautop.
 * @return string The placeholder, or a notice naming a refused attribute.
 */
function campaign_widget_shortcode( $atts, $content = null ) {
	$atts = is_array( $atts ) ? $atts : array();
	// wpautop (priority 10) ran before do_shortcode (11) over the enclosed
	// lines: it closed the shortcode's paragraph inside them and opened one
	// before the closing tag (wp-includes/formatting.php). Those two halves go;
	// its <br /> are not among the generator's tags and go with kses.
	$content = is_string( $content ) ? preg_replace( '#^\s*</p>|<p>\s*$#', '', $content ) : '';
	return campaign_widget_render( $atts, $content );
}

/**
 * The placeholder for checked attributes, with embed.js enqueued, or a notice.
 *
 * @param array  $raw      Raw attributes (see campaign_widget_read_attributes).
 * @param string $fallback Fallback markup the generator made for this config ('' if none).
 * @return string HTML.
 */
function campaign_widget_render( array $raw, $fallback ) {
	$read = campaign_widget_read_attributes( $raw );
	if ( $read['problems'] ) {
		return campaign_widget_notice( $read['problems'] );
	}
	$attributes = $read['attributes'];
	$lang       = isset( $attributes['lang'] ) ? $attributes['lang'] : campaign_widget_site_lang();
	$fallback   = trim( campaign_widget_clean_fallback( $fallback ) );
	if ( '' === $fallback ) {
		$fallback = campaign_widget_stock_fallback( $attributes, $lang );
	}

	// In the generator's order: lang, sections, theme, campaign; then the
	// config URL, which the generator has no option for.
	$tag = '<div data-campaign-widget="" data-lang="' . esc_attr( $lang ) . '"';
	foreach ( array( 'sections', 'theme', 'campaign' ) as $name ) {
		if ( isset( $attributes[ $name ] ) ) {
			$tag .= ' data-' . $name . '="' . esc_attr( $attributes[ $name ] ) . '"';
		}
	}
	if ( isset( $attributes['config'] ) ) {
		$tag .= ' data-config="' . esc_url( $attributes['config'], array( 'http', 'https' ) ) . '"';
	}
	campaign_widget_enqueue();
	return $tag . ">\n" . $fallback . "\n</div>\n";
}

/**
 * The site's language if the widget speaks it, else Vietnamese (the widget's
 * default).
 *
 * @return string `vi` or `en`.
 */
function campaign_widget_site_lang() {
	return 0 === strpos( determine_locale(), 'en' ) ? 'en' : 'vi';
}

/**
 * The fallback when none was stored: for the built-in campaign, the
 * generator's own (fallback/default-<lang>.html, written by `cargo xtask
 * dist`); for a config the plugin has no fallback of, one line saying what the
 * widget shows.
 *
 * @param array  $attributes Checked attributes.
 * @param string $lang       `vi` or `en`.
 * @return string Markup.
 */
function campaign_widget_stock_fallback( array $attributes, $lang ) {
	if ( ! isset( $attributes['campaign'] ) && ! isset( $attributes['config'] ) ) {
		$file = dirname( __DIR__ ) . '/fallback/default-' . $lang . '.html';
		if ( is_readable( $file ) ) {
			return trim( campaign_widget_clean_fallback( (string) file_get_contents( $file ) ) );
		}
	}
	return '<p>' . esc_html__( 'Campaign information: this widget needs JavaScript.', 'campaign-widget' ) . '</p>';
}

/**
 * A visible notice instead of the widget, naming each refused attribute, its
 * value (as text) and the rule it breaks. Shown to every visitor, as the
 * widget shows its own error panel for a bad config: a broken embed is never a
 * silent blank.
 *
 * @param array $problems List of { name, value, reason }.
 * @return string HTML.
 */
function campaign_widget_notice( array $problems ) {
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li><code>' . esc_html( $problem['name'] ) . '="' . esc_html( $problem['value'] ) . '"</code>: '
			. esc_html( $problem['reason'] ) . '</li>';
	}
	return '<div class="campaign-widget-notice" role="note"><p><strong>'
		. esc_html__( 'Campaign widget not shown: an attribute is refused.', 'campaign-widget' )
		. '</strong></p><ul>' . $items . "</ul></div>\n";
}
