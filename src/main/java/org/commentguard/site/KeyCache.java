package org.commentguard.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The callers behind recently looked-up active keys, by the SHA-256 of the key, for {@code ttl}. Without it every
 * request, a flooding client's refused ones included, loaded its key from the database: under a flood of one site
 * that was about half of the request threads' CPU, taken from every other site's scoring.
 *
 * <p>Only active keys are kept; an unknown or revoked key is looked up every time, so a client cannot fill the
 * cache with made-up keys. Revoking a key on this instance {@linkplain #invalidate(UUID) removes} it at once, and a
 * look-up that raced with the revocation is not kept (a revocation counter taken before the look-up must be
 * unchanged when it is stored). Another instance keeps trusting the key for at most {@code ttl}.
 */
final class KeyCache {

    /** Past this many entries, expired ones are swept before the next one is stored. */
    static final int SWEEP_ABOVE = 10_000;

    private record Entry(UUID keyId, Caller caller, Instant loadedAt) {}

    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();

    KeyCache(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("commentguard.api-keys.cache-ttl must not be negative");
        }
        this.ttl = ttl;
    }

    /**
     * The caller for {@code hash} at {@code now}: the kept one while it is fresh, else what {@code lookUp} answers
     * (kept when it is a site key's caller and no key was revoked meanwhile).
     */
    Optional<Caller> get(String hash, Instant now, Supplier<Optional<Caller>> lookUp) {
        Entry kept = entries.get(hash);
        if (kept != null && fresh(kept, now)) {
            return Optional.of(kept.caller());
        }
        long before = revocations.get();
        Optional<Caller> caller = lookUp.get();
        if (caller.isEmpty() || caller.get().keyId().isEmpty() || ttl.isZero()) {
            entries.remove(hash);
            return caller;
        }
        if (entries.size() >= SWEEP_ABOVE) {
            entries.values().removeIf(e -> !fresh(e, now));
        }
        Entry entry = new Entry(caller.get().keyId().get(), caller.get(), now);
        entries.put(hash, entry);
        if (revocations.get() != before) {
            // A key was revoked while this one was looked up: it may have been this one, read before the commit.
            entries.remove(hash, entry);
        }
        return caller;
    }

    /** Forgets the key {@code keyId}; call after its revocation has committed. */
    void invalidate(UUID keyId) {
        revocations.incrementAndGet();
        entries.values().removeIf(e -> e.keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry e, Instant now) {
        // A clock that went back counts as expired.
        return !now.isBefore(e.loadedAt()) && now.isBefore(e.loadedAt().plus(ttl));
    }
}
