package io.driftproof.collector.inventory;

import io.driftproof.collector.common.Page;
import io.driftproof.collector.common.PageRequest;
import io.driftproof.collector.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads hosts and their current items; sets the operator-managed host attributes. */
@ApplicationScoped
public class InventoryService {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_TAGS = 50;
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
        List<String> tags = update.tags() == null ? List.of() : update.tags();
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.badRequest("at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw ProblemException.badRequest("tag '" + tag + "' must be 1-64 characters of A-Z a-z 0-9 . _ : - starting with a letter or digit");
            }
        }
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
