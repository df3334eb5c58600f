package nl.lpz.reporting.feeds;

import nl.lpz.reporting.feeds.Feeds.Block;
import nl.lpz.reporting.feeds.Feeds.Patients;
import nl.lpz.reporting.feeds.Feeds.Split;

/** Accumulates counted beds of ICU or clinic (same counting rules as RegionalCapacityQuery). */
final class Counts {
    int covidAvailable;
    int covidOccupied;
    int nonCovidAvailable;
    int nonCovidOccupied;
    int patientsCovid;
    int patientsDelabelled;
    int patientsNonCovid;

    /** @param status AVAILABLE, OCCUPIED or RESERVED (BLOCKED and removed beds never get here) */
    void add(String status, boolean covidCapacity, String patientCovidStatus, int beds) {
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

    void add(Counts o) {
        covidAvailable += o.covidAvailable;
        covidOccupied += o.covidOccupied;
        nonCovidAvailable += o.nonCovidAvailable;
        nonCovidOccupied += o.nonCovidOccupied;
        patientsCovid += o.patientsCovid;
        patientsDelabelled += o.patientsDelabelled;
        patientsNonCovid += o.patientsNonCovid;
    }

    Block block() {
        Split covid = new Split(covidAvailable + covidOccupied, covidOccupied, covidAvailable);
        Split nonCovid = new Split(nonCovidAvailable + nonCovidOccupied, nonCovidOccupied, nonCovidAvailable);
        return new Block(covid.capacity() + nonCovid.capacity(), covidOccupied + nonCovidOccupied,
                covidAvailable + nonCovidAvailable, covid, nonCovid,
                new Patients(patientsCovid, patientsDelabelled, patientsNonCovid));
    }

    /** ICU and clinic counts of one location (or a sum of locations). */
    static final class Pair {
        final Counts icu = new Counts();
        final Counts clinic = new Counts();

        void add(Pair o) {
            icu.add(o.icu);
            clinic.add(o.clinic);
        }

        Feeds.Figures figures() {
            return new Feeds.Figures(icu.block(), clinic.block());
        }
    }
}
