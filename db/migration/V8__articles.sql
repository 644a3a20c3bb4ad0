-- News articles and the contacts named under them ("For further information please contact ...").
create table article (
  id           char(36)      not null,
  -- lower-case ASCII words joined by hyphens: the public address /press/{slug}
  slug         varchar(120)  not null,
  title        varchar(500)  not null,
  summary      text,
  url          varchar(1000),
  status       varchar(12)   not null,
  published_at datetime(6),
  -- the CMS's own id for the article; unique, so that create-or-update by it is idempotent
  external_ref varchar(200),
  created_at   datetime(6)   not null,
  updated_at   datetime(6)   not null,
  version      int           not null,
  primary key (id),
  constraint uq_article_slug unique (slug),
  constraint uq_article_external_ref unique (external_ref),
  constraint ck_article_status check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_article_created on article (created_at, id);

create table article_topic (
  article_id char(36)     not null,
  topic      varchar(100) not null,
  primary key (article_id, topic),
  constraint fk_article_topic_article foreign key (article_id) references article (id) on delete cascade
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The ordered contact block of an article. A person is on an article at most once.
create table article_contact (
  article_id     char(36)     not null,
  position       int          not null,
  person_id      char(36)     not null,
  role           varchar(20)  not null,
  -- the affiliation whose title and organisation are shown; one of the person's own
  affiliation_id char(36),
  -- what was shown when the article was published ("as published"): the title, and the
  -- organisation's names from the top of its tree down, one per line. Null while not published.
  published_title         varchar(300),
  published_organisation  varchar(2000),
  primary key (article_id, position),
  constraint uq_article_contact_person unique (article_id, person_id),
  constraint fk_article_contact_article foreign key (article_id) references article (id) on delete cascade,
  -- people on published articles are removed by the service, which decides and records it first
  constraint fk_article_contact_person foreign key (person_id) references person (id) on delete cascade,
  constraint fk_article_contact_affiliation foreign key (affiliation_id) references affiliation (id)
    on delete set null,
  constraint ck_article_contact_role check (role in ('PRESS_CONTACT', 'SPOKESPERSON', 'QUOTED', 'MENTIONED'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_article_contact_person on article_contact (person_id, article_id);
