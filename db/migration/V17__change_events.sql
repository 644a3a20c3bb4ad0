-- The change log is also the outbox of change events (webhooks, GET /api/v1/changes): rows get a
-- sequence once committed, handed out in order by one sequencer at a time (the change_sequence
-- row is its lock), so that a reader going by sequence never meets a row that commits below one
-- it has read. Positions stay what the search index follows.
alter table change_log add column sequence bigint;
-- more than the subject's id, for events that need it: ids, slugs and references, no personal data
alter table change_log add column data varchar(1000);
create unique index ix_change_log_sequence on change_log (sequence);

create table change_sequence (
  id   int    not null,
  last bigint not null,
  primary key (id)
);
insert into change_sequence (id, last) values (1, 0);

-- Where change events are sent (Standard Webhooks 1.0). The signing secrets are stored encrypted
-- (AES-GCM) with a key that is not in the database, so that a dump alone cannot forge a signature.
create table webhook_endpoint (
  id                    char(36)      not null,
  url                   varchar(2000) not null,
  -- the event types, one per line; "*" for all
  events                varchar(2000) not null,
  description           varchar(500),
  secret                varchar(200)  not null,
  -- after a rotation the old secret signs too, until previous_secret_until
  previous_secret       varchar(200),
  previous_secret_until datetime(6),
  enabled               boolean       not null,
  disabled_reason       varchar(300),
  created_at            datetime(6)   not null,
  updated_at            datetime(6)   not null,
  version               int           not null,
  primary key (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One event to one endpoint: at least once, the same webhook-id on every attempt. An instance
-- claims a delivery (claimed_until) before sending it, so that one instance at a time sends it.
create table webhook_delivery (
  id              char(36)      not null,
  endpoint_id     char(36)      not null,
  -- the event's sequence in the change log (null for a test event)
  sequence        bigint,
  message_id      varchar(60)   not null,
  event_type      varchar(40)   not null,
  -- deliveries of one subject (an article, a person) to one endpoint keep their order
  ordering_key    varchar(80)   not null,
  payload         varchar(2000) not null,
  status          varchar(12)   not null,
  attempts        int           not null,
  next_attempt_at datetime(6)   not null,
  claimed_until   datetime(6),
  last_attempt_at datetime(6),
  last_status     int,
  last_error      varchar(500),
  created_at      datetime(6)   not null,
  primary key (id),
  constraint uq_webhook_delivery_message unique (endpoint_id, message_id),
  constraint fk_webhook_delivery_endpoint foreign key (endpoint_id) references webhook_endpoint (id)
    on delete cascade,
  constraint ck_webhook_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_order on webhook_delivery (endpoint_id, ordering_key, status, sequence);
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);
