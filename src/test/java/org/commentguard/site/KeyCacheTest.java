package org.commentguard.site;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final AtomicInteger lookUps = new AtomicInteger();

    private static Caller caller(UUID keyId) {
        return new Caller(Optional.of(UUID.randomUUID()), Optional.of(keyId), Optional.of(Role.INGEST), "label");
    }

    private java.util.function.Supplier<Optional<Caller>> counted(Optional<Caller> answer) {
        return () -> {
            lookUps.incrementAndGet();
            return answer;
        };
    }

    @Test
    void anActiveKeyIsReadOncePerTtl() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(2));
        Caller c = caller(UUID.randomUUID());
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("h", T0.plusMillis(i * 10), counted(Optional.of(c))))
                    .contains(c);
        }
        assertThat(lookUps).hasValue(1);
        assertThat(cache.get("h", T0.plusSeconds(2), counted(Optional.of(c)))).contains(c);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void unknownKeysAndTheAdminAreNeverKept() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("unknown", T0, counted(Optional.empty()))).isEmpty();
            assertThat(cache.get("admin", T0, counted(Optional.of(Caller.platformAdmin()))))
                    .contains(Caller.platformAdmin());
        }
        assertThat(lookUps).hasValue(6);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aKeyThatBecameUnknownIsForgotten() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(2));
        Caller c = caller(UUID.randomUUID());
        cache.get("h", T0, counted(Optional.of(c)));
        // Revoked through another instance: after the ttl the look-up answers nothing, and nothing is kept.
        assertThat(cache.get("h", T0.plusSeconds(3), counted(Optional.empty()))).isEmpty();
        assertThat(cache.get("h", T0.plusSeconds(3), counted(Optional.empty()))).isEmpty();
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void revokingOnThisInstanceForgetsTheKeyAtOnce() {
        KeyCache cache = new KeyCache(Duration.ofMinutes(1));
        UUID revoked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        cache.get("revoked", T0, counted(Optional.of(caller(revoked))));
        cache.get("other", T0, counted(Optional.of(caller(other))));
        cache.invalidate(revoked);
        assertThat(cache.get("revoked", T0.plusMillis(1), counted(Optional.empty())))
                .isEmpty();
        assertThat(cache.get("other", T0.plusMillis(1), counted(Optional.empty())))
                .isPresent();
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void aLookUpThatRacedWithARevocationIsNotKept() {
        KeyCache cache = new KeyCache(Duration.ofMinutes(1));
        UUID keyId = UUID.randomUUID();
        Caller stale = caller(keyId);
        // The row was read as active just before the revocation committed; the revocation lands mid-look-up.
        assertThat(cache.get("h", T0, () -> {
                    cache.invalidate(keyId);
                    return Optional.of(stale);
                }))
                .contains(stale);
        assertThat(cache.get("h", T0, counted(Optional.empty()))).isEmpty();
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void aClockThatWentBackExpiresTheEntry() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(2));
        Caller c = caller(UUID.randomUUID());
        cache.get("h", T0, counted(Optional.of(c)));
        cache.get("h", T0.minusSeconds(1), counted(Optional.of(c)));
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void zeroTtlReadsEveryTime() {
        KeyCache cache = new KeyCache(Duration.ZERO);
        Caller c = caller(UUID.randomUUID());
        cache.get("h", T0, counted(Optional.of(c)));
        cache.get("h", T0, counted(Optional.of(c)));
        assertThat(lookUps).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new KeyCache(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiredEntriesAreSweptPastTheBound() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(2));
        for (int i = 0; i < KeyCache.SWEEP_ABOVE; i++) {
            cache.get("h" + i, T0, counted(Optional.of(caller(UUID.randomUUID()))));
        }
        cache.get("fresh", T0.plusSeconds(5), counted(Optional.of(caller(UUID.randomUUID()))));
        assertThat(cache.size()).isEqualTo(1);
    }
}
