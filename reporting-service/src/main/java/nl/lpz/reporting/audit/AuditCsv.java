package nl.lpz.reporting.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The export's CSV (RFC 4180, comma, UTF-8). A text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}) is prefixed with an apostrophe: a path or subject is the caller's choice, and the file is opened
 * by privacy officers.
 */
final class AuditCsv {
    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line("sequence", "occurredAt", "subject", "roles", "organisation", "region", "clientAddress", "method", "path",
                "query", "status", "problemCode", "problemDetail", "targetLocation", "targetOrganisation",
                "targetRegion", "targetStop", "concerns", "entryId", "hash");
    }

    void row(AuditQuery.Entry e) {
        line(Long.toString(e.sequence()), e.occurredAt().toString(), e.subject(), String.join(" ", e.roles()),
                e.organisation(), e.region(), e.clientAddress(), e.method(), e.path(), e.query(),
                Integer.toString(e.status()), e.problemCode(), e.problemDetail(), e.target().location(),
                e.target().organisation(), e.target().region(), e.target().stop(), e.concerns(), e.entryId(),
                e.hash());
    }

    private void line(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
