package nl.lpz.reporting.publicfigures;

import java.util.ArrayList;
import java.util.List;
import nl.lpz.reporting.publicfigures.Suppression.Reason;

/**
 * Test-side checks, independent of the production code: which suppressed cells an attacker can recompute exactly, by
 * an orthogonal projection in double precision (the production code uses exact integer Gauss–Jordan), and a copy of
 * the former single-unknown-only algorithm for comparisons.
 */
final class Disclosure {
    private static final double TOLERANCE = 1e-7;

    private Disclosure() {
    }

    /** Row and column equations of a {@code height x width} grid with margins; cell (r, c) is offset + r*width + c. */
    static List<int[]> gridEquations(int height, int width, int offset) {
        List<int[]> result = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            int[] e = new int[width];
            for (int c = 0; c < width; c++) {
                e[c] = offset + r * width + c;
            }
            result.add(e);
        }
        for (int c = 0; c < width; c++) {
            int[] e = new int[height];
            for (int r = 0; r < height; r++) {
                e[r] = offset + r * width + c;
            }
            result.add(e);
        }
        return result;
    }

    /**
     * Suppressed cell j is recomputable iff e_j lies in the row space of the equations restricted to the suppressed
     * cells (everything else is known). Decided by an orthonormal basis Q of that row space (modified Gram–Schmidt,
     * twice): e_j is in it iff its projection has norm 1, i.e. sum_i Q[i][j]^2 = 1. Equations of one cell are skipped
     * (as the production code does: a margin without inner cells).
     *
     * @param equations each equation as cell indexes, the margin last (coefficient -1, the others +1)
     * @return per cell: suppressed and recomputable
     */
    static boolean[] recomputable(int cells, List<int[]> equations, boolean[] suppressed) {
        int[] column = new int[cells];
        int n = 0;
        for (int i = 0; i < cells; i++) {
            column[i] = suppressed[i] ? n++ : -1;
        }
        List<double[]> basis = new ArrayList<>();
        for (int[] e : equations) {
            if (e.length < 2) {
                continue;
            }
            double[] v = new double[n];
            for (int k = 0; k < e.length; k++) {
                if (column[e[k]] >= 0) {
                    v[column[e[k]]] += k == e.length - 1 ? -1 : 1;
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * q[i];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > TOLERANCE) {
                for (int i = 0; i < n; i++) {
                    v[i] /= norm;
                }
                basis.add(v);
            }
        }
        boolean[] result = new boolean[cells];
        for (int j = 0; j < cells; j++) {
            if (column[j] < 0) {
                continue;
            }
            double projection = 0;
            for (double[] q : basis) {
                projection += q[column[j]] * q[column[j]];
            }
            result[j] = Math.abs(1 - projection) < 1e-6;
        }
        return result;
    }

    /** Suppressed where a reason is given. */
    static boolean[][] suppressed(Reason[][] reasons) {
        boolean[][] result = new boolean[reasons.length][reasons[0].length];
        for (int r = 0; r < reasons.length; r++) {
            for (int c = 0; c < reasons[0].length; c++) {
                result[r][c] = reasons[r][c] != null;
            }
        }
        return result;
    }

    /** Suppressed where no value is shown. */
    static boolean[][] suppressed(Integer[][] shown) {
        boolean[][] result = new boolean[shown.length][shown[0].length];
        for (int r = 0; r < shown.length; r++) {
            for (int c = 0; c < shown[0].length; c++) {
                result[r][c] = shown[r][c] == null;
            }
        }
        return result;
    }

    /** Grid form of {@link #recomputable(int, List, boolean[])}: per cell (r, c). */
    static boolean[][] recomputable(boolean[][] grid) {
        int height = grid.length;
        int width = grid[0].length;
        boolean[] suppressed = new boolean[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                suppressed[r * width + c] = grid[r][c];
            }
        }
        boolean[] flat = recomputable(height * width, gridEquations(height, width, 0), suppressed);
        boolean[][] result = new boolean[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                result[r][c] = flat[r * width + c];
            }
        }
        return result;
    }

    /**
     * The three patient grids (covid, delabelled, nonCovid; each height x width, true = suppressed) as one
     * system, with per cell "covid + delabelled + nonCovid = a known total".
     *
     * @return per status, row and column: suppressed and recomputable
     */
    static boolean[][][] recomputableJointly(boolean[][][] statuses) {
        int s = statuses.length;
        int height = statuses[0].length;
        int width = statuses[0][0].length;
        int area = height * width;
        boolean[] suppressed = new boolean[(s + 1) * area];
        List<int[]> equations = new ArrayList<>();
        for (int k = 0; k < s; k++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    suppressed[k * area + r * width + c] = statuses[k][r][c];
                }
            }
            equations.addAll(gridEquations(height, width, k * area));
        }
        for (int cell = 0; cell < area; cell++) {
            int[] e = new int[s + 1];
            for (int k = 0; k < s; k++) {
                e[k] = k * area + cell;
            }
            e[s] = s * area + cell; // the known total: never suppressed
            equations.add(e);
        }
        boolean[] flat = recomputable(suppressed.length, equations, suppressed);
        boolean[][][] result = new boolean[s][height][width];
        for (int k = 0; k < s; k++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    result[k][r][c] = flat[k * area + r * width + c];
                }
            }
        }
        return result;
    }

    static boolean any(boolean[][] cells) {
        for (boolean[] row : cells) {
            for (boolean b : row) {
                if (b) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The former algorithm (before the exact check): only equations with exactly one suppressed cell. */
    static Reason[][] singleUnknownOnly(long[][] values, Reason[][] primary) {
        int height = values.length;
        int width = values[0].length;
        Reason[][] result = new Reason[height][];
        for (int r = 0; r < height; r++) {
            result[r] = primary[r].clone();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Suppression.Equation e : Suppression.equations(height, width)) {
                if (e.cells().size() < 2) {
                    continue;
                }
                long suppressed = e.cells().stream().filter(c -> result[c[0]][c[1]] != null).count();
                if (suppressed != 1) {
                    continue;
                }
                int[] pick = null;
                for (int[] cell : e.cells()) {
                    if (result[cell[0]][cell[1]] != null) {
                        continue;
                    }
                    long v = values[cell[0]][cell[1]];
                    long p = pick == null ? 0 : values[pick[0]][pick[1]];
                    if (pick == null || ((v == 0) != (p == 0) ? p == 0 : v < p)) {
                        pick = cell;
                    }
                }
                result[pick[0]][pick[1]] = Reason.COMPLEMENTARY;
                changed = true;
            }
        }
        return result;
    }
}
