package io.driftproof.collector.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expectations written as text, for change logs and ticket fields: entries separated by {@code ;}
 * or line breaks, each {@code KIND ACTION key [target]}, e.g. {@code PACKAGE UPGRADE openssl:amd64
 * 3.0.15-1~deb12u1}. The target is a config file's SHA-256 or another kind's version.
 */
public final class ExpectationText {

    private ExpectationText() {
    }

    /** @throws IllegalArgumentException naming the entry that is not of that form */
    public static List<ChangeRequest.ExpectationRequest> parse(String text) {
        List<ChangeRequest.ExpectationRequest> out = new ArrayList<>();
        for (String entry : entries(text)) {
            String[] parts = entry.split("\\s+");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalArgumentException("'" + entry + "' is not KIND ACTION key [target],"
                        + " e.g. PACKAGE UPGRADE openssl:amd64 3.0.15-1~deb12u1");
            }
            String target = parts.length == 4 ? parts[3] : null;
            boolean file = parts[0].equals("CONFIG_FILE");
            out.add(new ChangeRequest.ExpectationRequest(parts[0], parts[2], parts[1], file ? null : target,
                    file ? target : null, null));
        }
        return out;
    }

    /** Host lists are written the same way: entries separated by {@code ;}, {@code ,} or line breaks. */
    public static List<String> hosts(String text) {
        return Arrays.stream(text.split("[;,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> entries(String text) {
        return Arrays.stream(text.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
