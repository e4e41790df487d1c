package org.commentguard.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded or external database, decided the way the packaged service decides it: each case starts a JVM with its
 * own working directory, class path, environment and system properties, and asks {@link CommentguardMain} for its
 * choice. A JDBC URL set in any source Quarkus reads must win over the embedded server.
 */
class DatabaseChoiceTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/commentguard";

    @TempDir
    Path workDir;

    @TempDir
    Path extraClassPath;

    @Test
    void startsTheEmbeddedDatabaseInDataPostgresOnAFreePortWhenNoSourceNamesAJdbcUrl() throws Exception {
        assertThat(choice(Map.of(), List.of())).isEqualTo("Embedded[dataDir=data/postgres, port=0]");
    }

    @Test
    void usesTheServerNamedByTheEnvironmentVariable() throws Exception {
        assertThat(choice(Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL), List.of()))
                .startsWith("External[source=EnvConfigSource");
    }

    @Test
    void usesTheServerNamedByTheSystemProperty() throws Exception {
        assertThat(choice(Map.of(), List.of("-Dquarkus.datasource.jdbc.url=" + URL)))
                .startsWith("External[source=SysPropConfigSource");
    }

    @Test
    void usesTheServerNamedInApplicationPropertiesOnTheClassPath() throws Exception {
        Files.writeString(
                extraClassPath.resolve("application.properties"), "quarkus.datasource.jdbc.url=" + URL + "\n");
        assertThat(choice(Map.of(), List.of()))
                .startsWith("External[source=PropertiesConfigSource")
                .contains(extraClassPath.resolve("application.properties").toString());
    }

    @Test
    void usesTheServerNamedInConfigApplicationPropertiesInTheWorkingDirectory() throws Exception {
        writeConfigFile("quarkus.datasource.jdbc.url=" + URL);
        assertThat(choice(Map.of(), List.of()))
                .startsWith("External[source=PropertiesConfigSource")
                .contains(workDir.resolve("config")
                        .resolve("application.properties")
                        .toString());
    }

    @Test
    void usesTheServerNamedInADotEnvFileInTheWorkingDirectory() throws Exception {
        Files.writeString(workDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=" + URL + "\n");
        assertThat(choice(Map.of(), List.of()))
                .startsWith("External[source=EnvConfigSource")
                .contains(workDir.resolve(".env").toString());
    }

    @Test
    void theChoiceNamesTheServerWithoutTheCredentialsOrParametersOfTheUrl() throws Exception {
        writeConfigFile("quarkus.datasource.jdbc.url=" + URL + "?user=cg&password=s3cret&sslmode=require");
        assertThat(choice(Map.of(), List.of())).endsWith(", url=" + URL + "]").doesNotContain("s3cret");
    }

    @Test
    void stripsUserInfoAndParametersFromAUrlForTheLog() {
        assertThat(CommentguardMain.withoutCredentials("jdbc:postgresql://cg:s3cret@db.internal:5432/commentguard"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/commentguard");
        assertThat(CommentguardMain.withoutCredentials("jdbc:postgresql://db.internal/cg;password=s3cret"))
                .isEqualTo("jdbc:postgresql://db.internal/cg");
        assertThat(CommentguardMain.withoutCredentials(" " + URL + "?password=s3cret "))
                .isEqualTo(URL);
        assertThat(CommentguardMain.withoutCredentials(URL)).isEqualTo(URL);
    }

    @Test
    void aProfileSpecificUrlCountsOnlyWhenItsProfileIsActive() throws Exception {
        writeConfigFile(
                "%prod.quarkus.datasource.jdbc.url=" + URL,
                "%staging.quarkus.datasource.jdbc.url=" + URL,
                "%dev.commentguard.db.embedded.port=5999");
        // The packaged service runs the prod profile.
        assertThat(choice(Map.of(), List.of())).startsWith("External[");

        writeConfigFile("%staging.quarkus.datasource.jdbc.url=" + URL, "%dev.quarkus.datasource.jdbc.url=" + URL);
        assertThat(choice(Map.of(), List.of())).startsWith("Embedded[");
        assertThat(choice(Map.of("QUARKUS_PROFILE", "staging"), List.of())).startsWith("External[");
        assertThat(choice(Map.of(), List.of("-Dquarkus.profile=staging"))).startsWith("External[");
    }

    @Test
    void aBlankUrlMeansNoneIsConfigured() throws Exception {
        writeConfigFile("quarkus.datasource.jdbc.url=");
        assertThat(choice(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "), List.of()))
                .startsWith("Embedded[");
    }

    @Test
    void takesTheEmbeddedDataDirectoryAndPortFromTheConfigurationFiles() throws Exception {
        writeConfigFile(
                "commentguard.db.embedded.data-dir=/var/lib/commentguard/pg", "commentguard.db.embedded.port=15432");
        assertThat(choice(Map.of(), List.of())).isEqualTo("Embedded[dataDir=/var/lib/commentguard/pg, port=15432]");
        assertThat(choice(Map.of("COMMENTGUARD_DB_EMBEDDED_PORT", "25432"), List.of()))
                .isEqualTo("Embedded[dataDir=/var/lib/commentguard/pg, port=25432]");
    }

    private void writeConfigFile(String... lines) throws Exception {
        Files.createDirectories(workDir.resolve("config"));
        Files.write(workDir.resolve("config").resolve("application.properties"), List.of(lines));
    }

    /** Starts a JVM in {@link #workDir} with {@link #extraClassPath} first on its class path and returns its choice. */
    private String choice(Map<String, String> env, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                extraClassPath + File.pathSeparator + System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(DatabaseChoiceChild.class.getName());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // Only what the case sets may decide: CI's external-database pass exports QUARKUS_DATASOURCE_JDBC_URL.
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("COMMENTGUARD_"));
        builder.environment().putAll(env);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines()
                .filter(l -> l.startsWith("CHOICE "))
                .map(l -> l.substring(7))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no choice printed: " + output));
    }
}
