package org.commentguard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.platform.Json;
import org.commentguard.platform.Params;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the audit log of the caller's site. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@Allow(Role.MODERATOR)
public class AuditResource {

    private final AuditLog log;
    private final CurrentCaller caller;

    public AuditResource(AuditLog log, CurrentCaller caller) {
        this.log = log;
        this.caller = caller;
    }

    /** One audit entry; before/after are the stored JSON values. */
    public record AuditView(
            long id,
            UUID commentId,
            UUID authorId,
            UUID reviewItemId,
            String actor,
            String action,
            JsonNode before,
            JsonNode after,
            String reason,
            String note,
            String requestId,
            Integer policyVersion,
            Instant createdAt) {
        static AuditView of(AuditEntry e) {
            return new AuditView(
                    e.id,
                    e.commentId,
                    e.authorId,
                    e.reviewItemId,
                    e.actor,
                    e.action,
                    Json.tree(e.before),
                    Json.tree(e.after),
                    e.reason,
                    e.note,
                    e.requestId,
                    e.policyVersion,
                    e.createdAt);
        }
    }

    public record AuditPage(List<AuditView> items, String nextCursor) {}

    @GET
    @Operation(summary = "Audit entries of this site, oldest first, filtered by comment, actor and time range")
    public AuditPage search(
            @QueryParam("commentId") String commentId,
            @QueryParam("actor") String actor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        Long after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor returned by this endpoint");
            }
        }
        List<AuditView> items = log
                .search(
                        caller.get().site(),
                        Params.uuid("commentId", commentId),
                        actor,
                        Params.instant("from", from),
                        Params.instant("to", to),
                        after,
                        size)
                .stream()
                .map(AuditView::of)
                .toList();
        String next = items.size() == size
                ? String.valueOf(items.get(items.size() - 1).id())
                : null;
        return new AuditPage(items, next);
    }
}
