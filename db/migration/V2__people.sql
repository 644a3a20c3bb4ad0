-- A person with contact points and topics. Text columns use utf8mb4_unicode_ci, which is case- and
-- accent-insensitive on MySQL 8 and MariaDB alike, so "Lopez" compares equal to "López".
create table person (
  id                   char(36)     not null,
  honorific_prefix     varchar(100),
  given_name           varchar(200),
  additional_names     varchar(200),
  family_name          varchar(200),
  honorific_suffix     varchar(100),
  display_name         varchar(400) not null,
  -- false when display_name was derived from the name parts (and follows them when they change)
  display_name_given   boolean      not null,
  name_order           varchar(20)  not null,
  phonetic_given_name  varchar(200),
  phonetic_family_name varchar(200),
  pronouns             varchar(60),
  linkedin_url         varchar(300),
  notes                text,
  lawful_basis         varchar(30),
  source               varchar(500),
  -- folded "family given" key for a stable alphabetical order and cursor pagination
  sort_name            varchar(400) not null,
  created_at           datetime(6)  not null,
  updated_at           datetime(6)  not null,
  version              int          not null,
  primary key (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_person_sort on person (sort_name, id);

create table person_email (
  person_id  char(36)     not null,
  position   int          not null,
  value      varchar(320) not null,
  label      varchar(60),
  visibility varchar(10)  not null,
  is_primary boolean      not null,
  primary key (person_id, position),
  constraint fk_person_email_person foreign key (person_id) references person (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_person_email_value on person_email (value);

create table person_phone (
  person_id  char(36)    not null,
  position   int         not null,
  -- E.164, e.g. +441223000000
  value      varchar(20) not null,
  kind       varchar(10) not null,
  label      varchar(60),
  visibility varchar(10) not null,
  is_primary boolean     not null,
  primary key (person_id, position),
  constraint fk_person_phone_person foreign key (person_id) references person (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_person_phone_value on person_phone (value);

create table person_topic (
  person_id char(36)     not null,
  topic     varchar(100) not null,
  primary key (person_id, topic),
  constraint fk_person_topic_person foreign key (person_id) references person (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_person_topic_topic on person_topic (topic, person_id);
