package io.driftproof.agent.collect.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Lets a walk hash large files on worker threads while it goes on, and hands every result on in
 * walk order, on the walking thread, so that items still come out in key order. Small files are
 * hashed on the walking thread (handing them over would cost more than hashing them). What is in
 * flight is bounded, in files and in bytes that may be captured, so memory stays small.
 * Single-threaded when given one thread.
 */
final class HashPipeline implements AutoCloseable {

    /** Files at least this large go to a worker. */
    static final long PARALLEL_MIN = 64 * 1024;
    private static final int MAX_PENDING = 64;
    private static final long MAX_PENDING_CAPTURE = 4L * 1024 * 1024;

    /** What to do with a file's hash (or why it could not be read), on the walking thread. */
    interface Then {
        void accept(FileHasher.Hashed hashed, IOException failure);
    }

    private record Pending(Future<FileHasher.Hashed> hashed, long captureBytes, Then then) {
    }

    private final FileHasher inline;
    private final ExecutorService workers;
    private final ThreadLocal<FileHasher> workerHashers;
    private final List<FileHasher> created = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long pendingCapture;

    /**
     * @param inline  the walking thread's hasher
     * @param threads worker threads for large files; 1 hashes everything inline
     */
    HashPipeline(FileHasher inline, int threads, Supplier<FileHasher> hashers) {
        this.inline = inline;
        this.workers = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "config-file-hasher");
            t.setDaemon(true);
            return t;
        });
        this.workerHashers = ThreadLocal.withInitial(() -> {
            FileHasher h = hashers.get();
            created.add(h);
            return h;
        });
    }

    /** Runs {@code emit} once everything queued before it has been handed on. */
    void later(Runnable emit) {
        drainDone();
        if (queue.isEmpty()) {
            emit.run();
        } else {
            queue.add(new Pending(null, 0, (h, f) -> emit.run()));
        }
    }

    void hash(Path file, boolean sensitive, long size, long limit, Then then) {
        drainDone();
        if (workers == null || size < PARALLEL_MIN) {
            FileHasher.Hashed hashed = null;
            IOException failure = null;
            try {
                hashed = inline.hash(file, sensitive, size, limit);
            } catch (IOException e) {
                failure = e;
            }
            FileHasher.Hashed result = hashed;
            IOException error = failure;
            later(() -> then.accept(result, error));
            return;
        }
        long capture = !sensitive && size <= limit ? size : 0;
        while (!queue.isEmpty() && (queue.size() >= MAX_PENDING || pendingCapture + capture > MAX_PENDING_CAPTURE)) {
            handOnHead();
        }
        queue.add(new Pending(workers.submit(() -> workerHashers.get().hash(file, sensitive, size, limit)), capture, then));
        pendingCapture += capture;
    }

    /** Waits for everything in flight and hands it on. */
    void finish() {
        while (!queue.isEmpty()) {
            handOnHead();
        }
    }

    private void drainDone() {
        while (!queue.isEmpty() && (queue.peek().hashed() == null || queue.peek().hashed().isDone())) {
            handOnHead();
        }
    }

    private void handOnHead() {
        Pending head = queue.poll();
        pendingCapture -= head.captureBytes();
        if (head.hashed() == null) {
            head.then().accept(null, null);
            return;
        }
        try {
            head.then().accept(head.hashed().get(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                head.then().accept(null, io);
            } else if (e.getCause() instanceof RuntimeException r) {
                throw r;
            } else {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("scan interrupted"));
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        created.forEach(FileHasher::close);
    }
}
