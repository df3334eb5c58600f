-- The event store's global index is taken by the INSERT itself (ADR 0019): Axon's JDBC storage engine leaves the
-- column out and appends a command's events in one batched statement, without the round trip per event that
-- Hibernate's sequence generator made. The same sequence, still INCREMENT BY 1, so rows written before keep their
-- order and two instances still do not interleave blocks of indexes.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;
