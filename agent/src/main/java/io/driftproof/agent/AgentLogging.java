package io.driftproof.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
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
