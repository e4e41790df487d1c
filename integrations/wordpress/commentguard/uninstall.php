<?php
/**
 * Removes the plugin's settings. Comment meta (Commentguard ids, scores, reasons) stays: it is moderation history.
 *
 * @package Commentguard
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'commentguard_settings' );
wp_clear_scheduled_hook( 'commentguard_sweep' );
wp_clear_scheduled_hook( 'commentguard_retry' );
