package io.driftproof.agent.spool;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Crash-safe file writes: after a crash or power loss a file holds either its old or its new
 * content, never a mix, because the new content is written to a temporary file, forced to disk,
 * renamed over the old one, and the directory entry is forced too.
 */
public final class AtomicFiles {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path file, Body body) throws IOException {
        write(file, temp -> FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), body);
    }

    /**
     * Like {@link #write(Path, Body)}, for a file that must never be readable by others, not even
     * for an instant: the temporary file is created anew with {@code permissions} (the umask can
     * only narrow them) and handed to {@code owner} before any content is written.
     */
    public static void write(Path file, Set<PosixFilePermission> permissions, UserPrincipal owner, Body body)
            throws IOException {
        write(file, temp -> {
            // A leftover temporary file may have other permissions: they apply only to a new file.
            Files.deleteIfExists(temp);
            FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(permissions));
            try {
                if (!Files.getOwner(temp).equals(owner)) {
                    Files.setOwner(temp, owner);
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }, body);
    }

    private interface Opener {
        FileChannel open(Path temp) throws IOException;
    }

    private static void write(Path file, Opener opener, Body body) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = opener.open(temp)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            body.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Forces a directory's entries (creations, renames, deletions) to disk. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
