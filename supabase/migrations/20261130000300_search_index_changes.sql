-- Every change to the search index, announced on commit: the PostgreSQL engine keeps the exact counts
-- of the queries it answered until the index changes (a count of ~3,000 matches reads every one of
-- them, 5–30 ms), and each app process listens on this channel to drop them. One notification per
-- transaction (PostgreSQL folds identical ones), whatever the number of rows.
create function private.search_index_changed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('search_index', '');
  return null;
end
$$;
comment on function private.search_index_changed() is 'Trigger: notifies channel search_index when search_documents change (engines drop the counts they keep).';
revoke all on function private.search_index_changed() from public, anon, authenticated;

create trigger search_documents_changed
  after insert or update or delete on public.search_documents
  for each statement execute function private.search_index_changed();
create trigger search_documents_truncated
  after truncate on public.search_documents
  for each statement execute function private.search_index_changed();
