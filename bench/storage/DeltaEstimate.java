import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * What storing each version as a delta would cost: the deflate size of every version of a file
 * (sorted by name) on its own, as the collector stores it now, and with the previous version as
 * deflate's preset dictionary (the previous content is all the decoder needs besides it, up to
 * deflate's 32 KiB window). Prints averages over all versions but the first.
 *
 * <p>Usage: {@code java DeltaEstimate.java DIR}
 */
public final class DeltaEstimate {

    public static void main(String[] args) throws Exception {
        List<Path> versions;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            versions = files.sorted().toList();
        }
        long plain = 0, delta = 0;
        for (int i = 1; i < versions.size(); i++) {
            byte[] previous = Files.readAllBytes(versions.get(i - 1));
            byte[] current = Files.readAllBytes(versions.get(i));
            plain += deflate(current, null);
            delta += deflate(current, previous);
        }
        int n = versions.size() - 1;
        System.out.printf("deflate_per_version=%d deflate_with_previous_as_dictionary=%d%n", plain / n, delta / n);
    }

    private static int deflate(byte[] data, byte[] dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.size();
        } finally {
            deflater.end();
        }
    }
}
