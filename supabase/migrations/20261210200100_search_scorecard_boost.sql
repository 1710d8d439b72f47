-- Search: the scorecard as a tie-breaker. A workshop's search document carries a scorecard boost (0..3),
-- defined here and only here (private.scorecard_search_boost); it only orders workshops that match a
-- query equally well (see src/lib/server/search/README.md). A recomputed scorecard whose boost changed
-- queues the workshop for the search outbox, so both indexes pick the new value up.

-- 0 for fewer than 3 completed orders (a new workshop is not judged); otherwise on-time share
-- (≥ 95 %: 2, ≥ 80 %: 1) plus 1 for a median first answer within 24 hours, at most 3.
create or replace function private.scorecard_search_boost(completed int, on_time int, median_response_minutes int)
returns smallint
language sql immutable parallel safe set search_path = ''
as $$
  select case when coalesce(completed, 0) < 3 then 0
              else least(3,
                (case when least(on_time, completed) >= completed * 0.95 then 2
                      when least(on_time, completed) >= completed * 0.8 then 1 else 0 end)
                + (case when median_response_minutes is not null and median_response_minutes <= 24 * 60 then 1 else 0 end))
         end::smallint
$$;
comment on function private.scorecard_search_boost(int, int, int) is
  'The search tie-breaker a workshop scorecard gives (0..3): on-time share and response time, only from 3 completed orders.';
revoke all on function private.scorecard_search_boost(int, int, int) from public, anon, authenticated;
grant execute on function private.scorecard_search_boost(int, int, int) to service_role;

create or replace function private.outbox_scorecard_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  before_boost smallint := case when tg_op = 'INSERT' then 0
    else private.scorecard_search_boost(old.completed, old.on_time, old.median_response_minutes) end;
  after_boost smallint := case when tg_op = 'DELETE' then 0
    else private.scorecard_search_boost(new.completed, new.on_time, new.median_response_minutes) end;
begin
  -- Only a change the search documents show: recomputing an unchanged scorecard queues nothing.
  if before_boost is distinct from after_boost then
    perform private.enqueue_outbox('workshop.changed', coalesce(new.workshop_id, old.workshop_id)::text);
  end if;
  return null;
end;
$$;

create trigger workshop_scorecards_outbox after insert or update or delete on public.workshop_scorecards
  for each row execute function private.outbox_scorecard_changed();
