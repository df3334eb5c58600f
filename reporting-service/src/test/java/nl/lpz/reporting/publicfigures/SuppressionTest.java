package nl.lpz.reporting.publicfigures;

import static nl.lpz.reporting.publicfigures.Suppression.Reason.COMPLEMENTARY;
import static nl.lpz.reporting.publicfigures.Suppression.Reason.SMALL_COUNT;
import static nl.lpz.reporting.publicfigures.Suppression.Reason.TOO_FEW_ORGANISATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.lpz.reporting.publicfigures.Suppression.Reason;
import org.junit.jupiter.api.Test;

/** The complementary suppression on hand-made tables (last row / last column are the sums). */
class SuppressionTest {

    /** Adds the margins to an inner table. */
    static long[][] withMargins(long[][] inner) {
        int rows = inner.length;
        int cols = inner[0].length;
        long[][] grid = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = inner[r][c];
                grid[r][cols] += inner[r][c];
                grid[rows][c] += inner[r][c];
                grid[rows][cols] += inner[r][c];
            }
        }
        return grid;
    }

    static Reason[][] smallPrimary(long[][] grid) {
        Reason[][] primary = new Reason[grid.length][grid[0].length];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                if (PublicFigures.isSmall(grid[r][c])) {
                    primary[r][c] = SMALL_COUNT;
                }
            }
        }
        return primary;
    }

    @Test
    void givenNoSmallCells_whenSuppressed_thenEverythingIsPublished() {
        long[][] grid = withMargins(new long[][] {{10, 20}, {30, 0}, {12, 15}});
        Reason[][] result = Suppression.apply(grid, smallPrimary(grid));
        for (Reason[] row : result) {
            assertThat(row).containsOnlyNulls();
        }
    }

    @Test
    void givenOneSmallCell_whenSuppressed_thenTheSmallestCellsOfItsRowAndColumnAndTheirCrossingFollow() {
        // regions x (ICU, clinic): region 0 ICU = 4
        long[][] grid = withMargins(new long[][] {{4, 50}, {20, 40}, {30, 60}});
        Reason[][] result = Suppression.apply(grid, smallPrimary(grid));

        assertThat(result[0][0]).isEqualTo(SMALL_COUNT);
        // row 0: clinic 50 < total 54 -> clinic; column ICU: region 1 (20) < region 2 (30) < national
        assertThat(result[0][1]).isEqualTo(COMPLEMENTARY);
        assertThat(result[1][0]).isEqualTo(COMPLEMENTARY);
        // row 1 now has one suppressed cell -> its clinic (40); column clinic then has 50 and 40 suppressed: stable
        assertThat(result[1][1]).isEqualTo(COMPLEMENTARY);
        assertThat(result[2][0]).isNull();
        assertThat(result[2][1]).isNull();
        assertThat(result[0][2]).isNull();
        assertThat(result[3][0]).isNull();
        assertThat(result[3][2]).isNull();
        assertNoSingleUnknown(result);
    }

    @Test
    void givenTwoSmallCellsInOneRow_whenSuppressed_thenTheRowNeedsNothingMoreButTheColumnsDo() {
        long[][] grid = withMargins(new long[][] {{3, 5}, {20, 40}, {30, 60}});
        Reason[][] result = Suppression.apply(grid, smallPrimary(grid));

        assertThat(result[0][0]).isEqualTo(SMALL_COUNT);
        assertThat(result[0][1]).isEqualTo(SMALL_COUNT);
        // the row total (8) is small itself
        assertThat(result[0][2]).isEqualTo(SMALL_COUNT);
        // columns ICU, clinic, total each need a second cell: region 1 is the smallest in each
        assertThat(result[1][0]).isEqualTo(COMPLEMENTARY);
        assertThat(result[1][1]).isEqualTo(COMPLEMENTARY);
        assertThat(result[1][2]).isEqualTo(COMPLEMENTARY);
        assertThat(result[2][0]).isNull();
        assertNoSingleUnknown(result);
    }

    @Test
    void givenASingleRegion_whenItsCellIsSuppressed_thenTheNationalCellGoesToo() {
        long[][] grid = withMargins(new long[][] {{7, 30}});
        Reason[][] result = Suppression.apply(grid, smallPrimary(grid));

        assertThat(result[0][0]).isEqualTo(SMALL_COUNT);
        // the national cell equals the region's: small itself here
        assertThat(result[1][0]).isEqualTo(SMALL_COUNT);
        // the clinic cell would give ICU = total - clinic; then its national cell follows
        assertThat(result[0][1]).isEqualTo(COMPLEMENTARY);
        assertThat(result[1][1]).isEqualTo(COMPLEMENTARY);
        assertNoSingleUnknown(result);
    }

    @Test
    void givenAZeroAndAPositiveCandidate_whenAComplementIsChosen_thenThePositiveOneIsTaken() {
        // column ICU: region 0 = 5 (small), region 1 = 0, region 2 = 25
        long[][] grid = withMargins(new long[][] {{5, 100}, {0, 40}, {25, 60}});
        Reason[][] result = Suppression.apply(grid, smallPrimary(grid));

        assertThat(result[1][0]).isNull();
        assertThat(result[2][0]).isEqualTo(COMPLEMENTARY);
        assertNoSingleUnknown(result);
    }

    @Test
    void givenATooFewOrganisationsCell_whenSuppressed_thenItKeepsItsReasonAndIsProtected() {
        long[][] grid = withMargins(new long[][] {{120, 300}, {80, 200}, {90, 210}});
        Reason[][] primary = new Reason[4][3];
        primary[2][0] = TOO_FEW_ORGANISATIONS;
        Reason[][] result = Suppression.apply(grid, primary);

        assertThat(result[2][0]).isEqualTo(TOO_FEW_ORGANISATIONS);
        assertThat(result[1][0]).isEqualTo(COMPLEMENTARY);
        assertThat(result[2][1]).isEqualTo(COMPLEMENTARY);
        assertThat(result[1][1]).isEqualTo(COMPLEMENTARY);
        assertThat(primary[1][0]).as("the input is not modified").isNull();
        assertNoSingleUnknown(result);
    }

    @Test
    void givenAnEmptyGrid_whenSuppressed_thenItIsRefused() {
        assertThatThrownBy(() -> Suppression.apply(new long[0][0], new Reason[0][0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenOnlyTheMarginRow_whenSuppressed_thenTheRowEquationStillHolds() {
        // no region: the national row alone (ICU, clinic, total)
        long[][] grid = {{0, 0, 0}};
        assertThat(Suppression.apply(grid, new Reason[1][3])[0]).containsOnlyNulls();
    }

    @Test
    void givenTwoSuppressedRectanglesJoinedByOneCell_whenSuppressed_thenTheJoiningCellIsNoLongerRecomputable() {
        // a 3 x 3 inner table (wider than the public one: with only ICU, clinic, total a grid pattern in which every
        // row and column has 0 or >= 2 suppressed cells cannot pin a cell down; 4 columns are needed for a "bridge")
        long[][] grid = withMargins(new long[][] {{40, 50, 7}, {60, 70, 80}, {90, 100, 30}});
        Reason[][] primary = new Reason[4][4];
        // rectangle A: rows 0,1 x cols 0,1; rectangle B: rows 2,3 x cols 2,3 (margins); joined by (0,2)
        for (int[] cell : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {0, 2}}) {
            primary[cell[0]][cell[1]] = TOO_FEW_ORGANISATIONS;
        }

        // the former algorithm adds nothing (every equation has 0 or >= 2 suppressed cells) ...
        Reason[][] before = Disclosure.singleUnknownOnly(grid, primary);
        assertThat(before).isDeepEqualTo(primary);
        assertNoSingleUnknown(before);
        // ... yet (0,2) is recomputable: rows 0 + 1 minus columns 0 + 1 leave it alone with published cells
        assertThat(Disclosure.recomputable(Disclosure.suppressed(before))[0][2]).isTrue();
        long recomputed = grid[0][3] + grid[1][3] - grid[1][2] - (grid[3][0] + grid[3][1] - grid[2][0] - grid[2][1]);
        assertThat(recomputed).isEqualTo(grid[0][2]);
        assertThat(Suppression.determined(16, Suppression.gridEquations(4, 4, 0), flatten(before))[2]).isTrue();

        Reason[][] result = Suppression.apply(grid, primary);

        // its equations: row 0 (margin (0,3) = 97) and column 2 ((1,2) = 80): the smaller, 80, closes a cycle
        assertThat(result[1][2]).isEqualTo(COMPLEMENTARY);
        int extra = 0;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                if (primary[r][c] != null) {
                    assertThat(result[r][c]).isEqualTo(primary[r][c]);
                } else if (result[r][c] != null) {
                    extra++;
                }
            }
        }
        assertThat(extra).isEqualTo(1);
        assertThat(Disclosure.any(Disclosure.recomputable(Disclosure.suppressed(result)))).isFalse();
        assertNoSingleUnknown(result);
    }

    @Test
    void givenASmallCovidCountWithBothOtherStatusesPublished_whenSuppressedJointly_thenOneOfThemFollows() {
        // patients (covid, delabelled, nonCovid) per region x (ICU, clinic); region 0 ICU has 4 COVID patients
        long[][][] inner = {
            {{4, 20}, {25, 30}, {22, 40}},
            {{12, 15}, {11, 14}, {13, 16}},
            {{30, 100}, {40, 120}, {35, 90}}};
        PublicFigures.Counts[][] counts = new PublicFigures.Counts[4][3];
        long[][][] grids = new long[3][][];
        for (int s = 0; s < 3; s++) {
            grids[s] = withMargins(inner[s]);
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                long patients = grids[0][r][c] + grids[1][r][c] + grids[2][r][c];
                counts[r][c] = new PublicFigures.Counts(patients + 10, patients, 10, grids[0][r][c], grids[1][r][c],
                        grids[2][r][c]);
            }
        }
        int[][] organisations = {{5, 5, 5}, {5, 5, 5}, {5, 5, 5}, {15, 15, 15}};

        // per figure (as before): delabelled and nonCovid have nothing small, so all of theirs is published, and
        // the COVID count of region 0 ICU = occupied - delabelled - nonCovid (reserved 0)
        Reason[][][] perFigure = new Reason[3][][];
        for (int s = 0; s < 3; s++) {
            perFigure[s] = Disclosure.singleUnknownOnly(grids[s], smallPrimary(grids[s]));
        }
        assertThat(perFigure[0][0][0]).isEqualTo(SMALL_COUNT);
        assertThat(perFigure[1][0][0]).isNull();
        assertThat(perFigure[2][0][0]).isNull();
        boolean[][][] before = Disclosure.recomputableJointly(new boolean[][][] {Disclosure.suppressed(perFigure[0]),
            Disclosure.suppressed(perFigure[1]), Disclosure.suppressed(perFigure[2])});
        assertThat(before[0][0][0]).isTrue();

        Reason[][][] result = PublicFigures.suppressPatients(counts, organisations, 3);

        assertThat(result[0][0][0]).isEqualTo(SMALL_COUNT);
        // the smaller of delabelled (12) and nonCovid (30) of that cell
        assertThat(result[1][0][0]).isEqualTo(COMPLEMENTARY);
        assertThat(result[2][0][0]).isNull();
        boolean[][][] recomputable = Disclosure.recomputableJointly(new boolean[][][] {
            Disclosure.suppressed(result[0]), Disclosure.suppressed(result[1]), Disclosure.suppressed(result[2])});
        for (boolean[][] status : recomputable) {
            assertThat(Disclosure.any(status)).isFalse();
        }
        // and through PublicFigures.suppress the patient figures are the joint ones
        Reason[][][] all = PublicFigures.suppress(counts, organisations, 3);
        assertThat(all[PublicFigures.DELABELLED]).isDeepEqualTo(result[1]);
    }

    @Test
    void givenACovidCountWithOnlyFixedCellsBesideIt_whenSuppressed_thenNothingCanBeDoneAndItStops() {
        // general system: covid (4, small), a fixed delabelled 0 and a fixed nonCovid 0, and a fixed total 4: the
        // value follows from known values alone; no published cell exists to suppress, so it terminates unchanged
        long[] values = {4, 0, 0, 4};
        Reason[] primary = {SMALL_COUNT, null, null, null};
        boolean[] fixed = {false, true, true, true};
        Reason[] result = Suppression.apply(values, primary, fixed, List.of(new int[] {0, 1, 2, 3}));
        assertThat(result).containsExactly(SMALL_COUNT, null, null, null);
    }

    @Test
    void givenOneStatusEquation_whenTheCovidCountIsSmall_thenTheSmallerOtherStatusIsSuppressed() {
        long[] values = {4, 12, 30, 46};
        Reason[] primary = {SMALL_COUNT, null, null, null};
        boolean[] fixed = {false, false, false, true};
        Reason[] result = Suppression.apply(values, primary, fixed, List.of(new int[] {0, 1, 2, 3}));
        assertThat(result).containsExactly(SMALL_COUNT, COMPLEMENTARY, null, null);
    }

    static Reason[] flatten(Reason[][] grid) {
        int width = grid[0].length;
        Reason[] flat = new Reason[grid.length * width];
        for (int r = 0; r < grid.length; r++) {
            System.arraycopy(grid[r], 0, flat, r * width, width);
        }
        return flat;
    }

    static void assertNoSingleUnknown(Reason[][] result) {
        for (Suppression.Equation e : Suppression.equations(result.length, result[0].length)) {
            long suppressed = e.cells().stream().filter(c -> result[c[0]][c[1]] != null).count();
            assertThat(suppressed).as("suppressed cells of an equation").isNotEqualTo(1L);
        }
    }
}
