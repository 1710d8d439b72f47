-- Audit trail (issue 16): every cluster manager's and operator's action on members, applications,
-- listings, requests, clusters and accounts, recorded append-only in the same transaction as the
-- action by triggers on the tables they change: who, when, what, and the changed fields before and
-- after (edits on a member's behalf). Nobody updates, deletes or truncates an entry, not the operator
-- and not the service role: a trigger refuses it whoever asks. The API roles cannot insert entries
-- either; only the triggers write them (security definer). Managers see their clusters' entries,
-- the operator sees all.

create table public.audit_entries (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_role text not null check (actor_role in ('manager', 'operator')),
  -- The actor's name as it was then: entries are read by people who may not read others' profiles.
  actor_name text not null default '',
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  cluster_id uuid,
  workshop_id uuid,
  request_id uuid,
  subject_user_id uuid,
  before jsonb,
  after jsonb,
  note text check (length(note) <= 2000)
);
comment on table public.audit_entries is 'Append-only record of managers'' and operators'' actions (who, when, what, before/after), written by triggers in the same transaction as the action.';
-- No foreign keys on purpose: an entry outlives what it is about and must never be changed by a cascade.
create index audit_entries_cluster_at_idx on public.audit_entries (cluster_id, at desc);
create index audit_entries_workshop_at_idx on public.audit_entries (workshop_id, at desc);
create index audit_entries_at_idx on public.audit_entries (at desc);
create index audit_entries_actor_idx on public.audit_entries (actor_id);
alter table public.audit_entries enable row level security;

create policy "the operator sees every audit entry" on public.audit_entries for select to authenticated
  using ((select private.is_operator()));
create policy "managers see their clusters' audit entries" on public.audit_entries for select to authenticated
  using ((select private.manages_cluster(cluster_id)));
revoke all on public.audit_entries from anon;
revoke insert, update, delete, truncate, references, trigger on public.audit_entries from authenticated, service_role;
grant select on public.audit_entries to authenticated, service_role;

create or replace function private.audit_immutable() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit entries are append-only' using errcode = '42501';
end;
$$;
create trigger audit_entries_immutable before update or delete on public.audit_entries
  for each row execute function private.audit_immutable();
create trigger audit_entries_no_truncate before truncate on public.audit_entries
  for each statement execute function private.audit_immutable();

-- ---------------------------------------------------------------- writing
-- The acting user's role when it is one whose actions are audited; null for anyone else (owners,
-- startups, the service role and migrations are not audited here).
create or replace function private.audited_role() returns text
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p
  where p.id = (select auth.uid()) and p.role in ('manager', 'operator')
$$;

-- The fields that differ between two rows, as {before, after}; bookkeeping columns are left out.
create or replace function private.audit_diff(old_row jsonb, new_row jsonb, out before jsonb, out after jsonb)
language sql immutable set search_path = ''
as $$
  select coalesce(jsonb_object_agg(k, old_row -> k), '{}'), coalesce(jsonb_object_agg(k, new_row -> k), '{}')
  from jsonb_object_keys(new_row) as k
  where k not in ('updated_at', 'created_at') and (old_row -> k) is distinct from (new_row -> k)
$$;

-- The cluster an action on a workshop is filed under: one the actor manages, else its first membership.
create or replace function private.audit_cluster_of_workshop(workshop uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.cluster_id from public.cluster_memberships m
  where m.workshop_id = workshop
  order by exists (select 1 from public.cluster_managers cm where cm.cluster_id = m.cluster_id and cm.user_id = (select auth.uid())) desc,
           m.status = 'approved' desc, m.created_at
  limit 1
$$;

create or replace function private.audit_write(
  what text, cluster uuid, workshop uuid, request uuid, subject uuid, before jsonb, after jsonb, note text default null
) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor_role text := private.audited_role();
begin
  if actor_role is null then
    return;
  end if;
  insert into public.audit_entries (actor_id, actor_role, actor_name, action, cluster_id, workshop_id, request_id, subject_user_id, before, after, note)
  values ((select auth.uid()), actor_role,
          coalesce((select p.display_name from public.profiles p where p.id = (select auth.uid())), ''),
          what, cluster, workshop, request, subject, before, after, note);
end;
$$;

-- ---------------------------------------------------------------- applications
create or replace function private.audit_membership() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.status, new.decision_reason) is distinct from (old.status, old.decision_reason) then
    perform private.audit_write('application.' || new.status, new.cluster_id, new.workshop_id, null, null,
      jsonb_build_object('status', old.status, 'decision_reason', old.decision_reason),
      jsonb_build_object('status', new.status, 'decision_reason', new.decision_reason));
  elsif tg_op = 'DELETE' then
    perform private.audit_write('application.removed', old.cluster_id, old.workshop_id, null, null,
      jsonb_build_object('status', old.status), null);
  end if;
  return null;
end;
$$;
create trigger cluster_memberships_audit after update or delete on public.cluster_memberships
  for each row execute function private.audit_membership();

-- ---------------------------------------------------------------- members' listings
create or replace function private.audit_workshop() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  d record;
  curation boolean;
begin
  if private.audited_role() is null or new.owner_id is not distinct from (select auth.uid()) then
    return null;
  end if;
  select * into d from private.audit_diff(to_jsonb(old), to_jsonb(new));
  if d.after = '{}' then
    return null;
  end if;
  curation := not exists (select 1 from jsonb_object_keys(d.after) k where k not in ('verified', 'featured', 'status', 'accepting_orders'));
  perform private.audit_write(case when curation then 'member.curated' else 'member.edited' end,
    private.audit_cluster_of_workshop(new.id), new.id, null, new.owner_id, d.before, d.after);
  return null;
end;
$$;
create trigger workshops_audit after update on public.workshops
  for each row execute function private.audit_workshop();

create or replace function private.audit_workshop_photo() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  w uuid := coalesce(new.workshop_id, old.workshop_id);
begin
  if tg_op = 'INSERT' then
    perform private.audit_write('member.photo_added', private.audit_cluster_of_workshop(w), w, null, null, null,
      jsonb_build_object('path', new.path));
  elsif tg_op = 'DELETE' then
    perform private.audit_write('member.photo_removed', private.audit_cluster_of_workshop(w), w, null, null,
      jsonb_build_object('path', old.path), null);
  end if;
  return null;
end;
$$;
create trigger workshop_photos_audit after insert or delete on public.workshop_photos
  for each row execute function private.audit_workshop_photo();

-- ---------------------------------------------------------------- requests
create or replace function private.audit_participant() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.source = 'forwarded' then
    perform private.audit_write('request.forwarded', private.audit_cluster_of_workshop(new.workshop_id), new.workshop_id,
      new.request_id, null, null, jsonb_build_object('note', new.note));
  end if;
  return null;
end;
$$;
create trigger request_participants_audit after insert on public.request_participants
  for each row execute function private.audit_participant();

create or replace function private.audit_quote() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  d record;
begin
  if tg_op = 'INSERT' then
    perform private.audit_write('request.quoted_on_behalf', private.audit_cluster_of_workshop(new.workshop_id), new.workshop_id,
      new.request_id, null, null,
      jsonb_build_object('price_krw', new.price_krw, 'lead_time_days', new.lead_time_days, 'status', new.status));
  else
    select * into d from private.audit_diff(to_jsonb(old), to_jsonb(new));
    if d.after <> '{}' then
      perform private.audit_write('request.quote_changed_on_behalf', private.audit_cluster_of_workshop(new.workshop_id),
        new.workshop_id, new.request_id, null, d.before, d.after);
    end if;
  end if;
  return null;
end;
$$;
-- Only a manager's quote for a member without an account is a quote "on behalf"; the owner's own is not audited.
create trigger quotes_audit after insert or update on public.quotes
  for each row when (new.submitted_by is not null)
  execute function private.audit_quote();

-- ---------------------------------------------------------------- clusters and their managers
create or replace function private.audit_cluster() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  d record;
begin
  if tg_op = 'INSERT' then
    perform private.audit_write('cluster.created', new.id, null, null, null, null,
      jsonb_build_object('slug', new.slug, 'name_ko', new.name_ko, 'district_ko', new.district_ko));
  else
    select * into d from private.audit_diff(to_jsonb(old), to_jsonb(new));
    if d.after <> '{}' then
      perform private.audit_write('cluster.updated', new.id, null, null, null, d.before, d.after);
    end if;
  end if;
  return null;
end;
$$;
create trigger clusters_audit after insert or update on public.clusters
  for each row execute function private.audit_cluster();

create or replace function private.audit_cluster_manager() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.audit_write('manager.assigned', new.cluster_id, null, null, new.user_id, null, null);
  else
    perform private.audit_write('manager.removed', old.cluster_id, null, null, old.user_id, null, null);
  end if;
  return null;
end;
$$;
create trigger cluster_managers_audit after insert or delete on public.cluster_managers
  for each row execute function private.audit_cluster_manager();

revoke all on function private.audit_immutable(), private.audited_role(), private.audit_diff(jsonb, jsonb),
  private.audit_cluster_of_workshop(uuid), private.audit_write(text, uuid, uuid, uuid, uuid, jsonb, jsonb, text),
  private.audit_membership(), private.audit_workshop(), private.audit_workshop_photo(), private.audit_participant(),
  private.audit_quote(), private.audit_cluster(), private.audit_cluster_manager()
  from public, anon, authenticated;
