-- stands for a write service's own V4, written after the released V3
alter table service_thing add column note text;
