package io.driftproof.collector.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Row counts of the collector's tables, to prove what a step did or did not store. */
@ApplicationScoped
public class Rows {

    private final EntityManager em;

    Rows(EntityManager em) {
        this.em = em;
    }

    public record Counts(long hosts, long items, long observedChanges, long contents, long appliedDeltas) {
    }

    @Transactional
    public Counts count() {
        return new Counts(count("Host"), count("Item"), count("ObservedChange"), count("StoredContent"), count("AppliedDelta"));
    }

    @Transactional
    public String databaseProduct() {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
    }

    private long count(String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
    }
}
