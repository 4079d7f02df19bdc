package dev.lenet.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One writer at a time for a part of the dataset cache, across the builds of a machine (a file lock, which the
 * operating system lets go when its process ends, even by kill -9) and the threads of one build (a file lock is held
 * per process). A waiting build says once what it waits for, and gives up after a limit.
 */
final class CacheLock implements AutoCloseable {
    /** Longer than any fill: four downloads at their time limit, npm's, or the conversion of a large dataset. */
    static final Duration WAIT_LIMIT = Duration.ofMinutes(30);

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param what what the holder is doing, for the waiting message ("converting ... into ...")
     * @throws IOException when the lock cannot be had within {@code limit}, naming the lock file and what it guards
     */
    static CacheLock acquire(Path lockFile, String what, Consumer<String> log, Duration limit) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + limit.toNanos();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        boolean said = false;
        try {
            if (!local.tryLock()) {
                log.accept(waiting(what, key));
                said = true;
                if (!local.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw gaveUp(what, key, limit);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (!said) {
                    log.accept(waiting(what, key));
                    said = true;
                }
                if (System.nanoTime() > deadline) {
                    throw gaveUp(what, key, limit);
                }
                Thread.sleep(100);
            }
            return new CacheLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key, e);
        }
    }

    /** Whether no process holds {@code lockFile} now: what it guarded was left by a build that ended. */
    static boolean free(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        } finally {
            local.unlock();
        }
    }

    private static String waiting(String what, Path key) {
        return "Waiting for another build, which is " + what + " (it holds " + key + ")";
    }

    private static IOException gaveUp(String what, Path key, Duration limit) {
        return new IOException("gave up after " + Durations.text(limit) + " waiting for another build, which is " + what
                + " (it holds " + key + "); if that build hangs, stop it");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the lock goes with the channel
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
