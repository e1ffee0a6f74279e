package io.driftproof.agent.collect.firmware;

import io.driftproof.agent.collect.RecordingOutput;
import io.driftproof.agent.collect.TestScans;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FirmwareCollectorTest {

    @TempDir
    Path state;
    @TempDir
    Path bin;

    @Test
    void readsDmiUnderANonLiveRoot() throws Exception {
        HostRoot root = HostRoot.of(DmiIdReaderTest.fixture("dell-latitude-7440"));
        // fwupd is never asked under a non-live root: this stand-in would fail the scan if it were
        Path failing = script("exit 3");
        FirmwareCollector collector = new FirmwareCollector(() -> Optional.of(failing), Duration.ofSeconds(5));
        ScanContext context = TestScans.context(root, state);
        assertThat(collector.appliesTo(context)).isTrue();

        RecordingOutput out = RecordingOutput.run(collector, context);

        assertThat(out.items.keySet()).containsExactly("baseboard", "bios", "system");
        assertThat(out.item("bios").getFirmware()).isEqualTo(FirmwareDetail.newBuilder().setComponent("bios")
                .setVendor("Dell Inc.").setVersion("1.14.1").setReleaseDate("2024-03-14")
                .putAttributes("release", "1.14").build());
        assertThat(out.item("baseboard").getFirmware().getName()).isEqualTo("0WH5M1");
        assertThat(out.item("system").getFirmware().getName()).isEqualTo("Latitude 7440");
        assertThat(out.items.values()).allSatisfy(i -> assertThat(i.toString()).doesNotContain("H7XK2Y3", "4c4c4544"));
        assertThat(out.problems).isEmpty();
    }

    @Test
    void doesNotApplyToANonLiveRootWithoutDmi(@TempDir Path tree) {
        assertThat(new FirmwareCollector().appliesTo(TestScans.context(HostRoot.of(tree), state))).isFalse();
    }

    /**
     * The live root of this machine. Its firmware values are whatever the VM has (often nothing
     * at all), so only their shape is checked; fwupd is a stand-in printing the captured fixture.
     */
    @Test
    void liveRootAsksOshiAndFwupd() throws IOException {
        Path json = bin.resolve("devices.json");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/firmware/fwupdmgr-get-devices.json")) {
            Files.copy(in, json);
        }
        Path args = bin.resolve("args");
        Path fwupdmgr = script("printf '%s\\n' \"$@\" > " + args + "\ncat " + json);
        FirmwareCollector collector = new FirmwareCollector(() -> Optional.of(fwupdmgr), Duration.ofSeconds(30));
        ScanContext live = TestScans.context(HostRoot.live(), state);
        assertThat(collector.appliesTo(live)).isTrue();

        RecordingOutput out = RecordingOutput.run(collector, live);

        assertThat(Files.readAllLines(args)).containsExactly("get-devices", "--json");
        assertThat(out.items).containsKeys("fwupd:a45df35ac0e948ee180fe216a5f703f32dda163f",
                "fwupd:71b677ca0f1bc2c5b804fa1d59e52064ce589293", "fwupd:c6a80ac3a22083423992a3cb15018989f37834d6");
        assertThat(out.items.keySet()).allMatch(k -> k.startsWith("fwupd:") || k.equals("bios")
                || k.equals("baseboard") || k.equals("system"));
        for (Item item : out.items.values()) {
            FirmwareDetail f = item.getFirmware();
            assertThat(List.of(f.getVendor(), f.getName(), f.getVersion(), f.getReleaseDate()))
                    .as("no sentinel stored as data in %s", item.getKey())
                    .noneMatch(v -> v.equalsIgnoreCase("unknown"));
        }
    }

    @Test
    void aFailingFwupdIsAProblemAndTheRestStays() throws IOException {
        Path fwupdmgr = script("echo 'Failed to connect to daemon' >&2\nexit 1");

        RecordingOutput out = RecordingOutput.run(new FirmwareCollector(() -> Optional.of(fwupdmgr), Duration.ofSeconds(30)),
                TestScans.context(HostRoot.live(), state));

        assertThat(out.problems).filteredOn(p -> p.path().equals(fwupdmgr.toString())).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(
                        "cannot list fwupd devices: fwupdmgr exited with status 1: Failed to connect to daemon"));
        assertThat(out.items.keySet()).noneMatch(k -> k.startsWith("fwupd:"));
    }

    private Path script(String body) throws IOException {
        Path file = bin.resolve("fwupdmgr");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
