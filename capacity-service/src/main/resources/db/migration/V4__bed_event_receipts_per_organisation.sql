-- EPD event ids are idempotency keys per sending organisation (api-contract "Bed events"): org J's id E is not org
-- I's id E. A receipt keeps a SHA-256 of the event's content (BedReport.payloadHash) so that a resend (same content:
-- duplicate) is told from a reused id (other content: 409 EVENT_ID_CONFLICT), and the event's occurredAt, by which
-- receipts are pruned once a resend would be refused as OCCURRED_TOO_EARLY anyway (ReceiptPruning).
CREATE TABLE bed_event_receipt (
    organisation_id VARCHAR(64) NOT NULL,
    event_id        UUID        NOT NULL,
    -- NULL for receipts carried over from received_bed_event: their content is unknown, so a resend of such an id
    -- counts as a duplicate whatever it carries
    payload_sha256  BYTEA,
    occurred_at     TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, event_id)
);
CREATE INDEX bed_event_receipt_occurred_at ON bed_event_receipt (occurred_at);

-- The old receipts' organisation and occurredAt are in the event each one guards: a receipt was claimed in the
-- transaction that appended its BedStatusChanged (sourceEventId = the EPD's id), so every receipt has one. json, not
-- jsonb: jsonb refuses a \u0000 escape anywhere in a payload. An occurredAt outside what timestamptz and the
-- platform hold (the -999999999-01-01 of the incident) becomes -infinity: a resend of that event is refused as too
-- early anyway, so its receipt guards nothing and the first prune removes it.
INSERT INTO bed_event_receipt (organisation_id, event_id, payload_sha256, occurred_at, received_at)
SELECT DISTINCT ON (e.organisation_id, r.event_id) e.organisation_id, r.event_id, NULL, e.occurred_at, r.received_at
FROM received_bed_event r
JOIN (
    SELECT p ->> 'organisationId'         AS organisation_id,
           (p ->> 'sourceEventId')::uuid  AS source_event_id,
           CASE WHEN p ->> 'occurredAt' ~ '^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}T'
                THEN CASE WHEN (p ->> 'occurredAt')::timestamptz
                                   BETWEEN TIMESTAMPTZ '2000-01-01 00:00:00+00' AND TIMESTAMPTZ '2100-01-01 00:00:00+00'
                          THEN (p ->> 'occurredAt')::timestamptz
                          ELSE TIMESTAMPTZ '-infinity' END
                ELSE TIMESTAMPTZ '-infinity' END AS occurred_at
    FROM (SELECT convert_from(payload, 'UTF8')::json AS p
          FROM domain_event_entry
          WHERE payload_type = 'nl.lpz.events.capacity.BedStatusChanged') stored
    WHERE p ->> 'sourceEventId' IS NOT NULL
) e ON e.source_event_id = r.event_id
ORDER BY e.organisation_id, r.event_id, e.occurred_at;

-- Nothing writes the old table any more. An instance of the previous version still running during a rolling update
-- fails its bed-event commands (rolled back whole, nothing appended; the EPD resends to a new instance) rather than
-- keeping receipts this table would never see.
DROP TABLE received_bed_event;
