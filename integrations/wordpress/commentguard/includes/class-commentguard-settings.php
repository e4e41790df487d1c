<?php
/**
 * The settings page (Settings → Commentguard) and typed access to the stored settings.
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Settings are one option array. The ingest key and the webhook secret are write-only on the page: the form shows
 * their last four characters, and an empty field keeps the stored value.
 */
class Commentguard_Settings {

	const PAGE = 'commentguard';

	const DEFAULTS = array(
		'service_url'    => '',
		'ingest_key'     => '',
		'webhook_secret' => '',
		'timeout'        => 3,
		'fallback'       => 'hold',
		'reject_as'      => 'spam',
	);

	/**
	 * Hooks the page and the option into WordPress's Settings API (which checks the nonce and manage_options).
	 */
	public function register() {
		add_action( 'admin_init', array( $this, 'register_setting' ) );
		add_action( 'admin_menu', array( $this, 'add_page' ) );
	}

	/**
	 * The stored settings merged over the defaults.
	 *
	 * @return array
	 */
	public function all() {
		$stored = get_option( COMMENTGUARD_OPTION, array() );
		return array_merge( self::DEFAULTS, is_array( $stored ) ? $stored : array() );
	}

	/**
	 * One setting.
	 *
	 * @param string $name Setting name.
	 * @return mixed
	 */
	public function get( $name ) {
		$all = $this->all();
		return $all[ $name ];
	}

	/**
	 * Whether the service URL and the ingest key are set: without them the plugin stays out of the way.
	 *
	 * @return bool
	 */
	public function configured() {
		return '' !== $this->get( 'service_url' ) && '' !== $this->get( 'ingest_key' );
	}

	/**
	 * Registers the option with its sanitiser.
	 */
	public function register_setting() {
		register_setting(
			self::PAGE,
			COMMENTGUARD_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( $this, 'sanitize' ),
				'default'           => self::DEFAULTS,
			)
		);
		add_settings_section( 'commentguard_service', __( 'Service', 'commentguard' ), '__return_false', self::PAGE );
		$fields = array(
			'service_url'    => __( 'Service URL', 'commentguard' ),
			'ingest_key'     => __( 'Ingest API key', 'commentguard' ),
			'webhook_secret' => __( 'Webhook signing secret', 'commentguard' ),
			'timeout'        => __( 'Timeout (seconds)', 'commentguard' ),
			'fallback'       => __( 'When the service cannot be reached', 'commentguard' ),
			'reject_as'      => __( 'Rejected comments go to', 'commentguard' ),
		);
		foreach ( $fields as $name => $label ) {
			add_settings_field(
				'commentguard_' . $name,
				$label,
				array( $this, 'field_' . $name ),
				self::PAGE,
				'commentguard_service',
				array( 'label_for' => 'commentguard_' . $name )
			);
		}
	}

	/**
	 * Validates a submitted form. Secrets left empty keep their stored value.
	 *
	 * @param mixed $input Submitted values.
	 * @return array
	 */
	public function sanitize( $input ) {
		$current = $this->all();
		$input   = is_array( $input ) ? $input : array();
		$clean   = $current;

		$url = isset( $input['service_url'] ) ? esc_url_raw( trim( (string) $input['service_url'] ), array( 'http', 'https' ) ) : '';
		if ( isset( $input['service_url'] ) && '' === $url && '' !== trim( (string) $input['service_url'] ) ) {
			add_settings_error( COMMENTGUARD_OPTION, 'service_url', __( 'The service URL must be an http or https URL.', 'commentguard' ) );
		} elseif ( isset( $input['service_url'] ) ) {
			$clean['service_url'] = untrailingslashit( $url );
		}
		foreach ( array( 'ingest_key', 'webhook_secret' ) as $secret ) {
			$value = isset( $input[ $secret ] ) ? trim( sanitize_text_field( wp_unslash( $input[ $secret ] ) ) ) : '';
			if ( '' !== $value ) {
				$clean[ $secret ] = $value;
			}
		}
		if ( isset( $input['timeout'] ) ) {
			$timeout = (float) $input['timeout'];
			if ( $timeout < 0.5 || $timeout > 30 ) {
				add_settings_error( COMMENTGUARD_OPTION, 'timeout', __( 'The timeout must be between 0.5 and 30 seconds.', 'commentguard' ) );
			} else {
				$clean['timeout'] = $timeout;
			}
		}
		if ( isset( $input['fallback'] ) && in_array( $input['fallback'], array( 'hold', 'approve' ), true ) ) {
			$clean['fallback'] = $input['fallback'];
		}
		if ( isset( $input['reject_as'] ) && in_array( $input['reject_as'], array( 'spam', 'trash' ), true ) ) {
			$clean['reject_as'] = $input['reject_as'];
		}
		return $clean;
	}

	/**
	 * Adds Settings → Commentguard.
	 */
	public function add_page() {
		add_options_page(
			__( 'Commentguard', 'commentguard' ),
			__( 'Commentguard', 'commentguard' ),
			'manage_options',
			self::PAGE,
			array( $this, 'render_page' )
		);
	}

	/**
	 * The settings form.
	 */
	public function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<p>
				<?php
				printf(
					/* translators: %s: the webhook URL of this site. */
					esc_html__( 'Register this webhook URL in Commentguard for the comment.decided event: %s', 'commentguard' ),
					'<code>' . esc_html( rest_url( 'commentguard/v1/events' ) ) . '</code>'
				);
				?>
			</p>
			<form action="options.php" method="post">
				<?php
				settings_fields( self::PAGE );
				do_settings_sections( self::PAGE );
				submit_button();
				?>
			</form>
		</div>
		<?php
	}

	/**
	 * Service URL field.
	 */
	public function field_service_url() {
		printf(
			'<input type="url" class="regular-text" id="commentguard_service_url" name="%s[service_url]" value="%s" placeholder="https://commentguard.example.org" />',
			esc_attr( COMMENTGUARD_OPTION ),
			esc_attr( $this->get( 'service_url' ) )
		);
	}

	/**
	 * Ingest key field (write-only).
	 */
	public function field_ingest_key() {
		$this->secret_field( 'ingest_key', __( 'A key with role ingest (cg_ing_…).', 'commentguard' ) );
	}

	/**
	 * Webhook secret field (write-only).
	 */
	public function field_webhook_secret() {
		$this->secret_field( 'webhook_secret', __( 'The secret Commentguard answered when the webhook was created (whsec_…).', 'commentguard' ) );
	}

	/**
	 * Timeout field.
	 */
	public function field_timeout() {
		printf(
			'<input type="number" min="0.5" max="30" step="0.5" class="small-text" id="commentguard_timeout" name="%s[timeout]" value="%s" /> <p class="description">%s</p>',
			esc_attr( COMMENTGUARD_OPTION ),
			esc_attr( (string) $this->get( 'timeout' ) ),
			esc_html__( 'Each call to the service waits at most this long; after it the fallback applies.', 'commentguard' )
		);
	}

	/**
	 * Fallback field.
	 */
	public function field_fallback() {
		$this->select(
			'fallback',
			array(
				'hold'    => __( 'Hold the comment for moderation', 'commentguard' ),
				'approve' => __( 'Let it through (WordPress\'s own discussion settings still apply)', 'commentguard' ),
			)
		);
		echo '<p class="description">' . esc_html__( 'Either way the comment is stored and sent again by WP-Cron until Commentguard has it.', 'commentguard' ) . '</p>';
	}

	/**
	 * Where rejected comments go.
	 */
	public function field_reject_as() {
		$this->select(
			'reject_as',
			array(
				'spam'  => __( 'Spam', 'commentguard' ),
				'trash' => __( 'Trash', 'commentguard' ),
			)
		);
	}

	/**
	 * A password input that never contains the stored value.
	 *
	 * @param string $name        Setting name.
	 * @param string $description Help text.
	 */
	private function secret_field( $name, $description ) {
		$stored = (string) $this->get( $name );
		$hint   = '' === $stored
			? __( 'not set', 'commentguard' )
			/* translators: %s: the last four characters of the stored secret. */
			: sprintf( __( 'stored, ending in …%s; leave empty to keep it', 'commentguard' ), substr( $stored, -4 ) );
		printf(
			'<input type="password" class="regular-text" id="commentguard_%1$s" name="%2$s[%1$s]" value="" autocomplete="off" placeholder="%3$s" /> <p class="description">%4$s</p>',
			esc_attr( $name ),
			esc_attr( COMMENTGUARD_OPTION ),
			esc_attr( $hint ),
			esc_html( $description )
		);
	}

	/**
	 * A select input.
	 *
	 * @param string $name    Setting name.
	 * @param array  $choices Value → label.
	 */
	private function select( $name, $choices ) {
		printf( '<select id="commentguard_%1$s" name="%2$s[%1$s]">', esc_attr( $name ), esc_attr( COMMENTGUARD_OPTION ) );
		foreach ( $choices as $value => $label ) {
			printf( '<option value="%s" %s>%s</option>', esc_attr( $value ), selected( $this->get( $name ), $value, false ), esc_html( $label ) );
		}
		echo '</select>';
	}
}
