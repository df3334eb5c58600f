package nl.lpz.reporting.publicfigures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.lpz.reporting.publicfigures.PublicCapacity.Area;
import nl.lpz.reporting.publicfigures.PublicCapacity.Cell;
import nl.lpz.reporting.publicfigures.PublicCapacity.Patients;
import nl.lpz.reporting.publicfigures.Suppression.Reason;

/**
 * Builds the public figures from the per-location figures of shared organisations, and applies disclosure control.
 * Pure; no Spring, no database.
 *
 * <p>The table has one row per ROAZ region plus the national row (the column sums), and the columns ICU, clinic and
 * total (ICU + clinic). Rules, in order:
 * <ol>
 *     <li>a cell to which 1 to {@code minimumOrganisations - 1} organisations contribute (have staffed beds of that
 *     kind in that area) is suppressed for every figure ({@code TOO_FEW_ORGANISATIONS}); a cell with no contributor is
 *     0 and identifies nobody;</li>
 *     <li>a patient count 1..9 is suppressed ({@code SMALL_COUNT}); 0 and 10 or more are shown;</li>
 *     <li>complementary suppression ({@link Suppression}) so that no suppressed cell can be recomputed exactly from
 *     the published figures by any combination of equations (rows: total = ICU + clinic; columns: national = sum of
 *     the regions). The three bed figures share one pattern (chosen on capacity; the criterion depends on the
 *     pattern only, not on the values), so that capacity, occupied and available of one cell are always published or
 *     suppressed together. The three patient counts form one joint system with, per cell, the extra equation covid +
 *     delabelled + nonCovid = patients total, that total taken as known (it is occupied minus reserved).</li>
 * </ol>
 */
final class PublicFigures {
    public static final int SMALL_MIN = 1;
    public static final int SMALL_MAX = 9;

    /** Figure indexes into {@link Counts#get(int)}. */
    static final int CAPACITY = 0;
    static final int OCCUPIED = 1;
    static final int AVAILABLE = 2;
    static final int COVID = 3;
    static final int DELABELLED = 4;
    static final int NON_COVID = 5;
    static final String[] NAMES = {"capacity", "occupied", "available", "patients.covid",
        "patients.covidDelabelled", "patients.nonCovid"};

    static final int ICU = 0;
    static final int CLINIC = 1;
    static final int TOTAL = 2;

    private PublicFigures() {
    }

    /** The figures of one kind (ICU or clinic) of one location. */
    public record Counts(long capacity, long occupied, long available, long covid, long covidDelabelled,
                         long nonCovid) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        public long get(int figure) {
            switch (figure) {
                case CAPACITY:
                    return capacity;
                case OCCUPIED:
                    return occupied;
                case AVAILABLE:
                    return available;
                case COVID:
                    return covid;
                case DELABELLED:
                    return covidDelabelled;
                case NON_COVID:
                    return nonCovid;
                default:
                    throw new IllegalArgumentException("figure " + figure);
            }
        }

        public Counts plus(Counts o) {
            return new Counts(capacity + o.capacity, occupied + o.occupied, available + o.available,
                    covid + o.covid, covidDelabelled + o.covidDelabelled, nonCovid + o.nonCovid);
        }
    }

    /** One shared location: its region, organisation and ICU / clinic figures. */
    public record LocationFigures(String roazRegionId, String organisationId, Counts icu, Counts clinic) {
    }

    public static List<String> rules(int minimumOrganisations) {
        return List.of(
                "Only organisations that share their figures count.",
                "A region cell to which fewer than " + minimumOrganisations + " organisations contribute is "
                        + "suppressed (TOO_FEW_ORGANISATIONS); this applies to the national row as well.",
                "A patient count from " + SMALL_MIN + " to " + SMALL_MAX + " is suppressed (SMALL_COUNT); 0 and "
                        + (SMALL_MAX + 1) + " or more are shown.",
                "Complementary suppression (COMPLEMENTARY): where a suppressed cell could be recomputed exactly from "
                        + "the published cells by any combination of rows (total = ICU + clinic), columns (national = "
                        + "sum of the regions) and, for patient counts, covid + covidDelabelled + nonCovid = the "
                        + "patients total of the cell (taken as known), the smallest other published cell of such an "
                        + "equation is suppressed too, repeated until no suppressed cell can be recomputed.",
                "capacity, occupied and available of a cell are suppressed together; the three patient counts are "
                        + "protected jointly.",
                "available is the number of beds shared with others (after the hospitals' thresholds).");
    }

    public static PublicCapacity build(List<String> regionIds, List<LocationFigures> locations,
                                       int minimumOrganisations, Instant generatedAt) {
        List<String> regions = new ArrayList<>(new TreeSet<>(regionIds));
        for (LocationFigures l : locations) {
            if (!regions.contains(l.roazRegionId())) {
                regions.add(l.roazRegionId());
            }
        }
        regions = new ArrayList<>(new TreeSet<>(regions));
        int height = regions.size() + 1;
        int national = regions.size();
        Counts[][] sums = new Counts[height][3];
        List<List<Set<String>>> orgs = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<Set<String>> row = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                sums[r][c] = Counts.ZERO;
                row.add(new HashSet<>());
            }
            orgs.add(row);
        }
        for (LocationFigures l : locations) {
            int r = regions.indexOf(l.roazRegionId());
            Counts icu = l.icu() == null ? Counts.ZERO : l.icu();
            Counts clinic = l.clinic() == null ? Counts.ZERO : l.clinic();
            for (int row : new int[] {r, national}) {
                add(sums, orgs, row, ICU, icu, l.organisationId());
                add(sums, orgs, row, CLINIC, clinic, l.organisationId());
                add(sums, orgs, row, TOTAL, icu.plus(clinic), l.organisationId());
            }
        }
        int[][] organisations = new int[height][3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < 3; c++) {
                organisations[r][c] = orgs.get(r).get(c).size();
            }
        }
        Reason[][][] reasons = suppress(sums, organisations, minimumOrganisations);

        List<Area> regionAreas = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            regionAreas.add(area(regions.get(r), r, sums, reasons));
        }
        return new PublicCapacity(generatedAt, area(null, national, sums, reasons), regionAreas,
                new PublicCapacity.Rules(minimumOrganisations, SMALL_MIN, SMALL_MAX, rules(minimumOrganisations)));
    }

    private static void add(Counts[][] sums, List<List<Set<String>>> orgs, int r, int c, Counts counts, String org) {
        sums[r][c] = sums[r][c].plus(counts);
        if (counts.capacity() > 0) {
            orgs.get(r).get(c).add(org);
        }
    }

    /**
     * The disclosure control on a consistent grid (last row and last column are the sums).
     *
     * @return per figure the reasons per cell (null: published)
     */
    static Reason[][][] suppress(Counts[][] grid, int[][] organisations, int minimumOrganisations) {
        int height = grid.length;
        int width = grid[0].length;
        Reason[][][] result = new Reason[NAMES.length][][];
        Reason[][] bedPrimary = new Reason[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (tooFew(organisations[r][c], minimumOrganisations)) {
                    bedPrimary[r][c] = Reason.TOO_FEW_ORGANISATIONS;
                }
            }
        }
        Reason[][] beds = Suppression.apply(values(grid, CAPACITY), bedPrimary);
        result[CAPACITY] = beds;
        result[OCCUPIED] = beds;
        result[AVAILABLE] = beds;
        Reason[][][] patients = suppressPatients(grid, organisations, minimumOrganisations);
        for (int figure = COVID; figure <= NON_COVID; figure++) {
            result[figure] = patients[figure - COVID];
        }
        return result;
    }

    /**
     * The three patient counts as one system: cells (status, row, col) with the row and column equations of each
     * status's grid, plus per (row, col) "covid + delabelled + nonCovid = the patients total" whose total is a fixed
     * pseudo-cell (assumed known: it is occupied minus reserved, and occupied is published and reserved usually 0).
     *
     * @return per status (covid, delabelled, nonCovid) the reasons per cell (null: published)
     */
    static Reason[][][] suppressPatients(Counts[][] grid, int[][] organisations, int minimumOrganisations) {
        int height = grid.length;
        int width = grid[0].length;
        int area = height * width;
        int statuses = NON_COVID - COVID + 1;
        long[] values = new long[(statuses + 1) * area];
        Reason[] primary = new Reason[values.length];
        boolean[] fixed = new boolean[values.length];
        List<int[]> equations = new ArrayList<>();
        for (int s = 0; s < statuses; s++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int i = s * area + r * width + c;
                    values[i] = grid[r][c].get(COVID + s);
                    values[statuses * area + r * width + c] += values[i];
                    if (tooFew(organisations[r][c], minimumOrganisations)) {
                        primary[i] = Reason.TOO_FEW_ORGANISATIONS;
                    } else if (isSmall(values[i])) {
                        primary[i] = Reason.SMALL_COUNT;
                    }
                }
            }
            equations.addAll(Suppression.gridEquations(height, width, s * area));
        }
        for (int cell = 0; cell < area; cell++) {
            fixed[statuses * area + cell] = true;
            int[] e = new int[statuses + 1];
            for (int s = 0; s < statuses; s++) {
                e[s] = s * area + cell;
            }
            e[statuses] = statuses * area + cell;
            equations.add(e);
        }
        Reason[] flat = Suppression.apply(values, primary, fixed, equations);
        Reason[][][] result = new Reason[statuses][height][width];
        for (int s = 0; s < statuses; s++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(flat, s * area + r * width, result[s][r], 0, width);
            }
        }
        return result;
    }

    static boolean tooFew(int organisations, int minimum) {
        return organisations > 0 && organisations < minimum;
    }

    public static boolean isSmall(long value) {
        return value >= SMALL_MIN && value <= SMALL_MAX;
    }

    static long[][] values(Counts[][] grid, int figure) {
        long[][] values = new long[grid.length][grid[0].length];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                values[r][c] = grid[r][c].get(figure);
            }
        }
        return values;
    }

    private static Area area(String regionId, int r, Counts[][] sums, Reason[][][] reasons) {
        return new Area(regionId, cell(r, ICU, sums, reasons), cell(r, CLINIC, sums, reasons),
                cell(r, TOTAL, sums, reasons));
    }

    private static Cell cell(int r, int c, Counts[][] sums, Reason[][][] reasons) {
        Integer[] shown = new Integer[NAMES.length];
        Map<String, String> suppressed = new LinkedHashMap<>();
        for (int f = 0; f < NAMES.length; f++) {
            Reason reason = reasons[f][r][c];
            if (reason == null) {
                shown[f] = Math.toIntExact(sums[r][c].get(f));
            } else {
                suppressed.put(NAMES[f], reason.name());
            }
        }
        return new Cell(shown[CAPACITY], shown[OCCUPIED], shown[AVAILABLE],
                new Patients(shown[COVID], shown[DELABELLED], shown[NON_COVID]), suppressed);
    }
}
