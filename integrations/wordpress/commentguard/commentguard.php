<?php
/**
 * Plugin Name:       Commentguard
 * Plugin URI:        https://commentguard.org/
 * Description:       Moderates reader comments with a self-hosted Commentguard service: every new comment is scored and published, held or rejected by the site's policy, with the reasons shown in wp-admin; decisions flow both ways.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Commentguard
 * License:           Apache-2.0
 * License URI:       https://www.apache.org/licenses/LICENSE-2.0
 * Text Domain:       commentguard
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'COMMENTGUARD_VERSION', '1.0.0' );
define( 'COMMENTGUARD_OPTION', 'commentguard_settings' );
define( 'COMMENTGUARD_RETRY_HOOK', 'commentguard_retry' );
define( 'COMMENTGUARD_SWEEP_HOOK', 'commentguard_sweep' );

require_once __DIR__ . '/includes/class-commentguard-settings.php';
require_once __DIR__ . '/includes/class-commentguard-client.php';
require_once __DIR__ . '/includes/class-commentguard-sync.php';
require_once __DIR__ . '/includes/class-commentguard-webhook.php';
require_once __DIR__ . '/includes/class-commentguard-admin.php';

/**
 * Wires the plugin's parts together once WordPress has loaded the plugins.
 */
function commentguard_boot() {
	$settings = new Commentguard_Settings();
	$client   = new Commentguard_Client( $settings );
	$sync     = new Commentguard_Sync( $settings, $client );
	$settings->register();
	$sync->register();
	( new Commentguard_Webhook( $settings, $sync ) )->register();
	if ( is_admin() ) {
		( new Commentguard_Admin() )->register();
	}
}
add_action( 'plugins_loaded', 'commentguard_boot' );

/**
 * Activation: an hourly sweep picks up anything a failed request left behind, even if a single retry was lost.
 */
function commentguard_activate() {
	if ( ! wp_next_scheduled( COMMENTGUARD_SWEEP_HOOK ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'hourly', COMMENTGUARD_SWEEP_HOOK );
	}
}
register_activation_hook( __FILE__, 'commentguard_activate' );

/**
 * Deactivation stops the scheduled work; the comments' retry markers stay, so reactivating resumes them.
 */
function commentguard_deactivate() {
	wp_clear_scheduled_hook( COMMENTGUARD_SWEEP_HOOK );
	wp_clear_scheduled_hook( COMMENTGUARD_RETRY_HOOK );
}
register_deactivation_hook( __FILE__, 'commentguard_deactivate' );
