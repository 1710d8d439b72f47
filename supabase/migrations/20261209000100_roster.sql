-- Member import and claim (issue 16): a cluster manager uploads the roster they keep (CSV or XLSX),
-- maps its columns, sees a dry run row by row and imports it; the members land as workshops without
-- an owner (kept by the manager on their behalf), approved members of the cluster, each with a claim
-- code. Re-importing the same file changes nothing: rows are upserted by business registration
-- number (BRN) per cluster. A craftsman signs up, enters the code and the BRN, and takes the listing
-- over. The import and the claim run as set-based statements in security definer functions (a
-- manager cannot insert workshops through RLS), which check who is asking; the tables themselves
-- are readable by the cluster's managers and the operator only.

-- ---------------------------------------------------------------- uploads
-- A parsed upload between the preview and the import (headers and cells as text); short-lived.
create table public.roster_uploads (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  uploaded_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  file_name text not null default '' check (length(file_name) <= 200),
  encoding text not null default 'utf-8' check (encoding in ('utf-8', 'euc-kr', 'utf-16', 'xlsx')),
  headers jsonb not null check (jsonb_typeof(headers) = 'array'),
  rows jsonb not null check (jsonb_typeof(rows) = 'array'),
  created_at timestamptz not null default now()
);
comment on table public.roster_uploads is 'A roster file a cluster manager uploaded, parsed to text cells, kept between the column mapping and the import.';
create index roster_uploads_cluster_idx on public.roster_uploads (cluster_id, created_at desc);
alter table public.roster_uploads enable row level security;

create policy "managers see their clusters' uploads" on public.roster_uploads for select to authenticated
  using ((select private.manages_cluster(cluster_id)));
create policy "managers upload rosters for their clusters" on public.roster_uploads for insert to authenticated
  with check ((select private.manages_cluster(cluster_id)) and uploaded_by = (select auth.uid()));
create policy "managers remove their clusters' uploads" on public.roster_uploads for delete to authenticated
  using ((select private.manages_cluster(cluster_id)));
revoke all on public.roster_uploads from anon;
revoke update on public.roster_uploads from authenticated;

-- ---------------------------------------------------------------- imports
create table public.roster_imports (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  imported_by uuid references public.profiles (id) on delete set null,
  file_name text not null default '' check (length(file_name) <= 200),
  row_count int not null check (row_count >= 0),
  created_count int not null default 0 check (created_count >= 0),
  updated_count int not null default 0 check (updated_count >= 0),
  unchanged_count int not null default 0 check (unchanged_count >= 0),
  at timestamptz not null default now()
);
comment on table public.roster_imports is 'Each roster import a cluster manager ran: how many members it created, updated and left unchanged.';
create index roster_imports_cluster_idx on public.roster_imports (cluster_id, at desc);
alter table public.roster_imports enable row level security;

create policy "managers see their clusters' imports" on public.roster_imports for select to authenticated
  using ((select private.manages_cluster(cluster_id)) or (select private.is_operator()));
revoke all on public.roster_imports from anon;
revoke insert, update, delete on public.roster_imports from authenticated;

-- ---------------------------------------------------------------- imported members
create table public.roster_members (
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  brn text not null check (public.is_valid_brn(brn) and brn ~ '^\d{3}-\d{2}-\d{5}$'),
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  representative text not null default '' check (length(representative) <= 80),
  phone text not null default '' check (length(phone) <= 40),
  email text not null default '' check (length(email) <= 254),
  -- 8 letters and digits without 0/O, 1/I/L: read aloud or typed from paper.
  claim_code text not null unique check (claim_code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  invited_email text check (length(invited_email) <= 254),
  invited_at timestamptz,
  claimed_by uuid references public.profiles (id) on delete set null,
  claimed_at timestamptz,
  import_id uuid references public.roster_imports (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (cluster_id, brn)
);
comment on table public.roster_members is 'Members a cluster manager imported from their roster, keyed by BRN per cluster, with the code their craftsman claims the listing with.';
create index roster_members_workshop_idx on public.roster_members (workshop_id);
alter table public.roster_members enable row level security;

create policy "managers see their clusters' imported members" on public.roster_members for select to authenticated
  using ((select private.manages_cluster(cluster_id)) or (select private.is_operator()));
create policy "managers invite their clusters' members to claim" on public.roster_members for update to authenticated
  using ((select private.manages_cluster(cluster_id))) with check ((select private.manages_cluster(cluster_id)));
revoke all on public.roster_members from anon;
revoke insert, update, delete on public.roster_members from authenticated;
grant update (invited_email, invited_at) on public.roster_members to authenticated;

-- Claims are recorded by the craftsman who claims; the audit trail's actor may be one.
alter table public.audit_entries drop constraint audit_entries_actor_role_check;
alter table public.audit_entries add constraint audit_entries_actor_role_check
  check (actor_role in ('manager', 'operator', 'craftsman'));

create or replace function private.audit_roster_member() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.invited_at is distinct from old.invited_at and new.invited_at is not null then
    perform private.audit_write('member.claim_invited', new.cluster_id, new.workshop_id, null, null, null,
      jsonb_build_object('email', new.invited_email));
  end if;
  return null;
end;
$$;
create trigger roster_members_audit after update on public.roster_members
  for each row execute function private.audit_roster_member();

-- ---------------------------------------------------------------- the import
-- rows: [{brn (XXX-XX-XXXXX), name, representative, trade_code, employees, address, district, lat, lng,
-- phone, email, code, slug}], already checked by the domain rules (src/lib/domain/roster.ts). Each row
-- comes back with its status: new, changed, unchanged, claimed (its owner keeps their listing) or
-- member (the BRN is already a member of the cluster that was not imported). dry: nothing is written.
create or replace function public.roster_import(cluster uuid, file_name text, rows jsonb, dry boolean)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  import uuid;
  counts jsonb;
  statuses jsonb;
begin
  if not private.manages_cluster(cluster) then
    raise exception 'only a manager of the cluster imports its roster' using errcode = '42501';
  end if;
  create temp table if not exists pg_temp.roster_rows (
    brn text, name text, representative text, trade_code text, employees int, address text,
    district text, lat double precision, lng double precision, phone text, email text, code text, slug text,
    status text, workshop_id uuid
  ) on commit drop;
  truncate pg_temp.roster_rows;
  insert into pg_temp.roster_rows (brn, name, representative, trade_code, employees, address, district, lat, lng, phone, email, code, slug)
  select r.brn, r.name, coalesce(r.representative, ''), r.trade_code, r.employees, coalesce(r.address, ''),
         coalesce(r.district, ''), r.lat, r.lng, coalesce(r.phone, ''), coalesce(r.email, ''), r.code, r.slug
  from jsonb_to_recordset(rows) as r(brn text, name text, representative text, trade_code text, employees int,
    address text, district text, lat double precision, lng double precision, phone text, email text, code text, slug text);

  -- The domain rules were checked by the app; a direct call gets the same rules, not a way around them.
  if exists (select 1 from pg_temp.roster_rows r
             where r.brn is null or not public.is_valid_brn(r.brn) or r.brn !~ '^\d{3}-\d{2}-\d{5}$'
                or r.employees is null or r.employees not between 1 and 9
                or not exists (select 1 from public.trades t where t.ksic_code = r.trade_code and t.designated)
                or r.code is null or r.slug is null)
     or (select count(*) from pg_temp.roster_rows) <> (select count(distinct brn) from pg_temp.roster_rows) then
    raise exception 'roster rows break the import rules' using errcode = '22023';
  end if;

  update pg_temp.roster_rows r set workshop_id = rm.workshop_id,
    status = case
      when w.owner_id is not null then 'claimed'
      when (w.name_ko, w.trade_code, w.employees, w.address_ko, w.district_ko, rm.representative, rm.phone, rm.email)
           is distinct from (r.name, r.trade_code, r.employees, r.address, r.district, r.representative, r.phone, r.email) then 'changed'
      else 'unchanged' end
  from public.roster_members rm join public.workshops w on w.id = rm.workshop_id
  where rm.cluster_id = cluster and rm.brn = r.brn;
  update pg_temp.roster_rows r set status = 'member', workshop_id = m.workshop_id
  from public.cluster_memberships m join public.workshops w on w.id = m.workshop_id
  where r.status is null and m.cluster_id = cluster and w.business_registration_number = r.brn;
  update pg_temp.roster_rows set status = 'new' where status is null;

  select jsonb_build_object(
    'new', count(*) filter (where status = 'new'), 'changed', count(*) filter (where status = 'changed'),
    'unchanged', count(*) filter (where status = 'unchanged'), 'claimed', count(*) filter (where status = 'claimed'),
    'member', count(*) filter (where status = 'member')),
    coalesce(jsonb_object_agg(brn, status), '{}')
  into counts, statuses from pg_temp.roster_rows;
  if dry then
    return jsonb_build_object('counts', counts, 'statuses', statuses, 'import_id', null);
  end if;

  insert into public.roster_imports (cluster_id, imported_by, file_name, row_count, created_count, updated_count, unchanged_count)
  values (cluster, (select auth.uid()), left(coalesce(file_name, ''), 200), (select count(*) from pg_temp.roster_rows),
          (counts ->> 'new')::int, (counts ->> 'changed')::int,
          (counts ->> 'unchanged')::int + (counts ->> 'claimed')::int + (counts ->> 'member')::int)
  returning id into import;

  with created as (
    insert into public.workshops (slug, name_ko, trade_code, employees, business_registration_number, address_ko, district_ko, lat, lng)
    select slug, name, trade_code, employees, brn, address, district, lat, lng from pg_temp.roster_rows where status = 'new'
    returning id, business_registration_number
  ), joined as (
    insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_by, decided_at)
    select cluster, c.id, 'approved', (select auth.uid()), now() from created c
    returning workshop_id
  )
  insert into public.roster_members (cluster_id, brn, workshop_id, representative, phone, email, claim_code, import_id)
  select cluster, r.brn, c.id, r.representative, r.phone, r.email, r.code, import
  from created c join pg_temp.roster_rows r on r.brn = c.business_registration_number and r.status = 'new';

  update public.workshops w set name_ko = r.name, trade_code = r.trade_code, employees = r.employees,
    address_ko = r.address, district_ko = r.district, lat = coalesce(r.lat, w.lat), lng = coalesce(r.lng, w.lng)
  from pg_temp.roster_rows r
  where r.status = 'changed' and w.id = r.workshop_id and w.owner_id is null
    and (w.name_ko, w.trade_code, w.employees, w.address_ko, w.district_ko) is distinct from (r.name, r.trade_code, r.employees, r.address, r.district);
  update public.roster_members rm set representative = r.representative, phone = r.phone, email = r.email,
    import_id = import, updated_at = now()
  from pg_temp.roster_rows r
  where r.status = 'changed' and rm.cluster_id = cluster and rm.brn = r.brn;

  perform private.audit_write('roster.imported', cluster, null, null, null, null,
    jsonb_build_object('file', file_name, 'rows', (select count(*) from pg_temp.roster_rows)) || counts);
  return jsonb_build_object('counts', counts, 'statuses', statuses, 'import_id', import);
end;
$$;
revoke all on function public.roster_import(uuid, text, jsonb, boolean) from public, anon;
grant execute on function public.roster_import(uuid, text, jsonb, boolean) to authenticated;

-- ---------------------------------------------------------------- the claim
-- The signed-in craftsman takes over the listing of the code when the BRN matches; the membership
-- stays approved. Errors are words the page turns into messages: not_craftsman, bad_code,
-- brn_mismatch, has_workshop.
create or replace function public.roster_claim(typed_code text, typed_brn text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  rm public.roster_members;
begin
  if me is null or not exists (select 1 from public.profiles p where p.id = me and p.role = 'craftsman') then
    raise exception 'not_craftsman' using errcode = 'P0001';
  end if;
  select * into rm from public.roster_members r
  where r.claim_code = upper(replace(replace(typed_code, '-', ''), ' ', '')) and r.claimed_at is null
  for update;
  if not found then
    raise exception 'bad_code' using errcode = 'P0001';
  end if;
  if regexp_replace(coalesce(typed_brn, ''), '\D', '', 'g') <> replace(rm.brn, '-', '') then
    raise exception 'brn_mismatch' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.workshops w where w.owner_id = me and w.status = 'active') then
    raise exception 'has_workshop' using errcode = 'P0001';
  end if;
  update public.workshops set owner_id = me where id = rm.workshop_id and owner_id is null;
  if not found then
    raise exception 'bad_code' using errcode = 'P0001';
  end if;
  update public.roster_members r set claimed_by = me, claimed_at = now(), updated_at = now()
  where r.cluster_id = rm.cluster_id and r.brn = rm.brn;
  insert into public.audit_entries (actor_id, actor_role, actor_name, action, cluster_id, workshop_id, subject_user_id, before, after)
  values (me, 'craftsman', coalesce((select p.display_name from public.profiles p where p.id = me), ''), 'member.claimed',
          rm.cluster_id, rm.workshop_id, me, jsonb_build_object('owner_id', null), jsonb_build_object('owner_id', me));
  return rm.workshop_id;
end;
$$;
revoke all on function public.roster_claim(text, text) from public, anon;
grant execute on function public.roster_claim(text, text) to authenticated;
