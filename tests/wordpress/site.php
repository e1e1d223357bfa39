<?php
/**
 * The test site's hands inside WordPress, run by php-cli from
 * tests/e2e/support/wordpress.mjs against a WordPress tree of its own:
 *
 *   php site.php WPDIR install ZIP FIXTURES.json   install WordPress headlessly, upload
 *                                                  the plugin's zip, activate it, add the
 *                                                  users and the posts; prints their ids
 *   php site.php WPDIR theme SLUG                  switch the theme
 *   php site.php WPDIR deactivate | activate       the plugin, as Plugins → (De)activate
 *   php site.php WPDIR option NAME VALUE           update_option, with the option's sanitizer
 *
 * Everything goes through WordPress's own functions: wp_install
 * (wp-admin/includes/upgrade.php), Plugin_Upgrader (the code behind Plugins →
 * Add New → Upload, wp-admin/includes/class-plugin-upgrader.php), and
 * wp_insert_post as each user, so kses filters a contributor's post exactly as
 * when the contributor saves it (wp-includes/kses.php, kses_init on
 * set_current_user; DISALLOW_UNFILTERED_HTML is set, so no role is exempt).
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
[ , $wpdir, $command ] = $argv + array( null, null, null );
$args = array_slice( $argv, 3 );

// What wp-load.php reads of a request, for WordPress run from the command line.
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $wpdir . '/wp-load.php';
// No mail leaves the test (wp_install and new users send some): WordPress's
// own short-circuit (wp-includes/pluggable.php, `pre_wp_mail`).
add_filter( 'pre_wp_mail', '__return_true' );
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

const PLUGIN = 'campaign-widget/campaign-widget.php';

function fail( $message ) {
	fwrite( STDERR, "site.php: $message\n" );
	exit( 1 );
}

function as_user( $login ) {
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		fail( "no user $login" );
	}
	wp_set_current_user( $user->ID );
	return $user->ID;
}

switch ( $command ) {
	case 'install':
		[ $zip, $fixtures ] = $args;
		$result = wp_install( 'Cổng thông tin điện tử', 'admin', 'admin@example.test', false, '', 'password' );
		if ( is_wp_error( $result ) ) {
			fail( $result->get_error_message() );
		}
		update_option( 'WPLANG', 'vi' );
		update_option( 'permalink_structure', '' );
		foreach ( array( 'editor' => 'bientap', 'contributor' => 'congtacvien' ) as $role => $login ) {
			$id = wp_insert_user(
				array(
					'user_login' => $login,
					'user_pass'  => 'password',
					'user_email' => "$login@example.test",
					'role'       => $role,
				)
			);
			if ( is_wp_error( $id ) ) {
				fail( $id->get_error_message() );
			}
		}

		// The upload, as Plugins → Add New → Upload does with the file.
		as_user( 'admin' );
		$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
		$installed = $upgrader->install( $zip );
		if ( true !== $installed ) {
			fail( 'the zip did not install: ' . wp_json_encode( $upgrader->skin->get_upgrade_messages() ) );
		}
		$activated = activate_plugin( PLUGIN );
		if ( is_wp_error( $activated ) ) {
			fail( $activated->get_error_message() );
		}

		$ids = array();
		foreach ( json_decode( file_get_contents( $fixtures ), true ) as $key => $post ) {
			as_user( $post['author'] );
			// wp_insert_post expects slashed data, as a form posts it.
			$id = wp_insert_post(
				wp_slash(
					array(
						'post_title'   => $post['title'],
						'post_content' => $post['content'],
						'post_status'  => 'contributor' === get_userdata( get_current_user_id() )->roles[0] ? 'pending' : 'publish',
					)
				),
				true
			);
			if ( is_wp_error( $id ) ) {
				fail( $id->get_error_message() );
			}
			// An editor publishes the contributor's post as it was submitted.
			if ( 'pending' === get_post_status( $id ) ) {
				as_user( 'bientap' );
				wp_publish_post( $id );
			}
			$ids[ $key ] = $id;
		}
		echo wp_json_encode( array( 'posts' => $ids, 'version' => get_bloginfo( 'version' ) ) );
		break;

	case 'theme':
		switch_theme( $args[0] );
		if ( get_stylesheet() !== $args[0] ) {
			fail( "theme {$args[0]} is not active" );
		}
		echo wp_json_encode( array( 'theme' => get_stylesheet(), 'block' => wp_is_block_theme() ) );
		break;

	case 'deactivate':
		as_user( 'admin' );
		deactivate_plugins( PLUGIN );
		echo wp_json_encode( array( 'active' => is_plugin_active( PLUGIN ) ) );
		break;

	case 'activate':
		as_user( 'admin' );
		$activated = activate_plugin( PLUGIN );
		if ( is_wp_error( $activated ) ) {
			fail( $activated->get_error_message() );
		}
		echo wp_json_encode( array( 'active' => is_plugin_active( PLUGIN ) ) );
		break;

	case 'option':
		update_option( $args[0], $args[1] );
		echo wp_json_encode( array( $args[0] => get_option( $args[0] ) ) );
		break;

	case 'post':
		$post = get_post( (int) $args[0] );
		echo wp_json_encode( array( 'content' => $post ? $post->post_content : null ) );
		break;

	default:
		fail( "unknown command $command" );
}
