-- One row that an import locks (SELECT … FOR UPDATE) for its whole transaction: imports run one
-- after another, on every instance, so that two files naming the same new person or organisation
-- never both create it (each import matches against what the one before it wrote).
create table import_lock (
  name varchar(20) not null,
  primary key (name)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

insert into import_lock (name) values ('imports');
