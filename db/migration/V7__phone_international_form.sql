-- Each phone number also as it is dialled from abroad, grouped for reading (+44 1223 000000).
-- It is formatted once when the number is written: formatting it again for every card of a large
-- export cost more than reading it. Rows written before this column existed are filled in by the
-- service when it starts (PhoneFormatBackfill), since SQL cannot format phone numbers.
alter table person_phone add column international varchar(40);
