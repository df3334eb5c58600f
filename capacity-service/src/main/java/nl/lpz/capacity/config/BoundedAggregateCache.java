package nl.lpz.capacity.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A strongly referenced, size-bounded (least recently used) aggregate cache.
 * <p>
 * Axon's {@code WeakReferenceCache} loses its entries at every garbage collection, including young collections,
 * which under load happen several times a second: the profile showed almost every {@code ReportBeds} command
 * re-sourcing its {@code Location} from the last snapshot plus up to 499 events (Jackson deserialisation of every
 * event), about half of the request threads' CPU. The number of locations is bounded (a few hundred hospital
 * sites), so keeping them all strongly referenced costs a few MiB and makes a command's cost independent of the
 * snapshot interval. Entries beyond {@code maxEntries} are evicted least recently used first; an evicted aggregate
 * is simply sourced again (snapshot + events) on its next command. Axon removes an entry itself when a command
 * rolls back, so the cache never holds uncommitted state.
 * <p>
 * Why not Caffeine behind Axon's {@code JCacheAdapter}: measured on 2026-12-06 (docs/benchmarks.md) it was about
 * 12 % slower flat out (≈ 2,800 against ≈ 3,200 events/s warm), needs store-by-value switched off to keep
 * aggregates by reference, and brings three jars for what is one access-ordered map behind one lock here.
 */
public final class BoundedAggregateCache implements Cache {
    private final int maxEntries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, Object> entries;

    public BoundedAggregateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() > BoundedAggregateCache.this.maxEntries) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null && !listeners.isEmpty()) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    /**
     * A null key is an aggregate that a create-if-missing command made without applying an event (a module provider
     * whose first reports were all refused): it has no identifier, no stream, and nothing that could be loaded again.
     */
    @Override
    public synchronized void put(Object key, Object value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = entries.put(key, value);
        if (previous == null) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = (T) entries.get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = (V) entries.get(key);
        if (value != null) {
            V updated = update.apply(value);
            if (updated == null) {
                remove(key);
            } else {
                put(key, updated);
            }
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        if (entries.remove(key) != null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
