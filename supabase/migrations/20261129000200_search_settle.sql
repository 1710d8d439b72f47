-- GIN indexes take new entries into a pending list (fastupdate), merged into the index proper only
-- when the list outgrows gin_pending_list_limit (4 MB) or by VACUUM. Every search reads the whole
-- list: with a few hundred re-indexed workshops waiting there, each index lookup of the PostgreSQL
-- engine cost ~10% more. The engine merges the list after each batch it writes (bulk writes keep
-- the fast path); merging is for the index's owner only, hence this function.
create function private.settle_search_index() returns bigint
language sql security definer set search_path = ''
as $$
  select pg_catalog.gin_clean_pending_list('public.search_documents_tsv_idx'::pg_catalog.regclass)
       + pg_catalog.gin_clean_pending_list('public.search_documents_key_tsv_idx'::pg_catalog.regclass)
       + pg_catalog.gin_clean_pending_list('public.search_documents_name_tsv_idx'::pg_catalog.regclass)
$$;
comment on function private.settle_search_index() is 'Merges the pending lists of the search text indexes (after the engine writes documents); returns the pages merged.';
revoke all on function private.settle_search_index() from public, anon, authenticated;
grant execute on function private.settle_search_index() to service_role;
