package org.kindred.api.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.core.statement.SqlStatements;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file: one writer connection (writes take turns behind a fair lock, in {@code BEGIN IMMEDIATE}
 * transactions that writes waiting their turn join and commit together), a small pool of read-only connections,
 * and one that copies the WAL into the database ({@link Checkpointer}). Code running inside a write sees its own
 * uncommitted rows, because reads on that thread use the writer's handle.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** After a checkpoint the WAL file is cut back to this size, so one burst of writes does not keep it large. */
    private static final int WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
    /** At most this many writes are committed together, so the first of them is not kept waiting long. */
    private static final int BATCH_LIMIT = 32;
    /**
     * Tables that the busiest requests write (check-ins, their idempotency records, audit rows and alerts,
     * encouragement, sign-ins) and that no kept read depends on unless it says so ({@link #writesAffecting}).
     * A write transaction that changed rows of these alone ends only the kept reads that name them; any other
     * write ends them all. No table may be emptied by a DELETE without WHERE in a transaction that changes other
     * rows too: SQLite erases it without naming it, and the write would count only for the tables it named.
     */
    static final Set<String> BUSY_TABLES = Set.of("checkins", "idempotency_keys", "audit_log", "alerts",
        "alert_recipients", "encouragements", "refresh_tokens");

    private final Path file;
    private final Connection writerConnection;
    private final Savepoints savepoints;
    private final Jdbi writer;
    private final ReadPool readPool;
    private final Jdbi reader;
    private final Checkpointer checkpointer;
    private final StatementCache statements = new StatementCache();
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The open write transaction, while writes that waited for the lock add to it; null between transactions. */
    private Batch batch;
    private final ThreadLocal<Handle> currentWrite = new ThreadLocal<>();
    private final ThreadLocal<UnitOfWork> currentUnit = new ThreadLocal<>();
    /** Write transactions that ended having changed a table outside {@link #BUSY_TABLES}, or rows SQLite did not name. */
    private final AtomicLong otherWrites = new AtomicLong();
    /** Write transactions that changed rows without SQLite naming any table (a DELETE without WHERE empties one silently). */
    private final AtomicLong unreportedWrites = new AtomicLong();
    /** By table, the write transactions that ended having changed its rows. */
    private final Map<String, AtomicLong> tableWrites = new ConcurrentHashMap<>();
    /** The tables whose rows the open write transaction changed; only its thread, holding the lock, touches it. */
    private final Set<String> changedTables = new HashSet<>();
    /** SQLite's count of rows the writer connection changed, as of the last write transaction counted. */
    private long totalChangesCounted;

    private Database(Path file, Connection writerConnection, Savepoints savepoints, Connection checkpointerConnection,
                     ReadPool readPool) {
        this.file = file;
        this.writerConnection = writerConnection;
        this.savepoints = savepoints;
        this.checkpointer = new Checkpointer(checkpointerConnection, this::betweenWrites);
        this.writer = configured(Jdbi.create(new SharedConnection(writerConnection)));
        this.readPool = readPool;
        this.reader = configured(Jdbi.create(readPool));
        ((SQLiteConnection) writerConnection).addUpdateListener((type, database, table, rowId) -> changedTables.add(table));
    }

    /**
     * Jdbi as Kindred uses it: statements kept per connection, and SQL run as written. Jdbi's default template engine
     * looked through every statement's SQL for {@code <attribute>} templates on each run (about 5 µs a statement);
     * Kindred has none, and binds a list of ids as one JSON array ({@link Sql#IDS}).
     */
    private Jdbi configured(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new NoTemplateEngine());
        return statements.serve(jdbi);
    }

    /** Opens (creating if needed) the file and brings its schema up to date. */
    public static Database open(Path file, Durability durability, int readers) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Connection writerConnection = null;
        Connection checkpointerConnection = null;
        try {
            writerConnection = openWriter(url, durability);
            Migrations.apply(writerConnection, file);
            checkpointerConnection = checkpointerConfig(durability).createConnection(url);
            Database database = new Database(file, writerConnection, new Savepoints(writerConnection),
                checkpointerConnection, new ReadPool(url, readerConfig(), readers));
            database.checkpointer.start();
            return database;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(checkpointerConnection, e);
            closeQuietly(writerConnection, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opening sets PRAGMAs (the WAL journal among them) that SQLite refuses at once, without waiting out the busy
     * timeout, while other connections are opening the same fresh file; such an open is tried again until that timeout.
     */
    private static Connection openWriter(String url, Durability durability) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MILLIS);
        while (true) {
            try {
                return writerConfig(durability).createConnection(url);
            } catch (SQLiteException e) {
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** A refused or failed open must not leave the file held open (and its WAL behind). */
    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static SQLiteConfig writerConfig(Durability durability) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(durability.synchronousMode());
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        config.setWalAutocheckpoint(Checkpointer.WRITER_CHECKPOINT_FRAMES);
        // Deleted rows are overwritten with zeros: erasure must not leave a person's words in the file's free space.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return config;
    }

    /** Checkpoints fsync as the writer's durability says; the writer's own are only a fallback ({@link Checkpointer}). */
    private static SQLiteConfig checkpointerConfig(Durability durability) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(durability.synchronousMode());
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static SQLiteConfig readerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} on a read-only connection, or on this thread's open write transaction. */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        Handle open = currentWrite.get();
        if (open != null) {
            return work.withHandle(open);
        }
        return reader.withHandle(work);
    }

    /** Runs {@code work} in a write transaction; joins this thread's open transaction if there is one. */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        Handle open = currentWrite.get();
        if (open != null) {
            return work.withHandle(open);
        }
        UnitOfWork unit = currentUnit.get();
        if (unit != null) {
            return work.withHandle(unit.begin());
        }
        Handle handle = beginWrite();
        T result;
        try {
            result = work.withHandle(handle);
        } catch (RuntimeException | Error e) {
            endFailedWrite(e);
            throw e;
        }
        endWrite();
        return result;
    }

    /** {@link #write} for work that returns nothing. */
    public void useWrite(HandleConsumer<RuntimeException> work) {
        write(handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /**
     * Runs {@code work} so that every write it makes lands in one transaction, which is begun lazily at the
     * first write (so slow work before it, such as password hashing, holds no lock). {@code beforeCommit}
     * runs inside that transaction with the work's result; if nothing was written it gets a transaction of
     * its own. Any exception rolls everything back.
     */
    public <T> T unitOfWork(Supplier<T> work, BiConsumer<Handle, T> beforeCommit) {
        if (currentUnit.get() != null || currentWrite.get() != null) {
            throw new IllegalStateException("units of work do not nest");
        }
        UnitOfWork unit = new UnitOfWork();
        currentUnit.set(unit);
        T result;
        try {
            result = work.get();
            beforeCommit.accept(unit.begin(), result);
        } catch (RuntimeException | Error e) {
            if (unit.handle != null) {
                endFailedWrite(e);
            }
            throw e;
        } finally {
            currentUnit.remove();
        }
        endWrite();
        return result;
    }

    /**
     * Takes the write lock and begins this thread's write: in a new transaction, or in the one the writes before it
     * left open for it ({@link #endWrite}) behind a savepoint, so that it can fail alone.
     */
    private Handle beginWrite() {
        writeLock.lock();
        try {
            if (batch == null) {
                Handle handle = writer.open();
                handle.begin();
                batch = new Batch(handle, savepoints);
            }
            batch.beginWrite();
            currentWrite.set(batch.handle);
            return batch.handle;
        } catch (RuntimeException | Error e) {
            Batch ending = batch;
            try {
                if (ending != null) {
                    endBatch();
                }
            } finally {
                writeLock.unlock();
                if (ending != null) {
                    ending.announce();
                }
            }
            throw e;
        }
    }

    /**
     * Keeps this thread's write and returns once it is committed. While other writes wait for the lock, the
     * transaction is left open for them (up to {@link #BATCH_LIMIT} writes), and the last one commits all of them at
     * once: a commit costs far more than one request's rows, and no request is answered before its rows are
     * committed. A failed commit fails every write that was waiting for it.
     */
    private void endWrite() {
        endTurn(null).awaitCommit();
    }

    /**
     * Undoes this thread's write, which failed with {@code cause}, and returns once its transaction has ended: what
     * made it fail (a unique key taken, say) may be another write of the same transaction, which the caller may go
     * on to read. If that transaction then failed to commit, throws that failure instead, since the cause may rest on
     * rows that are gone.
     */
    private void endFailedWrite(Throwable cause) {
        endTurn(cause).awaitEnd(cause);
    }

    /**
     * Ends this thread's turn with the lock, keeping its write unless it failed with {@code cause}, and ends the
     * transaction unless writes wait to join it. The transaction's writes are told of its end after the lock is
     * passed on: waking each of up to {@link #BATCH_LIMIT} waiting threads would otherwise hold up the next write.
     */
    private Batch endTurn(Throwable cause) {
        currentWrite.remove();
        Batch mine = batch;
        boolean ending = false;
        try {
            mine.endWrite(cause == null);
        } catch (RuntimeException | Error e) {
            mine.failure = e;
            if (cause == null) {
                throw e;
            }
            cause.addSuppressed(e);
        } finally {
            try {
                if (mine.failure != null || mine.writes == 0 || mine.writes >= BATCH_LIMIT
                    || !writeLock.hasQueuedThreads()) {
                    ending = true;
                    endBatch();
                }
            } finally {
                writeLock.unlock();
                if (ending) {
                    mine.announce();
                }
            }
        }
        return mine;
    }

    /**
     * Commits the open transaction, or rolls it back if it holds none (its only write failed) or a write's savepoint
     * could not be ended; its outcome is kept for {@link Batch#announce} even if closing or counting then fails.
     */
    private void endBatch() {
        Batch ending = batch;
        batch = null;
        Throwable failure = ending.failure;
        try {
            if (failure != null || ending.writes == 0) {
                ending.handle.rollback();
            } else {
                ending.handle.commit();
                checkpointer.committed();
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            rollBackQuietly(ending.handle, e);
        } finally {
            try {
                ending.handle.close();
            } finally {
                try {
                    countFinishedWrite();
                } finally {
                    ending.failure = failure;
                }
            }
        }
    }

    /** Runs {@code work} holding the write lock, after committing the transaction left open for the waiting writes. */
    private <T> T betweenWrites(Supplier<T> work) {
        lockBetweenWrites();
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }

    private void lockBetweenWrites() {
        refuseInsideAWrite();
        writeLock.lock();
        try {
            Batch ending = batch;
            if (ending != null) {
                try {
                    endBatch();
                } finally {
                    ending.announce();
                }
            }
        } catch (RuntimeException | Error e) {
            writeLock.unlock();
            throw e;
        }
    }

    private static void rollBackQuietly(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void countFinishedWrite() {
        long totalChanges = totalChanges();
        boolean unreported = changedTables.isEmpty() && totalChanges != totalChangesCounted;
        totalChangesCounted = totalChanges;
        if (unreported) {
            unreportedWrites.incrementAndGet();
        }
        if (unreported || !BUSY_TABLES.containsAll(changedTables)) {
            otherWrites.incrementAndGet();
        }
        changedTables.forEach(table -> writesOf(table).incrementAndGet());
        changedTables.clear();
    }

    private long totalChanges() {
        try {
            return ((SQLiteConnection) writerConnection).getDatabase().total_changes();
        } catch (SQLException e) {
            throw new DatabaseException("cannot count changes: " + e.getMessage(), e);
        }
    }

    private AtomicLong writesOf(String table) {
        return tableWrites.computeIfAbsent(table, name -> new AtomicLong());
    }

    /**
     * A count of the write transactions that have ended (committed or not) and may have changed what a read of
     * {@code busyTables} and of any table outside {@link #BUSY_TABLES} saw. A value read before a read and
     * unchanged afterwards means nothing the read saw has changed since; {@link ReadCache} relies on it.
     */
    long writesAffecting(Set<String> busyTables) {
        return otherWrites.get() + writesOf(busyTables);
    }

    /**
     * A count of the write transactions that have ended (committed or not) and may have changed a row of one of
     * {@code tables}, for a read of those tables alone; like {@link #writesAffecting}, unchanged across a read
     * means nothing the read saw has changed. SQLite does not report virtual tables (FTS5, R*Tree): name the
     * table they index.
     */
    public long writesTo(Set<String> tables) {
        return unreportedWrites.get() + writesOf(tables);
    }

    private long writesOf(Set<String> tables) {
        long writes = 0;
        for (String table : tables) {
            writes += writesOf(table).get();
        }
        return writes;
    }

    /**
     * True while this thread has a write transaction open, where reads may see uncommitted rows. A unit of work
     * has one only from its first write on: until then its reads see what is committed, like any other.
     */
    public boolean inWrite() {
        return currentWrite.get() != null;
    }

    /**
     * Copies the WAL into the database and empties it (TRUNCATE), between writes. The {@link Checkpointer} copies it
     * as commits go by, but SQLite cannot start the WAL afresh while a reader still uses it, so after long reads the
     * file would stay large; this is run regularly and at close. Returns false when a reader held it back.
     */
    public boolean checkpoint() {
        refuseInsideAWrite();
        return checkpointer.truncate();
    }

    /** Work between writes waits for this thread's own write to end: it would wait forever. */
    private void refuseInsideAWrite() {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a checkpoint or close cannot run inside a write");
        }
    }

    /** True when the schema answers a query; used by the readiness probe. */
    public boolean isReady() {
        try {
            return read(handle -> handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one())
                == Migrations.latestVersion();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        refuseInsideAWrite();
        try {
            checkpointer.close();
        } finally {
            lockBetweenWrites();
            try {
                closeConnections();
            } catch (SQLException e) {
                throw new DatabaseException("cannot close database: " + e.getMessage(), e);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Closes the statements before their connections (last to first), each even if closing another fails: a
     * connection left open would keep the file and its WAL.
     */
    private void closeConnections() throws SQLException {
        try (writerConnection; readPool; savepoints; statements) {
            // closing is all
        }
    }

    /**
     * The writes of one open transaction; guarded by the write lock but for waiting on its end, and for
     * {@link #announce}, which the thread that ended it runs once it has let go of the lock.
     */
    private static final class Batch {
        private final Handle handle;
        private final CompletableFuture<Void> commit = new CompletableFuture<>();
        private final Savepoints savepoints;
        /** True while the write begun last is behind a savepoint. */
        private boolean inSavepoint;
        private int writes;
        /**
         * Why a write of this transaction could not be ended (the transaction is then rolled back), or, once it has
         * ended, why it did not commit.
         */
        private Throwable failure;

        Batch(Handle handle, Savepoints savepoints) {
            this.handle = handle;
            this.savepoints = savepoints;
        }

        /** The first write needs no savepoint: if it fails, the transaction holds nothing else and is rolled back. */
        void beginWrite() {
            if (writes == 0) {
                return;
            }
            savepoints.begin();
            inSavepoint = true;
        }

        /** Keeps ({@code keep}) or undoes what the write begun last wrote. */
        void endWrite(boolean keep) {
            try {
                if (inSavepoint) {
                    if (keep) {
                        savepoints.release();
                    } else {
                        savepoints.rollBack();
                    }
                }
                if (keep) {
                    writes++;
                }
            } finally {
                inSavepoint = false;
            }
        }

        /** Tells the writes waiting for this transaction how it ended. */
        void announce() {
            if (failure == null) {
                commit.complete(null);
            } else {
                commit.completeExceptionally(failure);
            }
        }

        /** Each waiting write gets an exception of its own, with the commit's failure as its cause. */
        void awaitCommit() {
            try {
                commit.join();
            } catch (CompletionException e) {
                Throwable failure = e.getCause();
                throw new DatabaseException("the transaction of this write failed: " + failure.getMessage(), failure);
            }
        }

        void awaitEnd(Throwable cause) {
            try {
                awaitCommit();
            } catch (DatabaseException failure) {
                failure.addSuppressed(cause);
                throw failure;
            }
        }
    }

    private final class UnitOfWork {
        private Handle handle;

        Handle begin() {
            if (handle == null) {
                handle = beginWrite();
            }
            return handle;
        }
    }
}
