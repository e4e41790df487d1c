<?php
/**
 * Commentguard's verdict in wp-admin's comment list, for moderators who stay in WordPress.
 *
 * @package Commentguard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds a "Commentguard" column: status, reasons, the flagged passages and the highest scores. Everything shown
 * comes from the service and is escaped.
 */
class Commentguard_Admin {

	const COLUMN = 'commentguard';

	/** Scores at or above this are listed; lower ones are noise for a moderator. */
	const SHOWN_SCORE = 0.3;

	/**
	 * Hooks the column.
	 */
	public function register() {
		add_filter( 'manage_edit-comments_columns', array( $this, 'add_column' ) );
		add_action( 'manage_comments_custom_column', array( $this, 'render_column' ), 10, 2 );
		add_action( 'admin_head-edit-comments.php', array( $this, 'styles' ) );
	}

	/**
	 * Adds the column after the comment text.
	 *
	 * @param array $columns Columns.
	 * @return array
	 */
	public function add_column( $columns ) {
		$columns[ self::COLUMN ] = __( 'Commentguard', 'commentguard' );
		return $columns;
	}

	/**
	 * One comment's cell.
	 *
	 * @param string $column     Column id.
	 * @param int    $comment_id Comment id.
	 */
	public function render_column( $column, $comment_id ) {
		if ( self::COLUMN !== $column || ! current_user_can( 'moderate_comments' ) ) {
			return;
		}
		$status = (string) get_comment_meta( $comment_id, Commentguard_Sync::META_STATUS, true );
		$error  = (string) get_comment_meta( $comment_id, Commentguard_Sync::META_ERROR, true );
		if ( '' === $status ) {
			if ( get_comment_meta( $comment_id, Commentguard_Sync::META_RETRY, true ) ) {
				echo '<strong>' . esc_html__( 'Not sent yet: WP-Cron retries', 'commentguard' ) . '</strong>';
			} else {
				echo '<span class="commentguard-none">' . esc_html__( 'Not moderated by Commentguard', 'commentguard' ) . '</span>';
			}
			if ( '' !== $error ) {
				echo '<br /><small>' . esc_html( $error ) . '</small>';
			}
			return;
		}
		echo '<strong class="commentguard-status commentguard-' . esc_attr( strtolower( $status ) ) . '">' . esc_html( $status ) . '</strong>';
		$decided = (string) get_comment_meta( $comment_id, Commentguard_Sync::META_DECIDED, true );
		if ( '' !== $decided ) {
			/* translators: %s: who decided. */
			echo ' <small>' . esc_html( sprintf( __( 'by %s', 'commentguard' ), $decided ) ) . '</small>';
		}
		$reasons = (array) get_comment_meta( $comment_id, Commentguard_Sync::META_REASONS, true );
		if ( ! empty( $reasons ) ) {
			echo '<ul class="commentguard-reasons">';
			foreach ( $reasons as $reason ) {
				echo '<li><code>' . esc_html( $reason ) . '</code></li>';
			}
			echo '</ul>';
		}
		$spans = (array) get_comment_meta( $comment_id, Commentguard_Sync::META_SPANS, true );
		if ( ! empty( $spans ) ) {
			echo '<div class="commentguard-spans">' . esc_html__( 'Flagged:', 'commentguard' ) . ' ';
			$shown = array();
			foreach ( array_slice( $spans, 0, 6 ) as $span ) {
				$shown[] = '<mark>' . esc_html( wp_trim_words( $span['text'], 12 ) ) . '</mark> <small>(' . esc_html( $span['attribute'] ) . ')</small>';
			}
			echo implode( ', ', $shown ) . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- each part is escaped above.
		}
		$scores = array_filter(
			(array) get_comment_meta( $comment_id, Commentguard_Sync::META_SCORES, true ),
			function ( $score ) {
				return null !== $score && $score >= self::SHOWN_SCORE;
			}
		);
		arsort( $scores );
		if ( ! empty( $scores ) ) {
			$parts = array();
			foreach ( array_slice( $scores, 0, 4, true ) as $attribute => $score ) {
				$parts[] = esc_html( $attribute ) . ' ' . esc_html( number_format_i18n( $score, 2 ) );
			}
			echo '<div class="commentguard-scores"><small>' . implode( ' · ', $parts ) . '</small></div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- each part is escaped above.
		}
		if ( '' !== $error ) {
			echo '<div><small>' . esc_html( $error ) . '</small></div>';
		}
	}

	/**
	 * A few styles for the column.
	 */
	public function styles() {
		echo '<style>.column-commentguard{width:22%}.commentguard-reasons{margin:.3em 0 .3em 1.2em;list-style:disc}'
			. '.commentguard-spans mark{background:#fcf0a1}.commentguard-rejected{color:#b32d2e}'
			. '.commentguard-pending{color:#996800}.commentguard-published{color:#007017}</style>';
	}
}
