-- An event the center cancels tells everyone who was registered or waiting for it (in the app and
-- by email, through private.notify), so nobody travels to a course that will not take place. Only a
-- future event: cancelling one that already happened is bookkeeping. Its registrations stay as they
-- were (the record of who had signed up); registering closes with the event.
create or replace function private.event_cancelled_notice() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
begin
  if new.cancelled and not old.cancelled and new.starts_at > now() then
    for r in select user_id from public.support_event_registrations
             where event_id = new.id and status in ('registered', 'waitlisted') loop
      perform private.notify(r.user_id, 'support', jsonb_build_object('support', 'event_cancelled', 'event_id', new.id,
        'title', new.title_ko, 'title_en', new.title_en, 'starts_at', new.starts_at));
    end loop;
  end if;
  return null;
end;
$$;
create trigger support_events_cancelled_notice after update of cancelled on public.support_events
  for each row execute function private.event_cancelled_notice();
