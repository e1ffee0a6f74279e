package io.driftproof.agent.collect.firmware;

import oshi.SystemInfo;
import oshi.hardware.Baseboard;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Firmware;

import java.util.Map;
import java.util.TreeMap;

/**
 * What OSHI reports about this machine's firmware, baseboard and system, under the DMI field
 * names {@link FirmwareComponents} reads. Only meaningful values are returned (OSHI answers
 * "unknown" for what it cannot find); serial numbers and the hardware UUID are not asked for.
 */
final class OshiFirmware {

    private OshiFirmware() {
    }

    static Map<String, String> read() {
        ComputerSystem system = new SystemInfo().getHardware().getComputerSystem();
        Firmware firmware = system.getFirmware();
        Baseboard board = system.getBaseboard();
        Map<String, String> values = new TreeMap<>();
        put(values, "bios_vendor", firmware.getManufacturer());
        put(values, "bios_name", firmware.getName());
        put(values, "bios_description", firmware.getDescription());
        put(values, "bios_version", firmware.getVersion());
        put(values, "bios_date", firmware.getReleaseDate());
        put(values, "board_vendor", board.getManufacturer());
        put(values, "board_name", board.getModel());
        put(values, "board_version", board.getVersion());
        put(values, "sys_vendor", system.getManufacturer());
        put(values, "product_name", system.getModel());
        return values;
    }

    private static void put(Map<String, String> values, String field, String value) {
        if (FirmwareComponents.meaningful(value)) {
            values.put(field, value.strip());
        }
    }
}
