package org.commentguard.platform.failure;

import java.util.List;

/**
 * The thing's current state does not allow the change; the code says which state: {@code already_decided},
 * {@code policy_changed}, {@code too_many_webhooks}, …
 */
public class Conflict extends Failure {

    public Conflict(String code, String detail) {
        super(Kind.CONFLICT, code, "Conflict", detail, List.of());
    }
}
