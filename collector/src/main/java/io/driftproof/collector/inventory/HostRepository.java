package io.driftproof.collector.inventory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HostRepository implements PanacheRepositoryBase<Host, String> {

    /** The host row locked for update, so that concurrent collector replicas apply one host's
     * deltas one at a time. */
    public Optional<Host> lock(String hostId) {
        return findByIdOptional(hostId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The host row locked for update, created first when the host is new. */
    public Host lockOrCreate(String hostId, Instant now) {
        return lock(hostId).orElseGet(() -> {
            Host created = new Host();
            created.id = hostId;
            created.firstSeen = now;
            created.lastSeen = now;
            persist(created);
            return created;
        });
    }

    public List<Host> page(int offset, int limit) {
        return findAll(Sort.by("id")).range(offset, offset + limit - 1).list();
    }
}
