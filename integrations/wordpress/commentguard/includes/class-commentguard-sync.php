<?php
/**
 * Keeps WordPress and Commentguard in step: articles, new comments and their verdicts, decisions made in wp-admin,
 * decisions made in Commentguard, and the WP-Cron retry of whatever could not be sent.
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The synchronisation between the two systems. A comment is always stored by WordPress: when the service cannot be
 * reached the fallback decides its status and the comment is marked for the retry, which sends it again with the
 * same externalId (Commentguard answers the stored verdict if the first attempt did arrive).
 */
class Commentguard_Sync {

	const META_ID        = '_commentguard_id';
	const META_EXTERNAL  = '_commentguard_external_id';
	const META_STATUS    = '_commentguard_status';
	const META_SCORES    = '_commentguard_scores';
	const META_REASONS   = '_commentguard_reasons';
	const META_SPANS     = '_commentguard_spans';
	const META_RETRY     = '_commentguard_retry';
	const META_ERROR     = '_commentguard_error';
	const META_FALLBACK  = '_commentguard_fallback';
	const META_DECISION  = '_commentguard_pending_decision';
	const META_EVENT_AT  = '_commentguard_event_at';
	const META_DECIDED   = '_commentguard_decided_by';
	const POST_META_SENT = '_commentguard_article_sent';
	const POST_META_WAIT = '_commentguard_article_pending';

	/** Items per retry run; the run schedules another one while anything is left. */
	const RETRY_BATCH = 20;

	/**
	 * Settings.
	 *
	 * @var Commentguard_Settings
	 */
	private $settings;

	/**
	 * Client.
	 *
	 * @var Commentguard_Client
	 */
	private $client;

	/**
	 * The outcome of pre_comment_approved, written to the comment's meta once WordPress has stored it.
	 *
	 * @var array|null
	 */
	private $pending = null;

	/**
	 * Non-zero while the plugin itself changes a comment's status, so that change is not reported back.
	 *
	 * @var int
	 */
	private $applying = 0;

	/**
	 * Constructor.
	 *
	 * @param Commentguard_Settings $settings Settings.
	 * @param Commentguard_Client   $client   Client.
	 */
	public function __construct( Commentguard_Settings $settings, Commentguard_Client $client ) {
		$this->settings = $settings;
		$this->client   = $client;
	}

	/**
	 * Hooks into WordPress.
	 */
	public function register() {
		add_action( 'wp_after_insert_post', array( $this, 'on_post_saved' ), 10, 2 );
		// Late, so that WordPress's own hard verdicts (disallowed words → spam/trash) are already known.
		add_filter( 'pre_comment_approved', array( $this, 'moderate' ), 50, 2 );
		// wp_insert_comment, not comment_post: the REST API's comment endpoint stores comments without comment_post.
		add_action( 'wp_insert_comment', array( $this, 'store_outcome' ), 10, 1 );
		add_action( 'transition_comment_status', array( $this, 'on_status_change' ), 10, 3 );
		add_action( COMMENTGUARD_RETRY_HOOK, array( $this, 'retry' ) );
		add_action( COMMENTGUARD_SWEEP_HOOK, array( $this, 'retry' ) );
	}

	/**
	 * The article id Commentguard knows a post by.
	 *
	 * @param int $post_id Post id.
	 * @return string
	 */
	public static function article_id( $post_id ) {
		return 'wp-' . (int) $post_id;
	}

	/**
	 * Registers a published post (again, when it is updated).
	 *
	 * @param int     $post_id Post id.
	 * @param WP_Post $post    Post.
	 */
	public function on_post_saved( $post_id, $post ) {
		if ( ! $this->settings->configured() || wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) ) {
			return;
		}
		if ( 'publish' !== $post->post_status || ! post_type_supports( $post->post_type, 'comments' ) ) {
			return;
		}
		$this->register_article( $post );
	}

	/**
	 * PUT /api/v1/articles/{id} with the title, permalink and content.
	 *
	 * @param WP_Post $post Post.
	 * @return true|array|WP_Error True, or the failed call.
	 */
	private function register_article( WP_Post $post ) {
		$title  = trim( wp_strip_all_tags( $post->post_title ) );
		$result = $this->client->request(
			'PUT',
			'/api/v1/articles/' . rawurlencode( self::article_id( $post->ID ) ),
			array(
				'title' => '' === $title ? sprintf( 'Post %d', $post->ID ) : $title,
				'url'   => get_permalink( $post ),
				'html'  => '' === trim( $post->post_content ) ? '<p>' . esc_html( $title ) . '</p>' : $post->post_content,
			)
		);
		if ( ! is_wp_error( $result ) && $result['status'] >= 200 && $result['status'] < 300 ) {
			update_post_meta( $post->ID, self::POST_META_SENT, time() );
			delete_post_meta( $post->ID, self::POST_META_WAIT );
			return true;
		}
		if ( is_wp_error( $result ) || $result['retry'] ) {
			update_post_meta( $post->ID, self::POST_META_WAIT, 1 );
			$this->schedule_retry();
		}
		return $result;
	}

	/**
	 * Registers the comment's post first when Commentguard does not know it yet (e.g. posts older than the plugin).
	 *
	 * @param int $post_id Post id.
	 * @return true|array|WP_Error
	 */
	private function ensure_article( $post_id ) {
		if ( get_post_meta( $post_id, self::POST_META_SENT, true ) ) {
			return true;
		}
		$post = get_post( $post_id );
		if ( ! $post ) {
			return new WP_Error( 'commentguard_no_post', 'The comment\'s post does not exist' );
		}
		return $this->register_article( $post );
	}

	/**
	 * The pre_comment_approved filter: asks Commentguard and maps its verdict to WordPress's status.
	 *
	 * @param int|string|WP_Error $approved    WordPress's own result: 1, 0, 'spam', 'trash' or an error.
	 * @param array               $commentdata The comment.
	 * @return int|string|WP_Error
	 */
	public function moderate( $approved, $commentdata ) {
		$this->pending = null;
		if ( ! $this->settings->configured() || is_wp_error( $approved ) || in_array( $approved, array( 'spam', 'trash' ), true ) ) {
			return $approved;
		}
		$type = isset( $commentdata['comment_type'] ) ? $commentdata['comment_type'] : 'comment';
		if ( in_array( $type, array( 'pingback', 'trackback' ), true ) ) {
			return $approved;
		}
		// The comment has no id before WordPress stores it, so Commentguard knows it by a UUID kept in its meta.
		$external = 'wp-' . wp_generate_uuid4();
		$outcome  = $this->send_comment( $external, $commentdata );
		if ( isset( $outcome['verdict'] ) ) {
			$this->pending = array(
				'external' => $external,
				'outcome'  => $outcome,
			);
			return $this->wp_status_of( $outcome['verdict']['status'] );
		}
		$fallback      = 'hold' === $this->settings->get( 'fallback' ) ? 0 : $approved;
		$this->pending = array(
			'external' => $external,
			'outcome'  => $outcome,
			'fallback' => $fallback,
		);
		return $fallback;
	}

	/**
	 * After WordPress stored the comment: its Commentguard meta, or the marker for the retry.
	 *
	 * @param int $comment_id Comment id.
	 */
	public function store_outcome( $comment_id ) {
		if ( null === $this->pending ) {
			return;
		}
		$pending       = $this->pending;
		$this->pending = null;
		update_comment_meta( $comment_id, self::META_EXTERNAL, $pending['external'] );
		if ( isset( $pending['outcome']['verdict'] ) ) {
			$this->store_verdict( $comment_id, $pending['outcome'] );
			return;
		}
		update_comment_meta( $comment_id, self::META_ERROR, $pending['outcome']['error'] );
		update_comment_meta( $comment_id, self::META_FALLBACK, $this->status_name( $pending['fallback'] ) );
		if ( $pending['outcome']['retry'] ) {
			update_comment_meta( $comment_id, self::META_RETRY, 1 );
			$this->schedule_retry();
		}
	}

	/**
	 * Sends a comment (new, or again from the retry).
	 *
	 * @param string $external    Its externalId.
	 * @param array  $commentdata Comment fields as WordPress names them.
	 * @return array { verdict, spans } on success, else { error, retry }.
	 */
	private function send_comment( $external, $commentdata ) {
		$post_id = (int) $commentdata['comment_post_ID'];
		$article = $this->ensure_article( $post_id );
		if ( true !== $article ) {
			return array(
				'error' => 'article: ' . Commentguard_Client::describe( $article ),
				'retry' => is_wp_error( $article ) ? 'commentguard_no_post' !== $article->get_error_code() : $article['retry'],
			);
		}
		$parent_id = isset( $commentdata['comment_parent'] ) ? (int) $commentdata['comment_parent'] : 0;
		$parent    = $parent_id > 0 && get_comment_meta( $parent_id, self::META_ID, true )
			? get_comment_meta( $parent_id, self::META_EXTERNAL, true ) : null;
		$result    = $this->client->request(
			'POST',
			'/api/v1/comments',
			array(
				'externalId' => $external,
				'articleId'  => self::article_id( $post_id ),
				'parentId'   => $parent ? $parent : null,
				'author'     => array(
					'id'   => $this->author_id( $commentdata ),
					'name' => mb_substr( (string) $commentdata['comment_author'], 0, 200 ),
				),
				'text'       => (string) $commentdata['comment_content'],
			)
		);
		if ( is_wp_error( $result ) || $result['status'] < 200 || $result['status'] >= 300 || ! isset( $result['body']['status'] ) ) {
			return array(
				'error' => Commentguard_Client::describe( $result ),
				'retry' => is_wp_error( $result ) || $result['retry'],
			);
		}
		$spans = array();
		if ( ! empty( $result['body']['reasons'] ) ) {
			// The verdict carries reasons and scores; the spans (which words) come with the full comment.
			$full = $this->client->request( 'GET', '/api/v1/comments/' . rawurlencode( $result['body']['id'] ) );
			if ( ! is_wp_error( $full ) && 200 === $full['status'] && isset( $full['body']['spans'] ) ) {
				foreach ( $full['body']['spans'] as $span ) {
					$spans[] = array(
						'attribute' => isset( $span['attribute'] ) ? (string) $span['attribute'] : '',
						'text'      => isset( $span['text'] ) ? (string) $span['text'] : '',
						'score'     => isset( $span['score'] ) ? (float) $span['score'] : null,
					);
				}
			}
		}
		return array(
			'verdict' => $result['body'],
			'spans'   => $spans,
		);
	}

	/**
	 * The author as Commentguard knows them: the WordPress user, or a hash of the commenter's e-mail address (the
	 * address itself never leaves WordPress).
	 *
	 * @param array $commentdata Comment fields.
	 * @return string
	 */
	private function author_id( $commentdata ) {
		$user_id = isset( $commentdata['user_id'] ) ? (int) $commentdata['user_id'] : 0;
		if ( $user_id > 0 ) {
			return 'wp-user-' . $user_id;
		}
		$email = isset( $commentdata['comment_author_email'] ) ? strtolower( trim( $commentdata['comment_author_email'] ) ) : '';
		if ( '' !== $email ) {
			return 'wp-email-' . hash( 'sha256', $email );
		}
		return 'wp-name-' . hash( 'sha256', (string) $commentdata['comment_author'] );
	}

	/**
	 * Writes a verdict to the comment's meta.
	 *
	 * @param int   $comment_id Comment id.
	 * @param array $outcome    { verdict, spans }.
	 */
	private function store_verdict( $comment_id, $outcome ) {
		$verdict = $outcome['verdict'];
		update_comment_meta( $comment_id, self::META_ID, sanitize_text_field( $verdict['id'] ) );
		update_comment_meta( $comment_id, self::META_STATUS, sanitize_text_field( $verdict['status'] ) );
		update_comment_meta( $comment_id, self::META_SCORES, isset( $verdict['scores'] ) ? (array) $verdict['scores'] : array() );
		update_comment_meta( $comment_id, self::META_REASONS, isset( $verdict['reasons'] ) ? array_map( 'sanitize_text_field', (array) $verdict['reasons'] ) : array() );
		update_comment_meta( $comment_id, self::META_SPANS, $outcome['spans'] );
		delete_comment_meta( $comment_id, self::META_RETRY );
		delete_comment_meta( $comment_id, self::META_ERROR );
	}

	/**
	 * WordPress's comment_approved value for a Commentguard status.
	 *
	 * @param string $status PUBLISHED, PENDING or REJECTED.
	 * @return int|string
	 */
	private function wp_status_of( $status ) {
		if ( 'PUBLISHED' === $status ) {
			return 1;
		}
		if ( 'REJECTED' === $status ) {
			return $this->settings->get( 'reject_as' );
		}
		return 0;
	}

	/**
	 * The name wp_get_comment_status() gives a comment_approved value.
	 *
	 * @param int|string $approved comment_approved.
	 * @return string
	 */
	private function status_name( $approved ) {
		if ( in_array( $approved, array( 'spam', 'trash' ), true ) ) {
			return $approved;
		}
		return 1 === (int) $approved ? 'approved' : 'unapproved';
	}

	/**
	 * Changes a comment's status without reporting the change back to Commentguard. Spam and the trash go through
	 * wp_spam_comment() and wp_trash_comment(), as wp-admin's own actions do: they record the status to restore
	 * ("Not Spam", "Restore") and the time after which WordPress empties the trash.
	 *
	 * @param int        $comment_id Comment id.
	 * @param int|string $approved   1, 0, 'spam' or 'trash'.
	 */
	private function set_status_quietly( $comment_id, $approved ) {
		$target = $this->status_name( $approved );
		if ( wp_get_comment_status( $comment_id ) === $target ) {
			return;
		}
		$command = array(
			'approved'   => 'approve',
			'unapproved' => 'hold',
			'trash'      => 'trash',
		);
		++$this->applying;
		try {
			if ( 'spam' === $target ) {
				wp_spam_comment( $comment_id );
			} elseif ( 'trash' === $target && EMPTY_TRASH_DAYS ) {
				wp_trash_comment( $comment_id );
			} else {
				// With the trash disabled wp_trash_comment() would delete the comment; a verdict never deletes.
				wp_set_comment_status( $comment_id, $command[ $target ] );
			}
		} finally {
			--$this->applying;
		}
	}

	/**
	 * A decision made in wp-admin (approve, spam, trash) goes to Commentguard, so its audit log is complete.
	 *
	 * @param string     $new_status New status name.
	 * @param string     $old_status Old status name.
	 * @param WP_Comment $comment    Comment.
	 */
	public function on_status_change( $new_status, $old_status, $comment ) {
		if ( $this->applying > 0 || $new_status === $old_status || ! $this->settings->configured() ) {
			return;
		}
		$rejected = array( 'spam', 'trash' );
		if ( in_array( $new_status, $rejected, true ) && in_array( $old_status, $rejected, true ) ) {
			return;
		}
		if ( 'approved' === $new_status ) {
			$decision = array(
				'action' => 'approve',
				'reason' => 'acceptable',
			);
		} elseif ( 'spam' === $new_status ) {
			$decision = array(
				'action' => 'reject',
				'reason' => 'spam',
			);
		} elseif ( 'trash' === $new_status ) {
			$decision = array(
				'action' => 'reject',
				'reason' => 'other',
				'note'   => 'Moved to the trash in WordPress',
			);
		} else {
			return; // Commentguard has no "back to pending"; the comment waits in WordPress.
		}
		$user                  = wp_get_current_user();
		$decision['moderator'] = $user->exists() ? 'wp:' . $user->user_login : 'wp:system';
		$comment_id            = (int) $comment->comment_ID;
		if ( get_comment_meta( $comment_id, self::META_ID, true ) ) {
			$this->send_decision( $comment_id, $decision );
		} elseif ( get_comment_meta( $comment_id, self::META_RETRY, true ) ) {
			// Not in Commentguard yet: the retry sends the comment first, then this decision.
			update_comment_meta( $comment_id, self::META_DECISION, $decision );
		}
	}

	/**
	 * POST /api/v1/comments/{id}/moderation; a failure that may pass is kept for the retry.
	 *
	 * @param int   $comment_id Comment id.
	 * @param array $decision   { action, reason, note?, moderator }.
	 */
	private function send_decision( $comment_id, $decision ) {
		$id     = get_comment_meta( $comment_id, self::META_ID, true );
		$result = $this->client->request( 'POST', '/api/v1/comments/' . rawurlencode( $id ) . '/moderation', $decision );
		if ( ! is_wp_error( $result ) && 200 === $result['status'] ) {
			update_comment_meta( $comment_id, self::META_STATUS, sanitize_text_field( $result['body']['status'] ) );
			update_comment_meta( $comment_id, self::META_DECIDED, $decision['moderator'] );
			delete_comment_meta( $comment_id, self::META_DECISION );
			delete_comment_meta( $comment_id, self::META_ERROR );
			return;
		}
		update_comment_meta( $comment_id, self::META_ERROR, 'decision: ' . Commentguard_Client::describe( $result ) );
		if ( is_wp_error( $result ) || $result['retry'] ) {
			update_comment_meta( $comment_id, self::META_DECISION, $decision );
			$this->schedule_retry();
		} else {
			delete_comment_meta( $comment_id, self::META_DECISION );
		}
	}

	/**
	 * Applies a comment.decided event from Commentguard's webhook.
	 *
	 * @param array  $data       The event's data.
	 * @param string $created_at The event's createdAt.
	 * @return string What happened: applied, unchanged, stale or unknown.
	 */
	public function apply_event( $data, $created_at ) {
		$found = get_comments(
			array(
				'meta_key'   => self::META_ID, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'meta_value' => (string) $data['commentId'], // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'status'     => 'any',
				'number'     => 1,
				'fields'     => 'ids',
			)
		);
		if ( empty( $found ) ) {
			return 'unknown';
		}
		$comment_id = (int) $found[0];
		// Deliveries may arrive out of order (a retried old one after a newer one); the newest decision wins.
		$at   = self::sortable_instant( $created_at );
		$last = (string) get_comment_meta( $comment_id, self::META_EVENT_AT, true );
		if ( null === $at || ( '' !== $last && strcmp( $at, $last ) < 0 ) ) {
			return 'stale';
		}
		update_comment_meta( $comment_id, self::META_EVENT_AT, $at );
		update_comment_meta( $comment_id, self::META_STATUS, sanitize_text_field( $data['status'] ) );
		if ( isset( $data['actor'] ) ) {
			update_comment_meta( $comment_id, self::META_DECIDED, sanitize_text_field( $data['actor'] ) );
		}
		$target  = $this->wp_status_of( $data['status'] );
		$current = wp_get_comment_status( $comment_id );
		if ( $this->status_name( $target ) === $current
			|| ( in_array( $target, array( 'spam', 'trash' ), true ) && in_array( $current, array( 'spam', 'trash' ), true ) ) ) {
			return 'unchanged';
		}
		$this->set_status_quietly( $comment_id, $target );
		return 'applied';
	}

	/**
	 * An ISO-8601 instant (Java's Instant.toString(): 0 to 9 fractional digits) as a string that sorts by time.
	 *
	 * @param string $instant The instant.
	 * @return string|null
	 */
	private static function sortable_instant( $instant ) {
		if ( ! is_string( $instant ) || ! preg_match( '/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/', $instant, $m ) ) {
			return null;
		}
		$seconds = strtotime( $m[1] . 'Z' );
		if ( false === $seconds ) {
			return null;
		}
		return sprintf( '%012d.%s', $seconds, str_pad( isset( $m[2] ) ? $m[2] : '', 9, '0' ) );
	}

	/**
	 * Schedules the retry unless one is already due.
	 */
	private function schedule_retry() {
		if ( ! wp_next_scheduled( COMMENTGUARD_RETRY_HOOK ) ) {
			/**
			 * Seconds until WP-Cron sends failed items again.
			 *
			 * @param int $delay Default 60.
			 */
			$delay = (int) apply_filters( 'commentguard_retry_delay', MINUTE_IN_SECONDS );
			wp_schedule_single_event( time() + max( 0, $delay ), COMMENTGUARD_RETRY_HOOK );
		}
	}

	/**
	 * The WP-Cron retry: articles, then comments, then wp-admin decisions that could not be sent.
	 */
	public function retry() {
		if ( ! $this->settings->configured() ) {
			return;
		}
		$left  = $this->retry_articles();
		$left |= $this->retry_comments();
		$left |= $this->retry_decisions();
		if ( $left ) {
			$this->schedule_retry();
		}
	}

	/**
	 * Articles whose registration failed.
	 *
	 * @return bool Whether any are still waiting.
	 */
	private function retry_articles() {
		$posts = get_posts(
			array(
				'post_type'   => 'any',
				'post_status' => 'publish',
				'meta_key'    => self::POST_META_WAIT, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'numberposts' => self::RETRY_BATCH,
			)
		);
		$left  = false;
		foreach ( $posts as $post ) {
			$left = ( true !== $this->register_article( $post ) ) || $left;
		}
		return $left || count( $posts ) === self::RETRY_BATCH;
	}

	/**
	 * Comments that could not be sent, oldest first.
	 *
	 * @return bool Whether any are still waiting.
	 */
	private function retry_comments() {
		$comments = $this->marked( self::META_RETRY );
		$left     = false;
		foreach ( $comments as $comment ) {
			$comment_id = (int) $comment->comment_ID;
			$outcome    = $this->send_comment(
				get_comment_meta( $comment_id, self::META_EXTERNAL, true ),
				array(
					'comment_post_ID'      => $comment->comment_post_ID,
					'comment_parent'       => $comment->comment_parent,
					'comment_author'       => $comment->comment_author,
					'comment_author_email' => $comment->comment_author_email,
					'user_id'              => $comment->user_id,
					'comment_content'      => $comment->comment_content,
				)
			);
			if ( ! isset( $outcome['verdict'] ) ) {
				update_comment_meta( $comment_id, self::META_ERROR, $outcome['error'] );
				if ( $outcome['retry'] ) {
					$left = true;
				} else {
					delete_comment_meta( $comment_id, self::META_RETRY );
				}
				continue;
			}
			$this->store_verdict( $comment_id, $outcome );
			// Only a comment still in its fallback status takes the verdict; a moderator's choice stands.
			if ( wp_get_comment_status( $comment_id ) === get_comment_meta( $comment_id, self::META_FALLBACK, true )
				&& ! get_comment_meta( $comment_id, self::META_DECISION, true ) ) {
				$this->set_status_quietly( $comment_id, $this->wp_status_of( $outcome['verdict']['status'] ) );
			}
			delete_comment_meta( $comment_id, self::META_FALLBACK );
		}
		return $left || count( $comments ) === self::RETRY_BATCH;
	}

	/**
	 * Decisions from wp-admin that could not be sent.
	 *
	 * @return bool Whether any are still waiting.
	 */
	private function retry_decisions() {
		$comments = $this->marked( self::META_DECISION );
		$left     = false;
		foreach ( $comments as $comment ) {
			$comment_id = (int) $comment->comment_ID;
			if ( ! get_comment_meta( $comment_id, self::META_ID, true ) ) {
				$left = $left || (bool) get_comment_meta( $comment_id, self::META_RETRY, true );
				continue;
			}
			$this->send_decision( $comment_id, get_comment_meta( $comment_id, self::META_DECISION, true ) );
			$left = $left || (bool) get_comment_meta( $comment_id, self::META_DECISION, true );
		}
		return $left;
	}

	/**
	 * Comments of any status carrying a marker.
	 *
	 * @param string $meta_key The marker.
	 * @return WP_Comment[]
	 */
	private function marked( $meta_key ) {
		return get_comments(
			array(
				'meta_key' => $meta_key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'status'   => 'any',
				'number'   => self::RETRY_BATCH,
				'orderby'  => 'comment_ID',
				'order'    => 'ASC',
			)
		);
	}
}
