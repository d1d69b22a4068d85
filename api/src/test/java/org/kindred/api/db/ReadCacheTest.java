package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
