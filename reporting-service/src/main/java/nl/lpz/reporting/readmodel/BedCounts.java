package nl.lpz.reporting.readmodel;

import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.codelist.LabelCodeList.ChildrenIcu;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Patients;
import nl.lpz.reporting.readmodel.ReportFigures.Split;

/** Accumulates counted beds of one group: ICU, clinic, PICU or NICU (the counting rules of the regional picture). */
public final class BedCounts {
    int covidAvailable;
    int covidOccupied;
    int nonCovidAvailable;
    int nonCovidOccupied;
    int patientsCovid;
    int patientsDelabelled;
    int patientsNonCovid;

    /** @param status AVAILABLE, OCCUPIED or RESERVED (BLOCKED and removed beds never get here) */
    public void add(String status, boolean covidCapacity, String patientCovidStatus, int beds) {
        boolean occupied = "OCCUPIED".equals(status) || "RESERVED".equals(status);
        if (covidCapacity) {
            if (occupied) {
                covidOccupied += beds;
            } else {
                covidAvailable += beds;
            }
        } else if (occupied) {
            nonCovidOccupied += beds;
        } else {
            nonCovidAvailable += beds;
        }
        if ("OCCUPIED".equals(status)) {
            if ("COVID".equals(patientCovidStatus)) {
                patientsCovid += beds;
            } else if ("COVID_DELABELLED".equals(patientCovidStatus)) {
                patientsDelabelled += beds;
            } else {
                patientsNonCovid += beds;
            }
        }
    }

    public void add(BedCounts o) {
        covidAvailable += o.covidAvailable;
        covidOccupied += o.covidOccupied;
        nonCovidAvailable += o.nonCovidAvailable;
        nonCovidOccupied += o.nonCovidOccupied;
        patientsCovid += o.patientsCovid;
        patientsDelabelled += o.patientsDelabelled;
        patientsNonCovid += o.patientsNonCovid;
    }

    public Block block() {
        Split covid = new Split(covidAvailable + covidOccupied, covidOccupied, covidAvailable);
        Split nonCovid = new Split(nonCovidAvailable + nonCovidOccupied, nonCovidOccupied, nonCovidAvailable);
        return new Block(covid.capacity() + nonCovid.capacity(), covidOccupied + nonCovidOccupied,
                covidAvailable + nonCovidAvailable, covid, nonCovid,
                new Patients(patientsCovid, patientsDelabelled, patientsNonCovid));
    }

    /**
     * The counted groups of one location (or a sum of locations): ICU and clinic split every staffed bed; PICU and NICU
     * are "of which" subsets of ICU (their beds are in {@code icu} as well), by the element's
     * {@link LabelCodeList#childrenIcu children's ICU group} in the code list.
     */
    public static final class Groups {
        public final BedCounts icu = new BedCounts();
        public final BedCounts clinic = new BedCounts();
        public final BedCounts picu = new BedCounts();
        public final BedCounts nicu = new BedCounts();

        /** Counts beds of one element in every group it belongs to. */
        public void add(LabelCodeList codeList, String specialistisch, String status, boolean covidCapacity,
                        String patientCovidStatus, int beds) {
            if (!codeList.isIcu(specialistisch)) {
                clinic.add(status, covidCapacity, patientCovidStatus, beds);
                return;
            }
            icu.add(status, covidCapacity, patientCovidStatus, beds);
            codeList.childrenIcu(specialistisch).ifPresent(group -> (group == ChildrenIcu.PICU ? picu : nicu)
                    .add(status, covidCapacity, patientCovidStatus, beds));
        }

        public void add(Groups o) {
            icu.add(o.icu);
            clinic.add(o.clinic);
            picu.add(o.picu);
            nicu.add(o.nicu);
        }

        public ReportFigures.Figures figures() {
            return new ReportFigures.Figures(icu.block(), clinic.block(), picu.block(), nicu.block());
        }
    }
}
