package org.kindred.api.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what a read returned until a write transaction that may have changed it ends, for reads that many requests
 * repeat (the caller's account, the rows of a list's page). A write to any table empties it in effect, so a change,
 * such as an erased account, is seen by the very next request; the exception is a write that changed only
 * {@link Database#BUSY_TABLES busy tables} this cache does not name as read. Reads inside a write are never kept,
 * since they may see rows that are then rolled back.
 */
public final class ReadCache<K, V> {
    private final Database db;
    private final int capacity;
    private final Set<String> busyTablesRead;
    private final Map<K, Stamped<V>> entries = new ConcurrentHashMap<>();

    public ReadCache(Database db, int capacity) {
        this(db, capacity, Set.of());
    }

    /** A cache whose reads also read {@code busyTablesRead}, each one of {@link Database#BUSY_TABLES}. */
    public ReadCache(Database db, int capacity, Set<String> busyTablesRead) {
        if (!Database.BUSY_TABLES.containsAll(busyTablesRead)) {
            throw new IllegalArgumentException("not busy tables: " + busyTablesRead);
        }
        this.db = db;
        this.capacity = capacity;
        this.busyTablesRead = Set.copyOf(busyTablesRead);
    }

    public V get(K key, Function<K, V> read) {
        if (db.inWrite()) {
            return read.apply(key);
        }
        long writes = db.writesAffecting(busyTablesRead);
        Stamped<V> kept = entries.get(key);
        if (kept != null && kept.writes() == writes) {
            return kept.value();
        }
        V value = read.apply(key);
        keep(key, value, writes);
        return value;
    }

    /**
     * The values of {@code keys} in their order, those not kept read together by {@code readMissing}; a key it
     * returns nothing for is left out (and not kept, so it is read again next time).
     */
    public List<V> getAll(List<K> keys, Function<List<K>, Map<K, V>> readMissing) {
        if (db.inWrite()) {
            return inOrder(keys, readMissing.apply(keys));
        }
        long writes = db.writesAffecting(busyTablesRead);
        Map<K, V> found = new HashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            Stamped<V> kept = entries.get(key);
            if (kept != null && kept.writes() == writes) {
                found.put(key, kept.value());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            readMissing.apply(missing).forEach((key, value) -> {
                keep(key, value, writes);
                found.put(key, value);
            });
        }
        return inOrder(keys, found);
    }

    private void keep(K key, V value, long writes) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Stamped<>(writes, value));
    }

    private static <K, V> List<V> inOrder(List<K> keys, Map<K, V> values) {
        List<V> ordered = new ArrayList<>(keys.size());
        for (K key : keys) {
            V value = values.get(key);
            if (value != null) {
                ordered.add(value);
            }
        }
        return ordered;
    }

    private record Stamped<V>(long writes, V value) {
    }
}
