-- Two records of one person merged into one: what each was before (as the API showed them), and
-- the contact blocks of the articles the merged person was on, before and after, so that the merge
-- can be undone exactly within 30 days, and only while nothing it touched has changed since.
create table person_merge (
  id                 char(36)     not null,
  kept_id            char(36)     not null,
  merged_id          char(36)     not null,
  kept_before        mediumtext   not null,
  merged_before      mediumtext   not null,
  -- the kept person as the merge left them: an undo requires them unchanged
  kept_after         mediumtext   not null,
  -- [{"articleId", "before": [contacts], "after": [contacts]}]
  articles           mediumtext   not null,
  merged_at          datetime(6)  not null,
  merged_by          varchar(250) not null,
  undone_at          datetime(6),
  undone_by          varchar(250),
  primary key (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_person_merge_kept on person_merge (kept_id, merged_at);

-- The id of a merged person answers with the person they were merged into (308), so that a CMS
-- holding the old id keeps working. A chain (merged into someone later merged again) is followed.
create table person_redirect (
  from_id  char(36) not null,
  to_id    char(36) not null,
  merge_id char(36) not null,
  primary key (from_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The states of the records before a merge or its undo (the API's JSON): what an auditor needs to
-- see what was combined, and what was brought back. Other entries name fields, never values.
alter table audit_event add column states mediumtext;
