package io.driftproof.agent.testing;

import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Test-only collector: every regular file under the fake host's /etc as a CONFIG_FILE item, text
 * content captured. Stands in for the real config_files collector in delivery tests.
 */
public final class TreeCollector implements Collector {

    public static final String ID = "test_tree";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return true;
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        Path etc = context.root().resolve("/etc");
        if (!Files.isDirectory(etc)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(etc)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try {
                byte[] data = Files.readAllBytes(file);
                String sha256 = Fixtures.sha256(data);
                boolean text = data.length <= context.config().contentLimit() && !contains(data, (byte) 0);
                String hostPath = context.root().hostPath(file);
                output.item(Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey(hostPath)
                        .setConfigFile(ConfigFileDetail.newBuilder()
                                .setPath(hostPath)
                                .setType(FileType.REGULAR)
                                .setSha256(sha256)
                                .setSize(data.length)
                                .setMode(mode(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                                .setContentState(text ? ContentState.CAPTURED : ContentState.BINARY))
                        .build());
                if (text) {
                    output.content(sha256, data);
                }
            } catch (IOException e) {
                // Deleted while scanning, or unreadable: reported, the scan goes on.
                output.problem(context.root().hostPath(file), e.getMessage());
            }
        }
    }

    private static boolean contains(byte[] data, byte b) {
        for (byte d : data) {
            if (d == b) {
                return true;
            }
        }
        return false;
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
