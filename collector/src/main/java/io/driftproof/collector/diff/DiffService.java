package io.driftproof.collector.diff;

import io.driftproof.collector.content.ContentAvailability;
import io.driftproof.collector.content.ContentStore;
import io.driftproof.collector.inventory.ItemState;
import io.driftproof.collector.inventory.ItemStates;
import io.driftproof.collector.observed.ObservedChange;
import io.driftproof.collector.observed.ObservedChangeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the diff of an observed change from its before/after states and the stored contents. */
@ApplicationScoped
public class DiffService {

    private final ObservedChangeService changes;
    private final ItemStates states;
    private final ContentStore contents;

    DiffService(ObservedChangeService changes, ItemStates states, ContentStore contents) {
        this.changes = changes;
        this.states = states;
        this.contents = contents;
    }

    @Transactional
    public ChangeDiff diff(long changeId) {
        ObservedChange change = changes.find(changeId);
        ItemState before = states.fromJson(change.kind, change.before);
        ItemState after = states.fromJson(change.kind, change.after);
        List<ChangeDiff.AttributeChange> attributes = Attributes.changed(before, after);
        if (!(before instanceof ItemState.ConfigFile) && !(after instanceof ItemState.ConfigFile)) {
            return unavailable(change, attributes, change.kind + " items have no content; see attributes");
        }
        ItemState.ConfigFile old = (ItemState.ConfigFile) before;
        ItemState.ConfigFile now = (ItemState.ConfigFile) after;
        String reason = Stream.of(now, old).filter(Objects::nonNull).map(ContentAvailability::reason)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (reason != null) {
            return unavailable(change, attributes, reason);
        }
        if (old != null && now != null && Objects.equals(old.sha256(), now.sha256())) {
            return unavailable(change, attributes, "content unchanged");
        }
        Optional<String> oldText = old == null ? Optional.of("") : text(old);
        Optional<String> newText = now == null ? Optional.of("") : text(now);
        if (oldText.isEmpty() || newText.isEmpty()) {
            return unavailable(change, attributes, "content not received");
        }
        TextDiff text = TextDiff.of(change.itemKey, old == null ? null : oldText.get(), now == null ? null : newText.get());
        return new ChangeDiff(change.id, change.kind, change.itemKey, change.action, attributes, true, null,
                text.unified(), text.hunks());
    }

    private Optional<String> text(ItemState.ConfigFile file) {
        return contents.load(file.sha256()).map(data -> new String(data, StandardCharsets.UTF_8));
    }

    private static ChangeDiff unavailable(ObservedChange change, List<ChangeDiff.AttributeChange> attributes, String reason) {
        return new ChangeDiff(change.id, change.kind, change.itemKey, change.action, attributes, false, reason, null, List.of());
    }
}
