package io.driftproof.agent.collect.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The lstat of one directory entry, refilled for each entry of a walk. The unix attributes are
 * named one by one rather than as {@code unix:*}: the wildcard also resolves owner and group
 * names through NSS for every file, which costs more than the stat itself.
 */
final class FileStat {

    private static final String ATTRIBUTES = "unix:mode,ino,uid,gid,size,lastModifiedTime,ctime";
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;

    int mode;
    long inode;
    int uid;
    int gid;
    long size;
    private long mtimeNanos;
    private long ctimeNanos;

    /** Reads the entry itself, never what a symlink points to. */
    void read(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        mode = (Integer) a.get("mode");
        inode = (Long) a.get("ino");
        uid = (Integer) a.get("uid");
        gid = (Integer) a.get("gid");
        size = (Long) a.get("size");
        mtimeNanos = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
        ctimeNanos = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
    }

    boolean isRegularFile() {
        return (mode & TYPE_MASK) == REGULAR;
    }

    boolean isDirectory() {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    boolean isSymlink() {
        return (mode & TYPE_MASK) == SYMLINK;
    }

    /** Permission bits with setuid, setgid and sticky, without the file type. */
    int permissions() {
        return mode & 07777;
    }

    /** Nanoseconds since the epoch. */
    long mtimeNanos() {
        return mtimeNanos;
    }

    long ctimeNanos() {
        return ctimeNanos;
    }
}
