-- The PostgreSQL engine ranks a page tier by tier, each tier a list of index slices (by boost, and by
-- alternative) read in order until the page is full. As one UNION ALL statement, every slice was
-- planned up front, though a broad query reads one or two: planning was a third of such a statement's
-- time (2 ms for the 20 slices of an English word's alternatives). This runs the slices one by one,
-- each planned only when its turn comes, and stops once `wanted` rows came.
-- It executes the statements it is given, with the caller's rights (security invoker): only for the
-- engine's own role, which runs any statement it likes anyway.
create function private.search_slices(slices text[], wanted int) returns setof uuid
language plpgsql stable
set search_path = ''
as $$
declare
  remaining int := wanted;
  slice text;
  got int;
begin
  foreach slice in array slices loop
    exit when remaining <= 0;
    return query execute slice || ' limit ' || remaining;
    get diagnostics got = row_count;
    remaining := remaining - got;
  end loop;
end
$$;
comment on function private.search_slices(text[], int) is 'Runs the PostgreSQL search engine''s index slices in order until `wanted` workshop ids came (each slice planned only when it runs).';
revoke all on function private.search_slices(text[], int) from public, anon, authenticated;
grant execute on function private.search_slices(text[], int) to service_role;
