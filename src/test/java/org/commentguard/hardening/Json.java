package org.commentguard.hardening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** JSON for the hardening tests: bodies are built as maps and written with Jackson, answers read back as maps. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads a JSON object; anything else (HTML, plain text, an array) fails the calling test. */
    static Map<String, Object> read(String body) {
        try {
            return MAPPER.readValue(body, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON object: " + (body.length() > 200 ? body.substring(0, 200) : body), e);
        }
    }
}
