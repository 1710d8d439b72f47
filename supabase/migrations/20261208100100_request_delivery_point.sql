-- A request sits at its delivery place: the request form now places delivery_place (an address or a
-- click on the map) and writes lat/lng. The guard copied the company's location over them on every
-- insert; it now fills them from the company only when no delivery place was placed, and again when
-- the owner clears the place (so matching always measures from somewhere).

create or replace function private.guard_request() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  by_user boolean := current_user in ('anon', 'authenticated');
  actor text;
  loc record;
begin
  if tg_op = 'INSERT' then
    new.published_at := case when new.status = 'draft' then null else now() end;
    new.created_at := now();
  else
    if by_user and new.owner_id is distinct from old.owner_id then
      raise exception 'the owner of a request cannot be changed' using errcode = '42501';
    end if;
    if new.status is distinct from old.status then
      actor := private.request_transition_actor(old.status, new.status);
      if actor is null then
        raise exception 'a request cannot go from % to %', old.status, new.status using errcode = '23514';
      end if;
      if by_user and actor <> 'owner' then
        raise exception 'a request is awarded by accepting one of its quotes' using errcode = '42501';
      end if;
      if old.published_at is null and new.status = 'open' then
        new.published_at := now();
      end if;
    end if;
    if by_user then
      if new.awarded_quote_id is distinct from old.awarded_quote_id then
        raise exception 'a request is awarded by accepting one of its quotes' using errcode = '42501';
      end if;
      -- Workshops accepted these terms; they stay what was accepted.
      if old.published_at is not null
         and (new.nda_required, new.nda_text) is distinct from (old.nda_required, old.nda_text) then
        raise exception 'the confidentiality terms of a published request cannot change' using errcode = '23514';
      end if;
      if old.status in ('awarded', 'cancelled')
         and (to_jsonb(new) - array['status', 'updated_at']) is distinct from (to_jsonb(old) - array['status', 'updated_at']) then
        raise exception 'a % request can no longer be edited', old.status using errcode = '23514';
      end if;
    end if;
  end if;
  -- The delivery place's point when the owner gave one; otherwise the company's location.
  if new.lat is null and new.company_id is not null then
    select * into loc from private.request_location(new.company_id);
    if loc.lat is not null then
      new.lat := loc.lat;
      new.lng := loc.lng;
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
