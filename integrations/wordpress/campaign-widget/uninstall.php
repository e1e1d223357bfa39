<?php
/**
 * Deleting the plugin (Plugins → Delete, wp-admin/includes/plugin.php,
 * `uninstall_plugin`) removes its one option. Posts keep their shortcodes and
 * block comments as text.
 *
 * @package campaign-widget
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'campaign_widget_dist_url' );
