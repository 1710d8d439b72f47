-- Account deletion (issue 11): a deleted account is anonymised, not removed. Removing the auth.users
-- row would cascade through public.profiles into requests, quotes and messages that other people
-- rely on (a workshop's quote history, a startup's thread). Instead the auth side marks the user
-- deleted (auth.users.deleted_at, which GoTrue's soft delete also sets; the embedded adapter frees the
-- email, drops the password and ends every session in the same transaction) and this trigger, in that
-- same transaction, anonymises what the marketplace keeps.
alter table public.profiles add column deleted_at timestamptz;
comment on column public.profiles.deleted_at is 'When the account was deleted (anonymised); null for a live account. Not the user''s to set.';

create or replace function private.anonymise_account() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Kept, with the name anonymised: the profile row, because requests, quotes, messages and files
  -- point at it and stay with the people who received them (shown as by a former member).
  update public.profiles set display_name = '탈퇴한 회원', deleted_at = new.deleted_at where id = new.id;
  -- Withdrawn, as the workshop could withdraw them: its live quotes, so that nobody accepts a quote
  -- no one stands behind any more (the request's owner is told, as for any withdrawal).
  update public.quotes set status = 'withdrawn', reason = '회원 탈퇴로 철회된 견적입니다.'
  where workshop_id in (select w.id from public.workshops w where w.owner_id = new.id)
    and status in ('submitted', 'revision_requested');
  -- Kept but unlisted: the owned workshop, because quotes, threads and cluster records of others
  -- name it (deleting it would cascade into them); suspended workshops leave search and public pages.
  update public.workshops set status = 'suspended', accepting_orders = false, updated_at = now()
  where owner_id = new.id and status = 'active';
  -- Cancelled, as their owner could cancel them: requests still being written or taking quotes, so
  -- no workshop waits on someone who left (quotes waiting on them become not_selected and their
  -- workshops are told). An awarded request stays as it is: an order hangs on it.
  update public.requests set status = 'cancelled', updated_at = now()
  where owner_id = new.id and status in ('draft', 'open', 'closed');
  -- Removed: what only ever served this person (their bell, mail switches, read marks, manager seats).
  delete from public.notifications where user_id = new.id;
  delete from public.notification_preferences where user_id = new.id;
  delete from public.conversation_reads where user_id = new.id;
  delete from public.cluster_managers where user_id = new.id;
  -- Kept: requests with their quotes and messages (business records of both sides), the company
  -- profile (requests name it), orders, and public.consents (the record of what was agreed to while
  -- the account lived; it holds no personal data beyond the account's id).
  return null;
end;
$$;
comment on function private.anonymise_account() is 'After a user is marked deleted: anonymises the profile, unlists workshops, removes personal leftovers.';
revoke all on function private.anonymise_account() from public, anon, authenticated;

create trigger on_auth_user_deleted after update of deleted_at on auth.users
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function private.anonymise_account();

-- A suspended workshop (a deleted account's, or one an operator suspended) leaves search and the
-- public pages, but the startups whose requests it took part in still see it: their quotes, request
-- page and threads name it, and a thread with a workshop one cannot see would not open.
create or replace function private.takes_part_in_my_requests(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.request_participants p join public.requests r on r.id = p.request_id
    where p.workshop_id = workshop and r.owner_id = (select auth.uid()))
$$;
comment on function private.takes_part_in_my_requests(uuid) is 'Whether the workshop takes part in a request of the calling user.';
revoke all on function private.takes_part_in_my_requests(uuid) from public, anon;
grant execute on function private.takes_part_in_my_requests(uuid) to authenticated, service_role;
create policy "request owners see the workshops taking part in their requests" on public.workshops for select to authenticated
  using ((select private.takes_part_in_my_requests(id)));

-- Whether an account was deleted: its messages stay in threads, shown as by a former member. Profiles
-- are private to their owner, so the thread asks this instead of reading the other side's profile.
create or replace function private.is_former_member(member uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce((select p.deleted_at is not null from public.profiles p where p.id = member), false) $$;
comment on function private.is_former_member(uuid) is 'Whether the account with this id was deleted (anonymised).';
revoke all on function private.is_former_member(uuid) from public, anon;
grant execute on function private.is_former_member(uuid) to authenticated, service_role;
