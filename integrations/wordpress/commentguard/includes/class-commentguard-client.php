<?php
/**
 * HTTP calls to the Commentguard service.
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A thin client over wp_remote_request: JSON in, JSON out, the ingest key in X-Api-Key, the configured timeout.
 */
class Commentguard_Client {

	/**
	 * Settings.
	 *
	 * @var Commentguard_Settings
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param Commentguard_Settings $settings Settings.
	 */
	public function __construct( Commentguard_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Sends one request.
	 *
	 * @param string     $method HTTP method.
	 * @param string     $path   Path below the service URL, e.g. /api/v1/comments.
	 * @param array|null $body   JSON body.
	 * @return array|WP_Error { status: int, body: array|null, retry: bool } or a transport error (service down,
	 *                        timed out), which is always worth retrying.
	 */
	public function request( $method, $path, $body = null ) {
		$args = array(
			'method'      => $method,
			'timeout'     => (float) $this->settings->get( 'timeout' ),
			'redirection' => 0,
			'headers'     => array(
				'X-Api-Key' => $this->settings->get( 'ingest_key' ),
				'Accept'    => 'application/json',
			),
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = wp_json_encode( $body );
		}
		$response = wp_remote_request( $this->settings->get( 'service_url' ) . $path, $args );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		return array(
			'status' => $status,
			'body'   => is_array( $decoded ) ? $decoded : null,
			// A wrong key, a rate limit or a server fault can be fixed on the other side; bad input cannot.
			'retry'  => $status >= 500 || in_array( $status, array( 401, 403, 408, 429 ), true ),
		);
	}

	/**
	 * A short description of a failed call for the comment list, without any secret.
	 *
	 * @param array|WP_Error $result What request() answered.
	 * @return string
	 */
	public static function describe( $result ) {
		if ( is_wp_error( $result ) ) {
			return $result->get_error_message();
		}
		$code = isset( $result['body']['code'] ) ? (string) $result['body']['code'] : '';
		return 'HTTP ' . $result['status'] . ( '' === $code ? '' : ' ' . $code );
	}
}
