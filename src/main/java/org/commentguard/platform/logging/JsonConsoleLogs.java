package org.commentguard.platform.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * Switches the console log to one JSON object per line when {@code commentguard.log.json=true}
 * ({@code COMMENTGUARD_LOG_JSON=true}), for log shippers. The switch happens as the application starts: the few
 * lines Quarkus writes before that (migrations, model checks) stay in the text format.
 */
@ApplicationScoped
public class JsonConsoleLogs {

    void onStart(
            @Observes @Priority(1) StartupEvent event,
            @ConfigProperty(name = "commentguard.log.json", defaultValue = "false") boolean json) {
        if (json) {
            JsonLogFormatter formatter = new JsonLogFormatter();
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                useOnConsole(handler, formatter);
            }
        }
    }

    /** Quarkus nests its console handler inside delaying and async handlers; find it wherever it sits. */
    private static void useOnConsole(Handler handler, JsonLogFormatter formatter) {
        if (handler instanceof ConsoleHandler) {
            handler.setFormatter(formatter);
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler nested : ext.getHandlers()) {
                useOnConsole(nested, formatter);
            }
        }
    }
}
