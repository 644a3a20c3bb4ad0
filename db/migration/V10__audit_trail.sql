-- Who did what to which record, when and from where. Rows are only ever inserted: the service has
-- no statement that changes or deletes them (a deployment can enforce it by granting the
-- application's database user INSERT and SELECT only on this table).
create table audit_event (
  id             char(36)      not null,
  at             datetime(6)   not null,
  -- a staff username, "api-client:<name>", "anonymous" or "system"
  actor          varchar(250)  not null,
  action         varchar(40)   not null,
  entity_type    varchar(30),
  entity_id      varchar(64),
  -- names of the fields a change touched, comma-separated; never their values
  changed_fields varchar(1000),
  detail         varchar(1000),
  client_address varchar(64),
  primary key (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_audit_event_at on audit_event (at, id);
create index ix_audit_event_entity on audit_event (entity_type, entity_id, at);
create index ix_audit_event_actor on audit_event (actor, at);
