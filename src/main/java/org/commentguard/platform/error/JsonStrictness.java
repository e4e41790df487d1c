package org.commentguard.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies are parsed strictly: a number where a string belongs is a client error, not a silently
 * converted value, and hostile documents (deep nesting, huge numbers) are refused by the parser.
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {

    /** Far deeper than any legitimate request; 10,000-deep nesting is refused before it costs stack. */
    static final int MAX_NESTING = 64;

    /**
     * The longest string any request may carry: above an article page's HTML limit (6,000,000 characters), so that a
     * page just over it is told so by validation. Every other string field has its own, far smaller {@code @Size}
     * limit, and the 1 MiB body limit of the other routes bounds them before parsing.
     */
    public static final int MAX_STRING_CHARS = 7_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(64)
                        .maxStringLength(MAX_STRING_CHARS)
                        .build());
        // A repeated key is ambiguous (which one wins differs between parsers) and trips Jackson's record binding
        // into a server-side InvalidDefinitionException; refuse it as malformed JSON.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("commentguard-no-nul")
                .addDeserializer(String.class, new NulRefusingStringDeserializer()));
    }

    /**
     * Refuses strings containing U+0000: PostgreSQL's text types cannot store it (the insert would fail as a 500),
     * and no legitimate comment, id or name contains it. Everything else is Jackson's own string handling.
     */
    static final class NulRefusingStringDeserializer extends StdScalarDeserializer<String> {

        NulRefusingStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "must not contain NUL characters", value, String.class);
            }
            return value;
        }
    }
}
