package nl.lpz.reporting.readmodel;

/**
 * The figures blocks the RCPS daily report and the LCPS feed share (docs/services/reporting-service.md, "Feeds").
 */
public final class ReportFigures {
    private ReportFigures() {
    }

    /** Staffed beds of one COVID-capacity split: capacity = available + occupied (reserved counts as occupied). */
    public record Split(int capacity, int occupied, int available) {
    }

    /** Patients in OCCUPIED beds by patientCovidStatus (none given counts as non-COVID). */
    public record Patients(int covid, int covidDelabelled, int nonCovid) {
    }

    /** ICU, clinic, PICU or NICU figures: real capacity (no thresholds), split by the beds' COVID-capacity label. */
    public record Block(int capacity, int occupied, int available, Split covid, Split nonCovid, Patients patients) {
    }

    /**
     * ICU = beds whose specialistisch element is an ICU element of the code list; clinic = every other bed (the two
     * split every staffed bed). PICU and NICU = the beds of the elements of that children's ICU group
     * ({@code LabelCodeList.childrenIcu}): "of which" subsets of ICU, already counted in {@code icu}, so never add them
     * to it; icu + clinic is the whole.
     */
    public record Figures(Block icu, Block clinic, Block picu, Block nicu) {
    }
}
