-- Support centers (소공인특화지원센터) as places: the clusters each serves, its staff (appointed by the
-- operator; managers of a served cluster act for the center too), its courses and events (with a
-- waiting list that moves up inside the cancelling transaction, reminders the day before, attendance),
-- and its shared equipment with bookings. The database refuses overlapping bookings of one machine
-- with an exclusion constraint over a time range (btree_gist), and checks the center's booking rules
-- (kept as data on the center) in the same transaction as the insert; src/lib/domain/booking-rules.ts
-- states the same rules for the pages.

create extension if not exists btree_gist with schema extensions;

-- ---------------------------------------------------------------- centers
create table public.support_centers (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_ko text not null check (length(name_ko) between 1 and 120),
  name_en text not null default '' check (length(name_en) <= 160),
  -- 운영기관: who runs the center for the ministry.
  operator_ko text not null default '' check (length(operator_ko) <= 120),
  region_ko text not null default '' check (length(region_ko) <= 40),
  address_ko text not null check (length(address_ko) between 1 and 300),
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  opening_hours_ko text not null default '' check (length(opening_hours_ko) <= 300),
  phone text check (phone ~ '^[0-9+() -]{7,20}$'),
  email text check (email ~ '^[^@\s]+@[^@\s]+$'),
  website text check (website ~ '^https?://'),
  description_ko text not null default '' check (length(description_ko) <= 4000),
  description_en text not null default '' check (length(description_en) <= 4000),
  services_ko text[] not null default '{}',
  services_en text[] not null default '{}',
  -- Booking rules as data (the common rules of Korean shared workshops are the defaults).
  rule_safety_course boolean not null default true,
  rule_max_hours_per_day int not null default 4 check (rule_max_hours_per_day between 1 and 24),
  rule_cancel_days int not null default 2 check (rule_cancel_days between 0 and 30),
  rule_penalties_to_suspend int not null default 3 check (rule_penalties_to_suspend between 1 and 20),
  rule_suspension_days int not null default 30 check (rule_suspension_days between 1 and 365),
  rule_penalty_months int not null default 3 check (rule_penalty_months between 1 and 24),
  created_at timestamptz not null default now()
);
comment on table public.support_centers is 'Support centers for craftsmen (소공인특화지원센터): a place with services, equipment, events and programs, and its booking rules as data.';
alter table public.support_centers enable row level security;

create table public.support_center_clusters (
  center_id uuid not null references public.support_centers (id) on delete cascade,
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  primary key (center_id, cluster_id)
);
comment on table public.support_center_clusters is 'The clusters a support center serves; their managers act for the center.';
create index support_center_clusters_cluster_idx on public.support_center_clusters (cluster_id);
alter table public.support_center_clusters enable row level security;

create table public.support_center_staff (
  center_id uuid not null references public.support_centers (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (center_id, user_id)
);
comment on table public.support_center_staff is 'Center staff, appointed by the operator.';
create index support_center_staff_user_idx on public.support_center_staff (user_id);
alter table public.support_center_staff enable row level security;

-- ---------------------------------------------------------------- helpers for policies
create or replace function private.acts_for_center(center uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.support_center_staff where center_id = center and user_id = (select auth.uid()))
      or exists (select 1 from public.support_center_clusters c join public.cluster_managers m on m.cluster_id = c.cluster_id
                 where c.center_id = center and m.user_id = (select auth.uid()))
$$;
comment on function private.acts_for_center is 'The caller is staff of the center or manages a cluster it serves.';

-- ---------------------------------------------------------------- courses and machines
create table public.support_courses (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.support_centers (id) on delete cascade,
  title_ko text not null check (length(title_ko) between 1 and 120),
  title_en text not null default '' check (length(title_en) <= 160),
  created_at timestamptz not null default now()
);
comment on table public.support_courses is 'A course a center teaches in sessions (events); completing it may be required before booking a machine.';
create index support_courses_center_idx on public.support_courses (center_id);
alter table public.support_courses enable row level security;

create table public.support_machines (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.support_centers (id) on delete cascade,
  kind text not null check (kind in ('3d_printer', 'laser_cutter', 'cnc', '3d_scanner', 'polisher', 'other')),
  name_ko text not null check (length(name_ko) between 1 and 120),
  name_en text not null default '' check (length(name_en) <= 160),
  specs_ko text not null default '' check (length(specs_ko) <= 2000),
  specs_en text not null default '' check (length(specs_en) <= 2000),
  -- Public photos (paths of the storage port or absolute URLs).
  photos text[] not null default '{}',
  prerequisite_course_id uuid references public.support_courses (id) on delete set null,
  hourly_fee_krw int not null default 0 check (hourly_fee_krw between 0 and 10000000),
  slot_minutes int not null default 60 check (slot_minutes in (30, 60, 90, 120, 180, 240)),
  -- Bookable hours each day, Seoul time.
  open_hour int not null default 9 check (open_hour between 0 and 23),
  close_hour int not null default 18 check (close_hour between 1 and 24),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (open_hour < close_hour)
);
comment on table public.support_machines is 'Shared equipment of a center: specs, photos, prerequisite course, hourly fee (0 = free), slot length and bookable hours.';
create index support_machines_center_idx on public.support_machines (center_id);
create index support_machines_course_idx on public.support_machines (prerequisite_course_id);
alter table public.support_machines enable row level security;

create table public.support_course_completions (
  user_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.support_courses (id) on delete cascade,
  event_id uuid,
  completed_at timestamptz not null default now(),
  primary key (user_id, course_id)
);
comment on table public.support_course_completions is 'Courses a craftsman completed (recorded when staff mark attendance); unlocks machines that require them.';
create index support_course_completions_course_idx on public.support_course_completions (course_id);
alter table public.support_course_completions enable row level security;

-- ---------------------------------------------------------------- bookings
create table public.support_bookings (
  id uuid primary key default gen_random_uuid(),
  machine_id uuid not null references public.support_machines (id) on delete restrict,
  user_id uuid not null references public.profiles (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
  -- booked → cancelled (in time) | late_cancelled (penalty) | no_show (penalty, by staff) | completed.
  status text not null default 'booked' check (status in ('booked', 'cancelled', 'late_cancelled', 'no_show', 'completed')),
  fee_krw int not null default 0 check (fee_krw >= 0),
  purpose text not null default '' check (length(purpose) <= 500),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  -- One machine, one booking at a time: cancelled bookings give their time back.
  constraint support_bookings_no_overlap exclude using gist (machine_id with =, during with &&)
    where (status in ('booked', 'no_show', 'completed'))
);
comment on table public.support_bookings is 'A craftsman''s booking of a machine; the exclusion constraint makes double booking impossible.';
create index support_bookings_user_idx on public.support_bookings (user_id, starts_at);
alter table public.support_bookings enable row level security;

create table public.support_penalties (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  center_id uuid not null references public.support_centers (id) on delete cascade,
  booking_id uuid not null unique references public.support_bookings (id) on delete cascade,
  kind text not null check (kind in ('late_cancel', 'no_show')),
  -- Penalty hours: the booked hours (late cancel) or three times them (no-show).
  hours numeric(6, 2) not null check (hours >= 0),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
comment on table public.support_penalties is 'Penalties for late cancellations and no-shows; enough active ones at a center suspend booking there.';
create index support_penalties_user_idx on public.support_penalties (user_id, center_id, expires_at);
alter table public.support_penalties enable row level security;

-- When booking at the center is suspended for the user at `at` (null: not suspended): the moment
-- the n-th penalty still active landed, plus the suspension days. Mirrors booking-rules.ts.
create or replace function private.booking_suspended_until(usr uuid, center uuid, at timestamptz) returns timestamptz
language plpgsql stable security definer set search_path = ''
as $$
declare
  c public.support_centers;
  p record;
  active timestamptz[] := '{}';
  until timestamptz;
begin
  select * into c from public.support_centers where id = center;
  for p in select created_at, expires_at from public.support_penalties
           where user_id = usr and center_id = center and created_at <= at order by created_at loop
    -- Penalties still active when this one landed, this one included.
    select coalesce(array_agg(t), '{}') into active from unnest(active) t where t > p.created_at;
    active := active || p.expires_at;
    if cardinality(active) >= c.rule_penalties_to_suspend then
      until := greatest(until, p.created_at + make_interval(days => c.rule_suspension_days));
      active := '{}';
    end if;
  end loop;
  return case when until > at then until end;
end;
$$;

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
    select coalesce(sum(extract(epoch from b.ends_at - b.starts_at) / 3600), 0) into hours_that_day
    from public.support_bookings b join public.support_machines bm on bm.id = b.machine_id
    where b.user_id = new.user_id and bm.center_id = c.id and b.status = 'booked'
      and b.starts_at >= seoul_day::timestamp at time zone 'Asia/Seoul'
      and b.starts_at < (seoul_day + 1)::timestamp at time zone 'Asia/Seoul';
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
create trigger support_bookings_guard before insert or update on public.support_bookings
  for each row execute function private.guard_booking();

create or replace function private.booking_penalty() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.support_centers;
  booked_hours numeric := extract(epoch from new.ends_at - new.starts_at) / 3600;
begin
  if new.status in ('late_cancelled', 'no_show') and old.status = 'booked' then
    select sc.* into c from public.support_centers sc join public.support_machines m on m.center_id = sc.id where m.id = new.machine_id;
    insert into public.support_penalties (user_id, center_id, booking_id, kind, hours, created_at, expires_at)
    values (new.user_id, c.id, new.id, case new.status when 'no_show' then 'no_show' else 'late_cancel' end,
            case new.status when 'no_show' then booked_hours * 3 else booked_hours end,
            now(), now() + make_interval(months => c.rule_penalty_months));
    perform private.notify(new.user_id, 'support', jsonb_build_object('support', 'penalty', 'booking_id', new.id,
      'kind', new.status, 'starts_at', new.starts_at));
  end if;
  return null;
end;
$$;
create trigger support_bookings_penalty after update of status on public.support_bookings
  for each row execute function private.booking_penalty();

-- Taken time of a machine in a window, without saying whose: what everyone's week view shows.
create or replace function public.support_machine_taken(machine uuid, from_at timestamptz, to_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select b.starts_at, b.ends_at from public.support_bookings b
  where b.machine_id = machine and b.status in ('booked', 'no_show', 'completed')
    and b.during && tstzrange(from_at, to_at, '[)') and to_at - from_at <= interval '62 days'
  order by b.starts_at
$$;
comment on function public.support_machine_taken is 'Booked time of one machine in a window (at most 62 days), anonymous: others'' bookings only show as taken.';

-- ---------------------------------------------------------------- events
create table public.support_events (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.support_centers (id) on delete cascade,
  kind text not null check (kind in ('course', 'seminar', 'exhibition')),
  -- A session of a course: attending it completes the course.
  course_id uuid references public.support_courses (id) on delete set null,
  title_ko text not null check (length(title_ko) between 1 and 160),
  title_en text not null default '' check (length(title_en) <= 200),
  description_ko text not null default '' check (length(description_ko) <= 4000),
  description_en text not null default '' check (length(description_en) <= 4000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place_ko text not null default '' check (length(place_ko) <= 300),
  online_url text check (online_url ~ '^https://'),
  capacity int not null check (capacity between 1 and 10000),
  cancelled boolean not null default false,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (place_ko <> '' or online_url is not null)
);
comment on table public.support_events is 'Training courses, seminars and exhibitions of a center: time, place or online link, capacity.';
create index support_events_center_idx on public.support_events (center_id, starts_at);
create index support_events_course_idx on public.support_events (course_id);
alter table public.support_events enable row level security;

create table public.support_event_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.support_events (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- registered | waitlisted → registered (moved up) | cancelled; registered → attended | absent (staff).
  status text not null default 'registered' check (status in ('registered', 'waitlisted', 'cancelled', 'attended', 'absent')),
  -- Order on the waiting list (the time of joining it).
  queued_at timestamptz not null default clock_timestamp(),
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, user_id)
);
comment on table public.support_event_registrations is 'A person''s place at an event, or on its waiting list, and their attendance.';
create index support_event_registrations_user_idx on public.support_event_registrations (user_id);
create index support_event_registrations_queue_idx on public.support_event_registrations (event_id, status, queued_at);
alter table public.support_event_registrations enable row level security;

create or replace function private.guard_registration() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  -- These triggers are security definer (they count rows the caller may not see), so the caller is
  -- told by the role setting, not current_user; a change made by another trigger is the system's.
  by_user boolean := coalesce(current_setting('role', true), '') in ('anon', 'authenticated') and pg_trigger_depth() = 1;
  e public.support_events;
  taken int;
  staff boolean;
begin
  -- The event row is the queue's lock: registrations, cancellations and promotions of one event run one at a time.
  select * into e from public.support_events where id = coalesce(new.event_id, old.event_id) for update;
  staff := not by_user or private.acts_for_center(e.center_id) or private.is_operator();
  if tg_op = 'INSERT' then
    if e.cancelled or e.starts_at <= now() then
      raise exception 'event_closed: registration is closed' using errcode = '23514';
    end if;
    select count(*) into taken from public.support_event_registrations
    where event_id = e.id and status in ('registered', 'attended', 'absent');
    new.status := case when taken < e.capacity then 'registered' else 'waitlisted' end;
    new.queued_at := clock_timestamp();
    new.reminded_at := null;
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if (new.event_id, new.user_id, new.created_at, new.queued_at) is distinct from (old.event_id, old.user_id, old.created_at, old.queued_at) then
    raise exception 'a registration keeps its event and person' using errcode = '42501';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if new.status = 'cancelled' and old.status in ('registered', 'waitlisted') then
    if by_user and old.user_id <> (select auth.uid()) and not staff then
      raise exception 'only the person registered cancels' using errcode = '42501';
    end if;
  elsif new.status in ('attended', 'absent') and old.status in ('registered', 'attended', 'absent') then
    if not staff then
      raise exception 'only center staff take attendance' using errcode = '42501';
    end if;
  elsif new.status = 'registered' and old.status in ('waitlisted', 'cancelled') and not by_user then
    null; -- moved up from the waiting list (by the trigger below) or re-registered by the system
  elsif new.status in ('registered', 'waitlisted') and old.status = 'cancelled' then
    -- Registering again after cancelling: the back of the line, or a free seat.
    if by_user and old.user_id <> (select auth.uid()) then
      raise exception 'only the person registers' using errcode = '42501';
    end if;
    if e.cancelled or e.starts_at <= now() then
      raise exception 'event_closed: registration is closed' using errcode = '23514';
    end if;
    select count(*) into taken from public.support_event_registrations
    where event_id = e.id and status in ('registered', 'attended', 'absent');
    new.status := case when taken < e.capacity then 'registered' else 'waitlisted' end;
    new.queued_at := clock_timestamp();
    new.reminded_at := null;
  else
    raise exception 'a registration cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger support_event_registrations_guard before insert or update on public.support_event_registrations
  for each row execute function private.guard_registration();

-- A seat freed moves the first of the waiting list up, in the same transaction; attendance of a
-- course session records the course on the person.
create or replace function private.registration_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  e public.support_events;
  next_id uuid;
  next_user uuid;
begin
  select * into e from public.support_events where id = new.event_id;
  if new.status = 'cancelled' and old.status = 'registered' and e.starts_at > now() then
    select id, user_id into next_id, next_user from public.support_event_registrations
    where event_id = e.id and status = 'waitlisted' order by queued_at, id limit 1;
    if next_id is not null then
      update public.support_event_registrations set status = 'registered' where id = next_id;
      perform private.notify(next_user, 'support', jsonb_build_object('support', 'moved_up', 'event_id', e.id,
        'title', e.title_ko, 'title_en', e.title_en, 'starts_at', e.starts_at));
    end if;
  elsif new.status = 'attended' and e.course_id is not null then
    insert into public.support_course_completions (user_id, course_id, event_id, completed_at)
    values (new.user_id, e.course_id, e.id, now()) on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger support_event_registrations_changed after update of status on public.support_event_registrations
  for each row execute function private.registration_changed();

-- ---------------------------------------------------------------- timers (service role)
-- Reminders the day before: every registration of an event starting within 24 hours of `at`, once.
create or replace function private.support_timers(at timestamptz default now(), only_events uuid[] default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  reminded int := 0;
begin
  for r in select g.id, g.user_id, e.id as event_id, e.title_ko, e.title_en, e.starts_at, e.place_ko, e.online_url
           from public.support_event_registrations g join public.support_events e on e.id = g.event_id
           where g.status = 'registered' and g.reminded_at is null and not e.cancelled
             and e.starts_at > at and e.starts_at <= at + interval '1 day'
             and (only_events is null or e.id = any(only_events))
           for update of g skip locked loop
    perform private.notify(r.user_id, 'support', jsonb_build_object('support', 'event_reminder', 'event_id', r.event_id,
      'title', r.title_ko, 'title_en', r.title_en, 'starts_at', r.starts_at, 'place', r.place_ko, 'online_url', r.online_url));
    update public.support_event_registrations set reminded_at = at where id = r.id;
    reminded := reminded + 1;
  end loop;
  return jsonb_build_object('reminded', reminded);
end;
$$;
comment on function private.support_timers is 'Event reminders the day before, each once (service role only).';

-- ---------------------------------------------------------------- notification kinds
alter domain public.notification_kind drop constraint notification_kind_check;
alter domain public.notification_kind add constraint notification_kind_check check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded',
  'participation_declined', 'order', 'order_payment', 'order_reminder', 'support'
));

-- ---------------------------------------------------------------- policies
create policy "anyone sees centers" on public.support_centers for select to anon, authenticated using (true);
create policy "the operator adds centers" on public.support_centers for insert to authenticated
  with check ((select private.is_operator()));
create policy "staff and the operator edit a center" on public.support_centers for update to authenticated
  using ((select private.acts_for_center(id)) or (select private.is_operator()))
  with check ((select private.acts_for_center(id)) or (select private.is_operator()));
create policy "the operator removes centers" on public.support_centers for delete to authenticated
  using ((select private.is_operator()));

create policy "anyone sees which clusters a center serves" on public.support_center_clusters for select to anon, authenticated using (true);
create policy "the operator links clusters" on public.support_center_clusters for insert to authenticated
  with check ((select private.is_operator()));
create policy "the operator unlinks clusters" on public.support_center_clusters for delete to authenticated
  using ((select private.is_operator()));

create policy "staff see their colleagues, the operator all" on public.support_center_staff for select to authenticated
  using ((select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "the operator appoints staff" on public.support_center_staff for insert to authenticated
  with check ((select private.is_operator()));
create policy "the operator removes staff" on public.support_center_staff for delete to authenticated
  using ((select private.is_operator()));

create policy "anyone sees courses" on public.support_courses for select to anon, authenticated using (true);
create policy "staff add courses" on public.support_courses for insert to authenticated
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "staff edit courses" on public.support_courses for update to authenticated
  using ((select private.acts_for_center(center_id)) or (select private.is_operator()))
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));

create policy "anyone sees machines" on public.support_machines for select to anon, authenticated using (true);
create policy "staff add machines" on public.support_machines for insert to authenticated
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "staff edit machines" on public.support_machines for update to authenticated
  using ((select private.acts_for_center(center_id)) or (select private.is_operator()))
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));

create or replace function private.center_of_course(course uuid) returns uuid
language sql stable security definer set search_path = ''
as $$ select center_id from public.support_courses where id = course $$;
create or replace function private.center_of_machine(machine uuid) returns uuid
language sql stable security definer set search_path = ''
as $$ select center_id from public.support_machines where id = machine $$;
create or replace function private.center_of_event(event uuid) returns uuid
language sql stable security definer set search_path = ''
as $$ select center_id from public.support_events where id = event $$;

create policy "people see their completed courses, staff theirs" on public.support_course_completions for select to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_course(course_id))) or (select private.is_operator()));

create policy "people see their own bookings, staff their center's" on public.support_bookings for select to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_machine(machine_id))) or (select private.is_operator()));
create policy "craftsmen book for themselves" on public.support_bookings for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.app_role()) = 'craftsman');
create policy "the booker cancels, staff mark attendance" on public.support_bookings for update to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_machine(machine_id))) or (select private.is_operator()))
  with check (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_machine(machine_id))) or (select private.is_operator()));

create policy "people see their penalties, staff their center's" on public.support_penalties for select to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(center_id)) or (select private.is_operator()));

create policy "anyone sees events" on public.support_events for select to anon, authenticated using (true);
create policy "staff add events" on public.support_events for insert to authenticated
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "staff edit events" on public.support_events for update to authenticated
  using ((select private.acts_for_center(center_id)) or (select private.is_operator()))
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));

create policy "people see their registrations, staff their center's" on public.support_event_registrations for select to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_event(event_id))) or (select private.is_operator()));
create policy "people register themselves" on public.support_event_registrations for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "people cancel, staff take attendance" on public.support_event_registrations for update to authenticated
  using (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_event(event_id))) or (select private.is_operator()))
  with check (user_id = (select auth.uid()) or (select private.acts_for_center(private.center_of_event(event_id))) or (select private.is_operator()));

revoke all on public.support_centers, public.support_center_clusters, public.support_center_staff, public.support_courses,
  public.support_machines, public.support_course_completions, public.support_bookings, public.support_penalties,
  public.support_events, public.support_event_registrations from anon;
grant select on public.support_centers, public.support_center_clusters, public.support_courses, public.support_machines,
  public.support_events to anon;
revoke insert, update, delete on public.support_course_completions, public.support_penalties from authenticated;
revoke delete on public.support_bookings, public.support_event_registrations, public.support_machines,
  public.support_courses, public.support_events from authenticated;
revoke insert, update on public.support_bookings, public.support_event_registrations, public.support_center_clusters,
  public.support_center_staff from authenticated;
grant insert (machine_id, user_id, starts_at, ends_at, purpose) on public.support_bookings to authenticated;
grant update (status) on public.support_bookings to authenticated;
grant insert (event_id, user_id) on public.support_event_registrations to authenticated;
grant update (status) on public.support_event_registrations to authenticated;
grant insert on public.support_center_clusters, public.support_center_staff to authenticated;

revoke all on function private.acts_for_center(uuid), private.center_of_course(uuid), private.center_of_machine(uuid),
  private.center_of_event(uuid), private.booking_suspended_until(uuid, uuid, timestamptz) from public;
grant execute on function private.acts_for_center(uuid), private.center_of_course(uuid), private.center_of_machine(uuid),
  private.center_of_event(uuid), private.booking_suspended_until(uuid, uuid, timestamptz) to authenticated, service_role;
revoke all on function private.guard_booking(), private.booking_penalty(), private.guard_registration(),
  private.registration_changed() from public, anon, authenticated;
revoke all on function private.support_timers(timestamptz, uuid[]) from public, anon, authenticated;
grant execute on function private.support_timers(timestamptz, uuid[]) to service_role;
grant execute on function public.support_machine_taken(uuid, timestamptz, timestamptz) to anon, authenticated, service_role;

-- ---------------------------------------------------------------- views for pages
-- Seats taken and the waiting list of an event, without saying who: what the event page shows everyone.
create or replace function public.support_event_counts(event uuid)
returns table (registered int, waitlisted int)
language sql stable security definer set search_path = ''
as $$
  select count(*) filter (where status in ('registered', 'attended', 'absent'))::int,
         count(*) filter (where status = 'waitlisted')::int
  from public.support_event_registrations where event_id = event
$$;

-- The people of an event with their names, for the center's staff taking attendance (empty for others).
create or replace function public.support_attendees(event uuid)
returns table (registration_id uuid, user_id uuid, display_name text, status text, queued_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select g.id, g.user_id, p.display_name, g.status, g.queued_at
  from public.support_event_registrations g join public.profiles p on p.id = g.user_id
  join public.support_events e on e.id = g.event_id
  where g.event_id = event and (private.acts_for_center(e.center_id) or private.is_operator())
  order by case g.status when 'waitlisted' then 1 when 'cancelled' then 2 else 0 end, g.queued_at, g.id
$$;

-- A Seoul day's bookings of a center with the bookers' names, for its staff (empty for others).
create or replace function public.support_day_bookings(center uuid, day date)
returns table (booking_id uuid, machine_id uuid, machine_name text, user_id uuid, display_name text,
               starts_at timestamptz, ends_at timestamptz, status text)
language sql stable security definer set search_path = ''
as $$
  select b.id, m.id, m.name_ko, b.user_id, p.display_name, b.starts_at, b.ends_at, b.status
  from public.support_bookings b join public.support_machines m on m.id = b.machine_id
  join public.profiles p on p.id = b.user_id
  where m.center_id = center and (private.acts_for_center(center) or private.is_operator())
    and b.starts_at >= day::timestamp at time zone 'Asia/Seoul'
    and b.starts_at < (day + 1)::timestamp at time zone 'Asia/Seoul'
  order by b.starts_at, m.name_ko
$$;

-- The caller's place on an event's waiting list (1 = next), without showing the others.
create or replace function public.support_waitlist_position(event uuid) returns int
language sql stable security definer set search_path = ''
as $$
  select count(*)::int from public.support_event_registrations w, public.support_event_registrations me
  where me.event_id = event and me.user_id = (select auth.uid()) and me.status = 'waitlisted'
    and w.event_id = event and w.status = 'waitlisted' and (w.queued_at, w.id) <= (me.queued_at, me.id)
$$;
revoke all on function public.support_waitlist_position(uuid) from public;
grant execute on function public.support_waitlist_position(uuid) to authenticated, service_role;

revoke all on function public.support_event_counts(uuid), public.support_attendees(uuid),
  public.support_day_bookings(uuid, date) from public;
grant execute on function public.support_event_counts(uuid) to anon, authenticated, service_role;
grant execute on function public.support_attendees(uuid), public.support_day_bookings(uuid, date) to authenticated, service_role;
revoke all on function public.support_machine_taken(uuid, timestamptz, timestamptz) from public;
grant execute on function public.support_machine_taken(uuid, timestamptz, timestamptz) to anon, authenticated, service_role;
