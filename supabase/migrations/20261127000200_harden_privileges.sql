-- Hardening: privileges that row-level security does not cover, and tighter policy checks.
-- TRUNCATE and TRIGGER bypass RLS (a user-defined trigger would later run as whoever writes the
-- table), so the API roles lose them on every public table, now and for tables created later.

revoke truncate, trigger, references, maintain on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, trigger, references, maintain on tables from anon, authenticated;

-- The recorded decider of an application is always the manager who made the decision.
drop policy "managers decide on applications" on public.cluster_memberships;
create policy "managers decide on applications" on public.cluster_memberships for update to authenticated
  using ((select private.manages_cluster(cluster_id)))
  with check ((select private.manages_cluster(cluster_id)) and decided_by = (select auth.uid()));

-- Curation (verified, featured, status) is for managers of clusters the workshop belongs to.
create or replace function private.guard_workshop_curation() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if (new.verified, new.featured, new.status) is distinct from (old.verified, old.featured, old.status)
     and current_user in ('anon', 'authenticated')
     and not private.manages_member(new.id) and not private.is_operator() then
    raise exception 'only a cluster manager can change verified, featured or status' using errcode = '42501';
  end if;
  if new.owner_id is distinct from old.owner_id and current_user in ('anon', 'authenticated') then
    raise exception 'the owner of a workshop cannot be changed here' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- A company belongs to a startup/IT cluster, never to a craft cluster.
create or replace function private.check_company_cluster() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.startup_cluster_id is not null
     and not exists (select 1 from public.clusters where id = new.startup_cluster_id and kind = 'startup') then
    raise exception 'a company''s cluster must be a startup/IT cluster' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger companies_check_cluster before insert or update on public.companies
  for each row execute function private.check_company_cluster();
