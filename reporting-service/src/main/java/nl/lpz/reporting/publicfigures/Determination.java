package nl.lpz.reporting.publicfigures;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import nl.lpz.reporting.publicfigures.Suppression.Reason;

/**
 * The suppressed cells that follow exactly from the published and fixed values: the reduced row echelon form
 * (over the rationals, kept integral) of the full coefficient matrix with pivots taken only in suppressed
 * columns. A row with pivot j equals a * (e_j on the suppressed columns) iff j is determined; its entries on the
 * other columns are then the (scaled) coefficients of the published and fixed values in j's recomputation.
 */
record Determination(Reason[] suppressed, BigInteger[][] rows, int[] pivotRow) {
    boolean isDetermined(int j) {
        if (suppressed[j] == null || pivotRow[j] < 0) {
            return false;
        }
        BigInteger[] row = rows[pivotRow[j]];
        for (int k = 0; k < row.length; k++) {
            if (k != j && suppressed[k] != null && row[k].signum() != 0) {
                return false;
            }
        }
        return true;
    }

    BigInteger[] rowOf(int j) {
        return rows[pivotRow[j]];
    }

    /** Eliminates once over the equations (each: inner cells, then the margin). */
    static Determination of(int n, List<int[]> equations, Reason[] suppressed) {
        BigInteger[][] rows = new BigInteger[equations.size()][];
        for (int i = 0; i < rows.length; i++) {
            BigInteger[] row = new BigInteger[n];
            Arrays.fill(row, BigInteger.ZERO);
            int[] e = equations.get(i);
            for (int k = 0; k < e.length; k++) {
                BigInteger coefficient = k == e.length - 1 ? BigInteger.ONE.negate() : BigInteger.ONE;
                row[e[k]] = row[e[k]].add(coefficient);
            }
            rows[i] = row;
        }
        int[] pivotRow = new int[n];
        Arrays.fill(pivotRow, -1);
        int next = 0;
        for (int col = 0; col < n && next < rows.length; col++) {
            if (suppressed[col] == null) {
                continue;
            }
            int p = -1;
            for (int i = next; i < rows.length; i++) {
                if (rows[i][col].signum() != 0) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            BigInteger[] swap = rows[p];
            rows[p] = rows[next];
            rows[next] = swap;
            BigInteger[] pivot = rows[next];
            BigInteger a = pivot[col];
            for (int i = 0; i < rows.length; i++) {
                BigInteger b = rows[i][col];
                if (i == next || b.signum() == 0) {
                    continue;
                }
                BigInteger[] row = rows[i];
                BigInteger gcd = BigInteger.ZERO;
                for (int k = 0; k < n; k++) {
                    if (row[k].signum() != 0 || pivot[k].signum() != 0) {
                        row[k] = row[k].multiply(a).subtract(pivot[k].multiply(b));
                        gcd = gcd.gcd(row[k]);
                    }
                }
                if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                    for (int k = 0; k < n; k++) {
                        if (row[k].signum() != 0) {
                            row[k] = row[k].divide(gcd);
                        }
                    }
                }
            }
            pivotRow[col] = next;
            next++;
        }
        return new Determination(suppressed.clone(), rows, pivotRow);
    }
}
