package io.driftproof.collector.content;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ContentRepository implements PanacheRepositoryBase<StoredContent, String> {

    public Set<String> existing(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        List<String> found = getEntityManager()
                .createQuery("select c.sha256 from StoredContent c where c.sha256 in :hashes", String.class)
                .setParameter("hashes", hashes).getResultList();
        return new HashSet<>(found);
    }
}
