package nl.lpz.reporting.publicfigures;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Complementary suppression on a system of linear equations "the inner cells sum to the margin cell" (every
 * coefficient ±1), so that no suppressed cell can be recomputed exactly from the published cells.
 *
 * <p><b>General system</b> ({@link #apply(long[], Reason[], boolean[], List)}): cells with values, the primary
 * suppressions, a flag per cell for a <i>fixed</i> pseudo-cell (a value the attacker is assumed to know, e.g. the
 * patients total of a cell; never suppressed, never chosen as a complement) and the equations as lists of cell
 * indexes, the margin last.
 *
 * <p><b>Grid</b> ({@link #apply(long[][], Reason[][])}): a two-way table with margins, a thin wrapper over the general
 * system. The grid has {@code rows + 1} rows and {@code cols + 1} columns: the last row holds the column totals (e.g.
 * national = sum of the regions), the last column the row totals (e.g. total = ICU + clinic), the corner the grand
 * total; every row and every column is one equation. Cell {@code (r, c)} is index {@code r * width + c}.
 *
 * <p>Algorithm, starting from the primary suppressions:
 * <ol>
 *     <li><b>Single unknown.</b> While some equation has exactly one suppressed cell (recomputable as margin minus the
 *     published cells, or as their sum), the smallest published, non-fixed cell of that equation is suppressed as well
 *     (a positive one before a zero; ties: earlier in the equation, so an inner cell before the margin).</li>
 *     <li><b>Exact determination.</b> Let M be the coefficient matrix restricted to the suppressed cells. Suppressed
 *     cell j is determined (its value follows from the published and fixed values by some combination of equations)
 *     iff e_j lies in the row space of M. This is decided exactly with a fraction-free Gauss–Jordan elimination over
 *     the integers ({@link BigInteger}; gcd-normalised rows), pivoting only on suppressed columns: j is determined iff
 *     j is a pivot column and its reduced row is zero on every other suppressed column. For the first determined cell
 *     (lowest index) one more cell is suppressed: the best published, non-fixed cell of the equations containing it
 *     (smallest positive value before zero, inner before margin, lowest index). If its equations have none left, the
 *     best published, non-fixed cell that takes part in its determining combination (non-zero coefficient in its
 *     reduced row) is taken instead. Then back to step 1.</li>
 * </ol>
 * Every step suppresses one more cell, so it terminates. It stops when no suppressed cell is determined, or when every
 * determined cell's reduced row has no published non-fixed cell left: such a cell's value is then a combination of
 * <i>fixed</i> values only, i.e. of what the attacker is assumed to know anyway, and no further suppression could hide
 * it. Guarantee: on return, no suppressed cell is exactly recomputable from the published values (together with the
 * fixed ones) unless it is recomputable from the fixed values alone. Not covered: bounds (non-negativity, "0 or ≥ 10"
 * for a complement, ≤ occupied beds) narrowing a suppressed value to an interval, and dominance rules. Pure; no Spring.
 */
final class Suppression {

    /** Why a cell is not published; the order is the precedence when more than one applies. */
    public enum Reason {
        TOO_FEW_ORGANISATIONS, SMALL_COUNT, COMPLEMENTARY
    }

    private Suppression() {
    }

    /** One row or column equation of a grid: its cells as {row, col}; the last one is the margin (total) cell. */
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

    /** The grid equations as index lists ({@code r * width + offset + c}), margin last. */
    public static List<int[]> gridEquations(int height, int width, int offset) {
        List<int[]> result = new ArrayList<>();
        for (Equation e : equations(height, width)) {
            int[] cells = new int[e.cells().size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = offset + e.cells().get(i)[0] * width + e.cells().get(i)[1];
            }
            result.add(cells);
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
        long[] flat = new long[height * width];
        Reason[] flatPrimary = new Reason[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                flat[r * width + c] = values[r][c];
                flatPrimary[r * width + c] = primary[r][c];
            }
        }
        Reason[] flatResult = apply(flat, flatPrimary, new boolean[flat.length], gridEquations(height, width, 0));
        Reason[][] result = new Reason[height][width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(flatResult, r * width, result[r], 0, width);
        }
        return result;
    }

    /**
     * @param values    per cell its value (consistent with the equations)
     * @param primary   per cell the primary reason (null: none); not modified; must be null for a fixed cell
     * @param fixed     per cell: a known pseudo-cell, never suppressed nor chosen as a complement
     * @param equations each equation as cell indexes, the margin last ("the others sum to the last"); an equation of
     *                  one cell (a margin without inner cells, 0 by itself) is ignored
     * @return per cell the final reason; null means published (fixed cells are always null)
     */
    public static Reason[] apply(long[] values, Reason[] primary, boolean[] fixed, List<int[]> equations) {
        int n = values.length;
        if (primary.length != n || fixed.length != n) {
            throw new IllegalArgumentException("values, primary and fixed differ in length");
        }
        Reason[] result = primary.clone();
        for (int i = 0; i < n; i++) {
            if (fixed[i] && result[i] != null) {
                throw new IllegalArgumentException("fixed cell " + i + " has a primary reason");
            }
        }
        List<int[]> used = new ArrayList<>();
        for (int[] e : equations) {
            if (e.length >= 2) {
                used.add(e);
            }
        }
        while (true) {
            singleUnknowns(values, fixed, used, result);
            Determination d = Determination.of(n, used, result);
            if (!suppressOneForDetermined(values, fixed, used, result, d)) {
                return result;
            }
        }
    }

    /** Step 1: until no equation has exactly one suppressed cell (or only fixed cells are left to choose from). */
    private static void singleUnknowns(long[] values, boolean[] fixed, List<int[]> equations, Reason[] result) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] e : equations) {
                int suppressed = 0;
                for (int cell : e) {
                    if (result[cell] != null) {
                        suppressed++;
                    }
                }
                if (suppressed != 1) {
                    continue;
                }
                int pick = -1;
                for (int cell : e) {
                    if (result[cell] != null || fixed[cell]) {
                        continue;
                    }
                    // inner cells come first in the equation, so strict '<' keeps inner before margin on ties
                    if (pick < 0 || better(values[cell], values[pick])) {
                        pick = cell;
                    }
                }
                if (pick >= 0) {
                    result[pick] = Reason.COMPLEMENTARY;
                    changed = true;
                }
                // else: only fixed cells besides the suppressed one; it is a function of known values, nothing helps
            }
        }
    }

    /**
     * Step 2: for the determined cell of lowest index whose protection is possible, suppresses one more cell.
     *
     * @return whether a cell was suppressed
     */
    private static boolean suppressOneForDetermined(long[] values, boolean[] fixed, List<int[]> equations,
                                                    Reason[] result, Determination d) {
        for (int j = 0; j < values.length; j++) {
            if (!d.isDetermined(j)) {
                continue;
            }
            int pick = -1;
            boolean pickIsMargin = false;
            for (int[] e : equations) {
                if (!contains(e, j)) {
                    continue;
                }
                for (int i = 0; i < e.length; i++) {
                    int cell = e[i];
                    if (result[cell] != null || fixed[cell]) {
                        continue;
                    }
                    boolean margin = i == e.length - 1;
                    if (pick < 0 || preferred(values, cell, margin, pick, pickIsMargin)) {
                        pick = cell;
                        pickIsMargin = margin;
                    }
                }
            }
            if (pick < 0) {
                // nothing left around it: take a published cell that feeds its determining combination
                BigInteger[] row = d.rowOf(j);
                for (int cell = 0; cell < values.length; cell++) {
                    if (result[cell] == null && !fixed[cell] && row[cell].signum() != 0
                            && (pick < 0 || preferred(values, cell, false, pick, false))) {
                        pick = cell;
                    }
                }
            }
            if (pick >= 0) {
                result[pick] = Reason.COMPLEMENTARY;
                return true;
            }
            // determined by fixed values alone: no suppression can hide it; look at the next one
        }
        return false;
    }

    private static boolean contains(int[] equation, int cell) {
        for (int c : equation) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    /** Smallest positive value before zero, then inner before margin, then the lowest index. */
    private static boolean preferred(long[] values, int cell, boolean margin, int current, boolean currentMargin) {
        if (better(values[cell], values[current])) {
            return true;
        }
        if (better(values[current], values[cell])) {
            return false;
        }
        if (margin != currentMargin) {
            return !margin;
        }
        return cell < current;
    }

    /** Smaller is better, but a zero cell only when no positive one is left: a zero (e.g. a region without ICU) may
     * be known from elsewhere and would then protect nothing. */
    private static boolean better(long candidate, long current) {
        if ((candidate == 0) != (current == 0)) {
            return current == 0;
        }
        return candidate < current;
    }

    /** Visible for tests: which suppressed cells are determined, as a boolean per cell. */
    static boolean[] determined(int cells, List<int[]> equations, Reason[] suppressed) {
        Determination d = Determination.of(cells, equations, suppressed);
        boolean[] result = new boolean[cells];
        for (int j = 0; j < cells; j++) {
            result[j] = d.isDetermined(j);
        }
        return result;
    }
}
