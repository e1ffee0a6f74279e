package io.driftproof.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per record on stderr, without timestamps: under systemd, journald stamps each line.
 * Noisy libraries (gRPC, OkHttp, OSHI) are kept at WARNING.
 */
public final class AgentLogging {

    private AgentLogging() {
    }

    public static void configure() {
        // Must be set before java.util.logging initialises, i.e. before the first logger exists.
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(new OneLine());
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        for (String noisy : new String[] {"io.grpc", "okhttp3", "oshi", "io.perfmark"}) {
            Logger.getLogger(noisy).setLevel(Level.WARNING);
        }
    }

    /**
     * JUL's own shutdown hook resets every handler, racing the agent's hook that stops it cleanly
     * and logs what stays spooled; this manager keeps the handlers until the JVM is gone. (The
     * console handler flushes every record, so nothing is lost by never closing it.)
     */
    public static final class ShutdownSafeLogManager extends LogManager {
        @Override
        public void reset() {
            // Deliberately empty, see above; configure() replaces the root handlers itself.
        }
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder()
                    .append(r.getLevel().getName()).append(' ')
                    .append(shortName(r.getLoggerName())).append(": ")
                    .append(formatMessage(r)).append('\n');
            if (r.getThrown() != null && r.getLevel().intValue() >= Level.WARNING.intValue()) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }

        private static String shortName(String logger) {
            if (logger == null) {
                return "";
            }
            int dot = logger.lastIndexOf('.');
            return dot < 0 ? logger : logger.substring(dot + 1);
        }
    }
}
