package nl.lpz.reporting.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a call's path (and its {@code region} query parameter) names: a location, organisation, region or stop. The
 * contract's paths put the addressed resource right after {@code /api/v1/}; a write that names its locations only in
 * its body (a batch of bed events, a stop declaration) names none here, and is then the caller's own organisation's
 * (a service refuses any other).
 */
record AuditTargets(String locationId, String organisationId, String regionId, String stopId) {
    private static final String PREFIX = "/api/v1/";
    private static final int MAX_ID = 64;

    static AuditTargets of(String rawPath, String rawQuery) {
        String location = null;
        String organisation = null;
        String region = null;
        String stop = null;
        if (rawPath != null && rawPath.startsWith(PREFIX)) {
            String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
            String value = segments.length > 1 ? id(segments[1]) : null;
            if (value != null) {
                switch (segments[0]) {
                    case "locations" -> location = value;
                    case "organisations" -> organisation = value;
                    case "validation" -> organisation = "report".equals(value) ? null : value;
                    case "regions", "safety-regions", "rcps" -> region = value;
                    case "stops" -> stop = value;
                    default -> {
                    }
                }
            }
        }
        if (region == null) {
            region = queryParameter(rawQuery, "region");
        }
        return new AuditTargets(location, organisation, region, stop);
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return id(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** A decoded path segment that can be an id, else null (a malformed call names nothing). */
    private static String id(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            return decoded.length() <= MAX_ID && decoded.chars().allMatch(AuditTargets::idChar) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean idChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-';
    }
}
