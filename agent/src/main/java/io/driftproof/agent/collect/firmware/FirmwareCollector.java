package io.driftproof.agent.collect.firmware;

import io.driftproof.agent.collect.HostCommand;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.Item;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Firmware and hardware models: {@code bios}, {@code baseboard}, {@code system}, plus one item
 * per fwupd device with a firmware version.
 *
 * <p>Sources and precedence: {@code /sys/class/dmi/id} under the host root is read on every
 * host. On a live root OSHI is asked as well, and fills only the fields the DMI files did not
 * give. The DMI files win because they are the raw values (on Linux OSHI reads the same files
 * and then reformats some, e.g. appending the product version to the model), so a host scanned
 * live and the same host scanned from a container through {@code /host} report the same items.
 * fwupd describes devices only on the machine it runs on, so it is asked on a live root only.
 */
public final class FirmwareCollector implements Collector {

    public static final String ID = "firmware";
    private static final Duration FWUPD_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<Optional<Path>> fwupdmgr;
    private final Duration fwupdTimeout;

    public FirmwareCollector() {
        this(() -> HostCommand.find("fwupdmgr"), FWUPD_TIMEOUT);
    }

    /** For tests: a stand-in {@code fwupdmgr} and a short timeout. */
    FirmwareCollector(Supplier<Optional<Path>> fwupdmgr, Duration fwupdTimeout) {
        this.fwupdmgr = fwupdmgr;
        this.fwupdTimeout = fwupdTimeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return context.root().isLive() || Files.isDirectory(context.root().resolve(DmiIdReader.DIRECTORY));
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        HostRoot root = context.root();
        Map<String, String> dmi = DmiIdReader.read(root.resolve(DmiIdReader.DIRECTORY),
                (field, message) -> output.problem(DmiIdReader.DIRECTORY + "/" + field, message));
        if (root.isLive()) {
            oshi(output).forEach(dmi::putIfAbsent);
        }
        FirmwareComponents.parse(dmi).forEach(output::item);
        if (root.isLive()) {
            fwupdmgr.get().ifPresent(binary -> fwupd(binary, output));
        }
    }

    private static Map<String, String> oshi(CollectorOutput output) {
        try {
            return OshiFirmware.read();
        } catch (RuntimeException | LinkageError e) {
            // OSHI needs JNA's native library; without it the DMI files are all there is.
            output.problem("", "OSHI cannot read firmware details: " + e);
            return Map.of();
        }
    }

    private void fwupd(Path binary, CollectorOutput output) {
        try {
            byte[] json = HostCommand.run(List.of(binary.toString(), "get-devices", "--json"), fwupdTimeout);
            for (Item item : FwupdDevicesParser.parse(new ByteArrayInputStream(json))) {
                output.item(item);
            }
        } catch (IOException e) {
            output.problem(binary.toString(), "cannot list fwupd devices: " + e.getMessage());
        }
    }
}
