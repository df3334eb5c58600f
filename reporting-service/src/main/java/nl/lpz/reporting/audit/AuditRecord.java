package nl.lpz.reporting.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of the audit trail as stored, and its link in the chain: {@code hash} = SHA-256 over the previous
 * entry's hash, this entry's sequence and every stored field, each written with its length so that no two different
 * entries give the same text. Any change of a stored field, removal or reordering breaks the chain from there
 * ({@link AuditVerification}). Instants are kept to the microsecond, as PostgreSQL stores them.
 */
record AuditRecord(long sequence, String entryId, Instant occurredAt, Instant recordedAt, long durationMillis,
                   String subject, String roles, String organisationId, String regionId, String clientAddress,
                   String method, String path, String query, int status, String problemCode, String problemDetail,
                   String gatewayInstance, String targetLocationId, String targetOrganisationId,
                   String targetRegionId, String targetStopId, String previousHash) {

    AuditRecord {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    String hash() {
        StringBuilder text = new StringBuilder(512);
        field(text, previousHash);
        field(text, Long.toString(sequence));
        field(text, entryId);
        field(text, occurredAt.toString());
        field(text, recordedAt.toString());
        field(text, Long.toString(durationMillis));
        field(text, subject);
        field(text, roles);
        field(text, organisationId);
        field(text, regionId);
        field(text, clientAddress);
        field(text, method);
        field(text, path);
        field(text, query);
        field(text, Integer.toString(status));
        field(text, problemCode);
        field(text, problemDetail);
        field(text, gatewayInstance);
        field(text, targetLocationId);
        field(text, targetOrganisationId);
        field(text, targetRegionId);
        field(text, targetStopId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
