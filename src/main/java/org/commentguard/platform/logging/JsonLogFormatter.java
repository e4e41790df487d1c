package org.commentguard.platform.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jboss.logmanager.formatters.StructuredFormatter;

import java.io.Writer;
import java.util.Map;

/**
 * One JSON object per log line: JBoss LogManager's structured fields (timestamp, level, loggerName, threadName,
 * message, mdc, exception) written with Jackson, which the service already carries.
 */
final class JsonLogFormatter extends StructuredFormatter {

    private static final JsonFactory JSON = new JsonFactory();

    JsonLogFormatter() {
        setRecordDelimiter("\n");
    }

    @Override
    protected Generator createGenerator(Writer writer) throws Exception {
        JsonGenerator json = JSON.createGenerator(writer);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return new Generator() {
            @Override
            public Generator begin() throws Exception {
                json.writeStartObject();
                return this;
            }

            @Override
            public Generator add(String key, int value) throws Exception {
                json.writeNumberField(key, value);
                return this;
            }

            @Override
            public Generator add(String key, long value) throws Exception {
                json.writeNumberField(key, value);
                return this;
            }

            @Override
            public Generator add(String key, Map<String, ?> value) throws Exception {
                json.writeObjectFieldStart(key);
                if (value != null) {
                    for (Map.Entry<String, ?> e : value.entrySet()) {
                        json.writeStringField(
                                e.getKey(),
                                e.getValue() == null ? null : e.getValue().toString());
                    }
                }
                json.writeEndObject();
                return this;
            }

            @Override
            public Generator add(String key, String value) throws Exception {
                json.writeStringField(key, value);
                return this;
            }

            @Override
            public Generator startObject(String key) throws Exception {
                if (key == null) {
                    json.writeStartObject();
                } else {
                    json.writeObjectFieldStart(key);
                }
                return this;
            }

            @Override
            public Generator endObject() throws Exception {
                json.writeEndObject();
                return this;
            }

            @Override
            public Generator startArray(String key) throws Exception {
                json.writeArrayFieldStart(key);
                return this;
            }

            @Override
            public Generator endArray() throws Exception {
                json.writeEndArray();
                return this;
            }

            @Override
            public Generator end() throws Exception {
                json.writeEndObject();
                json.flush();
                return this;
            }
        };
    }
}
