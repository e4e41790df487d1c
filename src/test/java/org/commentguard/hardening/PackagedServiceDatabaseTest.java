package org.commentguard.hardening;

import org.commentguard.platform.db.EmbeddedDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar reads its JDBC URL from {@code config/application.properties} in its working directory, the file
 * Quarkus documents for operators, and then starts no embedded PostgreSQL. Runs in {@code ./mvnw verify} after
 * {@code package} (the {@code packaged-service} Surefire execution, tag {@code packaged}), not with the unit tests.
 *
 * <p>The configured server is one this test starts on a fresh data directory and a free port, so the check needs no
 * machine PostgreSQL and cannot be satisfied by one: the site created through the service must appear in that
 * server's database, the service's log must name that URL and the file it came from, and the service must leave no
 * embedded data directory in its working directory.
 */
@Tag("packaged")
class PackagedServiceDatabaseTest {

    private static final String LOG_NAME = "packaged-config-file";

    @TempDir
    Path temp;

    @Test
    void usesTheServerNamedInConfigApplicationPropertiesNextToTheJarAndStartsNoEmbeddedOne() throws Exception {
        Path workDir = Files.createDirectories(temp.resolve("service"));
        Files.deleteIfExists(Path.of("target", "hardening", LOG_NAME + ".log"));
        try (EmbeddedDatabase server = EmbeddedDatabase.start(temp.resolve("configured-pg"), 0)) {
            String database = "commentguard_packaged";
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database;
            Path config = Files.createDirectories(workDir.resolve("config")).resolve("application.properties");
            Files.write(
                    config,
                    List.of(
                            "quarkus.datasource.jdbc.url=" + url,
                            "quarkus.datasource.username=postgres",
                            "quarkus.datasource.password="));
            String siteName = "Packaged config file " + UUID.randomUUID();

            // No database setting in the environment: ServiceProcess drops QUARKUS_* and COMMENTGUARD_* variables.
            try (ServiceProcess service = ServiceProcess.start(LOG_NAME, Map.of(), workDir)) {
                ApiClient.require(
                        new ApiClient(service.base())
                                .post("/api/v1/sites", ServiceProcess.ADMIN_KEY, Map.of("name", siteName)),
                        201);
                String log = Files.readString(service.log());
                assertThat(log)
                        .contains("Database: PostgreSQL at " + url + " (quarkus.datasource.jdbc.url from ")
                        .contains(config.toString())
                        .doesNotContain("Embedded PostgreSQL started")
                        .doesNotContain("Database: embedded");
            }

            assertThat(workDir.resolve("data"))
                    .as("the embedded server's default data directory")
                    .doesNotExist();
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    PreparedStatement q = c.prepareStatement("SELECT count(*) FROM site WHERE name = ?")) {
                q.setString(1, siteName);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("the site created through the service, in the configured database")
                            .isOne();
                }
            }
        }
    }
}
