package org.commentguard.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Reads an article page (HTML or a text dump) as the site's CMS sent it. Real pages sometimes carry a stray U+0000
 * (a bad encoding conversion upstream); HTML parsers replace it with U+FFFD, and so does this, instead of refusing
 * the whole page as the strict string reader does for comments and ids (PostgreSQL cannot store U+0000).
 */
public final class PageTextDeserializer extends StdScalarDeserializer<String> {

    public PageTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }
}
