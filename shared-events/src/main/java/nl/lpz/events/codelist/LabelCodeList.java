package nl.lpz.events.codelist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A released, immutable version of the bed label code list. A new element means a new version file
 * ({@code /codelists/labels-v<N>.csv}); a released version is never edited, because events name the version they
 * were validated against.
 */
public final class LabelCodeList {
    /** The version producers validate against today. */
    public static final String CURRENT_VERSION = "1";

    /**
     * The children's ICU groups that are coordinated nationally (seed 003: national coordination of NICU and
     * Kinder-IC capacity; seed 004: children are spread nationally). An ICU element belongs to a group by its
     * EDXL-HAVE bed type (OASIS EDXL-HAVE {@code BedType}), so the code list's own data decides, not the element codes.
     */
    public enum ChildrenIcu {
        /** Paediatric ICU (Kinder-IC), EDXL-HAVE {@code PediatricICU}. */
        PICU("PediatricICU"),
        /** Neonatal ICU, EDXL-HAVE {@code NeonatalICU}. */
        NICU("NeonatalICU");

        private final String edxlBedType;

        ChildrenIcu(String edxlBedType) {
            this.edxlBedType = edxlBedType;
        }

        public String edxlBedType() {
            return edxlBedType;
        }
    }

    public record SpecialistischElement(String code, String nameNl, String nameEn, boolean icu, String edxlBedType) {

        /** The children's ICU group of this element: an ICU element whose EDXL-HAVE bed type is the group's. */
        public Optional<ChildrenIcu> childrenIcu() {
            if (!icu) {
                return Optional.empty();
            }
            for (ChildrenIcu group : ChildrenIcu.values()) {
                if (group.edxlBedType().equals(edxlBedType)) {
                    return Optional.of(group);
                }
            }
            return Optional.empty();
        }
    }

    public record SpecialismeElement(String code, String nameNl, String nameEn) {
    }

    private final String version;
    private final Map<String, SpecialistischElement> specialistisch;
    private final Map<String, SpecialismeElement> specialisme;

    private LabelCodeList(String version, Map<String, SpecialistischElement> specialistisch,
                          Map<String, SpecialismeElement> specialisme) {
        this.version = version;
        this.specialistisch = Collections.unmodifiableMap(specialistisch);
        this.specialisme = Collections.unmodifiableMap(specialisme);
    }

    public static LabelCodeList current() {
        return version(CURRENT_VERSION);
    }

    public static LabelCodeList version(String version) {
        String resource = "/codelists/labels-v" + version + ".csv";
        try (InputStream in = LabelCodeList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no label code list version " + version);
            }
            return parse(version, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelCodeList parse(String version, InputStream in) throws IOException {
        Map<String, SpecialistischElement> specialistisch = new LinkedHashMap<>();
        Map<String, SpecialismeElement> specialisme = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.readLine(); // header: label,code,name_nl,name_en,icu,edxl_have_bed_type
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            switch (f[0]) {
                case "specialistisch" -> specialistisch.put(f[1],
                        new SpecialistischElement(f[1], f[2], f[3], Boolean.parseBoolean(f[4]), f[5]));
                case "specialisme" -> specialisme.put(f[1], new SpecialismeElement(f[1], f[2], f[3]));
                default -> {
                    // snijdendBeschouwend is a closed enum in the contract
                }
            }
        }
        return new LabelCodeList(version, specialistisch, specialisme);
    }

    public String version() {
        return version;
    }

    public List<SpecialistischElement> specialistisch() {
        return List.copyOf(specialistisch.values());
    }

    public List<SpecialismeElement> specialisme() {
        return List.copyOf(specialisme.values());
    }

    public Optional<SpecialistischElement> specialistisch(String code) {
        return Optional.ofNullable(specialistisch.get(code));
    }

    public boolean isSpecialisme(String code) {
        return specialisme.containsKey(code);
    }

    /** Whether beds of this element count as ICU ("IC") in the RCPS and LCPS feeds. */
    public boolean isIcu(String specialistischCode) {
        SpecialistischElement e = specialistisch.get(specialistischCode);
        return e != null && e.icu();
    }

    /**
     * The children's ICU group whose beds this element counts in (a subset of ICU: such an element is also
     * {@link #isIcu}); empty for every other element and for an unknown code.
     */
    public Optional<ChildrenIcu> childrenIcu(String specialistischCode) {
        SpecialistischElement e = specialistisch.get(specialistischCode);
        return e == null ? Optional.empty() : e.childrenIcu();
    }

    /** The elements of a children's ICU group, in the list's order. */
    public List<String> elementsOf(ChildrenIcu group) {
        return specialistisch.values().stream().filter(e -> e.childrenIcu().orElse(null) == group)
                .map(SpecialistischElement::code).toList();
    }

    /** Order for display: ICU elements first, then the list's own order. */
    public List<String> displayOrder() {
        List<String> order = new ArrayList<>();
        specialistisch.values().stream().filter(SpecialistischElement::icu).forEach(e -> order.add(e.code()));
        specialistisch.values().stream().filter(e -> !e.icu()).forEach(e -> order.add(e.code()));
        return order;
    }
}
