package io.driftproof.agent.collect.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Builds files of a fake host tree with exact mode, owner and mtime. */
final class FakeHost {

    private final Path root;

    FakeHost(Path root) {
        this.root = root;
    }

    Path path(String hostPath) {
        return root.resolve(hostPath.substring(1));
    }

    Path file(String hostPath, byte[] content, int mode, int uid, int gid, Instant mtime) throws IOException {
        Path file = path(hostPath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        // chown clears setuid and setgid bits, so the mode goes last
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", gid);
        Files.setAttribute(file, "unix:mode", mode);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }

    Path file(String hostPath, String content) throws IOException {
        return file(hostPath, content.getBytes(StandardCharsets.UTF_8), 0644, 0, 0, Instant.parse("2025-01-02T03:04:05Z"));
    }

    Path symlink(String hostPath, String target) throws IOException {
        Path link = path(hostPath);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long ctimeSeconds(Path file) throws IOException {
        return ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant().getEpochSecond();
    }
}
