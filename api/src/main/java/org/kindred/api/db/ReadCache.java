package org.kindred.api.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what a read returned until the next write transaction ends, for reads that nearly every request
 * repeats (the caller's account). Any write anywhere empties it in effect, so a change, such as an erased
 * account, is seen by the very next request; reads inside a write are never kept, since they may see rows
 * that are then rolled back.
 */
public final class ReadCache<K, V> {
    private final Database db;
    private final int capacity;
    private final Map<K, Stamped<V>> entries = new ConcurrentHashMap<>();

    public ReadCache(Database db, int capacity) {
        this.db = db;
        this.capacity = capacity;
    }

    public V get(K key, Function<K, V> read) {
        if (db.inWrite()) {
            return read.apply(key);
        }
        long writes = db.finishedWrites();
        Stamped<V> kept = entries.get(key);
        if (kept != null && kept.writes() == writes) {
            return kept.value();
        }
        V value = read.apply(key);
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Stamped<>(writes, value));
        return value;
    }

    private record Stamped<V>(long writes, V value) {
    }
}
