package io.driftproof.collector.inventory;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.PageRequest;
import io.driftproof.collector.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Reads hosts and their current items; sets the operator-managed host attributes. */
@ApplicationScoped
public class InventoryService {

    private static final int MAX_ASSET_ID = 255;

    private final HostRepository hosts;
    private final ItemRepository items;
    private final ItemStates states;

    InventoryService(HostRepository hosts, ItemRepository items, ItemStates states) {
        this.hosts = hosts;
        this.items = items;
        this.states = states;
    }

    @Transactional
    public Page<HostView> hosts(PageRequest page) {
        List<HostView> views = hosts.page(page.offset(), page.limit()).stream().map(HostView::of).toList();
        return Page.of(views, hosts.count(), page);
    }

    @Transactional
    public HostView host(String hostId) {
        return HostView.of(existing(hostId));
    }

    @Transactional
    public HostView update(String hostId, HostUpdate update) {
        List<String> tags = HostTags.valid(update.tags());
        String assetId = update.cmdbAssetId() == null || update.cmdbAssetId().isBlank() ? null : update.cmdbAssetId().strip();
        if (assetId != null && assetId.length() > MAX_ASSET_ID) {
            throw ProblemException.badRequest("cmdbAssetId must be at most " + MAX_ASSET_ID + " characters");
        }
        Host host = hosts.lock(hostId).orElseThrow(() -> ProblemException.notFound("no host with id '" + hostId + "'"));
        host.cmdbAssetId = assetId;
        host.tags.clear();
        host.tags.addAll(tags);
        return HostView.of(host);
    }

    @Transactional
    public Page<ItemView> items(String hostId, Optional<ItemKind> kind, PageRequest page) {
        existing(hostId);
        PanacheQuery<Item> query = items.ofHost(hostId, kind);
        List<ItemView> views = query.range(page.offset(), page.offset() + page.limit() - 1).list().stream()
                .map(i -> new ItemView(i.kind, i.itemKey, i.fingerprint, i.updatedSeq, states.fromJson(i.kind, i.detail)))
                .toList();
        return Page.of(views, query.count(), page);
    }

    private Host existing(String hostId) {
        return hosts.findByIdOptional(hostId).orElseThrow(() -> ProblemException.notFound("no host with id '" + hostId + "'"));
    }
}
