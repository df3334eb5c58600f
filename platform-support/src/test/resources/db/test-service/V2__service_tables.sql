-- stands for a write service's own V2 (capacity: V2__capacity_tables.sql, stop: V2__stop_tables.sql)
create table service_thing (id text primary key);
