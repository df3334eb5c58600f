package nl.lpz.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Figures;
import nl.lpz.reporting.readmodel.ReportFigures.Patients;
import nl.lpz.reporting.readmodel.ReportFigures.Split;
import org.junit.jupiter.api.Test;

/** The counting groups of the RCPS and LCPS feeds: ICU and clinic split every bed; PICU and NICU are of ICU. */
class BedCountsTest {
    private static final LabelCodeList CODE_LIST = LabelCodeList.current();

    @Test
    void givenAdultPaediatricAndNeonatalIcuBedsAndWardBeds_whenCounted_thenPicuAndNicuAreSubsetsOfIcu() {
        BedCounts.Groups g = new BedCounts.Groups();
        g.add(CODE_LIST, "IC_BEADEMD", "OCCUPIED", true, "COVID", 2);
        g.add(CODE_LIST, "PICU", "AVAILABLE", false, null, 3);
        g.add(CODE_LIST, "PICU", "OCCUPIED", false, null, 1);
        g.add(CODE_LIST, "NICU", "RESERVED", false, null, 1);
        g.add(CODE_LIST, "NICU", "OCCUPIED", true, "COVID_DELABELLED", 1);
        g.add(CODE_LIST, "KLINIEK_KINDEREN", "AVAILABLE", false, null, 4);
        g.add(CODE_LIST, "NEONATOLOGIE_HC", "OCCUPIED", false, "NON_COVID", 1);

        Figures f = g.figures();

        assertThat(f.picu()).isEqualTo(new Block(4, 1, 3, new Split(0, 0, 0), new Split(4, 1, 3),
                new Patients(0, 0, 1)));
        // a reservation counts as occupied and holds no patient
        assertThat(f.nicu()).isEqualTo(new Block(2, 2, 0, new Split(1, 1, 0), new Split(1, 1, 0),
                new Patients(0, 1, 0)));
        assertThat(f.icu()).isEqualTo(new Block(8, 5, 3, new Split(3, 3, 0), new Split(5, 2, 3),
                new Patients(2, 1, 1)));
        // paediatric ward and neonatal high care beds are clinic, not children's ICU
        assertThat(f.clinic()).isEqualTo(new Block(5, 1, 4, new Split(0, 0, 0), new Split(5, 1, 4),
                new Patients(0, 0, 1)));
        assertThat(f.icu().capacity() + f.clinic().capacity()).isEqualTo(13);
    }

    @Test
    void givenTwoLocations_whenAdded_thenEveryGroupAddsUp() {
        BedCounts.Groups a = new BedCounts.Groups();
        a.add(CODE_LIST, "PICU", "AVAILABLE", false, null, 1);
        BedCounts.Groups b = new BedCounts.Groups();
        b.add(CODE_LIST, "PICU", "OCCUPIED", false, null, 1);
        b.add(CODE_LIST, "NICU", "AVAILABLE", false, null, 2);

        BedCounts.Groups total = new BedCounts.Groups();
        total.add(a);
        total.add(b);

        Figures f = total.figures();
        assertThat(f.picu().capacity()).isEqualTo(2);
        assertThat(f.picu().occupied()).isEqualTo(1);
        assertThat(f.nicu().available()).isEqualTo(2);
        assertThat(f.icu().capacity()).isEqualTo(4);
        assertThat(f.clinic().capacity()).isZero();
    }
}
