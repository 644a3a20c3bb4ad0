-- Services (the CMS, scripts) with API keys. A key is "pd_<key_id>_<secret>": the key id finds the
-- row, the secret is kept only as its SHA-256 (it has 256 random bits, so a slow hash adds nothing).
-- Revoked clients are kept, so that the audit trail can still name them.
create table api_client (
  id            char(36)     not null,
  name          varchar(200) not null,
  -- space-separated: people:read people:write articles:read articles:write export import
  scopes        varchar(200) not null,
  key_id        varchar(20)  not null,
  secret_hash   char(64)     not null,
  created_at    datetime(6)  not null,
  expires_at    datetime(6),
  revoked_at    datetime(6),
  last_used_at  datetime(6),
  key_issued_at datetime(6)  not null,
  version       int          not null,
  primary key (id),
  constraint uq_api_client_key_id unique (key_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
