-- Two races a probe found, closed where they cannot be raced: in the database.
-- 1. Two concurrent first saves of a workshop made two workshops for one owner. An owner has one
--    active workshop (members kept by a manager have no owner, so any number of those; a suspended
--    one stays on record beside it, and the editor keeps editing the owner's first).
-- 2. Concurrent photo uploads passed the 12-photo limit (28 photos). Each insert now waits for the
--    others of the same workshop and counts what they left.

create unique index workshops_one_per_owner on public.workshops (owner_id) where owner_id is not null and status = 'active';

create or replace function private.limit_workshop_photos() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- The workshop row is the lock: inserts for one workshop go one at a time, other workshops don't wait.
  perform 1 from public.workshops where id = new.workshop_id for update;
  if (select count(*) from public.workshop_photos where workshop_id = new.workshop_id) >= 12 then
    raise exception 'a workshop shows at most 12 photos' using errcode = '23514', constraint = 'workshop_photos_limit';
  end if;
  return new;
end;
$$;

create trigger workshop_photos_limit before insert on public.workshop_photos
  for each row execute function private.limit_workshop_photos();
