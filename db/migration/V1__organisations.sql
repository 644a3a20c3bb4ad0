-- Organisations form a tree through parent_id (University -> Institute; Government -> Embassy).
create table organisation (
  id           char(36)     not null,
  name         varchar(300) not null,
  short_name   varchar(100),
  kind         varchar(20)  not null,
  country      char(2),
  website      varchar(500),
  linkedin_url varchar(500),
  parent_id    char(36),
  created_at   datetime(6)  not null,
  updated_at   datetime(6)  not null,
  version      int          not null,
  primary key (id),
  constraint fk_organisation_parent foreign key (parent_id) references organisation (id),
  constraint ck_organisation_not_own_parent check (parent_id is null or parent_id <> id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_organisation_name on organisation (name, id);
create index ix_organisation_parent on organisation (parent_id);
