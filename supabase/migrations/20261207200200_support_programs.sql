-- Support programs (소공인 특화자금, 스마트공방, 클린제조환경, cluster joint-infrastructure funds): a catalog
-- with deadlines, amounts, required documents and eligibility rules kept as data (evaluated by
-- src/lib/domain/eligibility.ts), and applications handled by the staff of the program's center:
-- draft → submitted → under_review → approved | rejected (with a reason). Documents live in the
-- storage port, private like request drawings; submitting without a required document is refused here.

-- Years in business is an eligibility rule; the workshop's founding year is the fact it needs.
alter table public.workshops add column founded_year int check (founded_year between 1900 and 2100);

create table public.support_programs (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.support_centers (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('loan', 'grant', 'infrastructure', 'consulting')),
  title_ko text not null check (length(title_ko) between 1 and 160),
  title_en text not null default '' check (length(title_en) <= 200),
  summary_ko text not null default '' check (length(summary_ko) <= 4000),
  summary_en text not null default '' check (length(summary_en) <= 4000),
  amount_max_krw bigint not null check (amount_max_krw >= 0),
  -- Share the workshop pays itself (클린제조환경: 30%).
  self_pay_percent int not null default 0 check (self_pay_percent between 0 and 100),
  opens_at timestamptz not null default now(),
  deadline timestamptz not null,
  -- [{key, label_ko, label_en}]: what an application must carry before it is submitted.
  required_documents jsonb not null default '[]' check (jsonb_typeof(required_documents) = 'array'),
  -- [{kind: max_employees|designated_trade|cluster_member|min_years|region, …}]: see eligibility.ts.
  eligibility jsonb not null default '[]' check (jsonb_typeof(eligibility) = 'array'),
  created_at timestamptz not null default now(),
  check (deadline > opens_at)
);
comment on table public.support_programs is 'Support programs of a center: amounts, deadline, required documents and eligibility rules as data.';
create index support_programs_center_idx on public.support_programs (center_id);
alter table public.support_programs enable row level security;

create table public.support_applications (
  id uuid primary key default gen_random_uuid(),
  program_id uuid not null references public.support_programs (id) on delete restrict,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  applicant_id uuid references public.profiles (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'under_review', 'approved', 'rejected')),
  amount_krw bigint check (amount_krw >= 0),
  note text not null default '' check (length(note) <= 4000),
  decision_reason text check (length(decision_reason) <= 2000),
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (program_id, workshop_id),
  check (status <> 'rejected' or length(coalesce(decision_reason, '')) > 0)
);
comment on table public.support_applications is 'A workshop''s application to a program; its staff decide.';
create index support_applications_workshop_idx on public.support_applications (workshop_id);
create index support_applications_applicant_idx on public.support_applications (applicant_id);
create index support_applications_program_idx on public.support_applications (program_id, status);
alter table public.support_applications enable row level security;

create table public.support_application_documents (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.support_applications (id) on delete cascade,
  doc_key text not null check (doc_key ~ '^[a-z0-9_]{1,40}$'),
  path text not null unique,
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null,
  size_bytes int not null check (size_bytes > 0),
  uploaded_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.support_application_documents is 'Documents of an application, kept private in the storage port at path.';
create index support_application_documents_app_idx on public.support_application_documents (application_id);
alter table public.support_application_documents enable row level security;

-- ---------------------------------------------------------------- helpers
create or replace function private.center_of_program(program uuid) returns uuid
language sql stable security definer set search_path = ''
as $$ select center_id from public.support_programs where id = program $$;

create or replace function private.can_see_application(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.support_applications a join public.support_programs p on p.id = a.program_id
                 where a.id = application
                   and (a.applicant_id = (select auth.uid()) or private.owns_workshop(a.workshop_id)
                        or private.acts_for_center(p.center_id) or private.is_operator()))
$$;

create or replace function private.owns_draft_application(application uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.support_applications a where a.id = application and a.status = 'draft'
                 and private.owns_workshop(a.workshop_id))
$$;

-- ---------------------------------------------------------------- the application machine
create or replace function private.guard_application() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  by_user boolean := coalesce(current_setting('role', true), '') in ('anon', 'authenticated') and pg_trigger_depth() = 1;
  p public.support_programs;
  staff boolean;
  missing text;
begin
  select * into p from public.support_programs where id = new.program_id;
  if tg_op = 'INSERT' then
    if now() < p.opens_at or now() > p.deadline then
      raise exception 'program_closed: the program does not take applications now' using errcode = '23514';
    end if;
    new.status := 'draft';
    new.submitted_at := null;
    new.decided_at := null;
    new.decided_by := null;
    new.decision_reason := null;
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if (new.program_id, new.workshop_id, new.applicant_id, new.created_at)
     is distinct from (old.program_id, old.workshop_id, old.applicant_id, old.created_at) then
    raise exception 'an application keeps its program and workshop' using errcode = '42501';
  end if;
  staff := not by_user or private.acts_for_center(p.center_id) or private.is_operator();
  if (new.note, new.amount_krw) is distinct from (old.note, old.amount_krw) and by_user and not private.owns_workshop(old.workshop_id) then
    raise exception 'only the applicant writes the application' using errcode = '42501';
  end if;
  if (new.note, new.amount_krw) is distinct from (old.note, old.amount_krw) and old.status <> 'draft' then
    raise exception 'program_not_draft: a submitted application is not edited' using errcode = '23514';
  end if;
  if new.status = old.status then
    if new.decision_reason is distinct from old.decision_reason then
      raise exception 'a reason goes with a decision' using errcode = '23514';
    end if;
    new.updated_at := now();
    return new;
  end if;
  if old.status = 'draft' and new.status = 'submitted' then
    if by_user and not private.owns_workshop(old.workshop_id) then
      raise exception 'only the applicant submits' using errcode = '42501';
    end if;
    if now() > p.deadline then
      raise exception 'program_closed: the deadline has passed' using errcode = '23514';
    end if;
    select string_agg(d ->> 'key', ', ') into missing from jsonb_array_elements(p.required_documents) d
    where not exists (select 1 from public.support_application_documents x where x.application_id = old.id and x.doc_key = d ->> 'key');
    if missing is not null then
      raise exception 'program_missing_document: %', missing using errcode = '23514';
    end if;
    new.submitted_at := now();
  elsif (old.status = 'submitted' and new.status = 'under_review')
     or (old.status = 'under_review' and new.status in ('approved', 'rejected')) then
    if not staff then
      raise exception 'only the program''s center decides' using errcode = '42501';
    end if;
    if new.status in ('approved', 'rejected') then
      new.decided_at := now();
      new.decided_by := (select auth.uid());
    end if;
  else
    raise exception 'an application cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  if new.decision_reason is distinct from old.decision_reason and new.status not in ('approved', 'rejected') then
    raise exception 'a reason goes with a decision' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger support_applications_guard before insert or update on public.support_applications
  for each row execute function private.guard_application();

create or replace function private.application_decided() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  p public.support_programs;
begin
  if new.status in ('approved', 'rejected') and old.status <> new.status then
    select * into p from public.support_programs where id = new.program_id;
    perform private.notify(new.applicant_id, 'support', jsonb_build_object('support', 'application_decided',
      'application_id', new.id, 'status', new.status, 'title', p.title_ko, 'title_en', p.title_en, 'reason', new.decision_reason));
  end if;
  return null;
end;
$$;
create trigger support_applications_decided after update of status on public.support_applications
  for each row execute function private.application_decided();

-- ---------------------------------------------------------------- policies
create policy "anyone sees programs" on public.support_programs for select to anon, authenticated using (true);
create policy "staff add programs" on public.support_programs for insert to authenticated
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));
create policy "staff edit programs" on public.support_programs for update to authenticated
  using ((select private.acts_for_center(center_id)) or (select private.is_operator()))
  with check ((select private.acts_for_center(center_id)) or (select private.is_operator()));

-- On the row's own columns (not can_see_application(id)): a row just inserted is not yet visible to
-- the function's snapshot, and `returning` needs this policy.
create policy "applicants and the program's staff see applications" on public.support_applications for select to authenticated
  using (applicant_id = (select auth.uid()) or (select private.owns_workshop(workshop_id))
         or (select private.acts_for_center(private.center_of_program(program_id))) or (select private.is_operator()));
create policy "workshop owners start applications" on public.support_applications for insert to authenticated
  with check (applicant_id = (select auth.uid()) and (select private.owns_workshop(workshop_id)));
create policy "applicants edit and submit, staff decide" on public.support_applications for update to authenticated
  using ((select private.owns_workshop(workshop_id)) or (select private.acts_for_center(private.center_of_program(program_id))) or (select private.is_operator()))
  with check ((select private.owns_workshop(workshop_id)) or (select private.acts_for_center(private.center_of_program(program_id))) or (select private.is_operator()));
create policy "applicants delete their drafts" on public.support_applications for delete to authenticated
  using (status = 'draft' and (select private.owns_workshop(workshop_id)));

create policy "documents follow their application" on public.support_application_documents for select to authenticated
  using ((select private.can_see_application(application_id)));
create policy "applicants add documents to a draft" on public.support_application_documents for insert to authenticated
  with check ((select private.owns_draft_application(application_id)) and uploaded_by = (select auth.uid()));
create policy "applicants remove documents of a draft" on public.support_application_documents for delete to authenticated
  using ((select private.owns_draft_application(application_id)));

revoke all on public.support_programs, public.support_applications, public.support_application_documents from anon;
grant select on public.support_programs to anon;
revoke insert, update on public.support_applications from authenticated;
grant insert (program_id, workshop_id, applicant_id, note, amount_krw) on public.support_applications to authenticated;
grant update (status, note, amount_krw, decision_reason) on public.support_applications to authenticated;
revoke update on public.support_application_documents from authenticated;

revoke all on function private.center_of_program(uuid), private.can_see_application(uuid), private.owns_draft_application(uuid) from public;
grant execute on function private.center_of_program(uuid), private.can_see_application(uuid), private.owns_draft_application(uuid)
  to authenticated, service_role;
revoke all on function private.guard_application(), private.application_decided() from public, anon, authenticated;
