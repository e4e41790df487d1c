package org.commentguard.policy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.platform.Json;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.Violation;
import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.Iso639;
import org.commentguard.scoring.SiteLanguages;
import org.commentguard.scoring.text.TextNormalizer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one class that merges the service-wide defaults ({@link PolicyDefaultsConfig}) with a site's stored
 * overrides, and that stores new override versions. Invalid defaults stop start-up.
 */
@ApplicationScoped
@Startup
public class SitePolicies implements SiteLanguages {

    static final int MAX_TERMS = 2000;
    static final int MAX_TERM_LENGTH = 100;
    static final int MAX_LANGUAGES = 10;
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

    private final SitePolicy defaults;
    private final Clock clock;
    private final AuditLog audit;

    public SitePolicies(PolicyDefaultsConfig config, Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
        this.defaults = defaultsOf(config);
    }

    /** The policy of a site together with the overrides it was built from. */
    public record StoredPolicy(int version, PolicyOverrides overrides, SitePolicy effective) {}

    public SitePolicy defaults() {
        return defaults;
    }

    /** The policy in force for a site now. */
    @Transactional
    public SitePolicy effective(UUID siteId) {
        return current(siteId).effective();
    }

    /** The languages of the site's policy in force now. */
    @Override
    @Transactional
    public List<String> languages(UUID siteId) {
        return effective(siteId).languages();
    }

    @Override
    public List<String> defaultLanguages() {
        return defaults.languages();
    }

    @Transactional
    public StoredPolicy current(UUID siteId) {
        return SitePolicyVersion.latest(siteId)
                .map(v -> {
                    PolicyOverrides o = Json.read(v.overrides, PolicyOverrides.class);
                    return new StoredPolicy(v.version, o, merge(v.version, o));
                })
                .orElse(new StoredPolicy(0, PolicyOverrides.NONE, defaults));
    }

    /**
     * Stores {@code overrides} as the site's next policy version (replacing the previous overrides as a whole) and
     * audits the change. Two concurrent updates cannot both get the same version: the loser gets a 409.
     */
    @Transactional
    public StoredPolicy replace(UUID siteId, PolicyOverrides overrides, Acting acting) {
        PolicyOverrides clean = normalise(overrides);
        StoredPolicy previous = current(siteId);
        int version = previous.version() + 1;
        SitePolicy effective = merge(version, clean);
        SitePolicyVersion row =
                new SitePolicyVersion(siteId, version, Json.write(clean), clock.instant(), acting.actor());
        try {
            row.persistAndFlush();
        } catch (RuntimeException e) {
            if (org.commentguard.platform.db.Constraints.isUniqueViolation(e)) {
                throw new Conflict("policy_changed", "The policy was changed concurrently; read it and retry");
            }
            throw e;
        }
        audit.append(new AuditRecord(
                siteId, null, null, null, acting, "policy.updated", previous.overrides(), clean, null, null, version));
        return new StoredPolicy(version, clean, effective);
    }

    /** Validates proposed overrides (400 with violations) and merges them, without storing anything. */
    public SitePolicy propose(PolicyOverrides overrides) {
        return merge(-1, normalise(overrides));
    }

    /** Defaults with {@code o} laid over them. The only place the two meet. */
    SitePolicy merge(int version, PolicyOverrides o) {
        Map<String, Thresholds> thresholds = new LinkedHashMap<>(defaults.thresholds());
        if (o.thresholds() != null) {
            o.thresholds().forEach((attribute, t) -> {
                Thresholds base = thresholds.getOrDefault(attribute, new Thresholds(1.01, 1.01));
                thresholds.put(
                        attribute,
                        new Thresholds(
                                t.review() != null ? t.review() : base.review(),
                                t.reject() != null ? t.reject() : base.reject()));
            });
        }
        List<Violation> violations = new ArrayList<>();
        thresholds.forEach((attribute, t) -> {
            String problem = t.problem();
            if (problem != null) {
                violations.add(new Violation("thresholds." + attribute, problem));
            }
        });
        if (!violations.isEmpty()) {
            throw problem(violations);
        }
        return new SitePolicy(
                version,
                thresholds,
                or(o.blockTerms(), defaults.blockTerms()),
                or(o.reviewTerms(), defaults.reviewTerms()),
                or(o.censorTerms(), defaults.censorTerms()),
                or(o.allowTerms(), defaults.allowTerms()),
                or(o.mode(), defaults.mode()),
                or(o.newAuthorApprovals(), defaults.newAuthorApprovals()),
                or(o.trustedAfterApprovals(), defaults.trustedAfterApprovals()),
                or(o.offTopicThreshold(), defaults.offTopicThreshold()),
                or(o.offTopicAction(), defaults.offTopicAction()),
                or(o.unsupportedLanguageAction(), defaults.unsupportedLanguageAction()),
                or(o.scorerFailureAction(), defaults.scorerFailureAction()),
                or(o.languages(), defaults.languages()));
    }

    private static PolicyOverrides normalise(PolicyOverrides o) {
        if (o == null) {
            return PolicyOverrides.NONE;
        }
        List<Violation> v = new ArrayList<>();
        if (o.thresholds() != null) {
            o.thresholds().forEach((attribute, t) -> {
                String field = "thresholds." + attribute;
                if (attribute.equals(Attributes.OFF_TOPIC)) {
                    v.add(new Violation(field, "off_topic is set by offTopicThreshold and offTopicAction"));
                } else if (!Attributes.ALL.contains(attribute)) {
                    v.add(new Violation(field, "unknown attribute; known: " + Attributes.ALL));
                } else if (t == null) {
                    v.add(new Violation(field, "must not be null"));
                } else {
                    checkUnit(v, field + ".review", t.review());
                    checkUnit(v, field + ".reject", t.reject());
                }
            });
        }
        List<String> block = terms(v, "blockTerms", o.blockTerms());
        List<String> review = terms(v, "reviewTerms", o.reviewTerms());
        List<String> censor = terms(v, "censorTerms", o.censorTerms());
        List<String> allow = terms(v, "allowTerms", o.allowTerms());
        range(v, "newAuthorApprovals", o.newAuthorApprovals(), 0, 10_000);
        range(v, "trustedAfterApprovals", o.trustedAfterApprovals(), 1, 1_000_000);
        if (o.offTopicThreshold() != null) {
            checkUnit(v, "offTopicThreshold", o.offTopicThreshold());
        }
        List<String> languages = o.languages() == null ? null : languageCodes(v, "languages", o.languages());
        if (!v.isEmpty()) {
            throw problem(v);
        }
        return new PolicyOverrides(
                o.thresholds() == null ? null : Map.copyOf(o.thresholds()),
                block,
                review,
                censor,
                allow,
                o.mode(),
                o.newAuthorApprovals(),
                o.trustedAfterApprovals(),
                o.offTopicThreshold(),
                o.offTopicAction(),
                o.unsupportedLanguageAction(),
                o.scorerFailureAction(),
                languages);
    }

    /**
     * A site's languages as primary-language codes ({@code en-GB} and {@code EN} become {@code en}), without
     * duplicates; at least one, at most {@value #MAX_LANGUAGES}.
     */
    private static List<String> languageCodes(List<Violation> v, String field, List<String> tags) {
        if (tags.isEmpty() || tags.size() > MAX_LANGUAGES) {
            v.add(new Violation(field, "must name between 1 and " + MAX_LANGUAGES + " languages"));
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (t == null || !LANGUAGE_TAG.matcher(t.strip()).matches()) {
                v.add(new Violation(field + "[" + i + "]", "must be a language code such as en or en-GB"));
            } else {
                String code = Iso639.primary(t);
                if (!clean.contains(code)) {
                    clean.add(code);
                }
            }
        }
        return List.copyOf(clean);
    }

    private static void checkUnit(List<Violation> v, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1.01)) {
            v.add(new Violation(field, "must be between 0 and 1.01 (above 1 switches the step off)"));
        }
    }

    private static void range(List<Violation> v, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            v.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }

    private static List<String> terms(List<Violation> v, String field, List<String> terms) {
        if (terms == null) {
            return null;
        }
        if (terms.size() > MAX_TERMS) {
            v.add(new Violation(field, "must hold at most " + MAX_TERMS + " terms"));
            return null;
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            if (t == null || t.isBlank() || TextNormalizer.canonical(t).isEmpty()) {
                v.add(new Violation(field + "[" + i + "]", "must contain at least one letter"));
            } else if (t.length() > MAX_TERM_LENGTH) {
                v.add(new Violation(field + "[" + i + "]", "must be at most " + MAX_TERM_LENGTH + " characters"));
            } else if (!clean.contains(t.strip())) {
                clean.add(t.strip());
            }
        }
        return clean;
    }

    private static Invalid problem(List<Violation> v) {
        return new Invalid(
                String.join(
                        "; ",
                        v.stream().map(x -> x.field() + ": " + x.message()).toList()),
                v);
    }

    private static SitePolicy defaultsOf(PolicyDefaultsConfig c) {
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        c.thresholds().forEach((attribute, t) -> {
            if (!Attributes.ALL.contains(attribute) || attribute.equals(Attributes.OFF_TOPIC)) {
                throw new IllegalStateException("commentguard.policy.thresholds." + attribute
                        + ": not a thresholded attribute; known: " + Attributes.ALL + " (off_topic excluded)");
            }
            Thresholds pair = new Thresholds(t.review(), t.reject());
            if (pair.problem() != null) {
                throw new IllegalStateException("commentguard.policy.thresholds." + attribute + ": " + pair.problem());
            }
            thresholds.put(attribute, pair);
        });
        if (c.offTopicThreshold() < 0 || c.offTopicThreshold() > 1.01) {
            throw new IllegalStateException("commentguard.policy.off-topic-threshold must be between 0 and 1.01");
        }
        if (c.newAuthorApprovals() < 0 || c.trustedAfterApprovals() < 1) {
            throw new IllegalStateException(
                    "commentguard.policy.new-author-approvals must be >= 0 and " + "trusted-after-approvals >= 1");
        }
        List<Violation> badLanguages = new ArrayList<>();
        List<String> languages = languageCodes(badLanguages, "languages", c.languages());
        if (!badLanguages.isEmpty()) {
            throw new IllegalStateException(
                    "commentguard.policy.languages: " + badLanguages.get(0).message());
        }
        return new SitePolicy(
                0,
                thresholds,
                c.blockTerms().orElse(List.of()),
                c.reviewTerms().orElse(List.of()),
                c.censorTerms().orElse(List.of()),
                c.allowTerms().orElse(List.of()),
                c.mode(),
                c.newAuthorApprovals(),
                c.trustedAfterApprovals(),
                c.offTopicThreshold(),
                c.offTopicAction(),
                c.unsupportedLanguageAction(),
                c.scorerFailureAction(),
                languages);
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
