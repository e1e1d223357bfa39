<?php
/**
 * Settings → Campaign widget: the dist/ URL (option `campaign_widget_dist_url`)
 * for sites that serve the widget from a CDN. Through the Settings API
 * (wp-admin/includes/plugin.php, wp-admin/options.php): the form posts to
 * options.php, which checks the nonce settings_fields() writes and the
 * `manage_options` capability before it saves.
 *
 * @package campaign-widget
 */

defined( 'ABSPATH' ) || exit;

/** The settings page's slug and option group. */
const CAMPAIGN_WIDGET_SETTINGS_PAGE = 'campaign-widget';

/** Hooks the settings page in. */
function campaign_widget_settings_hooks() {
	add_action( 'admin_init', 'campaign_widget_register_setting' );
	add_action( 'admin_menu', 'campaign_widget_settings_menu' );
}

/** Registers the option with its sanitizer. */
function campaign_widget_register_setting() {
	register_setting(
		CAMPAIGN_WIDGET_SETTINGS_PAGE,
		CAMPAIGN_WIDGET_DIST_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'campaign_widget_sanitize_dist_url',
			'show_in_rest'      => false,
		)
	);
}

/**
 * The option's value: empty (the plugin's own dist/), or an absolute http(s)
 * URL of a directory holding this release's dist/. Anything else is refused
 * with a settings error and the previous value kept.
 *
 * @param mixed $value What the form posted.
 * @return string The value to store.
 */
function campaign_widget_sanitize_dist_url( $value ) {
	$value = is_string( $value ) ? trim( $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	$url = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( '' === $url || ! preg_match( '#^https?://[^/]#i', $url ) ) {
		add_settings_error(
			CAMPAIGN_WIDGET_DIST_OPTION,
			'campaign-widget-dist-url',
			__( 'The dist/ URL must be an http or https address.', 'campaign-widget' )
		);
		return (string) get_option( CAMPAIGN_WIDGET_DIST_OPTION, '' );
	}
	return trailingslashit( $url );
}

/** Adds Settings → Campaign widget, for users who can manage options. */
function campaign_widget_settings_menu() {
	add_options_page(
		__( 'Campaign widget', 'campaign-widget' ),
		__( 'Campaign widget', 'campaign-widget' ),
		'manage_options',
		CAMPAIGN_WIDGET_SETTINGS_PAGE,
		'campaign_widget_settings_page'
	);
}

/** The settings page. */
function campaign_widget_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$own = plugins_url( 'dist/', CAMPAIGN_WIDGET_FILE );
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( CAMPAIGN_WIDGET_SETTINGS_PAGE ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="campaign-widget-dist-url"><?php esc_html_e( 'dist/ URL', 'campaign-widget' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="campaign-widget-dist-url"
							name="<?php echo esc_attr( CAMPAIGN_WIDGET_DIST_OPTION ); ?>"
							value="<?php echo esc_attr( (string) get_option( CAMPAIGN_WIDGET_DIST_OPTION, '' ) ); ?>"
							placeholder="<?php echo esc_attr( $own ); ?>">
						<p class="description">
							<?php esc_html_e( 'Empty: the widget loads from the plugin\'s own copy of this release. Or the address of a dist/ of the same release on a CDN (it must allow this site with CORS).', 'campaign-widget' ); ?>
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
