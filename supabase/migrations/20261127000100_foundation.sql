-- Foundation: designated trades, SE and startup clusters, profiles, workshops, portfolio photos,
-- cluster memberships and startup companies, each with row-level security per operation and role.

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------- trades
create table public.trades (
  ksic_code text primary key check (ksic_code ~ '^[0-9]{2,5}$'),
  name_ko text not null check (length(name_ko) between 1 and 80),
  name_en text not null check (length(name_en) between 1 and 120),
  designated boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table public.trades is 'The designated manufacturing businesses of craftsmen, keyed by KSIC code (division C10-C33); data, so managers can change the list.';
alter table public.trades enable row level security;

-- ---------------------------------------------------------------- clusters
create table public.clusters (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('craft', 'startup')),
  name_ko text not null,
  name_en text not null,
  specialty_ko text,
  specialty_en text,
  trade_code text references public.trades (ksic_code),
  region_ko text not null,
  region_en text not null,
  district_ko text not null,
  district_en text not null,
  district_kind text not null check (district_kind in ('district', 'county')),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  description_ko text,
  description_en text,
  created_at timestamptz not null default now()
);
comment on table public.clusters is 'SE craftsman clusters (kind craft) and the startup/IT clusters they team up with (kind startup).';
create index clusters_trade_code_idx on public.clusters (trade_code);
alter table public.clusters enable row level security;

-- ---------------------------------------------------------------- profiles
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role text not null check (role in ('craftsman', 'startup', 'manager', 'operator')),
  display_name text not null default '' check (length(display_name) <= 80),
  created_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per account: the role chosen at sign-up (managers and operators are appointed).';
alter table public.profiles enable row level security;

-- ---------------------------------------------------------------- cluster managers
create table public.cluster_managers (
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (cluster_id, user_id)
);
comment on table public.cluster_managers is 'Support-center staff who curate a cluster''s members.';
create index cluster_managers_user_id_idx on public.cluster_managers (user_id);
alter table public.cluster_managers enable row level security;

-- ---------------------------------------------------------------- workshops
create or replace function public.is_valid_brn(brn text) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  digits text := replace(brn, '-', '');
  weights int[] := array[1, 3, 7, 1, 3, 7, 1, 3, 5];
  total int := 0;
  i int;
begin
  if brn !~ '^[0-9]{3}-[0-9]{2}-[0-9]{5}$' then
    return false;
  end if;
  for i in 1..9 loop
    total := total + substr(digits, i, 1)::int * weights[i];
  end loop;
  total := total + (substr(digits, 9, 1)::int * 5) / 10;
  return (10 - total % 10) % 10 = substr(digits, 10, 1)::int;
end;
$$;
comment on function public.is_valid_brn is 'Korean business registration number XXX-XX-XXXXX with its check digit.';

create table public.workshops (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references public.profiles (id) on delete set null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_ko text not null check (length(name_ko) between 1 and 80),
  name_en text check (length(name_en) <= 120),
  trade_code text not null references public.trades (ksic_code),
  employees int not null check (employees between 1 and 9999),
  business_registration_number text check (public.is_valid_brn(business_registration_number)),
  address_ko text not null default '',
  district_ko text not null default '',
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  description_ko text not null default '' check (length(description_ko) <= 4000),
  description_en text not null default '' check (length(description_en) <= 4000),
  processes text[] not null default '{}',
  equipment text[] not null default '{}',
  materials text[] not null default '{}',
  certifications text[] not null default '{}',
  min_order_units int check (min_order_units >= 1),
  lead_time_days int check (lead_time_days between 1 and 365),
  monthly_capacity_units int check (monthly_capacity_units >= 1),
  accepting_orders boolean not null default true,
  verified boolean not null default false,
  featured boolean not null default false,
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.workshops is 'A craftsman''s workshop and its capabilities. owner_id is null for members a cluster manager keeps on their behalf.';
create index workshops_owner_id_idx on public.workshops (owner_id);
create index workshops_trade_code_idx on public.workshops (trade_code);
alter table public.workshops enable row level security;

create table public.workshop_photos (
  id uuid primary key default gen_random_uuid(),
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  path text not null unique,
  thumb_path text not null unique,
  width int not null check (width > 0),
  height int not null check (height > 0),
  position int not null default 0,
  created_at timestamptz not null default now()
);
comment on table public.workshop_photos is 'Portfolio photos: re-encoded without EXIF, stored through the storage port with a thumbnail.';
create index workshop_photos_workshop_id_idx on public.workshop_photos (workshop_id);
alter table public.workshop_photos enable row level security;

-- ---------------------------------------------------------------- memberships
create table public.cluster_memberships (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  message text not null default '' check (length(message) <= 1000),
  decision_reason text check (length(decision_reason) <= 1000),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (cluster_id, workshop_id),
  check (status <> 'rejected' or length(coalesce(decision_reason, '')) > 0)
);
comment on table public.cluster_memberships is 'A workshop''s application to a cluster and the manager''s decision; only approved members count.';
create index cluster_memberships_workshop_id_idx on public.cluster_memberships (workshop_id);
create index cluster_memberships_cluster_status_idx on public.cluster_memberships (cluster_id, status);
alter table public.cluster_memberships enable row level security;

-- ---------------------------------------------------------------- companies
create table public.companies (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references public.profiles (id) on delete set null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_ko text not null check (length(name_ko) between 1 and 80),
  name_en text check (length(name_en) <= 120),
  builds_ko text not null default '' check (length(builds_ko) <= 2000),
  builds_en text not null default '' check (length(builds_en) <= 2000),
  startup_cluster_id uuid references public.clusters (id) on delete set null,
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  website text check (website ~ '^https?://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.companies is 'Startups and IT firms: the demand side that teams up with craftsmen.';
create index companies_owner_id_idx on public.companies (owner_id);
create index companies_startup_cluster_id_idx on public.companies (startup_cluster_id);
alter table public.companies enable row level security;

-- ---------------------------------------------------------------- helpers for policies
-- security definer: policies need these facts without tripping RLS on the tables they read
-- (and without recursion); they only ever answer about the calling user.
create or replace function private.app_role() returns text
language sql stable security definer set search_path = ''
as $$ select role from public.profiles where id = (select auth.uid()) $$;

create or replace function private.is_operator() returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.profiles where id = (select auth.uid()) and role = 'operator') $$;

create or replace function private.manages_cluster(cluster uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.cluster_managers where cluster_id = cluster and user_id = (select auth.uid())) $$;

create or replace function private.is_manager() returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.cluster_managers where user_id = (select auth.uid())) $$;

create or replace function private.owns_workshop(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.workshops where id = workshop and owner_id = (select auth.uid())) $$;

-- A manager looks after workshops that applied to (or belong to) one of their clusters.
create or replace function private.manages_workshop(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.cluster_memberships m
    join public.cluster_managers cm on cm.cluster_id = m.cluster_id
    where m.workshop_id = workshop and cm.user_id = (select auth.uid())
  )
$$;

-- Editing on a member's behalf is for approved members only.
create or replace function private.manages_member(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.cluster_memberships m
    join public.cluster_managers cm on cm.cluster_id = m.cluster_id
    where m.workshop_id = workshop and m.status = 'approved' and cm.user_id = (select auth.uid())
  )
$$;

create or replace function private.workshop_is_public(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.workshops where id = workshop and status = 'active') $$;

revoke all on all functions in schema private from public;
grant execute on all functions in schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------- policies: trades
create policy "trades are readable by anyone" on public.trades for select to anon using (true);
create policy "trades are readable by users" on public.trades for select to authenticated using (true);
create policy "managers add trades" on public.trades for insert to authenticated
  with check ((select private.is_manager()) or (select private.is_operator()));
create policy "managers edit trades" on public.trades for update to authenticated
  using ((select private.is_manager()) or (select private.is_operator()))
  with check ((select private.is_manager()) or (select private.is_operator()));
create policy "operators remove trades" on public.trades for delete to authenticated
  using ((select private.is_operator()));

-- ---------------------------------------------------------------- policies: clusters
create policy "clusters are readable by anyone" on public.clusters for select to anon using (true);
create policy "clusters are readable by users" on public.clusters for select to authenticated using (true);
create policy "operators add clusters" on public.clusters for insert to authenticated
  with check ((select private.is_operator()));
create policy "managers edit their cluster" on public.clusters for update to authenticated
  using ((select private.manages_cluster(id)) or (select private.is_operator()))
  with check ((select private.manages_cluster(id)) or (select private.is_operator()));
create policy "operators remove clusters" on public.clusters for delete to authenticated
  using ((select private.is_operator()));

-- ---------------------------------------------------------------- policies: profiles
create policy "users read their own profile" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select private.is_operator()));
create policy "users create their own profile" on public.profiles for insert to authenticated
  with check (id = (select auth.uid()) and role in ('craftsman', 'startup'));
create policy "users edit their own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
-- Only the display name is the user's to change; roles are chosen at sign-up or appointed.
revoke update on public.profiles from anon, authenticated;
grant update (display_name) on public.profiles to authenticated;

-- ---------------------------------------------------------------- policies: cluster managers
create policy "managers see their cluster's managers" on public.cluster_managers for select to authenticated
  using (user_id = (select auth.uid()) or (select private.manages_cluster(cluster_id)) or (select private.is_operator()));
create policy "operators appoint managers" on public.cluster_managers for insert to authenticated
  with check ((select private.is_operator()));
create policy "operators change managers" on public.cluster_managers for update to authenticated
  using ((select private.is_operator())) with check ((select private.is_operator()));
create policy "operators remove managers" on public.cluster_managers for delete to authenticated
  using ((select private.is_operator()));

-- ---------------------------------------------------------------- policies: workshops
create policy "active workshops are public" on public.workshops for select to anon
  using (status = 'active');
create policy "users see active, own and managed workshops" on public.workshops for select to authenticated
  using (status = 'active' or owner_id = (select auth.uid())
         or (select private.manages_workshop(id)) or (select private.is_operator()));
create policy "craftsmen create their workshop" on public.workshops for insert to authenticated
  with check (owner_id = (select auth.uid()) and (select private.app_role()) = 'craftsman'
              and verified = false and featured = false and status = 'active');
create policy "owners and their managers edit a workshop" on public.workshops for update to authenticated
  using (owner_id = (select auth.uid()) or (select private.manages_member(id)))
  with check (owner_id = (select auth.uid()) or (select private.manages_member(id)));
create policy "owners delete their workshop" on public.workshops for delete to authenticated
  using (owner_id = (select auth.uid()));

-- Curation flags are the managers' word, not the owner's.
create or replace function private.guard_workshop_curation() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if (new.verified, new.featured, new.status) is distinct from (old.verified, old.featured, old.status)
     and current_user in ('anon', 'authenticated')
     and not private.manages_workshop(new.id) and not private.is_operator() then
    raise exception 'only a cluster manager can change verified, featured or status' using errcode = '42501';
  end if;
  if new.owner_id is distinct from old.owner_id and current_user in ('anon', 'authenticated') then
    raise exception 'the owner of a workshop cannot be changed here' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger workshops_guard_curation before update on public.workshops
  for each row execute function private.guard_workshop_curation();

-- ---------------------------------------------------------------- policies: workshop photos
create policy "photos of active workshops are public" on public.workshop_photos for select to anon
  using ((select private.workshop_is_public(workshop_id)));
create policy "users see photos of visible workshops" on public.workshop_photos for select to authenticated
  using ((select private.workshop_is_public(workshop_id)) or (select private.owns_workshop(workshop_id))
         or (select private.manages_workshop(workshop_id)));
create policy "owners and managers add photos" on public.workshop_photos for insert to authenticated
  with check ((select private.owns_workshop(workshop_id)) or (select private.manages_member(workshop_id)));
create policy "owners and managers reorder photos" on public.workshop_photos for update to authenticated
  using ((select private.owns_workshop(workshop_id)) or (select private.manages_member(workshop_id)))
  with check ((select private.owns_workshop(workshop_id)) or (select private.manages_member(workshop_id)));
create policy "owners and managers remove photos" on public.workshop_photos for delete to authenticated
  using ((select private.owns_workshop(workshop_id)) or (select private.manages_member(workshop_id)));

-- ---------------------------------------------------------------- policies: memberships
create policy "approved memberships are public" on public.cluster_memberships for select to anon
  using (status = 'approved');
create policy "members, owners and managers see memberships" on public.cluster_memberships for select to authenticated
  using (status = 'approved' or (select private.owns_workshop(workshop_id))
         or (select private.manages_cluster(cluster_id)) or (select private.is_operator()));
create policy "owners apply to craft clusters" on public.cluster_memberships for insert to authenticated
  with check ((select private.owns_workshop(workshop_id)) and status = 'pending' and decided_by is null
              and exists (select 1 from public.clusters c where c.id = cluster_id and c.kind = 'craft'));
create policy "managers decide on applications" on public.cluster_memberships for update to authenticated
  using ((select private.manages_cluster(cluster_id))) with check ((select private.manages_cluster(cluster_id)));
create policy "owners withdraw pending applications" on public.cluster_memberships for delete to authenticated
  using ((select private.owns_workshop(workshop_id)) and status = 'pending');
revoke update on public.cluster_memberships from anon, authenticated;
grant update (status, decision_reason, decided_by, decided_at) on public.cluster_memberships to authenticated;

-- ---------------------------------------------------------------- policies: companies
create policy "companies are public" on public.companies for select to anon using (true);
create policy "companies are visible to users" on public.companies for select to authenticated using (true);
create policy "startups create their company" on public.companies for insert to authenticated
  with check (owner_id = (select auth.uid()) and (select private.app_role()) = 'startup');
create policy "owners edit their company" on public.companies for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy "owners delete their company" on public.companies for delete to authenticated
  using (owner_id = (select auth.uid()));

-- ---------------------------------------------------------------- new accounts get a profile
-- user_metadata is the user's own to write, so only the two self-service roles are taken from it.
create or replace function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  chosen text := new.raw_user_meta_data ->> 'role';
begin
  insert into public.profiles (id, role, display_name)
  values (
    new.id,
    case when chosen in ('craftsman', 'startup') then chosen else 'startup' end,
    coalesce(left(new.raw_user_meta_data ->> 'display_name', 80), '')
  );
  return new;
end;
$$;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();
