package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectProblem;
import static nl.lpz.e2e.Api.expectStatus;
import static nl.lpz.e2e.Lpz.AMC_LOCATION;
import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Topology (reference data loaded by the local profile, ADMIN writes), the label code list, the aggregated OpenAPI. */
class TopologyAndCodeListIT {

    /** A row of the reference data: ziekenhuisnummer → organisation, type, safety region, ROAZ region. */
    record ReferenceLocation(String locationId, String organisationId, String name, String type, String safetyRegionId,
                             String roazRegionId) {
        boolean hasEmergencyDepartment() {
            return type.equals("Algemeen ziekenhuis") || type.equals("Academisch ziekenhuis");
        }
    }

    static List<ReferenceLocation> reference() {
        Map<String, String> roazByVr = new HashMap<>();
        for (String[] row : csv("/reference/roaz_regions_by_safety_region.csv")) {
            roazByVr.put(row[0], row[2]);
        }
        List<ReferenceLocation> all = new ArrayList<>();
        for (String[] row : csv("/reference/hospital_locations_nl_2016.csv")) {
            all.add(new ReferenceLocation(row[1], row[0], row[3], row[4], row[13], roazByVr.get(row[13])));
        }
        return all;
    }

    @Test
    void givenTheLocalProfile_whenReadingAReferenceLocation_thenItCarriesTheIdsOfTheReferenceData() {
        JsonNode amc = expectStatus(Api.get(Api.admin(), "/api/v1/locations/" + AMC_LOCATION), 200);

        assertThat(amc.path("organisationId").asText()).isEqualTo(AMC_ORG);
        assertThat(amc.path("name").asText()).isEqualTo("Academisch Medisch Centrum");
        assertThat(amc.path("roazRegionId").asText()).isEqualTo(ROAZ_NHF);
        assertThat(amc.path("safetyRegionId").asText()).isEqualTo(VR13);
        assertThat(texts(amc.path("careOffered"))).contains("SEH")
                .isSubsetOf("SEH", "SR", "CTT", "EHH", "CCU", "PCI", "VERLOSKUNDE");
    }

    @Test
    void givenTheReferenceTopology_whenListingRegions_thenEachListsExactlyItsReferenceLocations() {
        List<ReferenceLocation> reference = reference();
        assertThat(reference).hasSize(265);
        for (String roaz : List.of(ROAZ_NHF, "ROAZ-NN")) {
            Map<String, JsonNode> listed = byId(expectStatus(Api.get(Api.admin(), "/api/v1/regions/" + roaz + "/locations"), 200));
            Set<String> expected = new HashSet<>();
            reference.stream().filter(r -> r.roazRegionId().equals(roaz)).forEach(r -> expected.add(r.locationId()));
            assertThat(listed.keySet()).as("reference locations of %s", roaz).containsAll(expected);
            assertThat(listed.keySet().stream().filter(id -> !id.startsWith("E2E-")))
                    .as("no location of another region in %s", roaz).containsExactlyInAnyOrderElementsOf(expected);
            listed.values().forEach(l -> assertThat(l.path("roazRegionId").asText()).as("%s", l).isEqualTo(roaz));
            for (ReferenceLocation r : reference) {
                if (r.roazRegionId().equals(roaz)) {
                    JsonNode l = listed.get(r.locationId());
                    assertThat(l.path("organisationId").asText()).as("%s", l).isEqualTo(r.organisationId());
                    assertThat(l.path("safetyRegionId").asText()).as("%s", l).isEqualTo(r.safetyRegionId());
                    if (r.hasEmergencyDepartment()) {
                        assertThat(texts(l.path("careOffered"))).as("care of %s (%s)", l, r.type()).contains("SEH");
                    }
                }
            }
        }
        Map<String, JsonNode> vr13 = byId(expectStatus(Api.get(Api.admin(), "/api/v1/safety-regions/" + VR13 + "/locations"), 200));
        Set<String> expected = new HashSet<>();
        reference.stream().filter(r -> r.safetyRegionId().equals(VR13)).forEach(r -> expected.add(r.locationId()));
        assertThat(vr13.keySet().stream().filter(id -> !id.startsWith("E2E-")))
                .containsExactlyInAnyOrderElementsOf(expected);
        vr13.values().forEach(l -> assertThat(l.path("safetyRegionId").asText()).as("%s", l).isEqualTo(VR13));
    }

    @Test
    void givenANewLocation_whenPutTwiceWithTheSameBody_thenFirst201Then200WithTheSameBodyAndGetReturnsIt() {
        String id = Lpz.unique("E2E");
        ObjectNode body = Lpz.locationBody(AMC_ORG, "Tweede locatie " + id, ROAZ_NHF, VR13, "SEH", "CCU", "PCI");

        Api.Response first = Api.put(Api.admin(), "/api/v1/locations/" + id, body);
        Api.Response second = Api.put(Api.admin(), "/api/v1/locations/" + id, body);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.body().isBlank() ? null : second.json()).as("second PUT body")
                .isEqualTo(first.body().isBlank() ? null : first.json());
        JsonNode got = expectStatus(Api.get(Api.admin(), "/api/v1/locations/" + id), 200);
        assertLocation(got, id, body);
        if (!second.body().isBlank()) {
            assertThat(got).as("GET equals the PUT answer").isEqualTo(second.json());
        }
        assertThat(byId(expectStatus(Api.get(Api.admin(), "/api/v1/regions/" + ROAZ_NHF + "/locations"), 200)))
                .containsKey(id);

        ObjectNode renamed = body.deepCopy().put("name", "Hernoemd " + id);
        Api.Response third = Api.put(Api.admin(), "/api/v1/locations/" + id, renamed);
        assertThat(third.status()).as("%s", third).isEqualTo(200);
        assertLocation(expectStatus(Api.get(Api.admin(), "/api/v1/locations/" + id), 200), id, renamed);
    }

    @Test
    void givenAnUnknownLocation_whenRead_then404Problem() {
        expectProblem(Api.get(Api.admin(), "/api/v1/locations/" + Lpz.unique("NOPE")), 404, "NOT_FOUND", "UNKNOWN_LOCATION");
    }

    @Test
    void givenTheCodeList_whenRead_thenItHasTheVersionedElementsWithTheirIcuFlags() throws IOException {
        JsonNode labels = expectStatus(Api.get(Api.epd(AMC_ORG), "/api/v1/code-lists/labels"), 200);

        assertThat(labels.path("version").isTextual()).as("version in %s", labels).isTrue();
        assertThat(labels.path("version").asText()).isNotBlank();
        Map<String, Boolean> expectedIcu = new LinkedHashMap<>();
        List<String> expectedSpecialisme = new ArrayList<>();
        for (String[] row : csvFile(Platform.root().resolve("shared-events/src/main/resources/codelists/labels-v1.csv"))) {
            if (row[0].equals("specialistisch")) {
                expectedIcu.put(row[1], Boolean.parseBoolean(row[4]));
            } else if (row[0].equals("specialisme")) {
                expectedSpecialisme.add(row[1]);
            }
        }
        Map<String, Boolean> icu = new LinkedHashMap<>();
        for (JsonNode e : labels.path("specialistisch")) {
            assertThat(e.path("code").isTextual() && e.path("name").isTextual() && e.path("icu").isBoolean())
                    .as("{code,name,icu} in %s", e).isTrue();
            assertThat(e.path("name").asText()).isNotBlank();
            icu.put(e.path("code").asText(), e.path("icu").asBoolean());
        }
        assertThat(icu).containsExactlyInAnyOrderEntriesOf(expectedIcu);
        assertThat(icu).containsEntry("IC_BEADEMD", true).containsEntry("KLINIEK_VOLWASSENEN", false);
        List<String> specialisme = new ArrayList<>();
        for (JsonNode e : labels.path("specialisme")) {
            assertThat(e.path("code").isTextual() && e.path("name").isTextual()).as("{code,name} in %s", e).isTrue();
            specialisme.add(e.path("code").asText());
        }
        assertThat(specialisme).containsExactlyInAnyOrderElementsOf(expectedSpecialisme);
    }

    @Test
    void givenTheGateway_whenReadingV3ApiDocs_thenItListsThePathsOfBothServices() {
        Api.Response r = Api.sendWithHeaders("GET", "/v3/api-docs", null, null, null);
        JsonNode docs = expectStatus(r, 200);
        assertThat(docs.path("openapi").asText()).as("openapi version in %s", r).startsWith("3.");
        Set<String> paths = new HashSet<>();
        docs.path("paths").fieldNames().forEachRemaining(p -> paths.add(p.replaceAll("\\{[^}]*}", "{}")));
        assertThat(paths).as("paths of capacity-service and reporting-service").contains(
                "/api/v1/locations/{}",
                "/api/v1/locations/{}/beds",
                "/api/v1/locations/{}/thresholds",
                "/api/v1/locations/{}/contacts",
                "/api/v1/organisations/{}/visibility",
                "/api/v1/bed-events",
                "/api/v1/code-lists/labels",
                "/api/v1/regions/{}/locations",
                "/api/v1/safety-regions/{}/locations",
                "/api/v1/regions/{}/capacity",
                "/api/v1/regions/{}/stream");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static void assertLocation(JsonNode got, String id, ObjectNode body) {
        if (got.has("locationId")) {
            assertThat(got.path("locationId").asText()).isEqualTo(id);
        }
        for (String field : List.of("organisationId", "name", "roazRegionId", "safetyRegionId")) {
            assertThat(got.path(field).asText()).as("%s of %s", field, got).isEqualTo(body.path(field).asText());
        }
        assertThat(texts(got.path("careOffered"))).containsExactlyInAnyOrderElementsOf(texts(body.path("careOffered")));
    }

    /** A listing: a JSON array of locations, or an object holding one under {@code locations}. */
    private static Map<String, JsonNode> byId(JsonNode listing) {
        JsonNode array = listing.isArray() ? listing : listing.path("locations");
        assertThat(array.isArray()).as("a list of locations: %s", listing).isTrue();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode l : array) {
            String id = l.path("locationId").asText(l.path("id").asText());
            assertThat(byId.put(id, l)).as("location %s listed once", id).isNull();
        }
        return byId;
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = TopologyAndCodeListIT.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> csvFile(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        }
    }

    /** The reference files have no quoted commas in the columns read here; split plainly after the header. */
    private static List<String[]> parse(BufferedReader r) throws IOException {
        List<String[]> rows = new ArrayList<>();
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
