package nl.lpz.reporting.readmodel;

import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Patients;
import nl.lpz.reporting.readmodel.ReportFigures.Split;

/** Accumulates counted beds of ICU or clinic (the counting rules of the regional picture). */
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

    /** ICU and clinic counts of one location (or a sum of locations). */
    public static final class Pair {
        public final BedCounts icu = new BedCounts();
        public final BedCounts clinic = new BedCounts();

        public void add(Pair o) {
            icu.add(o.icu);
            clinic.add(o.clinic);
        }

        public ReportFigures.Figures figures() {
            return new ReportFigures.Figures(icu.block(), clinic.block());
        }
    }
}
