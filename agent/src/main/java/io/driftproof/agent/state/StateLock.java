package io.driftproof.agent.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent process per state directory: two would hand out the same delta seq twice. Held for
 * the life of the process (the OS releases it when the process dies, even on kill -9).
 */
public final class StateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws StateBusyException when another agent process holds the lock */
    public static StateLock acquire(Path stateDir) throws IOException {
        FileChannel channel = FileChannel.open(stateDir.resolve("agent.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StateBusyException("another driftproof-agent is using the state directory " + stateDir
                    + " (stop it first, e.g. systemctl stop driftproof-agent)");
        }
        return new StateLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
