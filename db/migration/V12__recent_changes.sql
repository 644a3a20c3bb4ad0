-- The home page shows the people changed and the articles published most recently: both read the
-- newest few rows of an index instead of sorting the tables.
create index ix_person_updated on person (updated_at);
create index ix_article_published on article (status, published_at);
