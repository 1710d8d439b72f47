-- The language each user reads the app in, so that mail (sent by a worker, with no browser to ask)
-- goes out in it. Set from the locale cookie at sign-up (user metadata, read by handle_new_user) and
-- whenever the user switches language; Korean until then.
alter table public.profiles
  add column locale text not null default 'ko' check (locale in ('ko', 'en'));
comment on column public.profiles.locale is 'The language the user reads the app in (ko, en): their notification mail is written in it.';

-- Users change their own, like their display name ("users edit their own profile" limits the row).
grant update (locale) on public.profiles to authenticated;

create or replace function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  chosen text := new.raw_user_meta_data ->> 'role';
  language text := new.raw_user_meta_data ->> 'locale';
begin
  insert into public.profiles (id, role, display_name, locale)
  values (
    new.id,
    case when chosen in ('craftsman', 'startup') then chosen else 'startup' end,
    coalesce(left(new.raw_user_meta_data ->> 'display_name', 80), ''),
    case when language in ('ko', 'en') then language else 'ko' end
  );
  return new;
end;
$$;
