package io.driftproof.agent.collect.firmware;

import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FirmwareComponentsTest {

    private static FirmwareDetail fw(String component, String vendor, String name, String version, String date,
                                     Map<String, String> attributes) {
        return FirmwareDetail.newBuilder().setComponent(component).setVendor(vendor).setName(name)
                .setVersion(version).setReleaseDate(date).putAllAttributes(attributes).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // a complete DMI tree (Dell laptop); the SMBIOS date becomes ISO, bios_release an attribute,
                // an empty product_version is left out
                arguments(Map.of("bios_vendor", "Dell Inc.", "bios_version", "1.14.1", "bios_date", "03/14/2024",
                                "bios_release", "1.14", "board_vendor", "Dell Inc.", "board_name", "0WH5M1",
                                "board_version", "A00", "sys_vendor", "Dell Inc.", "product_name", "Latitude 7440",
                                "product_version", ""),
                        List.of(fw("bios", "Dell Inc.", "", "1.14.1", "2024-03-14", Map.of("release", "1.14")),
                                fw("baseboard", "Dell Inc.", "0WH5M1", "A00", "", Map.of()),
                                fw("system", "Dell Inc.", "Latitude 7440", "", "", Map.of()))),
                // OEM placeholders and blank values are no data: the system component disappears entirely
                arguments(Map.of("bios_vendor", "American Megatrends International, LLC.", "bios_version", "P2.30",
                                "bios_date", "06/21/2023", "board_vendor", "ASRock", "board_name", "B550M Pro4",
                                "board_version", "   ", "sys_vendor", "To Be Filled By O.E.M.",
                                "product_name", "To be filled by O.E.M.", "product_version", "Default string"),
                        List.of(fw("bios", "American Megatrends International, LLC.", "", "P2.30", "2023-06-21", Map.of()),
                                fw("baseboard", "ASRock", "B550M Pro4", "", "", Map.of()))),
                // OSHI on a VM without SMBIOS answers "unknown" everywhere: nothing is reported
                arguments(Map.of("bios_vendor", "unknown", "bios_version", "unknown", "bios_date", "unknown",
                                "bios_name", "unknown", "bios_description", "unknown", "board_vendor", "unknown",
                                "board_name", "unknown", "board_version", "unknown", "sys_vendor", "unknown",
                                "product_name", "unknown"),
                        List.of()),
                // OSHI's own fields: name and description of the firmware; its dates are ISO already
                arguments(Map.of("bios_vendor", "LENOVO", "bios_name", "N32ET86W (1.62 )", "bios_description",
                                "N32ET86W (1.62 )", "bios_version", "N32ET86W (1.62 )", "bios_date", "2023-11-24"),
                        List.of(fw("bios", "LENOVO", "N32ET86W (1.62 )", "N32ET86W (1.62 )", "2023-11-24",
                                Map.of("description", "N32ET86W (1.62 )")))),
                // a date in another format is kept as written rather than guessed at
                arguments(Map.of("bios_vendor", "SeaBIOS", "bios_version", "1.16.2-debian-1.16.2-1", "bios_date", "04/01/2014 "),
                        List.of(fw("bios", "SeaBIOS", "", "1.16.2-debian-1.16.2-1", "2014-04-01", Map.of()))),
                arguments(Map.of("bios_vendor", "coreboot", "bios_date", "2024-5-3"),
                        List.of(fw("bios", "coreboot", "", "", "2024-5-3", Map.of()))),
                // nothing at all
                arguments(Map.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void components(Map<String, String> dmi, List<FirmwareDetail> expected) {
        List<Item> items = FirmwareComponents.parse(dmi);

        assertThat(items).extracting(Item::getFirmware).containsExactlyElementsOf(expected);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getKind()).isEqualTo(ItemKind.FIRMWARE);
            assertThat(item.getKey()).isEqualTo(item.getFirmware().getComponent());
        });
    }
}
