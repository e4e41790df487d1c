package org.commentguard.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.platform.failure.NotFound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, authenticates and revokes API keys. Keys carry 256 random bits, so a single SHA-256 is the right
 * storage (as for GitHub tokens): a slow password hash buys nothing against a key nobody can guess, and would
 * cost every request.
 */
@ApplicationScoped
@Startup
public class ApiKeys {

    static final String PREFIX = "cg_";
    static final int MIN_ADMIN_KEY_LENGTH = 32;
    private static final int SECRET_BYTES = 32;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Optional<byte[]> adminKeyHash;
    private final KeyCache cache;

    public ApiKeys(Clock clock, AdminConfig config, ApiKeyConfig keyConfig) {
        this.clock = clock;
        this.cache = new KeyCache(keyConfig.cacheTtl());
        Optional<String> admin = config.apiKey().map(String::trim).filter(s -> !s.isEmpty());
        admin.ifPresent(k -> {
            if (k.length() < MIN_ADMIN_KEY_LENGTH) {
                throw new IllegalStateException(
                        "commentguard.admin.api-key must be at least " + MIN_ADMIN_KEY_LENGTH + " characters");
            }
        });
        this.adminKeyHash = admin.map(k -> digest(k));
    }

    /** A freshly issued key; {@code secret} is the only time the key's full text exists outside the caller. */
    public record IssuedKey(ApiKey key, String secret) {}

    @Transactional
    public IssuedKey issue(UUID siteId, Role role, String label) {
        String secret = PREFIX + role.tag() + "_" + randomToken();
        ApiKey key = new ApiKey(siteId, role, label, secret.substring(0, 14), hash(secret), clock.instant());
        key.persist();
        return new IssuedKey(key, secret);
    }

    /**
     * Resolves the caller behind a presented key, or empty for an unknown or revoked key. The platform
     * administrator key is compared in constant time and only when one is configured. An active site key is read
     * from the database at most once per {@link ApiKeyConfig#cacheTtl()} on this instance ({@link KeyCache}).
     */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 200) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        if (adminKeyHash.isPresent() && MessageDigest.isEqual(adminKeyHash.get(), digest)) {
            return Optional.of(Caller.platformAdmin());
        }
        if (!presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = HexFormat.of().formatHex(digest);
        Instant now = clock.instant();
        return cache.get(hash, now, () -> QuarkusTransaction.joiningExisting().call(() -> lookUp(hash, now)));
    }

    private static Optional<Caller> lookUp(String hash, Instant now) {
        Optional<ApiKey> key = ApiKey.byHash(hash).filter(ApiKey::isActive);
        // The UPDATE would match nothing when the loaded row was used within the precision: skip the statement.
        key.filter(k -> k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(ApiKey.LAST_USED_PRECISION)))
                .ifPresent(k -> ApiKey.touch(k.id, now));
        return key.map(Caller::siteKey);
    }

    @Transactional
    public List<ApiKey> list(UUID siteId) {
        return ApiKey.ofSite(siteId);
    }

    /** Revokes a key of {@code siteId}; it stops working on this instance as soon as the revocation commits. */
    public ApiKey revoke(UUID siteId, UUID keyId) {
        // Its own transaction, so that the revocation has committed before the cache forgets the key.
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey k = ApiKey.ofSite(siteId, keyId).orElseThrow(() -> new NotFound("API key " + keyId));
            k.revoke(clock.instant());
            return k;
        });
        cache.invalidate(keyId);
        return key;
    }

    public Instant now() {
        return clock.instant();
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        // Base62 of 32 bytes: 43 characters, URL- and header-safe, no padding.
        java.math.BigInteger n = new java.math.BigInteger(1, bytes);
        StringBuilder sb = new StringBuilder();
        java.math.BigInteger base = java.math.BigInteger.valueOf(ALPHABET.length);
        while (sb.length() < 43) {
            java.math.BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(ALPHABET[qr[1].intValue()]);
            n = qr[0];
        }
        return sb.toString();
    }
}
