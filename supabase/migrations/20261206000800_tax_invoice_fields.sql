-- Paperwork: what a tax invoice (세금계산서) needs of both parties, and the record of invoices issued.
-- Supplier and buyer each have a business registration number (사업자등록번호), a name, a
-- representative (대표자), an address, a business type (업태) and item (종목), and an email for the
-- invoice. The number and the address are public business facts, like the workshop's number already
-- is: the company gets them as columns. The representative, type, item and invoice email live in
-- public.business_details, read only by the business itself, its managers, the other party of an
-- order with it and the managers that order's request was routed to (not by every signed-in user,
-- as the companies and workshops tables are).

-- ---------------------------------------------------------------- companies: number and address
alter table public.companies
  add column business_registration_number text check (public.is_valid_brn(business_registration_number)),
  add column address_ko text not null default '' check (length(address_ko) <= 200);

-- ---------------------------------------------------------------- business details
create table public.business_details (
  id uuid primary key default gen_random_uuid(),
  workshop_id uuid unique references public.workshops (id) on delete cascade,
  company_id uuid unique references public.companies (id) on delete cascade,
  representative_name text not null default '' check (length(representative_name) <= 40),
  business_type text not null default '' check (length(business_type) <= 40),
  business_item text not null default '' check (length(business_item) <= 80),
  tax_email text not null default '' check (tax_email = '' or (length(tax_email) <= 254 and tax_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(workshop_id, company_id) = 1)
);
comment on table public.business_details is 'What a tax invoice needs of a workshop or a company beyond its public profile: representative (대표자), business type (업태) and item (종목), invoice email.';
alter table public.business_details enable row level security;

-- The caller writes for this business: whoever speaks for the workshop (its owner, or for a member
-- without an account the managers of its approved clusters), a company's owner.
create or replace function private.edits_business(workshop uuid, company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case
    when workshop is not null then private.acts_for_workshop(workshop)
    else exists (select 1 from public.companies c where c.id = company and c.owner_id = (select auth.uid()))
  end
$$;

-- Read by whoever edits it, the operator, and whoever sees an order of this business (the other
-- party and the routed managers), since they see its paperwork.
create or replace function private.sees_business(workshop uuid, company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.edits_business(workshop, company) or private.is_operator() or exists (
    select 1 from public.orders o
    where (o.workshop_id = workshop or o.company_id = company) and private.can_see_order(o.id)
  )
$$;

create policy "businesses, their counterparts and managers read details" on public.business_details
  for select to authenticated using ((select private.sees_business(workshop_id, company_id)));
create policy "owners and managers add details" on public.business_details
  for insert to authenticated with check ((select private.edits_business(workshop_id, company_id)));
create policy "owners and managers edit details" on public.business_details
  for update to authenticated
  using ((select private.edits_business(workshop_id, company_id)))
  with check ((select private.edits_business(workshop_id, company_id)));

create or replace function private.touch_business_details() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.workshop_id, new.company_id) is distinct from (old.workshop_id, old.company_id) then
    raise exception 'details stay with their business' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger business_details_touch before insert or update on public.business_details
  for each row execute function private.touch_business_details();

revoke all on public.business_details from anon;
revoke insert, update, delete on public.business_details from authenticated;
grant insert (workshop_id, company_id, representative_name, business_type, business_item, tax_email)
  on public.business_details to authenticated;
grant update (representative_name, business_type, business_item, tax_email) on public.business_details to authenticated;

-- ---------------------------------------------------------------- issued tax invoices
create table public.tax_invoices (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  -- One invoice per paid milestone: its supply amount and its share of the order's VAT.
  milestone_id uuid not null unique references public.order_milestones (id) on delete restrict,
  -- Who recorded it and when; the adapter that did (embedded: a record and the printable form).
  issued_at timestamptz not null default now(),
  issued_by uuid references public.profiles (id) on delete set null,
  provider text not null default 'embedded' check (provider in ('embedded')),
  provider_ref text check (length(provider_ref) <= 255),
  -- What was issued, as it was: both parties' details and the amounts (see tax-invoices/port.ts).
  data jsonb not null check (jsonb_typeof(data) = 'object'),
  supply_krw int not null check (supply_krw > 0),
  vat_krw int not null check (vat_krw >= 0)
);
comment on table public.tax_invoices is 'Tax invoices (세금계산서) recorded by the workshop for paid milestones, with the data as issued; never changed.';
create index tax_invoices_order_idx on public.tax_invoices (order_id);
create index tax_invoices_issued_by_idx on public.tax_invoices (issued_by);
alter table public.tax_invoices enable row level security;

-- The milestone is this order's and is paid (held, released or refunded).
create or replace function private.invoiceable(order_ uuid, milestone uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.order_milestones m where m.id = milestone and m.order_id = order_ and m.status <> 'pending')
$$;

create policy "both parties and routed managers read tax invoices" on public.tax_invoices
  for select to authenticated using ((select private.can_see_order(order_id)));
create policy "the workshop records a tax invoice of a paid milestone" on public.tax_invoices
  for insert to authenticated
  with check ((select private.acts_for_order(order_id)) and issued_by = (select auth.uid())
              and (select private.invoiceable(order_id, milestone_id)));

create or replace function private.tax_invoices_immutable() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'a recorded tax invoice is never changed or deleted; issue a correcting one (수정세금계산서)' using errcode = '42501';
end;
$$;
create trigger tax_invoices_immutable before update or delete on public.tax_invoices
  for each row execute function private.tax_invoices_immutable();

revoke all on public.tax_invoices from anon;
revoke insert, update, delete on public.tax_invoices from authenticated;
-- issued_at is not granted: it is always the moment of recording.
grant insert (id, order_id, milestone_id, issued_by, provider, provider_ref, data, supply_krw, vat_krw)
  on public.tax_invoices to authenticated;

revoke all on function private.edits_business(uuid, uuid), private.sees_business(uuid, uuid),
  private.invoiceable(uuid, uuid) from public;
grant execute on function private.edits_business(uuid, uuid), private.sees_business(uuid, uuid),
  private.invoiceable(uuid, uuid) to authenticated, service_role;
revoke all on function private.touch_business_details(), private.tax_invoices_immutable() from public, anon, authenticated;
