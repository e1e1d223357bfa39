<?php
/**
 * WordPress's own filters on a post, run with php-cli from Debian's `wordpress`
 * package (/usr/share/wordpress): what a user without `unfiltered_html` saves
 * passes `wp_kses_post` (wp-includes/kses.php), and what visitors see passes the
 * `the_content` filters `wptexturize` and `wpautop` (wp-includes/formatting.php, with shortcodes.php for its registry).
 * Reads the pasted HTML on standard input, writes the HTML a visitor gets.
 *
 * Only what those two files need from a running site is stubbed here: options
 * (none set), translations (the text as is), and the allowed URL protocols
 * (WordPress's own default list, from wp_allowed_protocols()).
 */
define('ABSPATH', '/usr/share/wordpress/');
define('WPINC', 'wp-includes');

function get_option($name, $default = false) { return $default; }
function __($text, $domain = 'default') { return $text; }
function _x($text, $context, $domain = 'default') { return $text; }
function is_admin() { return false; }
function wp_allowed_protocols() {
    return array('http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher',
        'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn');
}

require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/shortcodes.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';

$pasted = stream_get_contents(STDIN);
$saved = wp_kses_post($pasted);
echo wpautop(wptexturize($saved));
