<?php
/**
 * The signed webhook through which Commentguard reports moderators' decisions: POST /wp-json/commentguard/v1/events.
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Verifies each delivery exactly as Commentguard's README describes it: Commentguard-Signature is "v1=" and the hex
 * HMAC-SHA256 of timestamp + "." + body under the endpoint's secret, compared in constant time, and
 * Commentguard-Timestamp (epoch seconds) is less than 300 seconds away from now. Anything else is refused, and so is
 * everything while no secret is configured.
 */
class Commentguard_Webhook {

	const NAMESPACE_V1 = 'commentguard/v1';

	/** Deliveries older or newer than this many seconds are replays or forgeries. */
	const WINDOW = 300;

	/**
	 * Settings.
	 *
	 * @var Commentguard_Settings
	 */
	private $settings;

	/**
	 * Sync.
	 *
	 * @var Commentguard_Sync
	 */
	private $sync;

	/**
	 * Constructor.
	 *
	 * @param Commentguard_Settings $settings Settings.
	 * @param Commentguard_Sync     $sync     Sync.
	 */
	public function __construct( Commentguard_Settings $settings, Commentguard_Sync $sync ) {
		$this->settings = $settings;
		$this->sync     = $sync;
	}

	/**
	 * Registers the route.
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * The route; its permission callback is the signature check.
	 */
	public function register_route() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/events',
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'receive' ),
				'permission_callback' => array( $this, 'verify' ),
			)
		);
	}

	/**
	 * Checks the timestamp window and the signature over the raw body.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function verify( WP_REST_Request $request ) {
		$secret = (string) $this->settings->get( 'webhook_secret' );
		if ( '' === $secret ) {
			return new WP_Error( 'commentguard_not_configured', 'No webhook secret is configured', array( 'status' => 401 ) );
		}
		$timestamp = (string) $request->get_header( 'commentguard_timestamp' );
		$signature = trim( (string) $request->get_header( 'commentguard_signature' ) );
		if ( ! preg_match( '/^\d{1,12}$/', $timestamp ) || abs( time() - (int) $timestamp ) >= self::WINDOW ) {
			return new WP_Error( 'commentguard_stale', 'Missing or stale Commentguard-Timestamp', array( 'status' => 401 ) );
		}
		$expected = 'v1=' . hash_hmac( 'sha256', $timestamp . '.' . $request->get_body(), $secret );
		if ( '' === $signature || ! hash_equals( $expected, $signature ) ) {
			return new WP_Error( 'commentguard_bad_signature', 'Invalid Commentguard-Signature', array( 'status' => 401 ) );
		}
		return true;
	}

	/**
	 * Applies a verified event.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function receive( WP_REST_Request $request ) {
		$event = json_decode( $request->get_body(), true );
		if ( ! is_array( $event ) || ! isset( $event['type'], $event['createdAt'] ) || ! is_string( $event['type'] ) ) {
			return new WP_Error( 'commentguard_bad_event', 'Not a Commentguard event', array( 'status' => 400 ) );
		}
		// Other event types may be subscribed by mistake; they carry nothing WordPress acts on.
		if ( 'comment.decided' !== $event['type'] ) {
			return new WP_REST_Response( array( 'result' => 'ignored' ), 200 );
		}
		$data = isset( $event['data'] ) && is_array( $event['data'] ) ? $event['data'] : array();
		if ( ! isset( $data['commentId'], $data['status'] ) || ! in_array( $data['status'], array( 'PUBLISHED', 'PENDING', 'REJECTED' ), true ) ) {
			return new WP_Error( 'commentguard_bad_event', 'The event names no comment status', array( 'status' => 400 ) );
		}
		// A comment this site does not have is acknowledged: retrying the delivery would not change that.
		return new WP_REST_Response( array( 'result' => $this->sync->apply_event( $data, $event['createdAt'] ) ), 200 );
	}
}
