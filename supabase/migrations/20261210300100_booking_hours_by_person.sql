-- The hours a person already booked that Seoul day were summed by walking every booking of each of the
-- center's machines (the planner took the exclusion constraint's index on machine_id): a booking cost
-- grew with the center's whole history (10 ms at 10,000 bookings). The person's own bookings of the
-- day are few and indexed (support_bookings_user_idx on user_id, starts_at): read those first, then
-- keep the ones at this center. Same rule, same result.
create or replace function private.guard_booking() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  -- These triggers are security definer (they count rows the caller may not see), so the caller is
  -- told by the role setting, not current_user; a change made by another trigger is the system's.
  by_user boolean := coalesce(current_setting('role', true), '') in ('anon', 'authenticated') and pg_trigger_depth() = 1;
  m public.support_machines;
  c public.support_centers;
  seoul_day date;
  hours_that_day numeric;
  until timestamptz;
  staff boolean;
begin
  select * into m from public.support_machines where id = coalesce(new.machine_id, old.machine_id);
  select * into c from public.support_centers where id = m.center_id;
  if tg_op = 'INSERT' then
    new.created_at := now();
    new.status := 'booked';
    new.cancelled_at := null;
    new.fee_krw := (m.hourly_fee_krw * extract(epoch from new.ends_at - new.starts_at) / 3600)::int;
    if not m.active then
      raise exception 'this machine is not bookable' using errcode = '23514';
    end if;
    if new.starts_at < now() then
      raise exception 'booking_past: a booking starts in the future' using errcode = '23514';
    end if;
    seoul_day := (new.starts_at at time zone 'Asia/Seoul')::date;
    -- Whole slots, counted from the machine's opening hour on the Seoul day.
    if extract(epoch from new.ends_at - new.starts_at)::bigint % (m.slot_minutes * 60) <> 0
       or extract(epoch from (new.starts_at at time zone 'Asia/Seoul') - (seoul_day + make_time(m.open_hour, 0, 0)))::bigint
          % (m.slot_minutes * 60) <> 0 then
      raise exception 'booking_slot: a booking is whole slots of % minutes', m.slot_minutes using errcode = '23514';
    end if;
    if (new.ends_at at time zone 'Asia/Seoul') > (seoul_day + 1)::timestamp
       or (new.starts_at at time zone 'Asia/Seoul') < seoul_day + make_time(m.open_hour, 0, 0)
       or (new.ends_at at time zone 'Asia/Seoul') > seoul_day + make_interval(hours => m.close_hour) then
      raise exception 'booking_hours: outside the machine''s hours' using errcode = '23514';
    end if;
    -- One user's bookings are checked one at a time, so two tabs cannot both pass the daily limit.
    perform pg_advisory_xact_lock(hashtextextended('support_booking:' || new.user_id::text, 0));
    if c.rule_safety_course and m.prerequisite_course_id is not null and not exists (
         select 1 from public.support_course_completions where user_id = new.user_id and course_id = m.prerequisite_course_id) then
      raise exception 'booking_prerequisite: the prerequisite course comes first' using errcode = '23514';
    end if;
    until := private.booking_suspended_until(new.user_id, c.id, now());
    if until is not null then
      raise exception 'booking_suspended: booking is suspended until %', until using errcode = '23514';
    end if;
    with mine as materialized (
      select b.machine_id, b.starts_at, b.ends_at from public.support_bookings b
      where b.user_id = new.user_id and b.status = 'booked'
        and b.starts_at >= seoul_day::timestamp at time zone 'Asia/Seoul'
        and b.starts_at < (seoul_day + 1)::timestamp at time zone 'Asia/Seoul')
    select coalesce(sum(extract(epoch from mine.ends_at - mine.starts_at) / 3600), 0) into hours_that_day
    from mine join public.support_machines bm on bm.id = mine.machine_id
    where bm.center_id = c.id;
    if hours_that_day + extract(epoch from new.ends_at - new.starts_at) / 3600 > c.rule_max_hours_per_day then
      raise exception 'booking_daily_limit: at most % hours a day', c.rule_max_hours_per_day using errcode = '23514';
    end if;
    return new;
  end if;
  -- UPDATE: only the status moves.
  if (new.machine_id, new.user_id, new.starts_at, new.ends_at, new.fee_krw, new.created_at)
     is distinct from (old.machine_id, old.user_id, old.starts_at, old.ends_at, old.fee_krw, old.created_at) then
    raise exception 'a booking keeps its machine, person and time' using errcode = '42501';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if old.status <> 'booked' then
    raise exception 'booking_closed: this booking is already %', old.status using errcode = '23514';
  end if;
  staff := not by_user or private.acts_for_center(c.id) or private.is_operator();
  if new.status in ('cancelled', 'late_cancelled') then
    if by_user and old.user_id <> (select auth.uid()) and not staff then
      raise exception 'only the person who booked cancels' using errcode = '42501';
    end if;
    if old.starts_at <= now() then
      raise exception 'booking_started: a booking that has started cannot be cancelled' using errcode = '23514';
    end if;
    new.cancelled_at := now();
    -- Cancelled by its owner too close to the start: the slot goes back, with a penalty.
    new.status := case when old.user_id = (select auth.uid()) and old.starts_at - now() < make_interval(days => c.rule_cancel_days)
                       then 'late_cancelled' else 'cancelled' end;
  elsif new.status in ('no_show', 'completed') then
    if not staff then
      raise exception 'only center staff mark attendance' using errcode = '42501';
    end if;
    if new.status = 'no_show' and old.starts_at > now() then
      raise exception 'booking_not_started: a no-show is marked after the start' using errcode = '23514';
    end if;
  else
    raise exception 'a booking cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  return new;
end;
$$;
