package io.driftproof.agent.state;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The agent's state directory on disk. */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** Creates {@code dir} private to the agent's user (0700) unless it exists. */
    public static void createPrivate(Path dir) throws IOException {
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
