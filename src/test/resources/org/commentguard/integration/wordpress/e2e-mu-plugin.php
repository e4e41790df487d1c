<?php
/**
 * Test site only. Every "reader" of this site posts from 127.0.0.1 within seconds, which WordPress's comment flood
 * check would refuse; and the test runs WP-Cron itself right after the service is back, so the retry is due at once.
 */
add_filter( 'wp_is_comment_flood', '__return_false', 99 );
add_filter( 'commentguard_retry_delay', '__return_zero' );
