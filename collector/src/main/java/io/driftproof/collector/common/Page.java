package io.driftproof.collector.common;

import java.util.List;

/**
 * One page of a list: the same shape on every list endpoint. {@code next} is the offset of the
 * following page, absent on the last page.
 */
public record Page<T>(List<T> items, long total, int offset, int limit, Integer next) {

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        long following = (long) request.offset() + items.size();
        Integer next = following < total && !items.isEmpty() ? (int) following : null;
        return new Page<>(items, total, request.offset(), request.limit(), next);
    }
}
