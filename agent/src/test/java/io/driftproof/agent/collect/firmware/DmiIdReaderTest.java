package io.driftproof.agent.collect.firmware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DmiIdReaderTest {

    static Path fixture(String machine) throws URISyntaxException {
        return Path.of(DmiIdReaderTest.class.getResource("/fixtures/firmware/dmi/" + machine).toURI());
    }

    @Test
    void readsTheModelFieldsAndNoSerialsOrUuids() throws Exception {
        Map<String, String> errors = new HashMap<>();
        Map<String, String> values = DmiIdReader.read(fixture("dell-latitude-7440").resolve("sys/class/dmi/id"), errors::put);

        // product_serial, product_uuid, board_serial, chassis_serial exist in the tree but are not read
        assertThat(values).containsOnly(
                Map.entry("bios_vendor", "Dell Inc."),
                Map.entry("bios_version", "1.14.1"),
                Map.entry("bios_date", "03/14/2024"),
                Map.entry("bios_release", "1.14"),
                Map.entry("board_vendor", "Dell Inc."),
                Map.entry("board_name", "0WH5M1"),
                Map.entry("board_version", "A00"),
                Map.entry("sys_vendor", "Dell Inc."),
                Map.entry("product_name", "Latitude 7440"),
                // an empty file is an empty value; the parser decides it says nothing
                Map.entry("product_version", ""));
        assertThat(errors).isEmpty();
    }

    @Test
    void missingFieldsAndAMissingDirectoryAreNotErrors(@TempDir Path empty) throws Exception {
        Map<String, String> errors = new HashMap<>();
        // an older kernel: no bios_release
        assertThat(DmiIdReader.read(fixture("asrock-oem-placeholders").resolve("sys/class/dmi/id"), errors::put))
                .doesNotContainKey("bios_release").containsEntry("board_name", "B550M Pro4");
        // a VM without SMBIOS has no /sys/class/dmi/id at all
        assertThat(DmiIdReader.read(empty.resolve("sys/class/dmi/id"), errors::put)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aFieldThatCannotBeReadIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bios_vendor"), "Dell Inc.\n");
        Files.createDirectory(dir.resolve("bios_version"));
        Map<String, String> errors = new HashMap<>();

        Map<String, String> values = DmiIdReader.read(dir, errors::put);

        assertThat(values).containsOnly(Map.entry("bios_vendor", "Dell Inc."));
        assertThat(errors).containsOnlyKeys("bios_version");
    }
}
