package org.commentguard.platform;

import org.commentguard.platform.failure.Invalid;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset-pagination position: the sort value of the last item seen and its id as tie-breaker. Keyset
 * cursors stay correct while rows are inserted, unlike offsets.
 */
public record Cursor(String sortValue, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8);
            int bar = s.lastIndexOf('|');
            return new Cursor(s.substring(0, bar), UUID.fromString(s.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new Invalid("cursor", "is not a cursor returned by this endpoint");
        }
    }

    public long sortLong() {
        try {
            return Long.parseLong(sortValue);
        } catch (NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor returned by this endpoint");
        }
    }

    public double sortDouble() {
        try {
            return Double.parseDouble(sortValue);
        } catch (NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor returned by this endpoint");
        }
    }
}
