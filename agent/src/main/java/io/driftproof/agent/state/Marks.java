package io.driftproof.agent.state;

import io.driftproof.agent.spool.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The small facts the agent keeps beside its view, in {@code marks.properties}.
 *
 * @param ackedSeq        highest delta seq the collector acknowledged (0 if none)
 * @param ackedDigest     manifest digest after {@code ackedSeq}, empty if unknown
 * @param scanSeq         the view seq that {@code scanAt} refers to
 * @param scanAt          the last scan that found the host exactly as the view at {@code scanSeq}
 * @param spoolFullEvents how many times a delta could not be spooled because the spool was full
 */
public record Marks(long ackedSeq, byte[] ackedDigest, long scanSeq, Optional<Instant> scanAt, long spoolFullEvents) {

    static final String FILE = "marks.properties";

    public static Marks none() {
        return new Marks(0, new byte[0], 0, Optional.empty(), 0);
    }

    Marks acked(long seq, byte[] digest) {
        return new Marks(seq, digest, scanSeq, scanAt, spoolFullEvents);
    }

    Marks scanned(long seq, Instant at) {
        return new Marks(ackedSeq, ackedDigest, seq, Optional.of(at), spoolFullEvents);
    }

    Marks spoolFull() {
        return new Marks(ackedSeq, ackedDigest, scanSeq, scanAt, spoolFullEvents + 1);
    }

    /** When the host was last seen exactly as the view at {@code viewSeq}, if a scan after the delta said so. */
    Optional<Instant> scanAtFor(long viewSeq) {
        return scanSeq == viewSeq ? scanAt : Optional.empty();
    }

    void write(Path stateDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("acked.seq", Long.toString(ackedSeq));
        p.setProperty("acked.digest", HexFormat.of().formatHex(ackedDigest));
        p.setProperty("scan.seq", Long.toString(scanSeq));
        scanAt.ifPresent(at -> p.setProperty("scan.at", at.toString()));
        p.setProperty("spool.full-events", Long.toString(spoolFullEvents));
        AtomicFiles.write(stateDir.resolve(FILE), out -> p.store(out, "driftproof agent marks"));
    }

    /** The marks in {@code stateDir}; none if the file is missing. */
    public static Marks read(Path stateDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stateDir.resolve(FILE))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return none();
        }
        try {
            return new Marks(
                    Long.parseLong(p.getProperty("acked.seq", "0")),
                    HexFormat.of().parseHex(p.getProperty("acked.digest", "")),
                    Long.parseLong(p.getProperty("scan.seq", "0")),
                    Optional.ofNullable(p.getProperty("scan.at")).map(Instant::parse),
                    Long.parseLong(p.getProperty("spool.full-events", "0")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("unreadable " + stateDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
