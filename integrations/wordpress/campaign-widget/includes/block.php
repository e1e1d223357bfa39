<?php
/**
 * The dynamic block `campaign-widget/campaign` (block.json): its saved post
 * holds only the block comment with the attributes, and this render callback
 * writes the placeholder at every view, so a new release of the plugin changes
 * every post at once.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/** Registers the block from block.json, with its render callback. */
function campaign_widget_register_block() {
	register_block_type(
		dirname( __DIR__ ),
		array( 'render_callback' => 'campaign_widget_render_block' )
	);
	// The editor's preview is the real widget: embed.js in the editor page,
	// where it mounts the placeholders ServerSideRender inserts (it watches for
	// placeholders added later, static/embed.js).
	add_action( 'enqueue_block_editor_assets', 'campaign_widget_enqueue' );
}

/**
 * The block's render callback (register_block_type's `render_callback`,
 * wp-includes/class-wp-block-type.php).
 *
 * @param array $attributes The block's attributes (block.json).
 * @return string HTML.
 */
function campaign_widget_render_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$fallback   = isset( $attributes['fallback'] ) && is_string( $attributes['fallback'] ) ? $attributes['fallback'] : '';
	return campaign_widget_render( $attributes, $fallback );
}
