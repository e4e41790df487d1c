package org.commentguard.hardening;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A long test against the packaged service: opt-in with {@code -Dcommentguard.long-tests=true}. Otherwise each of its
 * test methods is reported as skipped with the reason (not as a class that ran nothing), and no set-up runs. Once
 * enabled, a missing package fails the test; a test that {@link #needsPostgres() needs the external PostgreSQL}
 * is skipped, with the server and the error as reason, when that server does not answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("long")
@ExtendWith(LongTest.Condition.class)
@interface LongTest {

    /** The server of {@link #needsPostgres()} tests: {@code -Dcommentguard.scaleout.postgres}, user postgres. */
    String POSTGRES = System.getProperty("commentguard.scaleout.postgres", "127.0.0.1:5432");

    /** The test creates (and drops) its own database on {@link #POSTGRES}. */
    boolean needsPostgres() default false;

    /** Decides per test method, so that the report names every skipped test and why. */
    final class Condition implements ExecutionCondition {

        static final String ENABLED = "commentguard.long-tests";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                // The class itself stays enabled, so its methods are reported one by one.
                return ConditionEvaluationResult.enabled("decided per test");
            }
            if (!Boolean.getBoolean(ENABLED)) {
                return ConditionEvaluationResult.disabled("long test: runs with -D" + ENABLED
                        + "=true after ./mvnw -B -DskipTests package (README, Proof under load and faults)");
            }
            boolean needsPostgres = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LongTest.class)
                    .map(LongTest::needsPostgres)
                    .orElse(false);
            if (needsPostgres) {
                try (Connection ignored =
                        DriverManager.getConnection("jdbc:postgresql://" + POSTGRES + "/postgres", "postgres", "")) {
                    return ConditionEvaluationResult.enabled("PostgreSQL answers at " + POSTGRES);
                } catch (Exception e) {
                    return ConditionEvaluationResult.disabled("needs a PostgreSQL at " + POSTGRES
                            + " (-Dcommentguard.scaleout.postgres): " + e.getMessage());
                }
            }
            return ConditionEvaluationResult.enabled("long tests enabled");
        }
    }
}
