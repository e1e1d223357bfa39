<?php
/**
 * The shortcode's and the block's attributes, checked before anything is
 * written into the page. Each rule is the widget's own, restated for the
 * attribute's syntax only: the config's content rules stay in the widget
 * (crates/core/src/config/), which applies them in the editor (through the
 * release's generator wasm) and on the page (its error panel names the field).
 *
 * Every value that reaches the page is escaped again where it is written
 * (render.php): validation decides what may be written, escaping how.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/** Languages the widget speaks (crates/core/src/i18n/, `Lang::from_tag`). */
const CAMPAIGN_WIDGET_LANGS = array( 'vi', 'en' );

/** Section names, in the widget's order (crates/core/src/config/options.rs, `Section::ALL`). */
const CAMPAIGN_WIDGET_SECTIONS = array( 'summary', 'countdown', 'map' );

/** Themes (crates/core/src/config/options.rs, `parse_theme`). */
const CAMPAIGN_WIDGET_THEMES = array( 'light', 'dark', 'auto' );

/**
 * The largest config the widget reads, in bytes of UTF-8 JSON
 * (crates/core/src/limits.rs, `CONFIG_BYTES`: 256 KiB).
 */
const CAMPAIGN_WIDGET_CONFIG_BYTES = 262144;

/**
 * Tags and attributes of the fallback markup, exactly those the generator
 * writes (crates/core/src/snippet.rs, `fallback_markup`). Anything else in a
 * stored fallback is removed by wp_kses (wp-includes/kses.php).
 */
const CAMPAIGN_WIDGET_FALLBACK_TAGS = array(
	'h2'     => array(),
	'h3'     => array(),
	'p'      => array(),
	'strong' => array(),
	'ul'     => array(),
	'li'     => array(),
	'a'      => array( 'href' => true ),
);

/**
 * Reads raw attributes (the shortcode's, from shortcode_parse_atts in
 * wp-includes/shortcodes.php, or the block's) into the values to write.
 *
 * @param array $raw Attribute name => value; unknown names are ignored.
 * @return array { attributes: name => clean string (absent when unset),
 *                 problems: list of { name, value, reason } for the notice }.
 */
function campaign_widget_read_attributes( array $raw ) {
	$clean    = array();
	$problems = array();
	$value    = static function ( $name ) use ( $raw ) {
		return isset( $raw[ $name ] ) && is_scalar( $raw[ $name ] ) ? trim( (string) $raw[ $name ] ) : '';
	};
	$refuse   = static function ( $name, $reason ) use ( &$problems, $value ) {
		$problems[] = array(
			'name'   => $name,
			'value'  => $value( $name ),
			'reason' => $reason,
		);
	};

	$lang = strtolower( $value( 'lang' ) );
	if ( '' !== $lang ) {
		if ( in_array( $lang, CAMPAIGN_WIDGET_LANGS, true ) ) {
			$clean['lang'] = $lang;
		} else {
			$refuse( 'lang', __( 'The language must be vi or en.', 'campaign-widget' ) );
		}
	}

	$sections = $value( 'sections' );
	if ( '' !== $sections ) {
		$names = array_filter( array_map( 'trim', explode( ',', strtolower( $sections ) ) ), 'strlen' );
		if ( $names && ! array_diff( $names, CAMPAIGN_WIDGET_SECTIONS ) ) {
			$clean['sections'] = implode( ',', array_values( array_unique( $names ) ) );
		} else {
			$refuse( 'sections', __( 'Sections are a comma list of summary, countdown and map.', 'campaign-widget' ) );
		}
	}

	$theme = strtolower( $value( 'theme' ) );
	if ( '' !== $theme ) {
		if ( in_array( $theme, CAMPAIGN_WIDGET_THEMES, true ) ) {
			$clean['theme'] = $theme;
		} else {
			$refuse( 'theme', __( 'The theme must be light, dark or auto.', 'campaign-widget' ) );
		}
	}

	$campaign = $value( 'campaign' );
	if ( '' !== $campaign ) {
		$reason = campaign_widget_campaign_problem( $campaign );
		if ( null === $reason ) {
			$clean['campaign'] = $campaign;
		} else {
			$refuse( 'campaign', $reason );
		}
	}

	$config = $value( 'config' );
	if ( '' !== $config ) {
		$url = campaign_widget_config_url( $config );
		if ( null !== $url ) {
			$clean['config'] = $url;
		} else {
			$refuse( 'config', __( 'The config must be an http or https address, or a path on this site.', 'campaign-widget' ) );
		}
	}

	return array(
		'attributes' => $clean,
		'problems'   => $problems,
	);
}

/**
 * Why a `campaign` attribute cannot be the widget's config, or null when it can
 * be: base64url (RFC 4648 §5, the alphabet static/embed.js decodes) of at most
 * CAMPAIGN_WIDGET_CONFIG_BYTES of UTF-8 JSON whose top level is an object with
 * `"schema": 1` (the schema's version, static/campaign.schema.json). The rest
 * of the config's rules are the widget's: it shows a bad one as an error panel
 * naming the field.
 *
 * @param string $campaign The attribute's value.
 * @return string|null The reason, in the site's language, or null.
 */
function campaign_widget_campaign_problem( $campaign ) {
	if ( ! preg_match( '/^[A-Za-z0-9_-]+$/', $campaign ) || 1 === strlen( $campaign ) % 4 ) {
		return __( 'The campaign is not base64url text (letters, digits, -, _).', 'campaign-widget' );
	}
	if ( strlen( $campaign ) > intdiv( CAMPAIGN_WIDGET_CONFIG_BYTES * 4 + 2, 3 ) ) {
		return __( 'The campaign is larger than the widget reads (256 KB).', 'campaign-widget' );
	}
	$json   = base64_decode( strtr( $campaign, '-_', '+/' ), true );
	$config = false === $json ? null : json_decode( $json, true );
	if ( ! is_array( $config ) || ! isset( $config['schema'] ) || 1 !== $config['schema'] ) {
		return __( 'The campaign is not a config of schema 1 (JSON with "schema": 1).', 'campaign-widget' );
	}
	return null;
}

/**
 * A `config` URL as the widget may fetch it, or null: an absolute http(s) URL,
 * or a path on this site (the contract resolves it against the page). No other
 * scheme (`javascript:`, `data:`) gets through esc_url_raw's protocol list
 * (wp-includes/formatting.php).
 *
 * @param string $config The attribute's value.
 * @return string|null The URL to write, or null.
 */
function campaign_widget_config_url( $config ) {
	if ( preg_match( '/[\s<>"\'`]/', $config ) ) {
		return null;
	}
	$is_path = '/' === $config[0] && ( ! isset( $config[1] ) || '/' !== $config[1] );
	if ( ! $is_path && ! preg_match( '#^https?://[^/]#i', $config ) ) {
		return null;
	}
	$url = esc_url_raw( $config, array( 'http', 'https' ) );
	return '' === $url ? null : $url;
}

/**
 * The fallback markup as stored (by the block editor, from the generator) or
 * enclosed by a shortcode, reduced to the tags the generator writes, with
 * only http(s) links.
 *
 * @param string $html The stored markup.
 * @return string Markup safe to write.
 */
function campaign_widget_clean_fallback( $html ) {
	$html = wp_kses( (string) $html, CAMPAIGN_WIDGET_FALLBACK_TAGS, array( 'http', 'https' ) );
	// kses drops a refused scheme and leaves the rest as a relative URL
	// (`javascript:x` becomes `x`, wp_kses_bad_protocol in wp-includes/kses.php);
	// the generator writes only absolute http(s) links, so any other link
	// keeps its text and loses its tag.
	return preg_replace( '#<a href="(?!https?://)[^"]*">(.*?)</a>#s', '$1', $html );
}
