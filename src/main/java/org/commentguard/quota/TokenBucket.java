package org.commentguard.quota;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: it holds up to {@code burst} tokens, refills at {@code rate} per second, and each request takes
 * one. Rate and burst are passed on every call, so a changed override applies without rebuilding the bucket.
 * Time comes from the caller (an injected {@link java.time.Clock}), so tests move it by hand.
 */
final class TokenBucket {

    private double tokens = -1;
    private Instant refilled;

    /** Takes a token: {@link Duration#ZERO} when one was there, else how long until one will be (nothing taken). */
    synchronized Duration take(double rate, int burst, Instant now) {
        refill(rate, burst, now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / rate * 1e9));
    }

    /** Returns a token taken by {@link #take} whose request was refused by another bucket after all. */
    synchronized void giveBack(int burst) {
        tokens = Math.min(burst, tokens + 1);
    }

    private void refill(double rate, int burst, Instant now) {
        if (tokens < 0) {
            tokens = burst;
            refilled = now;
            return;
        }
        // A clock moved backwards (a test resetting its offset) refills nothing instead of draining the bucket.
        if (now.isAfter(refilled)) {
            double seconds = Duration.between(refilled, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * rate);
            refilled = now;
        }
        tokens = Math.min(tokens, burst);
    }
}
