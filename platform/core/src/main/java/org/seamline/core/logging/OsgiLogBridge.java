package org.seamline.core.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what bundles log through the OSGi log service (Declarative Services, ConfigAdmin, the HTTP service:
 * a component that fails to activate, a configuration that is refused) to SLF4J, so it lands in
 * {@code logs/seamline.log} with everything else. Entries logged before this component started are replayed.
 */
@Component(immediate = true)
public class OsgiLogBridge implements LogListener {

    private final LogReaderService reader;

    @Activate
    public OsgiLogBridge(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> earlier = new ArrayList<>();
        for (Enumeration<LogEntry> entries = reader.getLog(); entries.hasMoreElements(); ) {
            earlier.add(entries.nextElement());
        }
        Collections.reverse(earlier);
        earlier.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger log = LoggerFactory.getLogger(loggerName(entry));
        String message = entry.getMessage();
        Throwable exception = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> log.error(message, exception);
            case WARN -> log.warn(message, exception);
            case INFO -> log.info(message, exception);
            case DEBUG -> log.debug(message, exception);
            default -> log.trace(message, exception);
        }
    }

    /** The logger the bundle named (DS names the component class), else the bundle's symbolic name. */
    private static String loggerName(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name != null && !name.equals("LogService") && !name.startsWith("Events.")) {
            return name;
        }
        return entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
    }
}
