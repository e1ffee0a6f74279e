package io.driftproof.agent.collect.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads the kernel's DMI (SMBIOS) summary in {@code /sys/class/dmi/id}: one small file per
 * field. Only the fields that describe firmware and hardware models are read; serial numbers,
 * UUIDs and asset tags are left alone (they identify a machine, they do not change with it, and
 * most are readable by root only).
 */
public final class DmiIdReader {

    public static final String DIRECTORY = "/sys/class/dmi/id";
    static final List<String> FIELDS = List.of(
            "bios_vendor", "bios_version", "bios_date", "bios_release",
            "board_vendor", "board_name", "board_version",
            "sys_vendor", "product_name", "product_version");

    private DmiIdReader() {
    }

    /**
     * @param directory the DMI id directory on this machine
     * @param onError   called with the file name and message for a field that exists but cannot be read
     * @return the raw value of each field present (trailing newline removed), by file name
     */
    public static Map<String, String> read(Path directory, BiConsumer<String, String> onError) {
        Map<String, String> values = new TreeMap<>();
        for (String field : FIELDS) {
            try {
                values.put(field, Files.readString(directory.resolve(field), StandardCharsets.UTF_8).strip());
            } catch (NoSuchFileException e) {
                // older kernels and some platforms lack a field (bios_release appeared in 5.10)
            } catch (IOException e) {
                onError.accept(field, e.toString());
            }
        }
        return values;
    }
}
