package io.driftproof.agent.collect.files;

import java.nio.file.Path;

/** User and group names for the numeric ids of files. */
interface AccountNames {

    /** The user name of {@code uid}, or empty when the host has none; {@code file} is a file owned by it. */
    String user(int uid, Path file);

    /** The group name of {@code gid}, or empty when the host has none; {@code file} is a file of that group. */
    String group(int gid, Path file);
}
