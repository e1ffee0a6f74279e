package io.driftproof.collector.inventory;

import io.driftproof.collector.common.ProblemException;

import java.util.List;
import java.util.regex.Pattern;

/** The syntax of host tags, checked wherever tags come in (host updates, enrollment tokens). */
public final class HostTags {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_TAGS = 50;

    private HostTags() {
    }

    /** The tags (none for null), or a 400 problem naming the first bad one. */
    public static List<String> valid(List<String> tags) {
        List<String> checked = tags == null ? List.of() : tags;
        if (checked.size() > MAX_TAGS) {
            throw ProblemException.badRequest("at most " + MAX_TAGS + " tags, got " + checked.size());
        }
        for (String tag : checked) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw ProblemException.badRequest("tag '" + tag + "' must be 1-64 characters of A-Z a-z 0-9 . _ : - starting with a letter or digit");
            }
        }
        return checked;
    }
}
