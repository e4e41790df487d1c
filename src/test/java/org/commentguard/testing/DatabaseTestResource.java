package org.commentguard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.commentguard.platform.db.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} a PostgreSQL: the embedded one in a throw-away directory by default, or the
 * external server named by {@code QUARKUS_DATASOURCE_JDBC_URL}, in which case nothing is started.
 */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase embedded;

    @Override
    public synchronized Map<String, String> start() {
        if (externalUrl() != null) {
            return Map.of();
        }
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("commentguard-test-pg");
                embedded = EmbeddedDatabase.start(dir, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                embedded.jdbcUrl(),
                "quarkus.datasource.username",
                embedded.username(),
                "quarkus.datasource.password",
                "");
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; the shutdown hook stops it once.
    }

    static String externalUrl() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        return url == null || url.isBlank() ? null : url;
    }
}
