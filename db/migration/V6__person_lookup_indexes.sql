-- Imports look people up by name (likely duplicates) and by LinkedIn profile (matches).
create index ix_person_name on person (family_name, given_name);
create index ix_person_linkedin on person (linkedin_url);
