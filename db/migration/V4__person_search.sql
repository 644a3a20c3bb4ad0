-- Search index: the folded words under which a person is found (names, phonetic names, emails,
-- phone digits, topics, and the titles and organisation names of their affiliations).
-- Terms that come from an affiliation with an end date stop matching after valid_until, so an
-- ended role stops finding the person without any write. Searching is a prefix range scan on term.
-- Terms are folded by the service (lower case, no accents), so they compare as plain bytes.
create table person_search_term (
  term        varchar(100) collate utf8mb4_bin not null,
  person_id   char(36)     not null,
  valid_until date,
  -- clustered by term, so a prefix search reads neighbouring rows and never the table besides
  primary key (term, person_id),
  constraint fk_person_search_term_person foreign key (person_id) references person (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- (person_id, term): removing a person's terms, and checking one word for one person
create index ix_person_search_term_person on person_search_term (person_id, term);
