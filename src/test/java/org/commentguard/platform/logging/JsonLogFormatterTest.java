package org.commentguard.platform.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void writesOneParseableObjectPerLineWithTheRequestAndSiteIds() throws Exception {
        MDC.put("requestId", "req-12345678");
        MDC.put("siteId", "6f1c2a50-3a1e-4c55-9d0e-2b7d1c9f0a11");
        ExtLogRecord record = new ExtLogRecord(
                org.jboss.logmanager.Level.WARN,
                "database unavailable (%s): \"quoted\"\nsecond line",
                ExtLogRecord.FormatStyle.PRINTF,
                JsonLogFormatterTest.class.getName());
        record.setParameters(new Object[] {"req-12345678"});
        record.setLoggerName("org.commentguard.platform.error.ProblemMappers");
        record.setThrown(new IllegalStateException("boom"));
        record.copyMdc();

        String line = new JsonLogFormatter().format(record);

        assertThat(line).endsWith("\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("loggerName").asText()).isEqualTo("org.commentguard.platform.error.ProblemMappers");
        assertThat(json.get("message").asText())
                .isEqualTo("database unavailable (req-12345678): \"quoted\"\nsecond line");
        assertThat(json.get("mdc").get("requestId").asText()).isEqualTo("req-12345678");
        assertThat(json.get("mdc").get("siteId").asText()).isEqualTo("6f1c2a50-3a1e-4c55-9d0e-2b7d1c9f0a11");
        assertThat(json.get("exception").toString())
                .contains("IllegalStateException")
                .contains("boom");
        assertThat(json.get("timestamp").asText()).isNotBlank();
    }
}
