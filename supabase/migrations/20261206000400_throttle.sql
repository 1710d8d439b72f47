-- Throttling kept in the database, so that several instances of the app count together: a probe tried
-- 30 wrong passwords for one account in about a second and then signed in. One row per key (for
-- example `signin:account:<email>`), counting hits in a fixed window. Only the server's own role uses
-- it; no API role may read or write it.
create table private.throttle (
  key text primary key check (length(key) <= 300),
  hits int not null check (hits >= 0),
  window_ends timestamptz not null
);
comment on table private.throttle is 'Hits per key in the current window (sign-in, sign-up, mail, uploads, search API): the server''s own.';
alter table private.throttle enable row level security;
revoke all on private.throttle from anon, authenticated;
create index throttle_window_ends_idx on private.throttle (window_ends);
