package org.commentguard.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link DatabaseTestResource} for the whole test run; Quarkus picks up non-restricted resources from
 * any class on the test class path.
 */
@QuarkusTestResource(value = DatabaseTestResource.class, restrictToAnnotatedClass = false)
public final class UsesDatabase {
    private UsesDatabase() {}
}
