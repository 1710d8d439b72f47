-- What a person agreed to, and which version: the terms of service and the privacy policy (required at
-- sign-up) and marketing mail (optional), as Korea's Personal Information Protection Act expects a
-- record of consent. Rows are only ever added; a new version of a document is a new row.
create table public.consents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  document text not null check (document in ('terms', 'privacy', 'marketing')),
  version text not null check (length(version) between 1 and 40),
  accepted_at timestamptz not null default now(),
  unique (user_id, document, version)
);
comment on table public.consents is 'Consents given, per document and version; added, never changed.';
alter table public.consents enable row level security;
create policy "people see their own consents" on public.consents for select to authenticated
  using (user_id = (select auth.uid()));
create policy "people record their own consents" on public.consents for insert to authenticated
  with check (user_id = (select auth.uid()));
revoke update, delete, truncate, trigger, references on public.consents from anon, authenticated;
revoke insert, select on public.consents from anon;
