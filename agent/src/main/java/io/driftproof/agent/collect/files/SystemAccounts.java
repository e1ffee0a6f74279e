package io.driftproof.agent.collect.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;

/**
 * Names from this machine's own account database (NSS: files, LDAP, SSSD ...), for a live root.
 * Java offers no id-to-name lookup, only the owner of a file, so the first file seen with an id
 * is asked and the answer kept for the rest of the scan.
 */
final class SystemAccounts implements AccountNames {

    private final Map<Integer, String> users = new HashMap<>();
    private final Map<Integer, String> groups = new HashMap<>();

    @Override
    public String user(int uid, Path file) {
        return lookup(users, uid, file, "unix:owner");
    }

    @Override
    public String group(int gid, Path file) {
        return lookup(groups, gid, file, "unix:group");
    }

    private static String lookup(Map<Integer, String> cache, int id, Path file, String attribute) {
        String cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            Object principal = Files.getAttribute(file, attribute, LinkOption.NOFOLLOW_LINKS);
            // GroupPrincipal is a UserPrincipal too.
            String name = principal instanceof UserPrincipal u ? u.getName() : "";
            // The JDK names an id without an account by its number.
            String known = name.equals(Integer.toString(id)) ? "" : name;
            cache.put(id, known);
            return known;
        } catch (IOException e) {
            return "";
        }
    }
}
