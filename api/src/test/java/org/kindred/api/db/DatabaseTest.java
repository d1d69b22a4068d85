package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final long GUARD_SECONDS = 20;
    private static final Set<String> WATCHED = Set.of("watched");

    @TempDir
    Path directory;

    private Path file;
    private Database db;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        file = directory.resolve("kindred.db");
        db = Database.open(file, Durability.normal, 4);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    @Test
    void freshFileIsInWalModeAndMigratedToTheLatestVersion() {
        assertThat(readText(db, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(userVersion(db)).isEqualTo(Migrations.latestVersion()).isPositive();
        assertThat(db.isReady()).isTrue();
    }

    @Test
    void writerEnforcesForeignKeysAndWaitsWhenBusy() {
        assertThat(writerNumber(db, "PRAGMA foreign_keys")).isEqualTo(1);
        assertThat(writerNumber(db, "PRAGMA busy_timeout")).isPositive();
        assertThat(readNumber(db, "PRAGMA busy_timeout")).isPositive();

        assertThatThrownBy(() -> db.useWrite(h -> h.execute("""
                INSERT INTO program_members (id, program_id, user_id, role, created_at, updated_at)
                VALUES ('msh_1', 'prg_missing', 'usr_missing', 'participant', 0, 0)""")))
            .isInstanceOf(RuntimeException.class)
            .matches(e -> Sql.isForeignKeyViolation((RuntimeException) e), "is a foreign key violation");
        assertThat(readNumber(db, "SELECT count(*) FROM program_members")).isZero();
    }

    @Test
    void reopeningTheSameFileKeepsTheDataAndDoesNotMigrateAgain() {
        put(db, "colour", "teal");
        db.close();
        db = null;

        db = Database.open(file, Durability.full, 2);

        assertThat(get(db, "colour")).contains("teal");
        assertThat(userVersion(db)).isEqualTo(Migrations.latestVersion());
        assertThat(readNumber(db, "SELECT count(*) FROM sqlite_master WHERE name = 'users'")).isEqualTo(1);
    }

    @Test
    void fileFromANewerKindredIsRefusedAndLeftAlone() throws SQLException {
        put(db, "colour", "teal");
        db.close();
        db = null;
        int newer = Migrations.latestVersion() + 1;
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + newer);
        }

        assertThatThrownBy(() -> Database.open(file, Durability.full, 2))
            .isInstanceOf(DatabaseException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("version " + newer)
            .hasMessageContaining("version " + Migrations.latestVersion());

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).isEqualTo(newer);
        }
        assertThat(Path.of(file + "-wal")).as("no connection is left open").doesNotExist();
    }

    @Test
    void concurrentWritesFromManyThreadsAllSucceed() throws Exception {
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    put(db, "key-" + thread + "-" + i, "value");
                }
            }));
        }
        for (Future<?> result : results) {
            result.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(metaRows(db)).isEqualTo(400);
    }

    @Test
    void readInsideAWriteSeesTheUncommittedRowWhileOtherThreadsDoNot() throws Exception {
        List<Optional<String>> seen = new ArrayList<>();
        db.useWrite(h -> {
            insert(h, "draft", "inside");
            seen.add(get(db, "draft"));
            seen.add(supplyAsync(() -> get(db, "draft")));
        });

        assertThat(seen).containsExactly(Optional.of("inside"), Optional.empty());
        assertThat(get(db, "draft")).contains("inside");
    }

    @Test
    void exceptionInsideAWriteRollsEverythingBack() {
        put(db, "kept", "before");

        assertThatThrownBy(() -> db.useWrite(h -> {
            insert(h, "first", "a");
            h.execute("UPDATE kindred_meta SET value = 'changed' WHERE key = 'kept'");
            db.useWrite(inner -> insert(inner, "nested", "b"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(get(db, "first")).isEmpty();
        assertThat(get(db, "nested")).isEmpty();
        assertThat(get(db, "kept")).contains("before");
        put(db, "after", "works");
        assertThat(get(db, "after")).contains("works");
    }

    @Test
    void unitOfWorkCommitsTheWorkAndBeforeCommitTogether() {
        String result = db.unitOfWork(() -> {
            put(db, "work", "done");
            return "result";
        }, (handle, value) -> insert(handle, "before-commit", value));

        assertThat(result).isEqualTo("result");
        assertThat(get(db, "work")).contains("done");
        assertThat(get(db, "before-commit")).contains("result");
    }

    @Test
    void unitOfWorkRollsBackWorkAndBeforeCommitOnAnException() {
        assertThatThrownBy(() -> db.unitOfWork(() -> {
            put(db, "work", "done");
            return "result";
        }, (handle, value) -> {
            insert(handle, "before-commit", value);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThatThrownBy(() -> db.unitOfWork(() -> {
            put(db, "second-work", "done");
            throw new IllegalStateException("failed late");
        }, (handle, value) -> insert(handle, "second-before-commit", "x"))).hasMessage("failed late");

        assertThat(metaRows(db)).isZero();
    }

    @Test
    void unitOfWorkHoldsNoTransactionBeforeItsFirstWrite() throws Exception {
        List<Optional<String>> seen = new ArrayList<>();
        String result = db.unitOfWork(() -> {
            supplyAsync(() -> {
                put(db, "other-thread", "committed");
                return null;
            });
            seen.add(get(db, "other-thread"));
            return "read only";
        }, (handle, value) -> insert(handle, "before-commit", value));

        assertThat(result).isEqualTo("read only");
        assertThat(seen).containsExactly(Optional.of("committed"));
        assertThat(get(db, "before-commit")).contains("read only");
    }

    @Test
    void unitsOfWorkDoNotNest() {
        assertThatThrownBy(() -> db.unitOfWork(() -> db.unitOfWork(() -> "inner", (h, v) -> { }), (h, v) -> { }))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.useWrite(h -> db.unitOfWork(() -> "inner", (x, v) -> { })))
            .isInstanceOf(IllegalStateException.class);
        put(db, "still", "usable");
        assertThat(get(db, "still")).contains("usable");
    }

    @Test
    void readsDoNotWaitForALongWrite() throws Exception {
        put(db, "committed", "old");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> longWrite = threads.submit(() -> db.useWrite(h -> {
            h.execute("UPDATE kindred_meta SET value = 'new' WHERE key = 'committed'");
            writing.countDown();
            await(finish);
        }));
        try {
            assertThat(writing.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            List<Future<Optional<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(threads.submit(() -> get(db, "committed")));
            }
            for (Future<Optional<String>> read : reads) {
                assertThat(read.get(GUARD_SECONDS, TimeUnit.SECONDS)).contains("old");
            }
        } finally {
            finish.countDown();
        }
        longWrite.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(get(db, "committed")).contains("new");
    }

    /** Opening a fresh file together failed now and then (SQLite refused the WAL switch at once), so it is tried often. */
    @RepeatedTest(20)
    void severalProcessesStartingOnAFreshFileMigrateItOnce(RepetitionInfo repetition) throws Exception {
        Path fresh = directory.resolve("fresh-" + repetition.getCurrentRepetition() + ".db");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Database>> opening = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opening.add(threads.submit(() -> {
                go.await();
                return Database.open(fresh, Durability.full, 1);
            }));
        }
        go.countDown();
        List<Database> opened = new ArrayList<>();
        try {
            for (Future<Database> open : opening) {
                opened.add(open.get(GUARD_SECONDS, TimeUnit.SECONDS));
            }
            for (Database each : opened) {
                assertThat(userVersion(each)).isEqualTo(Migrations.latestVersion());
            }
        } finally {
            opened.forEach(Database::close);
        }
    }

    @Test
    void aSecondDatabaseOnTheSameFileReadsAndWritesToo() throws Exception {
        try (Database other = Database.open(file, Durability.full, 2)) {
            put(db, "from-first", "1");
            put(other, "from-second", "2");

            assertThat(get(other, "from-first")).contains("1");
            assertThat(get(db, "from-second")).contains("2");
            put(db, "first-again", "3");
            assertThat(get(other, "first-again")).contains("3");
        }
    }

    @Test
    void aSecondDatabaseWaitsForTheFirstOnesWriteInsteadOfFailing() throws Exception {
        try (Database other = Database.open(file, Durability.full, 2)) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Future<?> longWrite = threads.submit(() -> db.useWrite(h -> {
                insert(h, "first", "1");
                writing.countDown();
                await(finish);
            }));
            assertThat(writing.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            Future<?> waitingWrite = threads.submit(() -> put(other, "second", "2"));
            Thread.sleep(200);
            assertThat(waitingWrite.isDone()).isFalse();
            finish.countDown();

            longWrite.get(GUARD_SECONDS, TimeUnit.SECONDS);
            waitingWrite.get(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(get(db, "second")).contains("2");
            assertThat(get(other, "first")).contains("1");
        }
    }

    @Test
    void reusedStatementsSeeEachNewCommitAndHoldNoSnapshotBetweenUses() {
        for (int i = 0; i < 8; i++) {
            put(db, "key-" + i, "value-" + i);
            assertThat(metaRows(db)).as("rows after %d inserts, read on a reused statement", i + 1).isEqualTo(i + 1);
            assertThat(get(db, "key-" + i)).contains("value-" + i);
        }
        String firstOfMany = db.read(h -> h.createQuery("SELECT key FROM kindred_meta ORDER BY key").mapTo(String.class).first());
        assertThat(firstOfMany).as("a query read only in part").isEqualTo("key-0");

        assertThat(db.checkpoint()).as("no reader is left holding the WAL").isTrue();
    }

    @Test
    void aFailedWriteLeavesItsReusedStatementReadyForTheNextOne() {
        put(db, "colour", "teal");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> put(db, "colour", "amber")).isInstanceOf(RuntimeException.class);
        }
        put(db, "shape", "round");

        assertThat(get(db, "colour")).contains("teal");
        assertThat(get(db, "shape")).contains("round");
        assertThat(db.checkpoint()).isTrue();
    }

    @Test
    void aNestedQueryWithTheSameSqlGetsItsOwnStatement() {
        put(db, "first", "second");
        put(db, "second", "third");

        String sql = "SELECT value FROM kindred_meta WHERE key = :key";
        String chained = db.read(h -> h.createQuery(sql)
            .bind("key", "first")
            .map((rs, ctx) -> h.createQuery(sql).bind("key", rs.getString("value")).mapTo(String.class).one())
            .one());

        assertThat(chained).isEqualTo("third");
    }

    private <T> T supplyAsync(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, threads).get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other thread did not finish: " + e, e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(Database database, String key, String value) {
        database.useWrite(h -> insert(h, key, value));
    }

    private static void insert(Handle handle, String key, String value) {
        handle.createUpdate("INSERT INTO kindred_meta (key, value) VALUES (:key, :value)")
            .bind("key", key)
            .bind("value", value)
            .execute();
    }

    private static Optional<String> get(Database database, String key) {
        return database.read(h -> h.createQuery("SELECT value FROM kindred_meta WHERE key = :key")
            .bind("key", key)
            .mapTo(String.class)
            .findOne());
    }

    @Test
    void everyTableOfTheSchemaHasRowidsSoSqliteReportsItsWrites() {
        // SQLite's update hook is silent for WITHOUT ROWID tables; a write to one would count for no table. (The
        // shadow tables of FTS5 are some, and are written only with the table they index.)
        List<String> withoutRowids = db.read(handle -> handle.createQuery(
                "SELECT name FROM pragma_table_list WHERE type = 'table' AND wr = 1")
            .mapTo(String.class).list());
        assertThat(withoutRowids).isEmpty();
    }

    @Test
    void aWriteToTheTableCounts() {
        createWatchedAndOther();
        long before = db.writesTo(WATCHED);
        insert("watched");
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }

    @Test
    void aWriteToAnotherTableDoesNotCount() {
        createWatchedAndOther();
        long before = db.writesTo(WATCHED);
        insert("other");
        assertThat(db.writesTo(WATCHED)).isEqualTo(before);
    }

    @Test
    void aWriteThatChangesNoRowDoesNotCount() {
        createWatchedAndOther();
        long before = db.writesTo(WATCHED);
        db.useWrite(handle -> handle.execute("UPDATE watched SET x = 2 WHERE x = 3"));
        assertThat(db.writesTo(WATCHED)).isEqualTo(before);
    }

    @Test
    void aWriteThatRollsBackStillCounts() {
        createWatchedAndOther();
        long before = db.writesTo(WATCHED);
        assertThatThrownBy(() -> db.useWrite(handle -> {
            handle.execute("INSERT INTO watched (x) VALUES (1)");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }

    @Test
    void aTableEmptiedWithoutNamingItCountsForEveryTable() {
        createWatchedAndOther();
        insert("other");
        long before = db.writesTo(WATCHED);
        db.useWrite(handle -> handle.execute("DELETE FROM other"));
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }

    /** Creates the tables {@code watched} and {@code other}, of one column x, for the tests of {@link Database#writesTo}. */
    private void createWatchedAndOther() {
        db.useWrite(handle -> {
            handle.execute("CREATE TABLE watched (x)");
            handle.execute("CREATE TABLE other (x)");
        });
    }

    private void insert(String table) {
        db.useWrite(handle -> handle.execute("INSERT INTO " + table + " (x) VALUES (1)"));
    }

    private static int metaRows(Database database) {
        return readNumber(database, "SELECT count(*) FROM kindred_meta");
    }

    private static int userVersion(Database database) {
        return readNumber(database, "PRAGMA user_version");
    }

    private static int readNumber(Database database, String sql) {
        return database.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static int writerNumber(Database database, String sql) {
        return database.write(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String readText(Database database, String sql) {
        return database.read(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
