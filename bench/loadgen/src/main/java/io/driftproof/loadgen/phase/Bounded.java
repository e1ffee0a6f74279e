package io.driftproof.loadgen.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Starts asynchronous work for each element, never more than a limit at once, and waits for all of it. */
final class Bounded {

    private Bounded() {
    }

    /** @throws java.util.concurrent.CompletionException with the first failure */
    static <E, R> List<R> run(List<E> elements, int limit, Function<E, CompletableFuture<R>> start) {
        Semaphore permits = new Semaphore(limit);
        List<CompletableFuture<R>> started = new ArrayList<>(elements.size());
        for (E element : elements) {
            permits.acquireUninterruptibly();
            started.add(start.apply(element).whenComplete((r, e) -> permits.release()));
            if (started.get(started.size() - 1).isCompletedExceptionally()) {
                break;
            }
        }
        return started.stream().map(CompletableFuture::join).toList();
    }
}
