-- Counseling appointments at a support center (issue 17): a craftsman asks for counseling on a topic
-- with the times that suit them; the center's staff (or a manager of a cluster it serves) proposes a
-- slot or declines; the craftsman confirms; either side may cancel. Each appointment has its own
-- short thread of messages (a list on the appointment page: the marketplace's conversations belong
-- to requests and workshops, not to a person and a center). Who may make which move is checked here
-- in a trigger, in the same words as src/lib/domain/counseling.ts:
--   requested → proposed (staff) → confirmed (the craftsman)
--   requested | proposed → proposed again (staff, another slot) | declined (staff)
--   requested | proposed | confirmed → cancelled (either side)
-- Each move notifies the other side with the existing kind 'support' (payload.support counseling_…).

create table public.support_counseling (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.support_centers (id) on delete cascade,
  requester_id uuid not null references public.profiles (id) on delete cascade,
  topic text not null check (topic in ('management', 'technology', 'marketing', 'export', 'financing')),
  question text not null check (length(question) between 1 and 2000),
  -- The craftsman's own words: "평일 오후", "12월 10일 오전" …
  preferred_times text not null check (length(preferred_times) between 1 and 500),
  status text not null default 'requested' check (status in ('requested', 'proposed', 'confirmed', 'cancelled', 'declined')),
  starts_at timestamptz,
  ends_at timestamptz,
  place_ko text not null default '' check (length(place_ko) <= 300),
  online_url text check (online_url ~ '^https://'),
  proposed_by uuid references public.profiles (id) on delete set null,
  reason text not null default '' check (length(reason) <= 1000),
  cancelled_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (status not in ('proposed', 'confirmed') or (starts_at is not null and ends_at is not null
                                                      and (place_ko <> '' or online_url is not null)))
);
comment on table public.support_counseling is 'A craftsman''s counseling appointment at a support center: topic, preferred times, the slot staff propose, its state.';
create index support_counseling_center_idx on public.support_counseling (center_id, status, created_at desc);
create index support_counseling_requester_idx on public.support_counseling (requester_id, created_at desc);
alter table public.support_counseling enable row level security;

create table public.support_counseling_messages (
  id uuid primary key default gen_random_uuid(),
  counseling_id uuid not null references public.support_counseling (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 2000),
  created_at timestamptz not null default now()
);
comment on table public.support_counseling_messages is 'The thread of one counseling appointment, between the craftsman and the center.';
create index support_counseling_messages_idx on public.support_counseling_messages (counseling_id, created_at);
alter table public.support_counseling_messages enable row level security;

-- ---------------------------------------------------------------- helpers
create or replace function private.counseling_party(counseling uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.support_counseling c where c.id = counseling
                 and (c.requester_id = (select auth.uid()) or private.acts_for_center(c.center_id) or private.is_operator()))
$$;
comment on function private.counseling_party is 'The caller asked for this counseling, acts for its center, or is the operator.';

-- The people who act for a center (its staff, the managers of the clusters it serves).
create or replace function private.center_people(center uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select user_id from public.support_center_staff where center_id = center
  union
  select m.user_id from public.support_center_clusters c join public.cluster_managers m on m.cluster_id = c.cluster_id
  where c.center_id = center
$$;

-- ---------------------------------------------------------------- moves
create or replace function private.guard_counseling() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  by_user boolean := coalesce(current_setting('role', true), '') in ('anon', 'authenticated') and pg_trigger_depth() = 1;
  me uuid := (select auth.uid());
  staff boolean;
  requester boolean;
begin
  if tg_op = 'INSERT' then
    new.status := 'requested';
    new.starts_at := null;
    new.ends_at := null;
    new.place_ko := '';
    new.online_url := null;
    new.proposed_by := null;
    new.cancelled_by := null;
    new.reason := '';
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if (new.center_id, new.requester_id, new.topic, new.question, new.preferred_times, new.created_at)
     is distinct from (old.center_id, old.requester_id, old.topic, old.question, old.preferred_times, old.created_at) then
    raise exception 'counseling_move: the request itself does not change' using errcode = '23514';
  end if;
  new.updated_at := now();
  if not by_user then
    return new;
  end if;
  staff := private.acts_for_center(old.center_id) or private.is_operator();
  requester := old.requester_id = me;
  -- A move the state does not allow is a bad request; one this side may not make, a permission error.
  if not coalesce(case new.status
      when 'proposed' then old.status in ('requested', 'proposed')
      when 'confirmed' then old.status = 'proposed'
      when 'declined' then old.status in ('requested', 'proposed')
      when 'cancelled' then old.status in ('requested', 'proposed', 'confirmed')
      else false end, false) then
    raise exception 'counseling_move: % to % is not allowed', old.status, new.status using errcode = '23514';
  end if;
  if not (case new.status when 'confirmed' then requester when 'cancelled' then staff or requester else staff end) then
    raise exception 'counseling_not_yours: this move is the other side''s' using errcode = '42501';
  end if;
  if new.status = 'proposed' then
    if new.starts_at is null or new.ends_at is null or new.starts_at <= now() then
      raise exception 'counseling_slot: a proposed slot starts in the future' using errcode = '23514';
    end if;
    if new.ends_at - new.starts_at > interval '8 hours' then
      raise exception 'counseling_slot: at most 8 hours' using errcode = '23514';
    end if;
    new.proposed_by := me;
    new.reason := '';
    return new;
  end if;
  if (new.starts_at, new.ends_at, new.place_ko, new.online_url) is distinct from (old.starts_at, old.ends_at, old.place_ko, old.online_url) then
    raise exception 'counseling_move: only a proposal sets the slot' using errcode = '23514';
  end if;
  if new.status = 'confirmed' and old.starts_at <= now() then
    raise exception 'counseling_past: the proposed slot has passed' using errcode = '23514';
  end if;
  if new.status = 'cancelled' then
    new.cancelled_by := me;
  end if;
  return new;
end;
$$;
create trigger support_counseling_guard before insert or update on public.support_counseling
  for each row execute function private.guard_counseling();

create or replace function private.counseling_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.support_centers;
  payload jsonb;
  person uuid;
begin
  select * into c from public.support_centers where id = new.center_id;
  payload := jsonb_build_object('counseling_id', new.id, 'topic', new.topic, 'title', c.name_ko, 'title_en', c.name_en,
    'starts_at', new.starts_at, 'status', new.status);
  if tg_op = 'INSERT' then
    for person in select private.center_people(new.center_id) loop
      perform private.notify(person, 'support', payload || jsonb_build_object('support', 'counseling_requested'));
    end loop;
  elsif new.status is distinct from old.status or new.starts_at is distinct from old.starts_at then
    if new.status = 'proposed' then
      perform private.notify(new.requester_id, 'support', payload || jsonb_build_object('support', 'counseling_proposed'));
    elsif new.status = 'confirmed' then
      for person in select private.center_people(new.center_id) union select new.proposed_by loop
        perform private.notify(person, 'support', payload || jsonb_build_object('support', 'counseling_confirmed'));
      end loop;
    elsif new.status in ('cancelled', 'declined') then
      if new.cancelled_by is distinct from new.requester_id then
        perform private.notify(new.requester_id, 'support', payload || jsonb_build_object('support', 'counseling_cancelled'));
      end if;
      if new.status = 'cancelled' and new.cancelled_by = new.requester_id then
        for person in select private.center_people(new.center_id) union select new.proposed_by loop
          perform private.notify(person, 'support', payload || jsonb_build_object('support', 'counseling_cancelled'));
        end loop;
      end if;
    end if;
  end if;
  return null;
end;
$$;
create trigger support_counseling_changed after insert or update on public.support_counseling
  for each row execute function private.counseling_changed();

create or replace function private.guard_counseling_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.created_at := now();
  new.body := btrim(new.body);
  update public.support_counseling set updated_at = now() where id = new.counseling_id;
  return new;
end;
$$;
create trigger support_counseling_messages_guard before insert on public.support_counseling_messages
  for each row execute function private.guard_counseling_message();

-- The names of the people of one appointment (the craftsman, the authors of its thread), for its two
-- sides only: profiles are not readable across that line otherwise.
create or replace function public.support_counseling_names(counseling uuid)
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.display_name from public.profiles p
  where private.counseling_party(counseling)
    and (p.id = (select requester_id from public.support_counseling where id = counseling)
         or p.id in (select author_id from public.support_counseling_messages where counseling_id = counseling))
$$;

-- ---------------------------------------------------------------- policies
create policy "the asker, the center's staff and the operator see counseling" on public.support_counseling
  for select to authenticated
  using (requester_id = (select auth.uid()) or (select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "craftsmen ask for themselves" on public.support_counseling for insert to authenticated
  with check (requester_id = (select auth.uid()) and (select private.app_role()) = 'craftsman');
create policy "the asker and the center's staff move it" on public.support_counseling for update to authenticated
  using (requester_id = (select auth.uid()) or (select private.acts_for_center(center_id)) or (select private.is_operator()))
  with check (requester_id = (select auth.uid()) or (select private.acts_for_center(center_id)) or (select private.is_operator()));

create policy "the parties read the thread" on public.support_counseling_messages for select to authenticated
  using ((select private.counseling_party(counseling_id)));
create policy "the parties write in the thread" on public.support_counseling_messages for insert to authenticated
  with check (author_id = (select auth.uid()) and (select private.counseling_party(counseling_id)));

revoke all on public.support_counseling, public.support_counseling_messages from anon;
revoke insert, update, delete on public.support_counseling, public.support_counseling_messages from authenticated;
grant select on public.support_counseling, public.support_counseling_messages to authenticated;
grant insert (center_id, requester_id, topic, question, preferred_times) on public.support_counseling to authenticated;
grant update (status, starts_at, ends_at, place_ko, online_url, reason) on public.support_counseling to authenticated;
grant insert (counseling_id, author_id, body) on public.support_counseling_messages to authenticated;

revoke all on function private.counseling_party(uuid), private.center_people(uuid), public.support_counseling_names(uuid) from public;
grant execute on function public.support_counseling_names(uuid) to authenticated, service_role;
grant execute on function private.counseling_party(uuid), private.center_people(uuid) to authenticated, service_role;
revoke all on function private.guard_counseling(), private.counseling_changed(), private.guard_counseling_message()
  from public, anon, authenticated;
