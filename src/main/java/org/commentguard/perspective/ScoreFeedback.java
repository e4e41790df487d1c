package org.commentguard.perspective;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A score a client suggested for a comment (Perspective's {@code comments:suggestscore}): the raw material for
 * retraining on a site's own moderation decisions.
 */
@Entity
@Table(name = "score_feedback")
public class ScoreFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(nullable = false, length = 40)
    public String attribute;

    @Column(name = "suggested_value", nullable = false)
    public double suggestedValue;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "context_json", columnDefinition = "text")
    public String contextJson;

    @Column(length = 20)
    public String language;

    @Column(name = "community_id", length = 500)
    public String communityId;

    @Column(name = "client_token", length = 500)
    public String clientToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected ScoreFeedback() {}

    public ScoreFeedback(
            UUID siteId,
            String attribute,
            double suggestedValue,
            String text,
            String contextJson,
            String language,
            String communityId,
            String clientToken,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.attribute = attribute;
        this.suggestedValue = suggestedValue;
        this.text = text;
        this.contextJson = contextJson;
        this.language = language;
        this.communityId = communityId;
        this.clientToken = clientToken;
        this.createdAt = createdAt;
    }
}
