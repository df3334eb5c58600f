package nl.lpz.events.stops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import nl.lpz.events.EventJson;
import org.junit.jupiter.api.Test;

class StopEventHierarchyTest {
    private static final Set<String> PUBLISHED = Set.of("StopDeclared", "StopExtended", "StopEnded", "StopExpired",
            "StopExpiryWarned", "StopsLapsed", "StopRefused", "StopAnnounced", "StopAnnouncementLapsed",
            "PlannedStopReminder");

    @Test
    void givenTheSealedStopEvent_whenItsLeavesAreCollected_thenTheyAreExactlyThePublishedStopEvents() {
        Set<Class<?>> leaves = leaves(StopEvent.class);

        assertThat(leaves).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(PUBLISHED);
        assertThat(leaves).allSatisfy(c -> assertThat(EventJson.classOf(c.getSimpleName())).contains(c));
    }

    @Test
    void givenTheSubInterfaces_whenTheirLeavesAreCollected_thenStopsAndAnnouncementsAreSeparated() {
        assertThat(leaves(StopOfLocation.class)).containsExactlyInAnyOrder(StopDeclared.class, StopExtended.class,
                StopEnded.class, StopExpired.class, StopExpiryWarned.class);
        assertThat(leaves(AnnouncementEvent.class)).containsExactlyInAnyOrder(StopAnnounced.class,
                StopAnnouncementLapsed.class, PlannedStopReminder.class);
    }

    private static Set<Class<?>> leaves(Class<?> type) {
        Set<Class<?>> into = new LinkedHashSet<>();
        if (type.isSealed()) {
            Stream.of(type.getPermittedSubclasses()).forEach(sub -> into.addAll(leaves(sub)));
        } else {
            into.add(type);
        }
        return into;
    }
}
