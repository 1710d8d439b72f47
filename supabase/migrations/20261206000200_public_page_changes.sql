-- Every change to what anonymous pages show, announced on commit on channel public_pages: each app
-- process keeps the rendered anonymous pages (home, clusters, workshops, companies, search) in memory
-- and drops them all when it hears this (src/lib/server/page-cache.ts). One notification per
-- transaction (PostgreSQL folds identical ones), whatever the number of rows or tables.
create function private.public_pages_changed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('public_pages', '');
  return null;
end
$$;
comment on function private.public_pages_changed() is 'Trigger: notifies channel public_pages when a table that anonymous pages show changes (app processes drop their cached pages).';
revoke all on function private.public_pages_changed() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['trades', 'clusters', 'cluster_managers', 'profiles', 'workshops', 'workshop_photos',
    'cluster_memberships', 'companies', 'search_synonyms', 'search_documents']
  loop
    execute format('create trigger %I after insert or update or delete on public.%I for each statement execute function private.public_pages_changed()', t || '_public_pages', t);
    execute format('create trigger %I after truncate on public.%I for each statement execute function private.public_pages_changed()', t || '_public_pages_truncated', t);
  end loop;
end
$$;
