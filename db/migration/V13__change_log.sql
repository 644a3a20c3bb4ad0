-- The change log (../shared/design/ARCHITECTURE.md): one row per change to what someone may see,
-- written in the transaction of the change, so a rolled-back change never appears and a committed
-- one always does. Every instance follows it in order of position: its search index applies the
-- changed people (and later the public cache and webhook deliveries). Ids and kinds only, no
-- personal data; rows older than 30 days are deleted.
create table change_log (
  -- positions are handed out at insert, not at commit: a follower keeps the gaps it saw open for
  -- as long as a transaction may last, so a slower transaction's row is not skipped
  position   bigint       not null auto_increment,
  subject    varchar(20)  not null,
  subject_id char(36)     not null,
  kind       varchar(20)  not null,
  changed_at datetime(6)  not null,
  primary key (position)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- where a follower starts (the newest row older than the longest transaction), and retention
create index ix_change_log_changed_at on change_log (changed_at);
