-- The managers' member table (issue 16): when each member was last active, and announcements to the
-- cluster's members (all of them or the ones selected in the table), in the app and by email.
--
-- - public.cluster_member_activity(cluster): per approved member, the last time its owner did
--   something a manager cares about: signed in, quoted, or wrote a message. Owners' sign-ins and other
--   clusters' conversations are not the manager's to read, so this is a security definer function
--   answering only the cluster's managers and the operator, and only with a timestamp per workshop.
-- - public.cluster_announcements: what a manager sent, to how many; written only by public.announce,
--   which notifies the owners of the chosen approved members (kind 'announcement', whose email switch
--   and outbox mail exist already) and files an audit entry 'announcement.sent'.

-- ---------------------------------------------------------------- last active
create or replace function public.cluster_member_activity(cluster uuid)
returns table (workshop_id uuid, last_active_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select w.id,
         greatest(u.last_sign_in_at,
                  (select max(q.created_at) from public.quotes q where q.workshop_id = w.id),
                  (select max(msg.created_at) from public.messages msg where msg.sender_id = w.owner_id))
  from public.cluster_memberships m
  join public.workshops w on w.id = m.workshop_id
  left join auth.users u on u.id = w.owner_id
  where m.cluster_id = cluster and m.status = 'approved'
    and ((select private.manages_cluster(cluster)) or (select private.is_operator()))
$$;
comment on function public.cluster_member_activity is 'Per approved member of a cluster, the owner''s last sign-in, quote or message (null for members without an account); answers the cluster''s managers and the operator only.';
revoke all on function public.cluster_member_activity(uuid) from public, anon;
grant execute on function public.cluster_member_activity(uuid) to authenticated, service_role;


-- ---------------------------------------------------------------- announcements
create table public.cluster_announcements (
  id uuid primary key default gen_random_uuid(),
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  title text not null check (length(btrim(title)) between 1 and 120),
  body text not null check (length(btrim(body)) between 1 and 4000),
  -- Members chosen in the table; null: every approved member.
  workshop_ids uuid[],
  recipients int not null check (recipients >= 0),
  created_at timestamptz not null default now()
);
comment on table public.cluster_announcements is 'Announcements a cluster''s managers sent to its members; written only by public.announce, never edited.';
create index cluster_announcements_cluster_idx on public.cluster_announcements (cluster_id, created_at desc);
alter table public.cluster_announcements enable row level security;
create policy "managers and the operator read their clusters' announcements" on public.cluster_announcements
  for select to authenticated
  using ((select private.manages_cluster(cluster_id)) or (select private.is_operator()));

create or replace function public.announce(cluster uuid, title text, body text, workshops uuid[] default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  payload jsonb;
  sent int := 0;
  recipient uuid;
  announcement uuid;
begin
  if not (select private.manages_cluster(cluster)) or (select private.is_suspended()) then
    raise exception 'only the cluster''s managers send its announcements' using errcode = '42501';
  end if;
  if length(btrim(coalesce(title, ''))) = 0 or length(btrim(coalesce(body, ''))) = 0 then
    raise exception 'an announcement needs a title and a text' using errcode = '23514';
  end if;
  insert into public.cluster_announcements (cluster_id, author_id, title, body, workshop_ids, recipients)
  values (cluster, (select auth.uid()), btrim(title), btrim(body), workshops, 0)
  returning id into announcement;
  payload := private.cluster_summary(cluster)
             || jsonb_build_object('title', btrim(title), 'body', btrim(body), 'announcement_id', announcement);
  for recipient in
    select distinct w.owner_id
    from public.cluster_memberships m join public.workshops w on w.id = m.workshop_id
    where m.cluster_id = cluster and m.status = 'approved' and w.status = 'active' and w.owner_id is not null
      and (workshops is null or w.id = any (workshops))
  loop
    perform private.notify(recipient, 'announcement', payload);
    sent := sent + 1;
  end loop;
  update public.cluster_announcements set recipients = sent where id = announcement;
  perform private.audit_write('announcement.sent', cluster, null, null, null, null,
    jsonb_build_object('title', btrim(title), 'recipients', sent,
                       'to', case when workshops is null then 'all' else 'selected' end),
    left(btrim(body), 500));
  return sent;
end;
$$;
comment on function public.announce is 'A manager''s announcement to the approved members of their cluster (all, or the given workshops): in-app notification and email to each owner; returns how many were told.';
revoke all on function public.announce(uuid, text, text, uuid[]) from public, anon;
grant execute on function public.announce(uuid, text, text, uuid[]) to authenticated, service_role;
