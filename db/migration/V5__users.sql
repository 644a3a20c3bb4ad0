-- Staff accounts. One role each; roles are ordered ADMIN > EDITOR > VIEWER.
create table app_user (
  id            char(36)     not null,
  username      varchar(100) not null,
  password_hash varchar(200) not null,
  role          varchar(10)  not null,
  enabled       boolean      not null,
  created_at    datetime(6)  not null,
  updated_at    datetime(6)  not null,
  version       int          not null,
  primary key (id),
  constraint uk_app_user_username unique (username)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
