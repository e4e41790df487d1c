package org.commentguard.platform;

import org.commentguard.platform.failure.Invalid;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses optional query parameters into typed values, answering bad ones with {@code 400 validation_failed}. */
public final class Params {

    private Params() {}

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, "must be a UUID");
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        // Instant reaches year ±1,000,000,000, PostgreSQL's timestamp does not: such a bound would fail the query.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new Invalid(field, "must lie between the years 1 and 9999");
        }
        return instant;
    }

    public static Double score(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d) || d < 0 || d > 1) {
                throw new Invalid(field, "must be a number between 0 and 1");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Invalid(field, "must be a number between 0 and 1");
        }
    }

    public static int limit(Integer value, int defaultValue, int max) {
        int v = value == null ? defaultValue : value;
        if (v < 1 || v > max) {
            throw new Invalid("limit", "must be between 1 and " + max);
        }
        return v;
    }

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    field,
                    "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT));
        }
    }
}
