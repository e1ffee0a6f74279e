package io.driftproof.agent.collect.firmware;

import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns DMI field values (named as the files in {@code /sys/class/dmi/id}, whichever source
 * supplied them) into the {@code bios}, {@code baseboard} and {@code system} items.
 *
 * <p>Values that say nothing are dropped rather than stored as data: empty strings, OSHI's
 * {@code unknown}, and the placeholders board vendors leave in SMBIOS ("To Be Filled By O.E.M.",
 * "Default string", ...). A component with nothing left is not reported at all.
 */
public final class FirmwareComponents {

    private static final Set<String> PLACEHOLDERS = Set.of(
            "unknown", "to be filled by o.e.m.", "default string", "not specified", "not applicable",
            "n/a", "none");

    private FirmwareComponents() {
    }

    public static List<Item> parse(Map<String, String> dmi) {
        List<Item> items = new ArrayList<>(3);
        component(dmi, "bios", "bios_vendor", "bios_name", "bios_version", isoDate(value(dmi, "bios_date")),
                "release", "bios_release", "description", "bios_description").ifPresent(items::add);
        component(dmi, "baseboard", "board_vendor", "board_name", "board_version", "").ifPresent(items::add);
        component(dmi, "system", "sys_vendor", "product_name", "product_version", "").ifPresent(items::add);
        return items;
    }

    /**
     * @param attributes pairs of attribute name and DMI field
     */
    private static Optional<Item> component(Map<String, String> dmi, String component, String vendorField,
                                            String nameField, String versionField, String releaseDate,
                                            String... attributes) {
        FirmwareDetail.Builder detail = FirmwareDetail.newBuilder()
                .setComponent(component)
                .setVendor(value(dmi, vendorField))
                .setName(value(dmi, nameField))
                .setVersion(value(dmi, versionField))
                .setReleaseDate(releaseDate);
        for (int i = 0; i < attributes.length; i += 2) {
            String v = value(dmi, attributes[i + 1]);
            if (!v.isEmpty()) {
                detail.putAttributes(attributes[i], v);
            }
        }
        boolean empty = detail.getVendor().isEmpty() && detail.getName().isEmpty() && detail.getVersion().isEmpty()
                && detail.getReleaseDate().isEmpty() && detail.getAttributesCount() == 0;
        if (empty) {
            return Optional.empty();
        }
        return Optional.of(Item.newBuilder().setKind(ItemKind.FIRMWARE).setKey(component).setFirmware(detail).build());
    }

    /** The value of a field, or empty when it is absent or says nothing. */
    static String value(Map<String, String> dmi, String field) {
        String v = dmi.getOrDefault(field, "").strip();
        return meaningful(v) ? v : "";
    }

    static boolean meaningful(String value) {
        return value != null && !value.isBlank() && !PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** SMBIOS writes {@code MM/DD/YYYY}; OSHI already gives {@code YYYY-MM-DD}. Anything else is kept as is. */
    static String isoDate(String date) {
        if (date.length() == 10 && date.charAt(2) == '/' && date.charAt(5) == '/') {
            return date.substring(6) + "-" + date.substring(0, 2) + "-" + date.substring(3, 5);
        }
        return date;
    }
}
