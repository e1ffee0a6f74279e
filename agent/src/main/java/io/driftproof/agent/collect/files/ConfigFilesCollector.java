package io.driftproof.agent.collect.files;

import io.driftproof.agent.config.AgentConfig;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.agent.inventory.ScanContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Configuration files: every entry matched by the configured path globs and not by an exclude
 * glob, with type, mode, owner, group, size, mtime, ctime, SHA-256 of regular files and the
 * target of symlinks. Text files up to the content limit also offer their content, except
 * sensitive ones, which are hashed only.
 *
 * <p>Globs name host absolute paths (the root prefix never shows in keys):
 * <ul>
 *   <li>{@code *} matches within one path component, {@code ?} one character of it,
 *       {@code [abc]}, {@code [a-z]} and {@code [!abc]} one character of a set;
 *       {@code \} makes the next character literal;</li>
 *   <li>{@code **} as a whole component matches across components: zero or more of them in
 *       the middle ({@code /etc/**}{@code /*.conf} matches {@code /etc/a.conf} as well as
 *       {@code /etc/x/y/a.conf}), one or more at the end ({@code /etc/**} is everything below
 *       /etc, not /etc itself); within a component ({@code a**b}) it is a plain {@code *};</li>
 *   <li>a glob not starting with {@code /}, such as {@code **}{@code /*.key} or {@code *.key},
 *       matches at any depth;</li>
 *   <li>a glob that matches a directory covers everything below it: {@code /etc/ssl/private}
 *       as a sensitive glob makes every file in it sensitive, as an exclude it skips the tree,
 *       as a path it inventories the tree.</li>
 * </ul>
 * Braces ({@code {a,b}}) have no special meaning.
 *
 * <p>Symlinks are never followed (so a symlink loop is just two symlinks); FIFOs, sockets and
 * device nodes are skipped without being opened; directories are walked but are not items;
 * {@code /proc}, {@code /sys} and {@code /dev} are walked only when a glob starts inside them.
 * What cannot be read (permission denied, a file that vanished during the scan, a name that is
 * not UTF-8) becomes a problem and the scan goes on.
 *
 * <p>Incremental hashing: see {@link HashCache}. The cache lives in the state directory; when
 * that cannot be created or written (e.g. {@code snapshot --print} as a normal user) the scan
 * reads every file and keeps no cache. {@link ScanContext#rehashAll()} ignores the cache, so a
 * full snapshot offers every text content again.
 */
public final class ConfigFilesCollector implements Collector {

    public static final String ID = "config_files";
    private static final Logger LOG = Logger.getLogger(ConfigFilesCollector.class.getName());
    private static final AtomicBoolean ENCODING_WARNED = new AtomicBoolean();

    private final Supplier<FileHasher> hashers;
    private final int threads;

    public ConfigFilesCollector() {
        this(FileHasher::new, Runtime.getRuntime().availableProcessors());
    }

    /** For tests: one hasher that counts or disturbs reads, on the scanning thread only. */
    ConfigFilesCollector(Supplier<FileHasher> hashers) {
        this(hashers, 1);
    }

    private ConfigFilesCollector(Supplier<FileHasher> hashers, int threads) {
        this.hashers = hashers;
        this.threads = threads;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return !context.config().paths().isEmpty();
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        warnIfNamesAreNotUtf8();
        HostRoot root = context.root();
        AgentConfig config = context.config();
        Optional<Path> cacheFile = cacheFile(context.stateDir());
        AccountNames accounts = root.isLive() ? new SystemAccounts() : AccountFiles.of(root);
        try (HashCache.Lookup previous = context.rehashAll() || cacheFile.isEmpty()
                     ? HashCache.NONE : HashCache.open(cacheFile.get(), root.toString());
             NextCache next = new NextCache(cacheFile, root.toString());
             FileHasher hasher = hashers.get();
             HashPipeline hashing = new HashPipeline(hasher, threads, hashers)) {
            new ConfigFileScan(root, new ConfigFileScan.ScanScope(config.paths(), config.excludes(), config.sensitive()),
                    config.contentLimit(), previous, next, hashing, accounts, output)
                    .run();
            next.commit();
        }
    }

    @Override
    public boolean emitsInKeyOrder() {
        return true;
    }

    /** The cache being written for the next scan; a write failure only costs the next scan its shortcut. */
    private static final class NextCache implements ConfigFileScan.CacheSink, AutoCloseable {
        private HashCache.Writer writer;
        private final Path file;

        NextCache(Optional<Path> file, String root) {
            this.file = file.orElse(null);
            if (file.isPresent()) {
                try {
                    writer = new HashCache.Writer(file.get(), root);
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void add(String path, HashCache.Entry entry) {
            if (writer != null) {
                try {
                    writer.add(path, entry);
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        void commit() {
            if (writer != null) {
                try {
                    writer.commit();
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        private void failed(IOException e) {
            LOG.warning("cannot write the config-file hash cache " + file + ": " + e.getMessage()
                    + "; the next scan reads every file again");
            close();
        }

        @Override
        public void close() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    LOG.fine("cannot remove a partial hash cache: " + e.getMessage());
                }
                writer = null;
            }
        }
    }

    private static Optional<Path> cacheFile(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            if (Files.isWritable(stateDir)) {
                return Optional.of(stateDir.resolve(HashCache.FILE_NAME));
            }
        } catch (IOException e) {
            // reported below
        }
        LOG.info("state directory " + stateDir + " is not writable; hashing every config file without a cache");
        return Optional.empty();
    }

    /** Java decodes file names with the locale's charset; under the C locale every non-ASCII name looks invalid. */
    private static void warnIfNamesAreNotUtf8() {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (!encoding.equalsIgnoreCase("UTF-8") && ENCODING_WARNED.compareAndSet(false, true)) {
            LOG.warning("file names are decoded as " + encoding + ", so non-ASCII names will be reported as"
                    + " not UTF-8; run the agent with LANG=C.UTF-8");
        }
    }
}
