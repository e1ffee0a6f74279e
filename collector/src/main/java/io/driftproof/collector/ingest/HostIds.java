package io.driftproof.collector.ingest;

import java.util.regex.Pattern;

/** The syntax of host ids: machine-id is 32 hex digits; other stable ids (UUIDs, names) fit too. */
public final class HostIds {

    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private HostIds() {
    }

    public static boolean valid(String id) {
        return id != null && HOST_ID.matcher(id).matches();
    }

    /** The id cut to a length that is safe to show in a message. */
    public static String shown(String id) {
        return id.substring(0, Math.min(id.length(), 140));
    }
}
