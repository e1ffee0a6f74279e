package io.driftproof.agent.collect.firmware;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.driftproof.proto.v1.FirmwareDetail;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code fwupdmgr get-devices --json}: {@code {"Devices": [{...}, ...]}}. Each device
 * that has both a {@code DeviceId} and a {@code Version} becomes one item keyed
 * {@code fwupd:<DeviceId>}; devices without a version (hubs, composite parents) carry no
 * firmware to track. Everything else fwupd prints (GUIDs, flags, icons, release lists, creation
 * times that change on every daemon start) is skipped.
 */
public final class FwupdDevicesParser {

    private FwupdDevicesParser() {
    }

    /** @throws IOException when the input is not JSON of that shape */
    public static List<Item> parse(InputStream in) throws IOException {
        try {
            return devices(new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IllegalStateException e) {
            // Gson reports valid JSON of another shape (e.g. a top-level array) this way.
            throw new IOException("not a fwupd device list: " + e.getMessage(), e);
        }
    }

    private static List<Item> devices(JsonReader json) throws IOException {
        List<Item> items = new ArrayList<>();
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("Devices") && json.peek() == JsonToken.BEGIN_ARRAY) {
                json.beginArray();
                while (json.hasNext()) {
                    device(json, items);
                }
                json.endArray();
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return items;
    }

    private static void device(JsonReader json, List<Item> items) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return;
        }
        String id = "";
        FirmwareDetail.Builder detail = FirmwareDetail.newBuilder();
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (json.peek() != JsonToken.STRING) {
                json.skipValue();
                continue;
            }
            String value = json.nextString().strip();
            switch (name) {
                case "DeviceId" -> id = value;
                case "Name" -> detail.setName(value);
                case "Vendor" -> detail.setVendor(value);
                case "Version" -> detail.setVersion(value);
                case "Plugin" -> detail.putAttributes("plugin", value);
                default -> { }
            }
        }
        json.endObject();
        if (!id.isEmpty() && !detail.getVersion().isEmpty()) {
            items.add(Item.newBuilder().setKind(ItemKind.FIRMWARE).setKey("fwupd:" + id)
                    .setFirmware(detail.setComponent(id)).build());
        }
    }
}
