package io.driftproof.agent.testing;

import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.Item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fake host's /etc, and the checks a collector's view of it must pass. */
public final class HostTree {

    private final Path root;

    public HostTree(Path root) {
        this.root = root;
    }

    public void write(String hostPath, String content) throws IOException {
        Fixtures.write(root, hostPath, content);
    }

    public void delete(String hostPath) throws IOException {
        Files.delete(HostRoot.of(root).resolve(hostPath));
    }

    /** Item key to SHA-256 of every regular file under /etc. */
    public Map<String, String> files() {
        HostRoot host = HostRoot.of(root);
        try (Stream<Path> walk = Files.walk(host.resolve("/etc"))) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toMap(p -> "CONFIG_FILE " + host.hostPath(p), HostTree::sha256, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular config files in a collector's view, as item key to SHA-256. */
    public static Map<String, String> regularFiles(Map<String, Item> items) {
        return items.entrySet().stream()
                .filter(e -> e.getValue().hasConfigFile() && e.getValue().getConfigFile().getType() == FileType.REGULAR)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getConfigFile().getSha256(), (a, b) -> a, TreeMap::new));
    }

    public boolean matches(RecordingCollector collector) {
        return regularFiles(collector.items()).equals(files());
    }

    private static String sha256(Path file) {
        try {
            return Fixtures.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
