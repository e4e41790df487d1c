<?php
/**
 * Test-side helper run with php-cli against the test's WordPress tree: creates its database, installs WordPress with
 * its own installer functions, publishes posts and reads a comment's status and meta. Usage:
 *   php wp-tool.php <wordpress dir> <command> [json argument]
 * Every command prints one JSON document.
 */

$dir  = $argv[1];
$cmd  = $argv[2];
$args = isset( $argv[3] ) ? json_decode( $argv[3], true ) : array();

function db() {
	$db = mysqli_connect( '127.0.0.1', 'root', '', '', 3306 );
	if ( ! $db ) {
		fwrite( STDERR, "cannot connect to MariaDB at 127.0.0.1:3306\n" );
		exit( 2 );
	}
	return $db;
}

function name_ok( $name ) {
	return (bool) preg_match( '/^wp_e2e_[a-z0-9]{6,32}$/', $name );
}

switch ( $cmd ) {
	case 'create-db':
	case 'drop-db':
		// Only databases this test created (wp_e2e_<random>) are ever dropped.
		if ( ! name_ok( $args['name'] ) ) {
			fwrite( STDERR, "refusing database name\n" );
			exit( 2 );
		}
		$sql = 'create-db' === $cmd ? 'CREATE DATABASE `' . $args['name'] . '` CHARACTER SET utf8mb4' : 'DROP DATABASE IF EXISTS `' . $args['name'] . '`';
		echo json_encode( array( 'ok' => mysqli_query( db(), $sql ) ) );
		exit( 0 );
	case 'install':
		define( 'WP_INSTALLING', true );
		require $dir . '/wp-load.php';
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$installed = wp_install( 'Commentguard e2e', 'admin', 'admin@example.org', false, '', $args['password'] );
		update_option( 'permalink_structure', '/%postname%/' );
		update_option( 'comments_notify', 0 );
		update_option( 'moderation_notify', 0 );
		update_option( 'commentguard_settings', $args['settings'] );
		$activated = activate_plugin( 'commentguard/commentguard.php' );
		flush_rewrite_rules();
		echo json_encode(
			array(
				'userId'    => $installed['user_id'],
				'activated' => ! is_wp_error( $activated ),
				'active'    => get_option( 'active_plugins' ),
			)
		);
		exit( 0 );
}

require $dir . '/wp-load.php';
switch ( $cmd ) {
	case 'publish':
		wp_set_current_user( 1 );
		$post = array(
			'post_title'   => $args['title'],
			'post_content' => $args['content'],
			'post_status'  => 'publish',
		);
		// wp_update_post keeps the fields not given (wp_insert_post with an ID would close the comments).
		$id = isset( $args['id'] ) ? wp_update_post( array( 'ID' => $args['id'] ) + $post, true ) : wp_insert_post( $post, true );
		echo json_encode(
			array(
				'id'        => $id,
				'permalink' => get_permalink( $id ),
				'sent'      => get_post_meta( $id, '_commentguard_article_sent', true ),
			)
		);
		break;
	case 'comment':
		$meta = array();
		foreach ( get_comment_meta( (int) $args['id'] ) as $key => $values ) {
			$meta[ $key ] = maybe_unserialize( $values[0] );
		}
		echo json_encode(
			array(
				'status' => wp_get_comment_status( (int) $args['id'] ),
				'meta'   => (object) $meta,
			)
		);
		break;
	case 'settings':
		echo json_encode( get_option( 'commentguard_settings' ) );
		break;
	default:
		fwrite( STDERR, "unknown command $cmd\n" );
		exit( 2 );
}
