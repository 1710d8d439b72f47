-- Email confirmation: whether the signed-in user has confirmed their address (auth.users is GoTrue's
-- and not readable by the API roles, so the app asks through this function). The app lets an
-- unconfirmed account look around, fill its profile and draft, and asks for the confirmation before
-- anything reaches another person (publishing a request, sending a quote).
create or replace function private.email_confirmed() returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce((select u.email_confirmed_at is not null from auth.users u where u.id = (select auth.uid())), false) $$;
comment on function private.email_confirmed is 'The calling user has confirmed their email address.';
revoke all on function private.email_confirmed() from public, anon;
grant execute on function private.email_confirmed() to authenticated, service_role;
