package io.driftproof.loadgen.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The PostgreSQL server processes serving one database: backends set their title to
 * {@code postgres: [CLUSTER: ]USER DATABASE CLIENT STATE} (Debian names the cluster, e.g. {@code 15/main:}). Shared server processes (WAL writer, checkpointer)
 * serve every database of the instance, others' too, and are not counted.
 */
final class PostgresBackends {

    private PostgresBackends() {
    }

    static Set<Long> of(String database) {
        Set<Long> pids = new HashSet<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : proc) {
                if (servesDatabase(dir.resolve("cmdline"), database)) {
                    pids.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    private static boolean servesDatabase(Path cmdline, String database) {
        try {
            String[] words = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).trim().split("\\s+");
            int user = words.length > 1 && words[1].endsWith(":") ? 2 : 1;
            return words.length > user + 1 && words[0].equals("postgres:") && words[user + 1].equals(database);
        } catch (IOException e) {
            return false;
        }
    }
}
