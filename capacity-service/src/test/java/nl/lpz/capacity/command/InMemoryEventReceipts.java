package nl.lpz.capacity.command;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** {@link EventReceipts} for aggregate tests. */
class InMemoryEventReceipts implements EventReceipts {
    final Set<UUID> received = new HashSet<>();

    @Override
    public Set<UUID> claim(Collection<UUID> eventIds) {
        Set<UUID> claimed = new LinkedHashSet<>();
        for (UUID id : eventIds) {
            if (received.add(id)) {
                claimed.add(id);
            }
        }
        return claimed;
    }
}
