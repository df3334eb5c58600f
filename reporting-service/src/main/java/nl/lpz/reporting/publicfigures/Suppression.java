package nl.lpz.reporting.publicfigures;

import java.util.ArrayList;
import java.util.List;

/**
 * Complementary suppression on a two-way table with margins. The grid has {@code rows + 1} rows and {@code cols + 1}
 * columns: the last row holds the column totals (e.g. national = sum of the regions), the last column the row totals
 * (e.g. total = ICU + clinic), the corner the grand total. Every row and every column is one linear equation
 * "sum of the inner cells = the margin cell".
 *
 * <p>Starting from the primary suppressions, while some equation has exactly one suppressed cell (which could then be
 * recomputed as margin minus the published cells, or as the sum of the published cells), the smallest still published
 * cell of that equation is suppressed as well (a positive one before a zero; ties: an inner cell before the margin, then the lowest index). This is
 * repeated until no equation has exactly one suppressed cell. It terminates because every step suppresses one more
 * cell. Pure; no Spring.
 */
public final class Suppression {

    /** Why a cell is not published; the order is the precedence when more than one applies. */
    public enum Reason {
        TOO_FEW_ORGANISATIONS, SMALL_COUNT, COMPLEMENTARY
    }

    private Suppression() {
    }

    /** One row or column equation: its cells as {row, col}; the last one is the margin (total) cell. */
    public record Equation(List<int[]> cells) {
        public int[] total() {
            return cells.get(cells.size() - 1);
        }
    }

    /** All row and column equations of a grid of {@code height x width} (margins included). */
    public static List<Equation> equations(int height, int width) {
        List<Equation> result = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<int[]> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(new int[] {r, c});
            }
            result.add(new Equation(cells));
        }
        for (int c = 0; c < width; c++) {
            List<int[]> cells = new ArrayList<>();
            for (int r = 0; r < height; r++) {
                cells.add(new int[] {r, c});
            }
            result.add(new Equation(cells));
        }
        return result;
    }

    /**
     * @param values  the full grid, margins included (consistent: margins are the sums)
     * @param primary the primary suppressions (null: no primary reason); not modified
     * @return the final reasons per cell; null means published
     */
    public static Reason[][] apply(long[][] values, Reason[][] primary) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("an empty grid");
        }
        int height = values.length;
        int width = values[0].length;
        Reason[][] result = new Reason[height][];
        for (int r = 0; r < height; r++) {
            result[r] = primary[r].clone();
        }
        List<Equation> equations = equations(height, width);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                if (e.cells().size() < 2) {
                    // a margin without inner cells (e.g. the national row when no region is known) is 0 by itself
                    continue;
                }
                int suppressed = 0;
                for (int[] cell : e.cells()) {
                    if (result[cell[0]][cell[1]] != null) {
                        suppressed++;
                    }
                }
                if (suppressed != 1) {
                    continue;
                }
                int[] pick = null;
                for (int i = 0; i < e.cells().size(); i++) {
                    int[] cell = e.cells().get(i);
                    if (result[cell[0]][cell[1]] != null) {
                        continue;
                    }
                    // inner cells come first in the equation, so strict '<' keeps inner before margin on ties
                    if (pick == null || better(values[cell[0]][cell[1]], values[pick[0]][pick[1]])) {
                        pick = cell;
                    }
                }
                // an equation has at least two cells, so one suppressed leaves at least one published
                result[pick[0]][pick[1]] = Reason.COMPLEMENTARY;
                changed = true;
            }
        }
        return result;
    }

    /** Smaller is better, but a zero cell only when no positive one is left: a zero (e.g. a region without ICU) may
     * be known from elsewhere and would then protect nothing. */
    private static boolean better(long candidate, long current) {
        if ((candidate == 0) != (current == 0)) {
            return current == 0;
        }
        return candidate < current;
    }
}
