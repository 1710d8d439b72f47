-- Every change to what a signed-in user's dashboard shows beyond the public tables (those already
-- announce on public_pages), announced on commit on channel private_pages: each app process keeps the
-- dashboards it rendered, one per user, language and day, and drops them all when it hears this or
-- public_pages (src/lib/server/page-cache.ts). One notification per transaction (PostgreSQL folds
-- identical ones). The dashboards read: requests with their files and participants, the requests routed
-- to a manager's clusters, questions and their messages and read marks, and the workshops' scorecards
-- that order the craftsman's recommendations. The bell's count needs nothing here: a notification
-- already announces its user on channel notifications, and the dashboard's key carries the count.
create function private.private_pages_changed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('private_pages', '');
  return null;
end
$$;
comment on function private.private_pages_changed() is 'Trigger: notifies channel private_pages when a table that signed-in dashboards show changes (app processes drop their kept dashboards).';
revoke all on function private.private_pages_changed() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['requests', 'request_participants', 'request_clusters', 'attachments', 'conversations',
    'messages', 'conversation_reads', 'workshop_scorecards']
  loop
    execute format('create trigger %I after insert or update or delete on public.%I for each statement execute function private.private_pages_changed()', t || '_private_pages', t);
    execute format('create trigger %I after truncate on public.%I for each statement execute function private.private_pages_changed()', t || '_private_pages_truncated', t);
  end loop;
end
$$;
