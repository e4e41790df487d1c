package org.commentguard.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.comment.Comment;
import org.commentguard.comment.PendingComments;
import org.commentguard.platform.Cursor;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.scoring.Attributes;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The review queue: putting comments in it, listing it and claiming items. Claims are atomic: claiming one item
 * is a conditional UPDATE (1 row = won), claiming the next uses {@code FOR UPDATE SKIP LOCKED} so concurrent
 * moderators each get a different item without waiting on each other.
 */
@ApplicationScoped
public class ReviewQueue implements PendingComments {

    static final int MAX_PAGE = 100;
    /** The values of the list's {@code status} filter; {@code open} is the default. */
    public static final List<String> STATUSES = List.of("open", "unclaimed", "claimed", "escalated", "decided", "all");

    private static final Pattern REASON = Pattern.compile("[a-z0-9_.]{1,60}");
    private static final String CLAIM_NEXT = "UPDATE review_item SET claimed_by = ?1, claim_expires_at = ?2 "
            + "WHERE id = (SELECT id FROM review_item WHERE site_id = ?3 AND state = 'OPEN' "
            + "AND (claimed_by IS NULL OR claim_expires_at <= ?4) "
            + "ORDER BY rank DESC, id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id";

    private final Clock clock;
    private final ReviewConfig config;
    private final AuditLog audit;
    private final ReviewViews views;

    public ReviewQueue(Clock clock, ReviewConfig config, AuditLog audit, ReviewViews views) {
        this.clock = clock;
        this.config = config;
        this.audit = audit;
        this.views = views;
    }

    /** Queue filters; {@code null} fields do not filter. */
    public record Filter(
            String state,
            String reason,
            String article,
            String author,
            String attribute,
            Double minScore,
            Double maxScore) {}

    public enum Sort {
        PRIORITY,
        OLDEST,
        NEWEST
    }

    public record Page(List<ReviewViews.ItemView> items, String nextCursor) {}

    /**
     * Puts a comment in the queue (or, when it already is, raises the open item's priority). Runs in the
     * caller's transaction, next to the status change that caused it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReviewItem enqueue(
            Comment comment, ReviewItem.Cause cause, double reportWeight, long authorRecentRejections) {
        Optional<ReviewItem> open = ReviewItem.openOfComment(comment.id);
        if (open.isPresent()) {
            ReviewItem item = open.get();
            item.reportWeight = Math.max(item.reportWeight, reportWeight);
            item.reprioritise(
                    ReviewPriority.base(comment.scores(), item.reportWeight, authorRecentRejections, item.escalated),
                    config.ageWeightPerHour());
            return item;
        }
        double base = ReviewPriority.base(comment.scores(), reportWeight, authorRecentRejections, false);
        ReviewItem item =
                new ReviewItem(comment.siteId, comment.id, cause, base, config.ageWeightPerHour(), clock.instant());
        item.reportWeight = reportWeight;
        item.persist();
        return item;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(Comment comment, boolean edited, long authorRecentRejections) {
        return enqueue(comment, edited ? ReviewItem.Cause.EDIT : ReviewItem.Cause.VERDICT, 0, authorRecentRejections)
                .id;
    }

    /** Closes an open item because a new automatic verdict no longer needs a moderator (the comment was edited). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void supersede(Comment comment, Acting acting) {
        ReviewItem.openOfComment(comment.id)
                .ifPresent(item -> item.decide(
                        ReviewItem.Decision.SUPERSEDED,
                        acting.actor(),
                        "edited",
                        null,
                        comment.status,
                        clock.instant()));
    }

    @Transactional
    public Page list(UUID siteId, Filter f, Sort sort, String cursorValue, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new Invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        Instant now = clock.instant();
        // Filters are optional, so the SQL is assembled here; every value is a bound parameter.
        StringBuilder sql = new StringBuilder("SELECT r.* FROM review_item r JOIN comment c ON c.id = r.comment_id "
                + "JOIN author a ON a.id = c.author_id JOIN article ar ON ar.id = c.article_id "
                + "WHERE r.site_id = :site");
        Map<String, Object> p = new HashMap<>();
        p.put("site", siteId);
        String state = f.state() == null ? "open" : f.state().toLowerCase(java.util.Locale.ROOT);
        switch (state) {
            case "open" -> sql.append(" AND r.state = 'OPEN'");
            case "unclaimed" -> {
                sql.append(" AND r.state = 'OPEN' AND (r.claimed_by IS NULL OR r.claim_expires_at <= :now)");
                p.put("now", now);
            }
            case "claimed" -> {
                sql.append(" AND r.state = 'OPEN' AND r.claimed_by IS NOT NULL AND r.claim_expires_at > :now");
                p.put("now", now);
            }
            case "escalated" -> sql.append(" AND r.state = 'OPEN' AND r.escalated");
            case "decided" -> sql.append(" AND r.state = 'DECIDED'");
            case "all" -> {}
            default -> throw new Invalid("status", "must be one of " + String.join(", ", STATUSES));
        }
        if (f.reason() != null) {
            if (!REASON.matcher(f.reason()).matches()) {
                throw new Invalid("reason", "must be a reason code such as toxicity.review");
            }
            sql.append(" AND c.reasons LIKE :reason");
            // "_" is a LIKE wildcard; reason codes contain it (off_topic), so it is escaped.
            p.put("reason", "%\"" + f.reason().replace("_", "\\_") + "\"%");
        }
        if (f.article() != null) {
            sql.append(" AND ar.external_id = :article");
            p.put("article", f.article());
        }
        if (f.author() != null) {
            sql.append(" AND a.external_id = :author");
            p.put("author", f.author());
        }
        if (f.minScore() != null || f.maxScore() != null) {
            if (f.attribute() == null || !Attributes.ALL.contains(f.attribute())) {
                throw new Invalid("attribute", "a score range needs an attribute, one of " + Attributes.ALL);
            }
            p.put("attribute", f.attribute());
            if (f.minScore() != null) {
                sql.append(" AND CAST(CAST(c.scores AS jsonb) ->> :attribute AS double precision) >= :min");
                p.put("min", f.minScore());
            }
            if (f.maxScore() != null) {
                sql.append(" AND CAST(CAST(c.scores AS jsonb) ->> :attribute AS double precision) <= :max");
                p.put("max", f.maxScore());
            }
        }
        Cursor cursor = Cursor.decode(cursorValue);
        switch (sort) {
            case PRIORITY -> {
                if (cursor != null) {
                    sql.append(" AND (r.rank < :crank OR (r.rank = :crank AND r.id > :cid))");
                    p.put("crank", cursor.sortDouble());
                    p.put("cid", cursor.id());
                }
                sql.append(" ORDER BY r.rank DESC, r.id");
            }
            case OLDEST, NEWEST -> {
                String cmp = sort == Sort.OLDEST ? ">" : "<";
                if (cursor != null) {
                    sql.append(" AND (r.created_at ")
                            .append(cmp)
                            .append(" :ct OR (r.created_at = :ct AND r.id ")
                            .append(cmp)
                            .append(" :cid))");
                    p.put("ct", Instant.ofEpochSecond(0, 0).plusNanos(cursor.sortLong() * 1000));
                    p.put("cid", cursor.id());
                }
                sql.append(
                        sort == Sort.OLDEST
                                ? " ORDER BY r.created_at, r.id"
                                : " ORDER BY r.created_at DESC, r.id DESC");
            }
        }
        sql.append(" LIMIT :limit");
        p.put("limit", limit);
        var query = ReviewItem.getEntityManager().createNativeQuery(sql.toString(), ReviewItem.class);
        p.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<ReviewItem> items = query.getResultList();
        String next = null;
        if (items.size() == limit) {
            ReviewItem last = items.get(items.size() - 1);
            next = new Cursor(
                            sort == Sort.PRIORITY ? Double.toString(last.rank) : Long.toString(micros(last.createdAt)),
                            last.id)
                    .encode();
        }
        return new Page(items.stream().map(i -> views.item(i, now)).toList(), next);
    }

    @Transactional
    public ReviewViews.ItemView get(UUID siteId, UUID itemId) {
        return views.item(find(siteId, itemId), clock.instant());
    }

    /** Claims the highest-priority unclaimed item for {@code acting}; empty when the queue has none. */
    @Transactional
    public Optional<ReviewViews.ItemView> claimNext(UUID siteId, Acting acting) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> won = ReviewItem.getEntityManager()
                .createNativeQuery(CLAIM_NEXT)
                .setParameter(1, acting.actor())
                .setParameter(2, now.plus(config.claimLease()))
                .setParameter(3, siteId)
                .setParameter(4, now)
                .getResultList();
        if (won.isEmpty()) {
            return Optional.empty();
        }
        ReviewItem item = ReviewItem.findById(won.get(0));
        ReviewItem.getEntityManager().refresh(item);
        audit.append(claimRecord(item, acting, "review.claimed"));
        return Optional.of(views.item(item, now));
    }

    /**
     * Claims one item. Exactly one of several concurrent claimers wins: the UPDATE only matches while the item is
     * unclaimed (or its claim expired, or the claimer already holds it), and PostgreSQL serialises the updates.
     */
    @Transactional
    public ReviewViews.ItemView claim(UUID siteId, UUID itemId, Acting acting) {
        Instant now = clock.instant();
        int updated = ReviewItem.getEntityManager()
                .createNamedQuery("ReviewItem.claim")
                .setParameter("who", acting.actor())
                .setParameter("until", now.plus(config.claimLease()))
                .setParameter("id", itemId)
                .setParameter("site", siteId)
                .setParameter("open", ReviewItem.State.OPEN)
                .setParameter("now", now)
                .executeUpdate();
        ReviewItem item = find(siteId, itemId);
        ReviewItem.getEntityManager().refresh(item);
        if (updated == 0) {
            if (item.state != ReviewItem.State.OPEN) {
                throw new ReviewItemAlreadyDecidedException(itemId);
            }
            throw new ReviewItemAlreadyClaimedException(
                    "Review item " + itemId + " is claimed by " + item.claimedBy + " until " + item.claimExpiresAt);
        }
        audit.append(claimRecord(item, acting, "review.claimed"));
        return views.item(item, now);
    }

    /** Gives up the caller's own claim. Releasing an item one does not hold is a 409. */
    @Transactional
    public ReviewViews.ItemView release(UUID siteId, UUID itemId, Acting acting) {
        int updated = ReviewItem.getEntityManager()
                .createNamedQuery("ReviewItem.release")
                .setParameter("id", itemId)
                .setParameter("site", siteId)
                .setParameter("who", acting.actor())
                .setParameter("open", ReviewItem.State.OPEN)
                .executeUpdate();
        ReviewItem item = find(siteId, itemId);
        ReviewItem.getEntityManager().refresh(item);
        if (updated == 0) {
            throw new Conflict("not_claimed_by_you", "Review item " + itemId + " is not claimed by you");
        }
        audit.append(claimRecord(item, acting, "review.released"));
        return views.item(item, clock.instant());
    }

    ReviewItem find(UUID siteId, UUID itemId) {
        return ReviewItem.ofSite(siteId, itemId).orElseThrow(() -> new NotFound("Review item " + itemId));
    }

    private AuditRecord claimRecord(ReviewItem item, Acting acting, String action) {
        return new AuditRecord(
                item.siteId,
                item.commentId,
                null,
                item.id,
                acting,
                action,
                null,
                item.claimedBy == null
                        ? null
                        : Map.of("claimedBy", item.claimedBy, "until", item.claimExpiresAt.toString()),
                null,
                null,
                null);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
