package nl.lpz.reporting.publicfigures;

import static nl.lpz.reporting.publicfigures.Suppression.Reason.COMPLEMENTARY;
import static nl.lpz.reporting.publicfigures.Suppression.Reason.SMALL_COUNT;
import static nl.lpz.reporting.publicfigures.Suppression.Reason.TOO_FEW_ORGANISATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    static void assertNoSingleUnknown(Reason[][] result) {
        for (Suppression.Equation e : Suppression.equations(result.length, result[0].length)) {
            long suppressed = e.cells().stream().filter(c -> result[c[0]][c[1]] != null).count();
            assertThat(suppressed).as("suppressed cells of an equation").isNotEqualTo(1L);
        }
    }
}
