-- Pairs of people a press officer said are two people, not one: the suggestion that they may be
-- one stays away unless something new links them (a reason not among those it had then).
create table duplicate_dismissal (
  -- the pair, the lower id first
  person_a     char(36)      not null,
  person_b     char(36)      not null,
  -- the reasons the suggestion had when it was dismissed, one per line: "KIND value"
  reasons      text          not null,
  dismissed_at datetime(6)   not null,
  dismissed_by varchar(250)  not null,
  primary key (person_a, person_b),
  constraint fk_duplicate_dismissal_a foreign key (person_a) references person (id) on delete cascade,
  constraint fk_duplicate_dismissal_b foreign key (person_b) references person (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
