-- A person's role at an organisation. An open end date means the affiliation is current;
-- ended ones are kept as history.
create table affiliation (
  id              char(36)     not null,
  person_id       char(36)     not null,
  organisation_id char(36)     not null,
  title           varchar(300),
  department      varchar(300),
  role            varchar(300),
  start_date      date,
  end_date        date,
  is_primary      boolean      not null,
  created_at      datetime(6)  not null,
  primary key (id),
  constraint fk_affiliation_person foreign key (person_id) references person (id) on delete cascade,
  constraint fk_affiliation_organisation foreign key (organisation_id) references organisation (id),
  constraint ck_affiliation_dates check (end_date is null or start_date is null or end_date >= start_date)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_affiliation_person on affiliation (person_id);
create index ix_affiliation_organisation on affiliation (organisation_id, person_id);
