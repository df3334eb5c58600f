-- Heartbeats of the instances running the event processors, so that they share the segments (SegmentBalancer)
create table processor_node (
    processor_name varchar(255) not null,
    node_id        varchar(255) not null,
    last_seen      timestamptz  not null,
    primary key (processor_name, node_id)
);
