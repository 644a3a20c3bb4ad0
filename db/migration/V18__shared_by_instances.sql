-- What several instances on one database must share, so that any of them serves any request.

-- Browser sessions: Spring Session JDBC's own schema for MySQL (its names, in capitals, as it
-- queries them), written here rather than by Spring Session so that Flyway alone makes tables.
create table SPRING_SESSION (
  PRIMARY_ID            char(36)     not null,
  SESSION_ID            char(36)     not null,
  CREATION_TIME         bigint       not null,
  LAST_ACCESS_TIME      bigint       not null,
  MAX_INACTIVE_INTERVAL int          not null,
  EXPIRY_TIME           bigint       not null,
  PRINCIPAL_NAME        varchar(100),
  constraint SPRING_SESSION_PK primary key (PRIMARY_ID)
);

create unique index SPRING_SESSION_IX1 on SPRING_SESSION (SESSION_ID);
create index SPRING_SESSION_IX2 on SPRING_SESSION (EXPIRY_TIME);
create index SPRING_SESSION_IX3 on SPRING_SESSION (PRINCIPAL_NAME);

create table SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID char(36)     not null,
  ATTRIBUTE_NAME     varchar(200) not null,
  -- longblob rather than Spring Session's blob (64 KB): an import's file (up to 10 MB) waits in
  -- the session between its dry run and its confirmation
  ATTRIBUTE_BYTES    longblob     not null,
  constraint SPRING_SESSION_ATTRIBUTES_PK primary key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  constraint SPRING_SESSION_ATTRIBUTES_FK foreign key (SESSION_PRIMARY_ID) references SPRING_SESSION (PRIMARY_ID)
    on delete cascade
);

-- Scheduled work done once across instances (clean-ups): the instance that takes the lease runs
-- it; the others skip it until the lease has run out.
create table job_lease (
  name         varchar(60)  not null,
  holder       varchar(100) not null,
  leased_until datetime(6)  not null,
  primary key (name)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Failed logins, counted by every instance alike: per account and address ("ACCOUNT"), and per
-- address ("ADDRESS"). Keys hold a user id or a typed name, and an address; no passwords.
create table login_failure (
  kind          varchar(10)  not null,
  failure_key   varchar(400) not null,
  count         int          not null,
  since         datetime(6)  not null,
  last          datetime(6)  not null,
  refusal_noted boolean      not null,
  primary key (kind, failure_key)
) default charset = utf8mb4 collate = utf8mb4_bin;

create index ix_login_failure_last on login_failure (last);

-- Rate limits, one token bucket per client and limit (scope), shared by every instance: each takes
-- a few tokens at a time (a slice) and spends them without asking again, so the database is asked
-- about one request in many, and the sum of what all instances let through stays within the limit.
create table rate_bucket (
  scope   varchar(10)  not null,
  client  varchar(300) not null,
  tokens  double       not null,
  -- when the tokens were counted, in epoch milliseconds
  counted bigint       not null,
  primary key (scope, client)
) default charset = utf8mb4 collate = utf8mb4_bin;

create index ix_rate_bucket_counted on rate_bucket (counted);
