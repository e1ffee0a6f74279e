package io.driftproof.collector.inventory;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ItemRepository implements PanacheRepository<Item> {

    /** Keys per IN list: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int CHUNK = 500;

    public List<Item> allOf(String hostId) {
        return list("hostId", hostId);
    }

    /** The stored items among the given keys of one kind. */
    public List<Item> find(String hostId, ItemKind kind, Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<Item> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            found.addAll(list("hostId = :host and kind = :kind and itemKey in :keys",
                    Parameters.with("host", hostId).and("kind", kind).and("keys", chunk)));
        }
        return found;
    }

    public Optional<Item> find(String hostId, ItemKind kind, String key) {
        return find("hostId = ?1 and kind = ?2 and itemKey = ?3", hostId, kind, key).firstResultOptional();
    }

    public PanacheQuery<Item> ofHost(String hostId, Optional<ItemKind> kind) {
        Sort order = Sort.by("kind").and("itemKey");
        return kind.map(k -> find("hostId = ?1 and kind = ?2", order, hostId, k))
                .orElseGet(() -> find("hostId", order, hostId));
    }
}
