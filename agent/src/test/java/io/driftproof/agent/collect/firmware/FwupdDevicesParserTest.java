package io.driftproof.agent.collect.firmware;

import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FwupdDevicesParserTest {

    @Test
    void oneItemPerDeviceWithAVersion() throws IOException {
        List<Item> items;
        // fwupdmgr get-devices --json on a Dell laptop (fwupd 1.9), trimmed to four devices
        try (InputStream in = getClass().getResourceAsStream("/fixtures/firmware/fwupdmgr-get-devices.json")) {
            items = FwupdDevicesParser.parse(in);
        }

        assertThat(items).extracting(Item::getKey).containsExactly(
                // the system firmware; the Version inside Releases (an available update) is not the installed one
                "fwupd:a45df35ac0e948ee180fe216a5f703f32dda163f",
                // the USB hub has no Version: no firmware to track, no item
                // the NVMe drive: its Serial is not kept
                "fwupd:71b677ca0f1bc2c5b804fa1d59e52064ce589293",
                // the TPM: arrays of checksums are skipped
                "fwupd:c6a80ac3a22083423992a3cb15018989f37834d6");
        assertThat(items).allSatisfy(i -> assertThat(i.getKind()).isEqualTo(ItemKind.FIRMWARE));
        assertThat(items.get(0).getFirmware()).isEqualTo(FirmwareDetail.newBuilder()
                .setComponent("a45df35ac0e948ee180fe216a5f703f32dda163f").setName("Latitude 7440 System Firmware")
                .setVendor("Dell Inc.").setVersion("1.14.1").putAttributes("plugin", "uefi_capsule").build());
        assertThat(items.get(1).getFirmware().getVersion()).isEqualTo("5B2QGXA7");
        assertThat(items.get(1).getFirmware().getAttributesMap()).isEqualTo(Map.of("plugin", "nvme"));
    }

    @Test
    void noDevices() throws IOException {
        // fwupd with no supported hardware (a VM); other top-level members are skipped
        assertThat(parse("{\"Devices\" : [ ], \"Remotes\" : {\"lvfs\" : true}}")).isEmpty();
        assertThat(parse("{}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // empty output
            "",
            // a top-level array is JSON, but not fwupd's shape
            "[{\"DeviceId\": \"x\", \"Version\": \"1\"}]",
            // cut off mid-way (the tool was killed)
            "{\"Devices\" : [ {\"DeviceId\" : \"a45d",
            // plain text, as fwupdmgr prints when the daemon is down and --json is ignored
            "Failed to connect to daemon: Error calling StartServiceByName"})
    void notADeviceList(String output) {
        assertThatThrownBy(() -> parse(output)).isInstanceOf(IOException.class);
    }

    private static List<Item> parse(String json) throws IOException {
        return FwupdDevicesParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
