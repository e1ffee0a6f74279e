package io.driftproof.agent.collect.files;

import com.google.protobuf.Timestamp;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.HostRoot;
import io.driftproof.proto.v1.ConfigFileDetail;
import io.driftproof.proto.v1.ContentState;
import io.driftproof.proto.v1.FileType;
import io.driftproof.proto.v1.Item;
import io.driftproof.proto.v1.ItemKind;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One walk over the configured globs: one lstat per directory entry, symlinks never followed,
 * regular files read only when the hash cache has nothing current for them. Single-threaded; a
 * scan object is used once.
 */
final class ConfigFileScan {

    /** Pseudo filesystems: never config, possibly endless (/proc/kcore). Walked only when a glob starts inside them. */
    private static final Set<String> PSEUDO = Set.of("/proc", "/sys", "/dev");

    private final HostRoot root;
    private final GlobSet paths;
    private final GlobSet excludes;
    private final GlobSet sensitive;
    private final long contentLimit;
    private final HashCache.Lookup previous;
    private final CacheSink next;
    private final HashPipeline hashing;
    private final AccountNames accounts;
    private final CollectorOutput output;
    /** The lstat of the entry at hand. */
    private FileStat stat;
    private final ConfigFileDetail.Builder builder = ConfigFileDetail.newBuilder();

    /**
     * @param previous the cache of the last scan; {@link HashCache#NONE} to read every file
     * @param next     receives the cache for the next scan, in walk order
     */
    ConfigFileScan(HostRoot root, ScanScope scope, long contentLimit, HashCache.Lookup previous, CacheSink next,
                   HashPipeline hashing, AccountNames accounts, CollectorOutput output) {
        this.root = root;
        this.paths = GlobSet.of(scope.paths());
        this.excludes = GlobSet.of(scope.excludes());
        this.sensitive = GlobSet.of(scope.sensitive());
        this.contentLimit = contentLimit;
        this.previous = previous;
        this.next = next;
        this.hashing = hashing;
        this.accounts = accounts;
        this.output = output;
    }

    /** The three glob lists of a scan. */
    record ScanScope(List<String> paths, List<String> excludes, List<String> sensitive) {
    }

    /** Where the entries for the next scan's cache go. */
    interface CacheSink {
        void add(String path, HashCache.Entry entry);
    }

    /** Walks everything, emitting items in ascending path order. */
    void run() {
        for (String start : starts(paths.globs())) {
            enter(start);
        }
        hashing.finish();
    }

    /**
     * The base directories of the globs, leaving out those inside another, in the order their
     * items sort: by path with a trailing slash, since everything found lies below them.
     */
    static List<String> starts(List<String> globs) {
        TreeSet<String> bases = new TreeSet<>();
        for (String glob : globs) {
            bases.add(GlobSet.baseDirectory(glob));
        }
        List<String> starts = new ArrayList<>();
        for (String base : bases) {
            boolean inside = starts.stream().anyMatch(s -> s.equals("/") || base.startsWith(s + "/"));
            if (!inside) {
                starts.add(base);
            }
        }
        starts.sort(Comparator.comparing(s -> s.equals("/") ? s : s + "/"));
        return starts;
    }

    /**
     * Goes from the root down to {@code start} one component at a time, so a symlink on the way
     * (which under a non-live root may point out of it) is reported as what it is, not followed.
     */
    private void enter(String start) {
        String host = "/";
        Path local = root.path();
        boolean included = paths.matches(host);
        boolean secret = sensitive.matches(host);
        for (String name : start.substring(1).split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            host = child(host, name);
            local = local.resolve(name);
            if (excludes.matches(host)) {
                return;
            }
            stat = new FileStat();
            try {
                stat.read(local);
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                output.problem(host, "cannot stat: " + reason(e));
                return;
            }
            if (!stat.isDirectory()) {
                file(host, local, included, secret);
                return;
            }
            included |= paths.matches(host);
            secret |= sensitive.matches(host);
        }
        walk(host, local, included, secret);
    }

    /**
     * Lists a directory, lstat'ing each entry, and visits the entries in the order their paths
     * sort: a directory as its name plus {@code /} (like git's index), so that everything below
     * it comes exactly where its paths fall among its siblings.
     *
     * @param included a glob of {@code paths} matched the directory or one above it
     * @param secret   a glob of {@code sensitive} matched the directory or one above it
     */
    private void walk(String host, Path local, boolean included, boolean secret) {
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(local)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String path = child(host, name);
                // Names are decoded as UTF-8; bytes that are not become U+FFFD and could not be keys.
                if (name.indexOf('\uFFFD') >= 0) {
                    output.problem(path, "file name is not valid UTF-8; skipped");
                } else if (!excludes.matches(path)) {
                    lstat(path, entry).ifPresent(s -> children.add(new Child(name, s)));
                }
            }
        } catch (DirectoryIteratorException e) {
            output.problem(host, "cannot list directory: " + reason(e.getCause()));
        } catch (IOException e) {
            output.problem(host, "cannot list directory: " + reason(e));
        }
        children.sort(Comparator.comparing(Child::sortKey));
        for (Child c : children) {
            stat = c.stat();
            entry(child(host, c.name()), local.resolve(c.name()), included, secret);
        }
    }

    /** One directory entry and its lstat; a listing holds one per entry, so it is kept small. */
    private record Child(String name, FileStat stat) {
        String sortKey() {
            return stat.isDirectory() ? name + "/" : name;
        }
    }

    private Optional<FileStat> lstat(String host, Path local) {
        FileStat s = new FileStat();
        try {
            s.read(local);
            return Optional.of(s);
        } catch (NoSuchFileException e) {
            output.problem(host, "vanished during the scan");
        } catch (IOException e) {
            output.problem(host, "cannot stat: " + reason(e));
        }
        return Optional.empty();
    }

    /** An entry of a walked directory, not excluded; {@link #stat} holds its lstat. */
    private void entry(String host, Path local, boolean included, boolean secret) {
        if (stat.isDirectory()) {
            boolean in = included || paths.matches(host);
            if ((in || paths.mayMatchBelow(host)) && !excludes.matchesAllBelow(host) && !PSEUDO.contains(host)) {
                walk(host, local, in, secret || sensitive.matches(host));
            }
        } else {
            file(host, local, included, secret);
        }
    }

    /**
     * A non-directory entry, inventoried when a path glob matches it or a directory above it;
     * {@link #stat} holds its lstat.
     */
    private void file(String host, Path local, boolean included, boolean secret) {
        if (!included && !paths.matches(host)) {
            return;
        }
        boolean isSecret = secret || sensitive.matches(host);
        if (stat.isRegularFile()) {
            regular(host, local, isSecret);
        } else if (stat.isSymlink()) {
            symlink(host, local);
        }
        // FIFOs, sockets and device nodes are not configuration, and opening a FIFO would block.
    }

    /**
     * A regular file: hashed unless the cache has it; its item (and content) handed on in walk
     * order once the hash is known.
     */
    private void regular(String host, Path local, boolean secret) {
        FileStat s = stat;
        HashCache.Entry cached = previous(host);
        if (cached != null && cached.sameFile(s) && stillValid(cached, secret, s)) {
            hashing.later(() -> regularItem(host, local, secret, s, cached, null));
            return;
        }
        hashing.hash(local, secret, s.size, contentLimit, (hashed, failure) -> {
            if (failure instanceof NoSuchFileException) {
                output.problem(host, "vanished during the scan");
            } else if (failure != null) {
                output.problem(host, "cannot read: " + reason(failure));
            } else {
                regularItem(host, local, secret, s, HashCache.Entry.of(s, hashed.sha256(), hashed.state()), hashed.content());
            }
        });
    }

    private void regularItem(String host, Path local, boolean secret, FileStat s, HashCache.Entry entry, byte[] content) {
        next.add(host, entry);
        ContentState state = secret ? ContentState.SENSITIVE
                : s.size > contentLimit ? ContentState.TOO_LARGE : entry.state();
        output.item(item(host, detail(s, local, FileType.REGULAR, state).setSha256(entry.sha256())));
        if (content != null) {
            output.content(entry.sha256(), content);
        }
    }

    private HashCache.Entry previous(String host) {
        try {
            return previous.find(host);
        } catch (IOException e) {
            output.problem(host, "cannot read the hash cache: " + e.getMessage() + "; file read again");
            return null;
        }
    }

    /**
     * Whether a cached entry of an unchanged file still holds everything this scan needs. Its
     * hash always does; but a file cached as sensitive or too large was never checked for text,
     * so if it may now be captured it must be read.
     */
    private boolean stillValid(HashCache.Entry entry, boolean secret, FileStat s) {
        return secret || s.size > contentLimit
                || entry.state() == ContentState.CAPTURED || entry.state() == ContentState.BINARY;
    }

    private void symlink(String host, Path local) {
        String target;
        try {
            target = Files.readSymbolicLink(local).toString();
        } catch (NoSuchFileException e) {
            output.problem(host, "vanished during the scan");
            return;
        } catch (IOException e) {
            output.problem(host, "cannot read symlink: " + reason(e));
            return;
        }
        FileStat s = stat;
        hashing.later(() -> output.item(item(host, detail(s, local, FileType.SYMLINK, ContentState.NONE).setSymlinkTarget(target))));
    }

    private static Item item(String host, ConfigFileDetail.Builder detail) {
        return Item.newBuilder().setKind(ItemKind.CONFIG_FILE).setKey(host).setConfigFile(detail.setPath(host)).build();
    }

    /** The attributes every entry has. */
    private ConfigFileDetail.Builder detail(FileStat stat, Path local, FileType type, ContentState state) {
        return builder.clear()
                .setType(type)
                .setSize(stat.size)
                .setMode(stat.permissions())
                .setUid(stat.uid)
                .setGid(stat.gid)
                .setOwner(accounts.user(stat.uid, local))
                .setGroup(accounts.group(stat.gid, local))
                .setMtime(timestamp(stat.mtimeNanos()))
                .setCtime(timestamp(stat.ctimeNanos()))
                .setContentState(state);
    }

    private static Timestamp timestamp(long epochNanos) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochNanos, 1_000_000_000L))
                .setNanos((int) Math.floorMod(epochNanos, 1_000_000_000L)).build();
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** Why, without the local path (which under a non-live root is not the host's path). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
