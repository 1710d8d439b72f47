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
  -- Kept but unlisted: the owned workshop, because quotes, threads and cluster records of others
  -- name it (deleting it would cascade into them); suspended workshops leave search and public pages.
  update public.workshops set status = 'suspended', accepting_orders = false, updated_at = now()
  where owner_id = new.id and status = 'active';
  -- Removed: what only ever served this person (their bell, mail switches, read marks, manager seats).
  delete from public.notifications where user_id = new.id;
  delete from public.notification_preferences where user_id = new.id;
  delete from public.conversation_reads where user_id = new.id;
  delete from public.cluster_managers where user_id = new.id;
  -- Kept as they are: requests and their quotes and messages (business records of both sides), the
  -- company profile (requests name it), and public.consents (the record of what was agreed to while
  -- the account lived; it holds no personal data beyond the account's id).
  return null;
end;
$$;
comment on function private.anonymise_account() is 'After a user is marked deleted: anonymises the profile, unlists workshops, removes personal leftovers.';
revoke all on function private.anonymise_account() from public, anon, authenticated;

create trigger on_auth_user_deleted after update of deleted_at on auth.users
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function private.anonymise_account();
