-- Shim: what a Supabase project provides and a plain PostgreSQL lacks.
-- Applied by the app's migration runner to the embedded database (and CI's) only; never to Supabase.
-- Definitions follow Supabase's own (auth.uid() etc. read request.jwt.claims).

do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

grant anon, authenticated, service_role to current_user;

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;
create extension if not exists citext with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_anonymous boolean not null default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
comment on table auth.users is 'Shim of Supabase Auth''s users table: the columns this app uses.';

-- The embedded auth adapter's sessions, in the shape of GoTrue's: a session cookie is honoured only
-- while its row exists, so signing out (deleting the row) ends it for every copy of the cookie.
create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  not_after timestamptz not null
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
-- GoTrue's columns for a session's device and its last use (the account page lists them), and for a
-- soft-deleted user (GoTrue's admin API sets deleted_at; the app's account deletion does too). Added
-- here, not in a migration: on Supabase these columns are GoTrue's and the app may not alter its tables.
alter table auth.sessions add column if not exists user_agent text;
alter table auth.sessions add column if not exists refreshed_at timestamptz;
alter table auth.users add column if not exists deleted_at timestamptz;
-- Suspension by the operator (GoTrue refuses sign-in while banned_until is in the future).
alter table auth.users add column if not exists banned_until timestamptz;

-- Single-use tokens (password recovery, email confirmation), in the shape of GoTrue's: only a hash is kept.
create table if not exists auth.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null check (token_type in ('recovery_token')),
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
-- Email confirmation links too (GoTrue's confirmation_token), for databases made before they existed.
alter table auth.one_time_tokens drop constraint if exists one_time_tokens_token_type_check;
alter table auth.one_time_tokens add constraint one_time_tokens_token_type_check
  check (token_type in ('recovery_token', 'confirmation_token'));
alter table auth.one_time_tokens enable row level security;
revoke all on auth.one_time_tokens from anon, authenticated;
comment on table auth.sessions is 'Shim of Supabase Auth''s sessions: the server''s own, never readable through the API roles.';
alter table auth.sessions enable row level security;
revoke all on auth.sessions from anon, authenticated;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

-- Supabase's default privileges: API roles may use public objects; RLS decides rows.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant execute on functions to anon, authenticated, service_role;
