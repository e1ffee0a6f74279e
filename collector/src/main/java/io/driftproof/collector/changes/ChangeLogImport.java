package io.driftproof.collector.changes;

import io.driftproof.collector.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** Imports a CSV change log in one transaction: every row is taken over, or none is. */
@ApplicationScoped
public class ChangeLogImport {

    private final ExternalRecords external;

    ChangeLogImport(ExternalRecords external) {
        this.external = external;
    }

    @Transactional
    public ImportReport importCsv(String text, String by) {
        List<ImportReport.Row> done = new ArrayList<>();
        for (ChangeLogCsv.Row row : ChangeLogCsv.read(text)) {
            try {
                ExternalRecords.Applied applied = external.apply(row.change(), by,
                        "imported from a CSV change log, row " + row.number());
                done.add(new ImportReport.Row(row.number(), row.change().externalId(), applied.id(), applied.outcome()));
            } catch (FieldProblem p) {
                throw ChangeLogCsv.problem(row.number(), ChangeLogCsv.column(p.field()), p.getMessage());
            } catch (ProblemException p) {
                throw new ProblemException(p.status(), "Row " + row.number() + ": " + p.title(),
                        "row " + row.number() + " (id " + row.change().externalId() + "): " + p.getMessage());
            }
        }
        return ImportReport.of(done);
    }
}
