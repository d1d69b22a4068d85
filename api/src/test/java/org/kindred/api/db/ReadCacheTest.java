package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCacheTest {
    @TempDir
    Path directory;

    private Database db;
    private ReadCache<String, String> cache;
    private final List<List<String>> reads = new ArrayList<>();
    private final Map<String, String> stored = new HashMap<>(Map.of("a", "A1", "b", "B1", "c", "C1"));

    @BeforeEach
    void open() {
        db = Database.open(directory.resolve("kindred.db"), Durability.normal, 2);
        cache = new ReadCache<>(db, 100);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Map<String, String> readMissing(List<String> keys) {
        reads.add(List.copyOf(keys));
        Map<String, String> found = new HashMap<>();
        keys.stream().filter(stored::containsKey).forEach(key -> found.put(key, stored.get(key)));
        return found;
    }

    @Test
    void keysNotKeptAreReadTogetherAndAnswersKeepTheKeysOrder() {
        assertThat(cache.getAll(List.of("c", "a"), this::readMissing)).containsExactly("C1", "A1");
        assertThat(cache.getAll(List.of("a", "b", "c"), this::readMissing)).containsExactly("A1", "B1", "C1");

        assertThat(reads).containsExactly(List.of("c", "a"), List.of("b"));
    }

    @Test
    void aKeyWithoutAValueIsLeftOutAndReadAgainNextTime() {
        assertThat(cache.getAll(List.of("a", "gone", "b"), this::readMissing)).containsExactly("A1", "B1");
        assertThat(cache.getAll(List.of("a", "gone"), this::readMissing)).containsExactly("A1");

        assertThat(reads).containsExactly(List.of("a", "gone", "b"), List.of("gone"));
    }

    @Test
    void aFinishedWriteAnywhereMakesEveryKeyBeReadAgain() {
        cache.getAll(List.of("a", "b"), this::readMissing);
        stored.put("a", "A2");
        db.useWrite(handle -> handle.execute("CREATE TABLE unrelated (x)"));

        assertThat(cache.getAll(List.of("a", "b"), this::readMissing)).containsExactly("A2", "B1");
        assertThat(reads).containsExactly(List.of("a", "b"), List.of("a", "b"));
    }

    private void keepIdempotencyRecord(Handle handle, String key) {
        handle.execute("INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)"
            + " VALUES ('test', ?, 'hash', 201, x'7b7d', 0)", key);
    }

    @Test
    void aWriteToBusyTablesAloneEndsOnlyTheKeptReadsThatNameThem() {
        ReadCache<String, String> readsIdempotencyKeys = new ReadCache<>(db, 100, Set.of("idempotency_keys"));
        cache.getAll(List.of("a"), this::readMissing);
        readsIdempotencyKeys.getAll(List.of("b"), this::readMissing);
        stored.put("a", "A2");
        stored.put("b", "B2");

        db.useWrite(handle -> keepIdempotencyRecord(handle, "one"));

        assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A1");
        assertThat(readsIdempotencyKeys.getAll(List.of("b"), this::readMissing)).containsExactly("B2");
    }

    @Test
    void aWriteThatAlsoChangesAnyOtherTableEndsEveryKeptRead() {
        db.useWrite(handle -> handle.execute("CREATE TABLE unrelated (x)"));
        cache.getAll(List.of("a"), this::readMissing);
        stored.put("a", "A2");

        db.useWrite(handle -> {
            keepIdempotencyRecord(handle, "one");
            handle.execute("INSERT INTO unrelated (x) VALUES (1)");
        });

        assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A2");
    }

    @Test
    void aWriteWhoseRowsSqliteDoesNotReportEndsEveryKeptRead() {
        db.useWrite(handle -> keepIdempotencyRecord(handle, "one"));
        cache.getAll(List.of("a"), this::readMissing);
        stored.put("a", "A2");

        db.useWrite(handle -> handle.execute("DELETE FROM idempotency_keys"));

        assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A2");
    }

    @Test
    void onlyBusyTablesCanBeNamed() {
        assertThatThrownBy(() -> new ReadCache<>(db, 100, Set.of("users"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUnitOfWorkReadsFromMemoryUntilItsFirstWrite() {
        cache.getAll(List.of("a"), this::readMissing);
        stored.put("a", "A2");

        db.unitOfWork(() -> {
            assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A1");
            db.useWrite(handle -> keepIdempotencyRecord(handle, "one"));
            assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A2");
            return null;
        }, (handle, result) -> { });
    }

    @Test
    void insideAWriteNothingIsKeptOrServedFromMemory() {
        cache.getAll(List.of("a"), this::readMissing);
        stored.put("a", "A2");

        db.useWrite(handle -> {
            assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A2");
            stored.put("a", "A3");
            assertThat(cache.getAll(List.of("a"), this::readMissing)).containsExactly("A3");
        });
        assertThat(reads).containsExactly(List.of("a"), List.of("a"), List.of("a"));
    }
}
