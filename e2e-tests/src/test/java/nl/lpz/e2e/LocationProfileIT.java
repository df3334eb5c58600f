package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kliniek profile page through the gateway: a hospital describes its location's care profile (capacity-service),
 * and the profile page (reporting-service) shows it with the contacts, the modules and the history to the hospital and
 * to a dispatcher of the region, without the hospital's thresholds and persons to the latter.
 */
class LocationProfileIT {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static String profilePath(String locationId) {
        return "/api/v1/locations/" + locationId + "/profile";
    }

    @Test
    void givenAHospitalDescribingItsLocation_whenItsProfileIsRead_thenTheCareContactsModulesAndHistoryShow() {
        Stops.Provider p = Stops.provider(AMC_ORG, new Stops.Region(VR13, ROAZ_NHF), "SEH", "PCI", "VERLOSKUNDE");
        String care = "/api/v1/locations/" + p.locationId() + "/care-profile";

        Api.Response set = Api.put(p.hospital(), care, Map.of("traumaLevel", 1, "strokeIat", true, "nicuLevel", 3,
                "picu", true, "obstetricsLevel", 3));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.json().path("changed").asBoolean()).isTrue();
        assertThat(Api.put(p.hospital(), "/api/v1/locations/" + p.locationId() + "/contacts", Map.of(
                "regiehouderSeh", List.of(Map.of("name", "Dr. Visser", "phone", "+31 20 5660000")),
                "beddencoordinator", List.of())).status()).isEqualTo(200);
        assertThat(Api.put(p.hospital(), "/api/v1/locations/" + p.locationId() + "/thresholds", Map.of(
                "thresholds", List.of(Map.of("specialistisch", "IC_BEADEMD", "beds", 1)))).status()).isEqualTo(200);
        // the directory of capacity-service shows it at once
        assertThat(Api.get(Api.mka(VR13), "/api/v1/locations/" + p.locationId()).json()
                .path("careProfile").path("traumaLevel").asInt()).isEqualTo(1);

        JsonNode own = await().atMost(WITHIN).until(() -> Api.get(p.hospital(), profilePath(p.locationId())),
                r -> r.status() == 200 && kinds(r.json()).size() == 4).json();
        assertThat(own.path("own").asBoolean()).isTrue();
        assertThat(own.path("care").path("offered").toString()).contains("SEH", "PCI", "VERLOSKUNDE");
        assertThat(own.path("care").path("profile").path("nicuLevel").asInt()).isEqualTo(3);
        assertThat(own.path("care").path("profileSource").asText()).isEqualTo("SET");
        assertThat(own.path("care").path("profile").path("obstetricsLevel").asInt()).isEqualTo(3);
        assertThat(own.path("contacts").path("regiehouderSeh").get(0).path("name").asText()).isEqualTo("Dr. Visser");
        assertThat(kinds(own)).containsExactly("THRESHOLDS", "CONTACTS", "CARE_PROFILE", "REGISTERED");
        assertThat(change(own, "CARE_PROFILE").path("by").path("subject").asText())
                .isEqualTo("e2e-hospital-" + AMC_ORG);
        assertThat(module(own, "spoed").path("expected").asBoolean()).isTrue();
        assertThat(module(own, "geboortezorg").path("expected").asBoolean()).isTrue();
        assertThat(module(own, "KLINIEK").has("units")).isTrue();

        JsonNode dispatcher = Api.get(Api.mka(VR13), profilePath(p.locationId())).json();
        assertThat(kinds(dispatcher)).containsExactly("CONTACTS", "CARE_PROFILE", "REGISTERED");
        assertThat(change(dispatcher, "CARE_PROFILE").path("by").has("subject")).isFalse();
        assertThat(change(dispatcher, "CARE_PROFILE").path("by").path("organisation").asText()).isEqualTo(AMC_ORG);
        assertThat(dispatcher.path("own").asBoolean()).isFalse();

        // an unchanged profile is no change; a level without its care is refused and changes nothing
        assertThat(Api.put(p.hospital(), care, Map.of("traumaLevel", 1, "strokeIat", true, "nicuLevel", 3,
                "picu", true, "obstetricsLevel", 3)).json().path("changed").asBoolean()).isFalse();
        Api.Response strange = Api.put(Api.hospital(VUMC_ORG), care, Map.of("picu", true));
        assertThat(strange.status()).isEqualTo(403);
        assertThat(strange.json().path("code").asText()).isEqualTo("FORBIDDEN_ORGANISATION");
        Api.Response bad = Api.put(p.hospital(), care, Map.of("nicuLevel", 7));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().path("code").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void givenAReferenceLocation_whenItsProfileIsRead_thenItSaysTheProfileIsTheReferenceOne() {
        // the reference topology describes every location nobody described (plausible, not the hospital's statement)
        JsonNode amc = await().atMost(WITHIN).until(() -> Api.get(Api.mka(VR13), profilePath("100101")),
                r -> r.status() == 200 && !r.json().path("care").path("profile").isMissingNode()).json();
        assertThat(amc.path("care").path("profileSource").asText()).isEqualTo("REFERENCE");
    }

    @Test
    void givenReadersAndIds_whenTheProfileIsRead_thenTheContractsCodes() {
        Api.Identity publicReader = new Api.Identity("e2e-public", List.of("PUBLIC_AGGREGATE"), null, null);
        Api.Response forbidden = Api.get(publicReader, profilePath("100101"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        Api.Response unknown = Api.get(Api.mka(VR13), profilePath(Lpz.unique("NONE")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("UNKNOWN_LOCATION");
    }

    /** The kinds of the location's own changes, newest first (the organisation's visibility changes left out). */
    private static List<String> kinds(JsonNode profile) {
        return java.util.stream.StreamSupport.stream(profile.path("history").spliterator(), false)
                .map(c -> c.path("kind").asText()).filter(k -> !k.equals("VISIBILITY")).toList();
    }

    private static JsonNode change(JsonNode profile, String kind) {
        for (JsonNode c : profile.path("history")) {
            if (c.path("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " change in " + profile);
    }

    private static JsonNode module(JsonNode profile, String id) {
        for (JsonNode m : profile.path("modules")) {
            if (m.path("moduleId").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no module " + id + " in " + profile);
    }
}
