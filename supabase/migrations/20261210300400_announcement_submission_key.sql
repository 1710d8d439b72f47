-- An announcement posted twice (a double click without JavaScript, a retried request) is sent once:
-- every member would otherwise get it twice, by email too. The member table's form carries a key
-- made for this announcement; a second call with the same author and key answers the first's count.
alter table public.cluster_announcements add column submission_key uuid;
create unique index cluster_announcements_submission_key_idx on public.cluster_announcements (author_id, submission_key)
  where submission_key is not null;

drop function public.announce(uuid, text, text, uuid[]);
create or replace function public.announce(cluster uuid, title text, body text, workshops uuid[] default null,
  once uuid default null)
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
  insert into public.cluster_announcements (cluster_id, author_id, title, body, workshop_ids, recipients, submission_key)
  values (cluster, (select auth.uid()), btrim(title), btrim(body), workshops, 0, once)
  on conflict (author_id, submission_key) where submission_key is not null do nothing
  returning id into announcement;
  if announcement is null then
    -- The same announcement again (a second post waits here for the first): told once, its count.
    return (select a.recipients from public.cluster_announcements a
            where a.author_id = (select auth.uid()) and a.submission_key = once);
  end if;
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
revoke all on function public.announce(uuid, text, text, uuid[], uuid) from public, anon;
grant execute on function public.announce(uuid, text, text, uuid[], uuid) to authenticated, service_role;
