-- Center staff manage their machines, events and programs on pages now (issue 17), not only through the seed.
-- A machine nobody ever booked, or an event nobody registered for, may be deleted (a mistake typed
-- a minute ago); once someone has booked or registered, the row stays and is archived (machines:
-- active = false) or cancelled (events: cancelled = true) instead, so that bookings, penalties,
-- registrations and completed courses keep what they point at.

create or replace function private.machine_unused(machine uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select not exists (select 1 from public.support_bookings where machine_id = machine) $$;
create or replace function private.event_unused(event uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select not exists (select 1 from public.support_event_registrations where event_id = event) $$;

create policy "staff delete machines nobody booked" on public.support_machines for delete to authenticated
  using (((select private.acts_for_center(center_id)) or (select private.is_operator())) and private.machine_unused(id));
create policy "staff delete events nobody registered for" on public.support_events for delete to authenticated
  using (((select private.acts_for_center(center_id)) or (select private.is_operator())) and private.event_unused(id));
grant delete on public.support_machines, public.support_events to authenticated;

revoke all on function private.machine_unused(uuid), private.event_unused(uuid) from public;
grant execute on function private.machine_unused(uuid), private.event_unused(uuid) to authenticated, service_role;

-- Programs likewise: one nobody applied to may be deleted; otherwise its staff close it (the deadline
-- moves to now), and the applications stay.
create or replace function private.program_unused(program uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select not exists (select 1 from public.support_applications where program_id = program) $$;
create policy "staff delete programs nobody applied to" on public.support_programs for delete to authenticated
  using (((select private.acts_for_center(center_id)) or (select private.is_operator())) and private.program_unused(id));
grant delete on public.support_programs to authenticated;
revoke all on function private.program_unused(uuid) from public;
grant execute on function private.program_unused(uuid) to authenticated, service_role;
