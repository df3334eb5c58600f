package nl.lpz.reporting.lcps;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import nl.lpz.reporting.lcps.LcpsFeed.LcpsDay;
import nl.lpz.reporting.readmodel.ReportFigures.Figures;

/**
 * The national series in the column layout of the public LCPS data feed: one row per report day, newest first,
 * {@code datum} as dd-MM-yyyy, "bezetting" = patients in occupied beds by COVID status, {@code \n} line ends. "IC" is
 * {@code icu}, every ICU element including PICU and NICU; the JSON's {@code picu}/{@code nicu} have no column here.
 */
final class LcpsCsv {
    static final String HEADER = "datum,IC_capaciteit_totaal,kliniek_capaciteit_totaal,IC_bezetting_covid,"
            + "IC_bezetting_ontlabeld,IC_bezetting_noncovid,kliniek_bezetting_covid,kliniek_bezetting_ontlabeld,"
            + "kliniek_bezetting_noncovid";
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private LcpsCsv() {
    }

    static String text(LcpsFeed feed) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (LcpsDay day : feed.days()) {
            Figures n = day.national();
            out.append(DATUM.format(day.date())).append(',')
                    .append(n.icu().capacity()).append(',')
                    .append(n.clinic().capacity()).append(',')
                    .append(n.icu().patients().covid()).append(',')
                    .append(n.icu().patients().covidDelabelled()).append(',')
                    .append(n.icu().patients().nonCovid()).append(',')
                    .append(n.clinic().patients().covid()).append(',')
                    .append(n.clinic().patients().covidDelabelled()).append(',')
                    .append(n.clinic().patients().nonCovid()).append('\n');
        }
        return out.toString();
    }

    static byte[] bytes(LcpsFeed feed) {
        return text(feed).getBytes(StandardCharsets.UTF_8);
    }
}
