<?php
/**
 * Plugin Name:       Campaign widget
 * Plugin URI:        https://static.example.gov.vn/campaign-widget/
 * Description:       A public campaign's summary, a live countdown to its key dates and its place on a map, as a block and a shortcode. The widget's script loads only on pages that show it.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Campaign widget team
 * License:           MIT OR Apache-2.0
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       campaign-widget
 * Domain Path:       /languages
 *
 * The version above is the widget crate's (Cargo.toml): `cargo xtask dist`
 * refuses to pack a plugin whose header says another.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/** The plugin's version: the widget's release whose dist/ the plugin ships. */
const CAMPAIGN_WIDGET_VERSION = '0.1.0';

/** The plugin's main file, which plugins_url() and plugin_basename() take. */
const CAMPAIGN_WIDGET_FILE = __FILE__;

/** The option that names another dist/ URL (a CDN) instead of the plugin's own copy. */
const CAMPAIGN_WIDGET_DIST_OPTION = 'campaign_widget_dist_url';

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/settings.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'campaign-widget', false, dirname( plugin_basename( CAMPAIGN_WIDGET_FILE ) ) . '/languages' );
		campaign_widget_register_assets();
		add_shortcode( 'campaign_widget', 'campaign_widget_shortcode' );
		campaign_widget_register_block();
	}
);
add_filter( 'the_content', 'campaign_widget_enqueue_for_pasted_placeholder', 20 );
campaign_widget_settings_hooks();
