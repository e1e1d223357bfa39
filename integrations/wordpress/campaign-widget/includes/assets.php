<?php
/**
 * The widget's script: registered on every request, enqueued only by a render
 * (the shortcode's, the block's, or a post holding a pasted placeholder), so a
 * page without a widget asks for nothing. WordPress prints an enqueued handle
 * once however often it is enqueued (wp-includes/class-wp-dependencies.php),
 * hence one request for embed.js per page however many widgets it shows.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/** The handle of embed.js. */
const CAMPAIGN_WIDGET_EMBED_HANDLE = 'campaign-widget-embed';

/** The handle of the snippet generator the block editor runs (builder-api.js). */
const CAMPAIGN_WIDGET_GENERATOR_HANDLE = 'campaign-widget-generator';

/** The handle of the block's editor script (editor.js). */
const CAMPAIGN_WIDGET_EDITOR_HANDLE = 'campaign-widget-editor';

/**
 * The dist/ the page loads the widget from, with a trailing slash: the option
 * `campaign_widget_dist_url` (a CDN) when set, else the plugin's own copy.
 *
 * @return string An absolute URL ending in "/".
 */
function campaign_widget_dist_url() {
	$custom = get_option( CAMPAIGN_WIDGET_DIST_OPTION, '' );
	if ( is_string( $custom ) && '' !== $custom ) {
		return trailingslashit( $custom );
	}
	return plugins_url( 'dist/', CAMPAIGN_WIDGET_FILE );
}

/**
 * Whether WordPress itself prints `async` from a script's `strategy`: 6.3
 * added the argument (wp-includes/functions.wp-scripts.php, `wp_register_script`'s
 * `$args`); 6.1 and 6.2 take a bool there and print no loading strategy.
 *
 * @return bool
 */
function campaign_widget_core_has_strategy() {
	return version_compare( get_bloginfo( 'version' ), '6.3', '>=' );
}

/**
 * Registers embed.js (in the footer, async) and the editor's scripts.
 *
 * embed.js keeps WordPress's `?ver=<plugin version>`, unlike the snippet's site
 * line: updating a plugin replaces its whole folder (wp-admin/includes/
 * class-plugin-upgrader.php, `clear_destination`), so the previous release's
 * hashed wasm is gone at once, and a browser holding the previous embed.js
 * under the same URL (an Apache or nginx serving wp-content/ without the
 * README's Cache-Control, whose heuristic freshness can last days) would ask for
 * it and show only the fallback. A new version is a new URL.
 */
function campaign_widget_register_assets() {
	$dist = campaign_widget_dist_url();
	// On 6.1–6.2 the array is a truthy `$in_footer` (the footer group); on 6.3+
	// its keys are read as they are named.
	wp_register_script(
		CAMPAIGN_WIDGET_EMBED_HANDLE,
		$dist . 'embed.js',
		array(),
		CAMPAIGN_WIDGET_VERSION,
		array(
			'in_footer' => true,
			'strategy'  => 'async',
		)
	);
	if ( ! campaign_widget_core_has_strategy() ) {
		add_filter( 'script_loader_tag', 'campaign_widget_async_tag', 10, 2 );
	}

	// The generator is the release's own (crates/core/src/snippet.rs compiled
	// into builder-generator_bg.wasm), so the editor stores what
	// `cargo xtask snippet` would write. Always the plugin's copy: the editor
	// runs the generator of the plugin installed, whatever CDN the pages use.
	$own = plugins_url( 'dist/', CAMPAIGN_WIDGET_FILE );
	wp_register_script( 'campaign-widget-generator-glue', $own . 'builder-generator.js', array(), CAMPAIGN_WIDGET_VERSION, false );
	wp_register_script( CAMPAIGN_WIDGET_GENERATOR_HANDLE, $own . 'builder-api.js', array( 'campaign-widget-generator-glue' ), CAMPAIGN_WIDGET_VERSION, false );
	wp_register_script(
		CAMPAIGN_WIDGET_EDITOR_HANDLE,
		plugins_url( 'editor.js', CAMPAIGN_WIDGET_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', CAMPAIGN_WIDGET_GENERATOR_HANDLE ),
		CAMPAIGN_WIDGET_VERSION,
		false
	);
	wp_localize_script( CAMPAIGN_WIDGET_EDITOR_HANDLE, 'campaignWidgetEditor', campaign_widget_editor_strings() );
}

/**
 * `async` on embed.js's tag for WordPress 6.1 and 6.2, which print no loading
 * strategy (the `script_loader_tag` filter of wp-includes/class-wp-scripts.php).
 *
 * @param string $tag    The script element WordPress prints.
 * @param string $handle Its handle.
 * @return string The element, with `async` on embed.js's.
 */
function campaign_widget_async_tag( $tag, $handle ) {
	if ( CAMPAIGN_WIDGET_EMBED_HANDLE !== $handle || false !== strpos( $tag, ' async' ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?=[\s>])/', '<script async', $tag, 1 );
}

/**
 * Enqueues embed.js for the page being rendered. In a block theme the
 * template is rendered before wp_head, in a classic theme the content after it;
 * either way the footer has not been printed yet.
 */
function campaign_widget_enqueue() {
	wp_enqueue_script( CAMPAIGN_WIDGET_EMBED_HANDLE );
}

/**
 * Enqueues embed.js for a post that holds a placeholder pasted as HTML (the
 * snippet builder's WordPress output, from before the plugin), so such posts
 * need no site line in the theme either.
 *
 * @param string $content The post's content, rendered.
 * @return string The same content.
 */
function campaign_widget_enqueue_for_pasted_placeholder( $content ) {
	if ( is_string( $content ) && false !== strpos( $content, 'data-campaign-widget' ) ) {
		campaign_widget_enqueue();
	}
	return $content;
}

/**
 * The block editor's words, in the site's language (the editor script is plain
 * JavaScript without a build step, so its strings come translated from here).
 *
 * @return array Name => text.
 */
function campaign_widget_editor_strings() {
	return array(
		'distUrl'       => campaign_widget_dist_url(),
		'siteLang'      => campaign_widget_site_lang(),
		'panel'         => __( 'Campaign', 'campaign-widget' ),
		'paste'         => __( 'Placeholder or JSON from the snippet builder', 'campaign-widget' ),
		'pasteHelp'     => __( 'Paste what the snippet builder made for WordPress (the placeholder), or a config as JSON, then press Use.', 'campaign-widget' ),
		'use'           => __( 'Use', 'campaign-widget' ),
		'lang'          => __( 'Language', 'campaign-widget' ),
		'sections'      => __( 'Sections', 'campaign-widget' ),
		'sectionsHelp'  => __( 'Comma list of summary, countdown, map; empty for all three.', 'campaign-widget' ),
		'theme'         => __( 'Theme', 'campaign-widget' ),
		'themeAuto'     => __( 'Follow the visitor (auto)', 'campaign-widget' ),
		'themeLight'    => __( 'Light', 'campaign-widget' ),
		'themeDark'     => __( 'Dark', 'campaign-widget' ),
		'config'        => __( 'Config URL (instead of a pasted config)', 'campaign-widget' ),
		'builtIn'       => __( 'No campaign pasted: the widget shows its built-in campaign.', 'campaign-widget' ),
		'custom'        => __( 'Campaign: %s', 'campaign-widget' ),
		'refused'       => __( 'Not used: %s', 'campaign-widget' ),
		'noPlaceholder' => __( 'No placeholder (data-campaign-widget) and no JSON in what was pasted.', 'campaign-widget' ),
		'badBase64'     => __( 'The placeholder\'s data-campaign is damaged.', 'campaign-widget' ),
		'clear'         => __( 'Back to the built-in campaign', 'campaign-widget' ),
	);
}
