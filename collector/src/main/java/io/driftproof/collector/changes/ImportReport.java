package io.driftproof.collector.changes;

import java.util.List;

/** What an import did: per row of the change log, the record it created, updated or left unchanged. */
public record ImportReport(int rows, long created, long updated, long unchanged, List<Row> records) {

    public record Row(int row, String externalId, long changeId, ExternalRecords.Outcome outcome) {
    }

    static ImportReport of(List<Row> rows) {
        return new ImportReport(rows.size(), count(rows, ExternalRecords.Outcome.CREATED),
                count(rows, ExternalRecords.Outcome.UPDATED), count(rows, ExternalRecords.Outcome.UNCHANGED), rows);
    }

    private static long count(List<Row> rows, ExternalRecords.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
