package org.kindred.api.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <database>.lock}, held by a serving process, so a restore cannot replace the file
 * under a running server and two servers do not share one file. A separate file, because closing any channel
 * on the database itself would drop SQLite's own locks on it (POSIX locks belong to the process).
 */
public final class ServerLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails at once when another process (or this one) holds it. */
    public static ServerLock acquire(Path database) {
        Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new ServerLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldHere) {
            // held by this process: in use all the same
        } catch (NoSuchFileException e) {
            throw new DatabaseException("cannot open database " + database + ": the directory "
                + database.toAbsolutePath().getParent() + " does not exist", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseException("cannot open database " + database + ": cannot lock " + lockFile + ": "
                + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new DatabaseException(database + " is in use by a running Kindred; stop it first");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new DatabaseException("cannot release the lock: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was never taken; nothing to undo
            }
        }
    }
}
