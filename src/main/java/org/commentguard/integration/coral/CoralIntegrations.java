package org.commentguard.integration.coral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.integration.coral.CoralRequests.IntegrationRequest;
import org.commentguard.integration.coral.CoralRequests.IntegrationView;
import org.commentguard.integration.coral.CoralRequests.SecretInput;
import org.commentguard.integration.coral.CoralRequests.SecretView;
import org.commentguard.platform.db.Constraints;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.webhook.SecretBox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Configures a site's Coral phase (tenant, body format, signing secrets) and finds the site of a Coral request. */
@ApplicationScoped
public class CoralIntegrations {

    public static final String MODERATION_PATH = "/integrations/coral/v1/moderate";
    static final int MAX_SECRETS = 10;
    /** Coral's own secrets are 64+ hex digits; anything this short was not made by Coral and is guessable. */
    static final int MIN_SECRET_CHARS = 16;

    static final int MAX_SECRET_CHARS = 500;
    static final int MAX_ID_CHARS = 200;
    private static final Set<String> FORMATS = Set.of("HTML", "PLAIN_TEXT");
    private static final TypeReference<List<StoredSecret>> SECRET_LIST = new TypeReference<>() {};

    private final SecretBox box;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    public CoralIntegrations(SecretBox box, ObjectMapper mapper, AuditLog audit, Clock clock) {
        this.box = box;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /** A secret as stored (sealed as a whole list). */
    record StoredSecret(String secret, Instant inactiveAt) {
        boolean activeAt(Instant now) {
            return inactiveAt == null || inactiveAt.isAfter(now);
        }
    }

    /** What the moderation endpoint needs to check and ingest one request. */
    public record Target(UUID siteId, boolean html, List<String> activeSecrets, List<String> inactiveSecrets) {}

    /**
     * Replaces the site's integration. All secrets are given each time, as Coral lists them: after a rotation in
     * Coral, the new secret and the old one with its {@code inactiveAt}.
     */
    @Transactional
    public IntegrationView configure(UUID siteId, IntegrationRequest request, Acting acting) {
        if (request == null) {
            throw new Invalid("body", "must be an object with tenantId and secrets");
        }
        String tenant = id("tenantId", request.tenantId(), true);
        String coralSite = id("coralSiteId", request.coralSiteId(), false);
        String format = request.bodyFormat() == null
                ? "HTML"
                : request.bodyFormat().strip().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new Invalid("bodyFormat", "must be HTML or PLAIN_TEXT, as set on Coral's phase");
        }
        List<StoredSecret> secrets = secrets(request.secrets());
        if (CoralIntegration.takenByAnother(tenant, coralSite, siteId)) {
            throw new Conflict(
                    "coral_tenant_taken",
                    "Another site already answers for this Coral tenant" + (coralSite == null ? "" : " and site")
                            + "; each Coral request must name exactly one site");
        }
        Instant now = clock.instant();
        Optional<CoralIntegration> existing = CoralIntegration.findByIdOptional(siteId);
        Map<String, Object> before = existing.map(this::auditState).orElse(null);
        CoralIntegration c = existing.orElseGet(() -> new CoralIntegration(siteId, now));
        c.tenantId = tenant;
        c.coralSiteId = coralSite;
        c.bodyFormat = format;
        c.secrets = box.seal(write(secrets));
        c.updatedAt = now;
        c.updatedBy = acting.actor();
        try {
            c.persistAndFlush();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                // Another site configured the same tenant at the same moment.
                throw new Conflict("coral_tenant_taken", "Another site already answers for this Coral tenant");
            }
            throw e;
        }
        audit.append(new AuditRecord(
                siteId, null, null, null, acting, "coral.configured", before, auditState(c), null, null, null));
        return view(c, secrets, now);
    }

    @Transactional
    public IntegrationView get(UUID siteId) {
        CoralIntegration c = CoralIntegration.<CoralIntegration>findByIdOptional(siteId)
                .orElseThrow(() -> new NotFound("Coral integration of site " + siteId));
        return view(c, read(c.secrets), clock.instant());
    }

    @Transactional
    public void remove(UUID siteId, Acting acting) {
        CoralIntegration c = CoralIntegration.<CoralIntegration>findByIdOptional(siteId)
                .orElseThrow(() -> new NotFound("Coral integration of site " + siteId));
        audit.append(new AuditRecord(
                siteId, null, null, null, acting, "coral.removed", auditState(c), null, null, null, null));
        c.delete();
    }

    /** The site answering for a Coral tenant and site, with its secrets split by whether Coral still signs. */
    @Transactional
    public Optional<Target> forRequest(String tenantId, String coralSiteId) {
        Instant now = clock.instant();
        return CoralIntegration.forRequest(tenantId, coralSiteId).map(c -> {
            List<String> active = new ArrayList<>();
            List<String> inactive = new ArrayList<>();
            for (StoredSecret s : read(c.secrets)) {
                (s.activeAt(now) ? active : inactive).add(s.secret());
            }
            return new Target(c.siteId, c.bodyFormat.equals("HTML"), active, inactive);
        });
    }

    private static String id(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new Invalid(field, "must not be blank");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_ID_CHARS) {
            throw new Invalid(field, "must be at most " + MAX_ID_CHARS + " characters");
        }
        return v;
    }

    private List<StoredSecret> secrets(List<SecretInput> input) {
        if (input == null || input.isEmpty() || input.size() > MAX_SECRETS) {
            throw new Invalid("secrets", "must list 1 to " + MAX_SECRETS + " of the phase's signing secrets");
        }
        Instant now = clock.instant();
        List<StoredSecret> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            SecretInput s = input.get(i);
            String field = "secrets[" + i + "].secret";
            if (s == null || s.secret() == null || s.secret().isBlank()) {
                throw new Invalid(field, "must not be blank");
            }
            // Not stripped: Coral signs with the secret exactly as it shows it, and any change would never verify.
            String secret = s.secret();
            if (secret.length() < MIN_SECRET_CHARS
                    || secret.length() > MAX_SECRET_CHARS
                    || !secret.equals(secret.strip())) {
                throw new Invalid(
                        field,
                        "must be " + MIN_SECRET_CHARS + " to " + MAX_SECRET_CHARS
                                + " characters without surrounding spaces, copied from Coral's phase settings");
            }
            if (!seen.add(secret)) {
                throw new Invalid(field, "is listed twice");
            }
            out.add(new StoredSecret(secret, s.inactiveAt()));
        }
        if (out.stream().noneMatch(s -> s.activeAt(now))) {
            throw new Invalid(
                    "secrets", "at least one secret must still be active (no inactiveAt, or one in " + "the future)");
        }
        return out;
    }

    private IntegrationView view(CoralIntegration c, List<StoredSecret> secrets, Instant now) {
        List<SecretView> views = secrets.stream()
                .map(s -> new SecretView(
                        fingerprint(s.secret()),
                        "…" + s.secret().substring(s.secret().length() - 4),
                        s.inactiveAt(),
                        s.activeAt(now)))
                .toList();
        return new IntegrationView(
                c.siteId, c.tenantId, c.coralSiteId, c.bodyFormat, views, MODERATION_PATH, c.createdAt, c.updatedAt);
    }

    /** What the audit log keeps: never a secret, only fingerprints. */
    private Map<String, Object> auditState(CoralIntegration c) {
        List<String> fingerprints =
                read(c.secrets).stream().map(s -> fingerprint(s.secret())).toList();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("tenantId", c.tenantId);
        m.put("coralSiteId", c.coralSiteId);
        m.put("bodyFormat", c.bodyFormat);
        m.put("secrets", fingerprints);
        return m;
    }

    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<StoredSecret> secrets) {
        try {
            return mapper.writeValueAsString(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise Coral secrets", e);
        }
    }

    private List<StoredSecret> read(String sealed) {
        try {
            return mapper.readValue(box.open(sealed), SECRET_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Coral secrets are unreadable", e);
        }
    }
}
