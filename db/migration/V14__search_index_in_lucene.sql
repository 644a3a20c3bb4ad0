-- People are found through an index each instance keeps in memory (Lucene), built from the
-- database at start and kept current by following change_log: the table of search terms is no
-- longer read or written.
drop table person_search_term;
