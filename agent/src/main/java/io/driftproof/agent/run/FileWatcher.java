package io.driftproof.agent.run;

import io.driftproof.agent.inventory.HostRoot;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Watches the directories the config-file globs and the collectors' watch paths point at
 * (recursively where the glob reaches deeper) and reports that something changed; new
 * directories are watched as they appear. The watcher does not decide what to scan: any event
 * triggers a (cheap, incremental) scan.
 */
final class FileWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileWatcher.class.getName());

    private final WatchService service;
    private final Runnable changed;
    private final Map<WatchKey, Boolean> recursiveByKey = new HashMap<>();
    private final Thread thread;
    private boolean limitWarned;

    private FileWatcher(WatchService service, Runnable changed) {
        this.service = service;
        this.changed = changed;
        this.thread = new Thread(this::loop, "driftproof-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching; {@code changed} is called on the watcher's thread. */
    static FileWatcher start(HostRoot root, List<String> globs, Runnable changed) throws IOException {
        FileWatcher watcher = new FileWatcher(FileSystems.getDefault().newWatchService(), changed);
        for (String glob : globs) {
            WatchRoot.of(glob).ifPresentOrElse(
                    w -> watcher.register(root.resolve(w.hostDir()), w.recursive()),
                    () -> LOG.info("not watching '" + glob + "' (no fixed directory); the periodic full scan covers it"));
        }
        watcher.thread.start();
        return watcher;
    }

    int watchedDirectories() {
        synchronized (recursiveByKey) {
            return recursiveByKey.size();
        }
    }

    private void register(Path dir, boolean recursive) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!recursive) {
            registerOne(dir, false);
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    registerOne(d, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.fine("cannot walk " + dir + ": " + e.getMessage());
        }
    }

    private void registerOne(Path dir, boolean recursive) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            synchronized (recursiveByKey) {
                recursiveByKey.put(key, recursive);
            }
        } catch (IOException e) {
            // Typically the inotify watch limit (fs.inotify.max_user_watches): the periodic scan still covers it.
            if (!limitWarned) {
                LOG.warning("cannot watch " + dir + " (" + e.getMessage() + "); changes there are found by the periodic full scan");
                limitWarned = true;
            }
        } catch (ClosedWatchServiceException e) {
            // closing down
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Boolean recursive;
                synchronized (recursiveByKey) {
                    recursive = recursiveByKey.get(key);
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (Boolean.TRUE.equals(recursive) && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = ((Path) key.watchable()).resolve((Path) event.context());
                        register(created, true);
                    }
                }
                if (!key.reset()) {
                    synchronized (recursiveByKey) {
                        recursiveByKey.remove(key);
                    }
                }
                changed.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: done
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
