package nl.lpz.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsEntriesStronglyUntilTheBoundThenEvictsTheLeastRecentlyUsed() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", new Object());
        cache.put("b", new Object());
        System.gc(); // a weak-reference cache would lose its entries here; this one must not
        assertThat(cache.containsKey("a")).isTrue();
        assertThat((Object) cache.get("a")).isNotNull(); // "a" is now the most recently used

        cache.put("c", new Object());

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(expired).containsExactly("b");
    }

    @Test
    void putIfAbsentComputeAndRemoveBehaveLikeAMap() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("k", "v1")).isTrue();
        assertThat(cache.putIfAbsent("k", "v2")).isFalse();
        assertThat((String) cache.get("k")).isEqualTo("v1");
        assertThat(cache.<String>computeIfAbsent("k", () -> "v3")).isEqualTo("v1");
        assertThat(cache.<String>computeIfAbsent("n", () -> "v4")).isEqualTo("v4");
        cache.<String>computeIfPresent("k", v -> v + "!");
        assertThat((String) cache.get("k")).isEqualTo("v1!");
        cache.<String>computeIfPresent("k", v -> null);
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.remove("n")).isTrue();
        assertThat(cache.remove("n")).isFalse();
        cache.put("x", "y");
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenAnAggregateWithoutIdentifier_whenPut_thenNotKept() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put(null, new Object());
        assertThat(cache.containsKey(null)).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
