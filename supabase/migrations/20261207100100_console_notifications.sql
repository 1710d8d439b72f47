-- Console notifications (issue 16): what cluster managers and craftsmen were not told.
--
-- - application: a workshop applied to a cluster → the cluster's managers.
-- - routed: a published request was routed to a cluster's inbox → the cluster's managers.
-- - application_decided: a manager approved or rejected an application (with the reason) → the
--   workshop's owner (or, for a member without an account, the cluster's other managers).
-- - announcement: a manager's announcement to the cluster's members (written by private.announce).
-- Each kind has its email switch like every other (notification_preferences), and mail goes through
-- the outbox in the same transaction (notifications_enqueue_mail).

-- ---------------------------------------------------------------- notification kinds
-- The new kinds are added to whatever the domain allows at this point, so this migration keeps the
-- kinds of any migration that ran before it.
do $$
declare
  kinds text[];
begin
  select coalesce(array_agg(distinct k[1]), '{}') into kinds
  from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') as k
  where c.contypid = 'public.notification_kind'::regtype and c.conname = 'notification_kind_check';
  kinds := array(select distinct unnest(kinds || array['application', 'routed', 'application_decided', 'announcement']) order by 1);
  alter domain public.notification_kind drop constraint notification_kind_check;
  execute format('alter domain public.notification_kind add constraint notification_kind_check check (value = any (%L::text[]))', kinds);
end
$$;

-- ---------------------------------------------------------------- helpers
create or replace function private.cluster_summary(cluster uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('cluster_id', c.id, 'cluster_slug', c.slug, 'cluster_name', c.name_ko, 'cluster_name_en', c.name_en)
  from public.clusters c where c.id = cluster
$$;

create or replace function private.notify_cluster_managers(cluster uuid, what public.notification_kind, payload jsonb) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  recipient uuid;
begin
  for recipient in select cm.user_id from public.cluster_managers cm where cm.cluster_id = cluster loop
    perform private.notify(recipient, what, payload);
  end loop;
end;
$$;

-- ---------------------------------------------------------------- applications
create or replace function private.membership_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.cluster_summary(new.cluster_id) || private.workshop_summary(new.workshop_id)
                   || jsonb_build_object('membership_id', new.id);
  owner uuid;
begin
  if tg_op = 'INSERT' then
    if new.status = 'pending' then
      perform private.notify_cluster_managers(new.cluster_id, 'application', payload);
    end if;
  elsif new.status is distinct from old.status and new.status in ('approved', 'rejected') then
    payload := payload || jsonb_build_object('status', new.status, 'reason', new.decision_reason);
    select w.owner_id into owner from public.workshops w where w.id = new.workshop_id;
    if owner is not null then
      perform private.notify(owner, 'application_decided', payload);
    else
      -- A member kept by the managers: the other managers of the cluster hear of the decision.
      perform private.notify_cluster_managers(new.cluster_id, 'application_decided', payload);
    end if;
  end if;
  return null;
end;
$$;
create trigger cluster_memberships_notify after insert or update of status on public.cluster_memberships
  for each row execute function private.membership_changed();

-- ---------------------------------------------------------------- routing
create or replace function private.request_routed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.notify_cluster_managers(new.cluster_id, 'routed',
    private.request_summary(new.request_id) || private.cluster_summary(new.cluster_id));
  return null;
end;
$$;
create trigger request_clusters_notify after insert on public.request_clusters
  for each row execute function private.request_routed();

revoke all on function private.cluster_summary(uuid), private.notify_cluster_managers(uuid, public.notification_kind, jsonb),
  private.membership_changed(), private.request_routed() from public, anon, authenticated;
