package io.driftproof.collector.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AppliedDeltaRepository implements PanacheRepository<AppliedDelta> {
}
