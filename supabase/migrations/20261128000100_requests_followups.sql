-- Follow-ups to the requests migration.
--
-- Declining: a workshop taking part in a request (invited, forwarded, or joined by itself) may decline
-- it, with an optional reason. The request's owner is told (and the manager who forwarded it), the
-- owner sees the reason among the participants, and the workshop is no longer recommended the request.
-- Declining is final, and refused while the workshop has a live quote on the request: it withdraws
-- that quote instead, which already tells the owner why.
--
-- Live unread badges: notifications were announced on channel notifications when written; now also
-- when read, so every open page of the user shows the same count.

-- ---------------------------------------------------------------- notification kinds
alter domain public.notification_kind drop constraint notification_kind_check;
alter domain public.notification_kind add constraint notification_kind_check check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded',
  'participation_declined'
));

-- ---------------------------------------------------------------- declining
alter table public.request_participants
  add column decline_reason text check (length(decline_reason) <= 1000);
comment on column public.request_participants.decline_reason is
  'Why the workshop declined (optional), written with declined_at and shown to the request''s owner.';
grant update (decline_reason) on public.request_participants to authenticated;

create or replace function private.guard_participant() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  declining boolean := old.declined_at is null and new.declined_at is not null;
begin
  if current_user in ('anon', 'authenticated') then
    if new.nda_accepted_at is distinct from old.nda_accepted_at then
      if old.nda_accepted_at is not null then
        raise exception 'the NDA of this request was already accepted' using errcode = '23514';
      end if;
      new.nda_accepted_at := now();
      new.nda_accepted_by := (select auth.uid());
    end if;
    if old.declined_at is not null and new.declined_at is distinct from old.declined_at then
      raise exception 'this workshop already declined the request' using errcode = '23514';
    end if;
    if new.decline_reason is distinct from old.decline_reason and not declining then
      raise exception 'a reason goes with declining' using errcode = '23514';
    end if;
    if declining then
      -- security invoker: the caller acts for the workshop, so RLS shows it the workshop's quotes.
      if exists (select 1 from public.quotes q
                 where q.request_id = new.request_id and q.workshop_id = new.workshop_id
                   and q.status in ('submitted', 'revision_requested', 'accepted')) then
        raise exception 'withdraw the quote on this request instead of declining it' using errcode = '23514';
      end if;
      new.declined_at := now();
      new.decline_reason := nullif(btrim(new.decline_reason), '');
    end if;
  end if;
  return new;
end;
$$;

create or replace function private.participant_declined() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.request_summary(new.request_id) || private.workshop_summary(new.workshop_id)
    || jsonb_strip_nulls(jsonb_build_object('reason', new.decline_reason));
begin
  perform private.notify(r.owner_id, 'participation_declined', payload)
  from public.requests r where r.id = new.request_id;
  -- The manager who forwarded it learns that the recommendation was turned down.
  if new.source = 'forwarded' then
    perform private.notify(new.invited_by, 'participation_declined', payload);
  end if;
  return null;
end;
$$;
comment on function private.participant_declined is 'Tells the request''s owner (and the forwarding manager) that a workshop declined, with its reason.';
create trigger request_participants_declined after update of declined_at on public.request_participants
  for each row when (old.declined_at is null and new.declined_at is not null)
  execute function private.participant_declined();

-- ---------------------------------------------------------------- live unread badges
create or replace function private.notification_read() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Delivered on commit; identical payloads of one transaction arrive once.
  perform pg_notify('notifications', new.user_id::text);
  return null;
end;
$$;
comment on function private.notification_read is 'Announces on channel notifications that a user''s unread count changed because something was read.';
create trigger notifications_read after update of read_at on public.notifications
  for each row when (old.read_at is distinct from new.read_at)
  execute function private.notification_read();

revoke all on function private.participant_declined(), private.notification_read() from public, anon, authenticated;
