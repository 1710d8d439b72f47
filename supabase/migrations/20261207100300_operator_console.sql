-- The operator's console (issue 16): newly designated clusters with their areas, archived clusters,
-- managers appointed by email, and suspended accounts.
--
-- A suspended user cannot sign in (auth.users.banned_until, which GoTrue honours and the embedded
-- adapter checks, and their sessions end) and cannot write: restrictive policies on every table a
-- user writes refuse them whatever the permissive policies allow, so a request that reaches the
-- database with a still-valid token is refused there too. Suspensions and role changes are audited.

-- ---------------------------------------------------------------- clusters
alter table public.clusters add column areas_ko text[] not null default '{}';
alter table public.clusters add column archived_at timestamptz;
comment on column public.clusters.areas_ko is 'The neighbourhoods (동, 가) of the district the cluster covers, as designated.';
comment on column public.clusters.archived_at is 'When the operator archived the cluster: it leaves listings and routing; its history stays.';

-- Managers edit their cluster's description; archiving it is the operator's.
create or replace function private.guard_cluster_archive() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.archived_at is distinct from old.archived_at and current_user in ('anon', 'authenticated')
     and not private.is_operator() then
    raise exception 'only the operator archives a cluster' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger clusters_guard_archive before update on public.clusters
  for each row execute function private.guard_cluster_archive();

-- ---------------------------------------------------------------- suspension
alter table public.profiles add column suspended_at timestamptz;
alter table public.profiles add column suspension_reason text check (length(suspension_reason) <= 1000);
alter table public.profiles add column suspended_by uuid;
alter table public.profiles add constraint profiles_suspension_needs_reason
  check (suspended_at is null or length(coalesce(suspension_reason, '')) > 0);
comment on column public.profiles.suspended_at is 'When the operator suspended the account (null: not suspended); with the reason shown to the operator.';

create or replace function private.is_suspended() returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce((select p.suspended_at is not null from public.profiles p where p.id = (select auth.uid())), false) $$;
comment on function private.is_suspended is 'The calling user''s account is suspended.';
revoke all on function private.is_suspended() from public, anon;
grant execute on function private.is_suspended() to authenticated, service_role;

-- Every table a user writes refuses a suspended user (restrictive: it narrows whatever else allows).
do $$
declare
  t text;
begin
  foreach t in array array[
    'requests', 'request_participants', 'request_clusters', 'quotes', 'conversations', 'messages', 'conversation_reads',
    'attachments', 'attachment_access_log', 'workshops', 'workshop_photos', 'companies', 'cluster_memberships',
    'cluster_managers', 'clusters', 'trades', 'orders', 'order_milestones', 'order_files', 'business_details', 'consents',
    'notification_preferences'
  ] loop
    if to_regclass('public.' || t) is null then
      continue;
    end if;
    execute format('create policy "suspended users cannot add" on public.%I as restrictive for insert to authenticated with check (not (select private.is_suspended()))', t);
    execute format('create policy "suspended users cannot change" on public.%I as restrictive for update to authenticated using (not (select private.is_suspended()))', t);
    execute format('create policy "suspended users cannot remove" on public.%I as restrictive for delete to authenticated using (not (select private.is_suspended()))', t);
  end loop;
end
$$;

-- The operator suspends and lifts suspensions; nobody suspends themselves or another operator.
create or replace function private.set_suspension(target uuid, reason text) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not private.is_operator() then
    raise exception 'only the operator suspends accounts' using errcode = '42501';
  end if;
  if target = (select auth.uid()) or exists (select 1 from public.profiles p where p.id = target and p.role = 'operator') then
    raise exception 'an operator account cannot be suspended here' using errcode = '42501';
  end if;
  if reason is null then
    update public.profiles set suspended_at = null, suspension_reason = null, suspended_by = null
    where id = target and suspended_at is not null;
    if not found then return false; end if;
    update auth.users set banned_until = null where id = target;
  else
    update public.profiles set suspended_at = now(), suspension_reason = reason, suspended_by = (select auth.uid())
    where id = target and deleted_at is null;
    if not found then return false; end if;
    update auth.users set banned_until = 'infinity' where id = target;
    -- Every session ends at once.
    delete from auth.sessions where user_id = target;
  end if;
  return true;
end;
$$;
comment on function private.set_suspension is 'Operator only: suspends an account with a reason (ends its sessions), or lifts the suspension (reason null).';

-- Users as the operator finds them (auth.users is not readable by the API roles).
create or replace function private.find_users(query text, max_rows int default 50)
returns table (id uuid, email text, display_name text, role text, created_at timestamptz, last_sign_in_at timestamptz,
               suspended_at timestamptz, suspension_reason text, deleted_at timestamptz, clusters text[])
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.is_operator() then
    raise exception 'only the operator lists users' using errcode = '42501';
  end if;
  return query
    select p.id, u.email::text, p.display_name, p.role, p.created_at, u.last_sign_in_at, p.suspended_at, p.suspension_reason,
           p.deleted_at,
           array(select c.name_ko from public.cluster_managers cm join public.clusters c on c.id = cm.cluster_id
                 where cm.user_id = p.id order by c.name_ko)
    from public.profiles p join auth.users u on u.id = p.id
    where coalesce(query, '') = ''
       or u.email ilike '%' || query || '%'
       or p.display_name ilike '%' || query || '%'
    order by p.created_at desc
    limit greatest(1, least(max_rows, 200));
end;
$$;

-- Appointing a manager by email: the account becomes a manager (an operator stays an operator).
create or replace function private.appoint_manager(cluster uuid, address text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  target uuid;
begin
  if not private.is_operator() then
    raise exception 'only the operator appoints managers' using errcode = '42501';
  end if;
  select u.id into target from auth.users u join public.profiles p on p.id = u.id
  where lower(u.email) = lower(trim(address)) and p.deleted_at is null;
  if target is null then
    return null;
  end if;
  update public.profiles set role = 'manager' where id = target and role <> 'operator' and role <> 'manager';
  insert into public.cluster_managers (cluster_id, user_id) values (cluster, target) on conflict do nothing;
  return target;
end;
$$;

-- Every cluster's managers with their addresses, for the operator's cluster list.
create or replace function private.manager_accounts()
returns table (cluster_id uuid, user_id uuid, email text, display_name text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.is_operator() then
    raise exception 'only the operator lists managers' using errcode = '42501';
  end if;
  return query
    select cm.cluster_id, cm.user_id, u.email::text, p.display_name
    from public.cluster_managers cm join public.profiles p on p.id = cm.user_id join auth.users u on u.id = cm.user_id
    order by p.display_name, u.email;
end;
$$;

revoke all on function private.set_suspension(uuid, text), private.find_users(text, int), private.appoint_manager(uuid, text),
  private.manager_accounts() from public, anon;
grant execute on function private.set_suspension(uuid, text), private.find_users(text, int), private.appoint_manager(uuid, text),
  private.manager_accounts() to authenticated;

-- ---------------------------------------------------------------- audit
create or replace function private.audit_profile() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.suspended_at is distinct from old.suspended_at then
    perform private.audit_write(case when new.suspended_at is null then 'user.unsuspended' else 'user.suspended' end,
      null, null, null, new.id,
      jsonb_build_object('suspended_at', old.suspended_at, 'suspension_reason', old.suspension_reason),
      jsonb_build_object('suspended_at', new.suspended_at, 'suspension_reason', new.suspension_reason));
  end if;
  if new.role is distinct from old.role then
    perform private.audit_write('user.role_changed', null, null, null, new.id,
      jsonb_build_object('role', old.role), jsonb_build_object('role', new.role));
  end if;
  return null;
end;
$$;
create trigger profiles_audit after update of suspended_at, role on public.profiles
  for each row execute function private.audit_profile();
revoke all on function private.audit_profile() from public, anon, authenticated;
