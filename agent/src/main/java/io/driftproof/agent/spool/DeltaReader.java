package io.driftproof.agent.spool;

import io.driftproof.proto.v1.Delta;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a spooled delta's wire messages one at a time, so a large delta never sits in memory whole. */
public final class DeltaReader implements Closeable {

    private final Path file;
    private final InputStream in;

    DeltaReader(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    /** The next message, or empty after the last. */
    public Optional<Delta> next() throws IOException {
        try {
            return Optional.ofNullable(Delta.parseDelimitedFrom(in));
        } catch (IOException e) {
            throw new IOException("spool file " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
