-- Scorecards: the nightly full recomputation. Every minute the server's job recomputes only what the
-- queue holds (the workshops and companies whose orders, quotes, requests, messages or reviews
-- moved); once a night, between 03:00 and 06:00 in Seoul, it recomputes every scorecard, so that
-- orders leaving the 12- or 24-month period are counted out even for a party nothing happened to.
-- One run a Seoul date, whatever the number of server instances: a row per night, written in the
-- same transaction as the recomputation, under a transaction-level advisory lock (an instance that
-- does not get the lock leaves it to the one that has it; a run that fails leaves no row and is
-- tried again the next minute).

create table private.scorecard_nightly (
  -- The Seoul date of the night.
  day date primary key,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  result jsonb not null
);
comment on table private.scorecard_nightly is 'Nights whose full scorecard recomputation ran (the server''s own): one row a Seoul date.';
alter table private.scorecard_nightly enable row level security;
revoke all on private.scorecard_nightly from public, anon, authenticated;

-- The recomputation of a few workshops is planned for those few (index lookups), not for "maybe all
-- of them": a generic plan of `all_ or id = any(…)` reads every order.
alter function private.recompute_scorecards(timestamptz, uuid[], uuid[]) set plan_cache_mode = force_custom_plan;

-- Runs the full recomputation if `at` is in Seoul's night (03:00–05:59) and tonight's has not run;
-- returns what it recomputed, or null when there was nothing to do.
create or replace function private.nightly_scorecards(at timestamptz default now()) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  local timestamp := at at time zone 'Asia/Seoul';
  night date := local::date;
  result jsonb;
begin
  if extract(hour from local) < 3 or extract(hour from local) >= 6 then
    return null;
  end if;
  if exists (select 1 from private.scorecard_nightly n where n.day = night) then
    return null;
  end if;
  if not pg_try_advisory_xact_lock(hashtext('private.nightly_scorecards')) then
    return null;
  end if;
  -- Another instance may have finished between the look and the lock (each statement sees what is committed).
  if exists (select 1 from private.scorecard_nightly n where n.day = night) then
    return null;
  end if;
  result := private.recompute_scorecards(at);
  insert into private.scorecard_nightly (day, started_at, finished_at, result)
  values (night, at, clock_timestamp(), result) on conflict (day) do nothing;
  return result;
end;
$$;
comment on function private.nightly_scorecards is 'The full scorecard recomputation, once a Seoul night (03:00–06:00), one instance at a time (service role only).';
revoke all on function private.nightly_scorecards(timestamptz) from public, anon, authenticated;
grant execute on function private.nightly_scorecards(timestamptz) to service_role;
