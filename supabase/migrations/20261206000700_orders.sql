-- Orders and payments: a quote states supply amount + VAT and its payment terms (deposit 계약금,
-- optional sample milestone 중도금, balance 잔금); accepting it creates the order and its milestones in
-- the same transaction. The order moves through a state machine (mirrored from the domain's
-- order-states.ts); milestones are paid through a payment provider (bank transfer, Stripe, PortOne),
-- held by the platform and released when the buyer approves; every movement of money is a pair of
-- entries in an append-only ledger whose entries of one movement add up to zero.

-- ---------------------------------------------------------------- quote terms
alter table public.quotes
  add column vat_krw int,
  -- How the workshop typed the price: with VAT on top (별도, the default) or included (포함).
  add column vat_included boolean not null default false,
  add column deposit_krw int,
  add column sample_krw int not null default 0,
  -- Optional breakdown: [{label, unit_price_krw, quantity}], adding up to the supply amount.
  add column line_items jsonb not null default '[]' check (jsonb_typeof(line_items) = 'array' and jsonb_array_length(line_items) <= 20);

update public.quotes set vat_krw = price_krw / 10;
update public.quotes set deposit_krw = least(price_krw + vat_krw, greatest(2200, ((price_krw + vat_krw) * 10 + 99) / 100));
alter table public.quotes
  alter column vat_krw set not null,
  alter column deposit_krw set not null,
  -- VAT is 10% of the supply amount: dropped fractions, or one won more when typed VAT-included.
  add constraint quotes_vat check (vat_krw between price_krw / 10 and price_krw / 10 + 1),
  add constraint quotes_total_fits check (price_krw::bigint + vat_krw <= 2147483647),
  add constraint quotes_deposit check (
    deposit_krw >= least(price_krw + vat_krw, greatest(2200, ((price_krw::bigint + vat_krw) * 10 + 99) / 100))
    and deposit_krw + sample_krw <= price_krw + vat_krw),
  add constraint quotes_sample check (sample_krw = 0 or sample_krw >= 2200),
  add constraint quotes_balance check (
    price_krw + vat_krw - deposit_krw - sample_krw = 0 or price_krw + vat_krw - deposit_krw - sample_krw >= 2200);

alter table public.quote_revisions
  add column vat_krw int,
  add column vat_included boolean,
  add column deposit_krw int,
  add column sample_krw int,
  add column line_items jsonb;
update public.quote_revisions r set vat_krw = q.vat_krw, vat_included = q.vat_included, deposit_krw = q.deposit_krw,
  sample_krw = q.sample_krw, line_items = q.line_items
from public.quotes q where q.id = r.quote_id and r.revision = q.revision;

-- guard_quote, as before, with VAT and payment terms among the terms (a change is a new revision).
create or replace function private.guard_quote() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  by_user boolean := current_user in ('anon', 'authenticated');
  actor text;
  allowed text;
  terms_changed boolean;
begin
  if tg_op = 'INSERT' then
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if new is not distinct from old then
    return new;
  end if;
  if (new.id, new.request_id, new.workshop_id, new.submitted_by, new.created_at)
     is distinct from (old.id, old.request_id, old.workshop_id, old.submitted_by, old.created_at) then
    raise exception 'a quote keeps its request, workshop and author' using errcode = '42501';
  end if;
  terms_changed := (new.price_krw, new.lead_time_days, new.valid_until, new.notes, new.vat_krw, new.vat_included,
                    new.deposit_krw, new.sample_krw, new.line_items)
    is distinct from (old.price_krw, old.lead_time_days, old.valid_until, old.notes, old.vat_krw, old.vat_included,
                      old.deposit_krw, old.sample_krw, old.line_items);
  actor := case
    when not by_user then 'system'
    when private.owns_request(old.request_id) then 'owner'
    when private.acts_for_workshop(old.workshop_id) then 'workshop'
  end;
  allowed := private.quote_transition_actor(old.status, new.status);
  if new.status <> old.status or terms_changed then
    if allowed is null then
      raise exception 'a quote cannot go from % to %', old.status, new.status using errcode = '23514';
    end if;
    if actor is distinct from allowed and actor <> 'system' then
      raise exception 'only the % can move a quote from % to %',
        case allowed when 'owner' then 'request''s owner' when 'workshop' then 'quoting workshop' else 'system' end,
        old.status, new.status using errcode = '42501';
    end if;
  end if;
  if by_user then
    -- Declining and withdrawing stay possible on a closed request; the rest needs it open.
    if (terms_changed or new.status in ('submitted', 'revision_requested', 'accepted'))
       and private.request_status(old.request_id) <> 'open' then
      raise exception 'the request is not open' using errcode = '23514';
    end if;
    if actor = 'owner' and terms_changed then
      raise exception 'only the quoting workshop changes the terms of its quote' using errcode = '42501';
    end if;
    if new.revision_note is distinct from old.revision_note and new.status <> 'revision_requested' then
      raise exception 'a counter-offer note goes with asking for a revision' using errcode = '23514';
    end if;
    if new.reason is distinct from old.reason and new.status not in ('declined', 'withdrawn') then
      raise exception 'a reason goes with declining or withdrawing' using errcode = '23514';
    end if;
    -- valid_until is the last valid day in Korea, whatever the server's time zone.
    if new.status = 'accepted' and new.valid_until < (now() at time zone 'Asia/Seoul')::date then
      raise exception 'this quote expired on %; ask for a revision', new.valid_until using errcode = '23514';
    end if;
    if new.revision <> old.revision then
      raise exception 'the revision number is counted by the database' using errcode = '42501';
    end if;
  end if;
  if terms_changed or (old.status = 'revision_requested' and new.status = 'submitted') then
    new.revision := old.revision + 1;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
-- Terms written without VAT or a deposit (older clients, SQL by hand) get the defaults: VAT on top,
-- the smallest deposit. A price changed with VAT on top recomputes the VAT.
create or replace function private.fill_quote_terms() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.vat_krw is null or (tg_op = 'UPDATE' and not new.vat_included and new.price_krw <> old.price_krw) then
    new.vat_krw := new.price_krw / 10;
  end if;
  if new.deposit_krw is null
     or (tg_op = 'UPDATE' and new.price_krw <> old.price_krw and new.deposit_krw = old.deposit_krw
         and new.sample_krw = old.sample_krw
         and (new.deposit_krw + new.sample_krw > new.price_krw + new.vat_krw
              or new.deposit_krw * 10 < new.price_krw + new.vat_krw)) then
    new.deposit_krw := least(new.price_krw + new.vat_krw, greatest(2200, ((new.price_krw::bigint + new.vat_krw) * 10 + 99) / 100));
    new.sample_krw := 0;
  end if;
  return new;
end;
$$;
-- Named to run before quotes_guard (triggers of one event fire in name order).
create trigger quotes_fill_terms before insert or update on public.quotes
  for each row execute function private.fill_quote_terms();

-- ---------------------------------------------------------------- orders
create table public.orders (
  id uuid primary key default gen_random_uuid(),
  -- What people say on the phone and write on paperwork: SL-2026-000042.
  number text not null unique,
  request_id uuid not null unique references public.requests (id) on delete restrict,
  quote_id uuid not null unique references public.quotes (id) on delete restrict,
  workshop_id uuid not null references public.workshops (id) on delete restrict,
  buyer_id uuid references public.profiles (id) on delete set null,
  company_id uuid references public.companies (id) on delete set null,
  status text not null default 'awaiting_deposit' check (status in (
    'awaiting_deposit', 'in_production', 'sample_submitted', 'changes_requested', 'sample_approved',
    'shipped', 'delivered', 'completed', 'cancelled', 'disputed', 'resolved')),
  title text not null,
  supply_krw int not null check (supply_krw > 0),
  vat_krw int not null check (vat_krw >= 0),
  total_krw int not null,
  vat_included boolean not null,
  line_items jsonb not null default '[]',
  lead_time_days int not null,
  -- The agreed delivery date: acceptance day in Korea + lead time.
  due_date date not null,
  has_sample boolean not null,
  courier text check (courier in ('cj', 'lotte', 'hanjin', 'epost', 'logen', 'kdexp', 'direct')),
  tracking_number text check (tracking_number ~ '^\d(-?\d){7,19}$'),
  -- The latest reason given (cancel, changes asked, dispute) and the operator's decision.
  reason text check (length(reason) <= 2000),
  refund_krw int check (refund_krw >= 0),
  resolution_note text check (length(resolution_note) <= 2000),
  shipped_at timestamptz,
  delivered_at timestamptz,
  -- Seven days after delivery: the order confirms itself unless the buyer confirmed or disputed.
  auto_confirm_at timestamptz,
  completed_at timestamptz,
  -- Reminders sent (deposit unpaid after 3 days; confirmation in 2 days), so each goes out once.
  deposit_reminded_at timestamptz,
  confirm_reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (total_krw = supply_krw + vat_krw),
  check (status not in ('shipped', 'delivered', 'completed') or courier is not null),
  check (courier is null or courier = 'direct' or tracking_number is not null)
);
comment on table public.orders is 'The deal after a quote is accepted: agreed terms copied from the quote, a state machine from deposit to purchase confirmation, shipping and dispute facts.';
create index orders_workshop_id_idx on public.orders (workshop_id);
create index orders_buyer_id_idx on public.orders (buyer_id);
create index orders_company_id_idx on public.orders (company_id);
create index orders_auto_confirm_idx on public.orders (auto_confirm_at) where status = 'delivered';
alter table public.orders enable row level security;

create sequence public.order_number_seq;

create table public.order_milestones (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  seq int not null check (seq between 1 and 3),
  kind text not null check (kind in ('deposit', 'sample', 'balance')),
  amount_krw int not null check (amount_krw > 0),
  -- pending: not paid; held: paid, kept by the platform; released: the workshop's; refunded: back to
  -- the buyer (in a dispute, part of it may be refunded and the rest released: see the ledger).
  status text not null default 'pending' check (status in ('pending', 'held', 'released', 'refunded')),
  -- What the buyer writes as depositor name (입금자명) on a bank transfer; unique, short, unambiguous.
  reference text not null unique check (reference ~ '^SL[0-9A-HJ-NP-Z]{6}$'),
  paid_at timestamptz,
  paid_via text check (paid_via in ('bank_transfer', 'stripe', 'portone')),
  released_at timestamptz,
  -- Set by the operator once the released money reached the workshop's bank account.
  paid_out_at timestamptz,
  unique (order_id, seq),
  unique (order_id, kind),
  check (status = 'pending' or (paid_at is not null and paid_via is not null))
);
comment on table public.order_milestones is 'The payments of an order (deposit, sample, balance), each paid, held until the buyer approves, then released (or refunded).';
alter table public.order_milestones enable row level security;

create table public.order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete restrict,
  kind text not null check (kind ~ '^[a-z_]+$'),
  actor_id uuid references public.profiles (id) on delete set null,
  -- What to show on the timeline: reason, courier, tracking number, amount, milestone …
  payload jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
  created_at timestamptz not null default now()
);
comment on table public.order_events is 'The timeline of an order: every move and payment, written by triggers; never changed.';
create index order_events_order_idx on public.order_events (order_id, id);
create index order_events_actor_id_idx on public.order_events (actor_id);
alter table public.order_events enable row level security;

-- Files of an order (sample photos, shipping papers), stored like request attachments.
create table public.order_files (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  event_id bigint references public.order_events (id) on delete set null,
  path text not null unique,
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null,
  size_bytes int not null check (size_bytes >= 0),
  uploaded_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.order_files is 'Files shared on an order (sample photos, shipping papers), seen by both parties.';
create index order_files_order_idx on public.order_files (order_id);
create index order_files_event_id_idx on public.order_files (event_id);
create index order_files_uploaded_by_idx on public.order_files (uploaded_by);
alter table public.order_files enable row level security;

-- ---------------------------------------------------------------- payments
-- One attempt to pay a milestone through a provider: a Stripe Checkout Session, a PortOne payment,
-- a bank transfer the buyer said they would make. Several attempts may exist; one pays the milestone.
create table public.payments (
  id uuid primary key default gen_random_uuid(),
  milestone_id uuid not null references public.order_milestones (id) on delete restrict,
  order_id uuid not null references public.orders (id) on delete restrict,
  provider text not null check (provider in ('bank_transfer', 'stripe', 'portone')),
  -- The provider's id (Checkout Session, PortOne payment id, bank statement line); unique per provider.
  provider_ref text,
  amount_krw int not null check (amount_krw > 0),
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'expired', 'refunded')),
  refunded_krw int not null default 0 check (refunded_krw >= 0 and refunded_krw <= amount_krw),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (provider, provider_ref)
);
comment on table public.payments is 'Attempts to pay a milestone through a provider, with the provider''s id; moved by webhooks and reconciliation (service role) only.';
create index payments_milestone_idx on public.payments (milestone_id);
create index payments_order_idx on public.payments (order_id);
create index payments_pending_idx on public.payments (created_at) where status = 'pending';
create index payments_created_by_idx on public.payments (created_by);
alter table public.payments enable row level security;

-- Every provider event and bank statement line, stored once by its id: a second delivery is a no-op.
create table public.payment_events (
  provider text not null check (provider in ('bank_transfer', 'stripe', 'portone')),
  event_id text not null check (length(event_id) between 1 and 255),
  type text not null,
  payment_id uuid references public.payments (id) on delete set null,
  -- What applying it did: applied, duplicate (same payment already paid), ignored, unmatched.
  outcome text not null,
  payload jsonb not null default '{}',
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);
comment on table public.payment_events is 'Webhook events and bank statement lines, recorded once under their id before any effect (read by the operator only).';
create index payment_events_payment_id_idx on public.payment_events (payment_id);
alter table public.payment_events enable row level security;

-- ---------------------------------------------------------------- ledger
-- Double entry in integer won. Accounts: external (money outside the platform: the buyer's card or
-- bank, the workshop's bank), escrow (held by the platform for an order), payable (released, owed to
-- the workshop until paid out). A payment moves external → escrow, a release escrow → payable, a
-- refund escrow → external, a payout payable → external. Entries of one movement share txn_id and
-- add up to zero; nobody updates or deletes an entry.
create table public.ledger_entries (
  id bigint generated always as identity primary key,
  txn_id uuid not null,
  order_id uuid not null references public.orders (id) on delete restrict,
  milestone_id uuid references public.order_milestones (id) on delete restrict,
  kind text not null check (kind in ('payment', 'release', 'refund', 'payout')),
  account text not null check (account in ('external', 'escrow', 'payable')),
  amount_krw bigint not null check (amount_krw <> 0),
  created_at timestamptz not null default now()
);
comment on table public.ledger_entries is 'Append-only double-entry ledger of every payment, release, refund and payout, in integer won; each txn_id adds up to zero.';
create index ledger_entries_txn_idx on public.ledger_entries (txn_id);
create index ledger_entries_order_idx on public.ledger_entries (order_id);
create index ledger_entries_milestone_idx on public.ledger_entries (milestone_id);
alter table public.ledger_entries enable row level security;

create or replace function private.ledger_immutable() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'ledger entries are never changed or deleted; add a correcting entry' using errcode = '42501';
end;
$$;
create trigger ledger_entries_immutable before update or delete on public.ledger_entries
  for each row execute function private.ledger_immutable();

-- Checked at commit: each movement adds up to zero, and neither escrow nor payable goes negative.
create or replace function private.ledger_check() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select coalesce(sum(amount_krw), 0) from public.ledger_entries where txn_id = new.txn_id) <> 0 then
    raise exception 'ledger movement % does not add up to zero', new.txn_id using errcode = '23514';
  end if;
  if exists (select 1 from public.ledger_entries where order_id = new.order_id and account in ('escrow', 'payable')
             group by account having sum(amount_krw) < 0) then
    raise exception 'order % would hold less than nothing', new.order_id using errcode = '23514';
  end if;
  return null;
end;
$$;
create constraint trigger ledger_entries_balanced after insert on public.ledger_entries
  deferrable initially deferred for each row execute function private.ledger_check();

-- One movement: from one account to another, for an order (and milestone).
create or replace function private.ledger_move(
  order_ uuid, milestone uuid, kind_ text, from_account text, to_account text, amount bigint
) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  txn uuid := gen_random_uuid();
begin
  if amount <= 0 then
    return;
  end if;
  insert into public.ledger_entries (txn_id, order_id, milestone_id, kind, account, amount_krw) values
    (txn, order_, milestone, kind_, from_account, -amount),
    (txn, order_, milestone, kind_, to_account, amount);
end;
$$;

-- The whole ledger's health, for tests and the operator: every movement adds up to zero, escrow and
-- payable are never negative, and each milestone's entries agree with its status.
create or replace function private.ledger_problems() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'movement ' || txn_id || ' adds up to ' || sum(amount_krw)
  from public.ledger_entries group by txn_id having sum(amount_krw) <> 0
  union all
  select 'order ' || order_id || ' ' || account || ' is ' || sum(amount_krw)
  from public.ledger_entries where account in ('escrow', 'payable') group by order_id, account having sum(amount_krw) < 0
  union all
  select 'milestone ' || m.id || ' is ' || m.status || ' but the ledger shows paid ' || coalesce(l.paid, 0)
         || ', released ' || coalesce(l.released, 0) || ', refunded ' || coalesce(l.refunded, 0)
  from public.order_milestones m
  left join (
    select milestone_id,
           sum(amount_krw) filter (where kind = 'payment' and account = 'escrow') as paid,
           sum(amount_krw) filter (where kind = 'release' and account = 'payable') as released,
           sum(amount_krw) filter (where kind = 'refund' and account = 'external') as refunded
    from public.ledger_entries group by milestone_id
  ) l on l.milestone_id = m.id
  where case m.status
    when 'pending' then coalesce(l.paid, 0) <> 0
    when 'held' then coalesce(l.paid, 0) <> m.amount_krw or coalesce(l.released, 0) + coalesce(l.refunded, 0) <> 0
    else coalesce(l.paid, 0) <> m.amount_krw or coalesce(l.released, 0) + coalesce(l.refunded, 0) <> m.amount_krw
  end
$$;
comment on function private.ledger_problems is 'Rows that break the ledger''s rules (none when it balances); service role only.';

-- ---------------------------------------------------------------- helpers for policies
create or replace function private.is_order_buyer(order_ uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.orders where id = order_ and buyer_id = (select auth.uid())) $$;

create or replace function private.acts_for_order(order_ uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.orders o where o.id = order_ and private.acts_for_workshop(o.workshop_id)) $$;

-- Both parties, the managers of the clusters the request was routed to (read-only) and the operator.
create or replace function private.can_see_order(order_ uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.orders o where o.id = order_
      and (o.buyer_id = (select auth.uid()) or private.acts_for_workshop(o.workshop_id)
           or private.manages_routed_request(o.request_id) or private.is_operator())
  )
$$;

create or replace function private.is_order_party(order_ uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select private.is_order_buyer(order_) or private.acts_for_order(order_) $$;

-- ---------------------------------------------------------------- state machine
create or replace function private.order_transition_actor(from_status text, to_status text) returns text
language sql immutable set search_path = ''
as $$
  select t.actor from (values
    ('awaiting_deposit', 'in_production', 'system'),        -- start: the deposit was paid
    ('awaiting_deposit', 'cancelled', 'party'),              -- cancel, before money moved
    ('in_production', 'sample_submitted', 'workshop'),
    ('changes_requested', 'sample_submitted', 'workshop'),
    ('sample_submitted', 'changes_requested', 'buyer'),
    ('sample_submitted', 'sample_approved', 'buyer'),
    ('sample_approved', 'shipped', 'workshop'),
    ('in_production', 'shipped', 'workshop'),                -- no sample step
    ('shipped', 'delivered', 'party'),
    ('delivered', 'completed', 'buyer'),                     -- confirm (or the system: auto_confirm)
    ('in_production', 'disputed', 'party'),
    ('sample_submitted', 'disputed', 'party'),
    ('changes_requested', 'disputed', 'party'),
    ('sample_approved', 'disputed', 'party'),
    ('shipped', 'disputed', 'party'),
    ('delivered', 'disputed', 'party'),
    ('disputed', 'resolved', 'operator')
  ) as t (from_status, to_status, actor)
  where t.from_status = $1 and t.to_status = $2
$$;
comment on function private.order_transition_actor is 'The order state machine (see src/lib/domain/order-states.ts): who may move an order between two statuses (null: nobody; party: buyer or workshop).';

create or replace function private.guard_order() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  by_user boolean := current_user in ('anon', 'authenticated');
  is_buyer boolean;
  is_workshop boolean;
  permitted boolean;
  allowed text;
begin
  if tg_op = 'INSERT' then
    if by_user then
      raise exception 'orders are created by accepting a quote' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.id, new.number, new.request_id, new.quote_id, new.workshop_id, new.buyer_id, new.supply_krw, new.vat_krw,
      new.total_krw, new.vat_included, new.line_items, new.lead_time_days, new.due_date, new.has_sample, new.created_at, new.title)
     is distinct from (old.id, old.number, old.request_id, old.quote_id, old.workshop_id, old.buyer_id, old.supply_krw, old.vat_krw,
      old.total_krw, old.vat_included, old.line_items, old.lead_time_days, old.due_date, old.has_sample, old.created_at, old.title)
     and by_user then
    raise exception 'the agreed terms of an order do not change' using errcode = '42501';
  end if;
  if by_user and (new.deposit_reminded_at, new.confirm_reminded_at, new.auto_confirm_at, new.refund_krw)
     is distinct from (old.deposit_reminded_at, old.confirm_reminded_at, old.auto_confirm_at, old.refund_krw)
     and not private.is_operator() then
    raise exception 'reminders, refunds and the confirmation date are the platform''s' using errcode = '42501';
  end if;
  if new.status is not distinct from old.status then
    if by_user and new is distinct from old then
      raise exception 'an order changes only by a move' using errcode = '42501';
    end if;
    new.updated_at := now();
    return new;
  end if;
  allowed := private.order_transition_actor(old.status, new.status);
  if allowed is null then
    raise exception 'an order cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  if by_user then
    is_buyer := old.buyer_id = (select auth.uid());
    is_workshop := private.acts_for_workshop(old.workshop_id);
    permitted := case allowed
      when 'buyer' then is_buyer
      when 'workshop' then is_workshop
      when 'party' then is_buyer or is_workshop
      when 'operator' then private.is_operator()
      else false end;
    if not permitted then
      raise exception 'this move on an order is not yours' using errcode = '42501';
    end if;
  end if;
  -- What the moves need, whoever makes them.
  if new.status in ('cancelled', 'changes_requested', 'disputed') and length(btrim(coalesce(new.reason, ''))) = 0 then
    raise exception 'a reason is required' using errcode = '23514';
  end if;
  if new.status = 'sample_submitted' and not old.has_sample then
    raise exception 'this order has no sample step' using errcode = '23514';
  end if;
  if new.status = 'shipped' then
    if old.status = 'in_production' and old.has_sample then
      raise exception 'the sample comes first' using errcode = '23514';
    end if;
    if exists (select 1 from public.order_milestones where order_id = old.id and status = 'pending') then
      raise exception 'every milestone is paid before shipping' using errcode = '23514';
    end if;
    new.shipped_at := now();
  end if;
  if new.status = 'delivered' then
    new.delivered_at := now();
    new.auto_confirm_at := now() + interval '7 days';
  end if;
  if new.status = 'completed' then
    new.completed_at := now();
  end if;
  if new.status = 'resolved' then
    if new.refund_krw is null or new.refund_krw > (
      select coalesce(sum(amount_krw), 0) from public.order_milestones where order_id = old.id and status = 'held') then
      raise exception 'the refund is more than the platform holds for this order' using errcode = '23514';
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger orders_guard before insert or update on public.orders
  for each row execute function private.guard_order();

-- The order's notification payload.
create or replace function private.order_summary(order_ uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('order_id', o.id, 'order_number', o.number, 'order_title', o.title,
                            'order_status', o.status, 'total_krw', o.total_krw)
  from public.orders o where o.id = order_
$$;

-- Releases what is held for the given milestone kinds: escrow → payable.
create or replace function private.release_milestones(order_ uuid, kinds text[]) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  m record;
begin
  for m in select * from public.order_milestones
           where order_id = order_ and kind = any(kinds) and status = 'held' order by seq for update loop
    perform private.ledger_move(order_, m.id, 'release', 'escrow', 'payable', m.amount_krw);
    update public.order_milestones set status = 'released', released_at = now() where id = m.id;
  end loop;
end;
$$;

-- A dispute's resolution: refund_krw of what is held goes back to the buyer (milestones in order),
-- the rest is released to the workshop.
create or replace function private.resolve_milestones(order_ uuid, refund bigint) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  m record;
  left_to_refund bigint := refund;
  part bigint;
begin
  for m in select * from public.order_milestones where order_id = order_ and status = 'held' order by seq for update loop
    part := least(left_to_refund, m.amount_krw);
    perform private.ledger_move(order_, m.id, 'refund', 'escrow', 'external', part);
    if part > 0 then
      -- The provider gives the money back (Stripe, PortOne) or the operator transfers it (bank): after commit.
      perform private.enqueue_outbox('payment.refund', m.id::text || ':' || part::text);
    end if;
    perform private.ledger_move(order_, m.id, 'release', 'escrow', 'payable', m.amount_krw - part);
    left_to_refund := left_to_refund - part;
    update public.order_milestones
    set status = case when part = m.amount_krw then 'refunded' else 'released' end,
        released_at = case when part < m.amount_krw then now() end
    where id = m.id;
  end loop;
end;
$$;

create or replace function private.order_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb;
  actor uuid := (select auth.uid());
  move text;
begin
  if new.status is not distinct from old.status then
    return null;
  end if;
  move := case new.status
    when 'in_production' then 'started'
    when 'cancelled' then 'cancelled'
    when 'sample_submitted' then 'sample_submitted'
    when 'changes_requested' then 'changes_requested'
    when 'sample_approved' then 'sample_approved'
    when 'shipped' then 'shipped'
    when 'delivered' then 'delivered'
    when 'completed' then case when actor is null then 'auto_confirmed' else 'confirmed' end
    when 'disputed' then 'disputed'
    when 'resolved' then 'resolved'
  end;
  insert into public.order_events (order_id, kind, actor_id, payload)
  values (new.id, move, actor, jsonb_strip_nulls(jsonb_build_object(
    'reason', case when new.status in ('cancelled', 'changes_requested', 'disputed') then new.reason end,
    'courier', case when new.status = 'shipped' then new.courier end,
    'tracking_number', case when new.status = 'shipped' then new.tracking_number end,
    'refund_krw', case when new.status = 'resolved' then new.refund_krw end,
    'note', case when new.status = 'resolved' then new.resolution_note end)));
  -- Money follows the move (order-states.ts releasedBy).
  if new.status = 'sample_approved' then
    perform private.release_milestones(new.id, array['deposit']);
  elsif new.status = 'completed' then
    perform private.release_milestones(new.id, array['deposit', 'sample', 'balance']);
  elsif new.status = 'resolved' then
    perform private.resolve_milestones(new.id, new.refund_krw);
  end if;
  -- Whoever did not move is told (the buyer, or the workshop's people); the operator hears of disputes.
  payload := private.order_summary(new.id) || jsonb_build_object('move', move, 'reason', new.reason);
  perform private.notify(new.buyer_id, 'order', payload);
  perform private.notify_workshop(new.workshop_id, 'order', payload);
  if new.status = 'disputed' then
    perform private.notify(p.id, 'order', payload) from public.profiles p where p.role = 'operator';
  end if;
  return null;
end;
$$;
create trigger orders_changed after update of status on public.orders
  for each row execute function private.order_changed();

-- ---------------------------------------------------------------- accepting a quote creates the order
create or replace function private.new_order_reference() returns text
language plpgsql volatile set search_path = ''
as $$
declare
  alphabet constant text := '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  ref text;
begin
  loop
    ref := 'SL';
    for i in 1..6 loop
      ref := ref || substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1);
    end loop;
    exit when not exists (select 1 from public.order_milestones where reference = ref);
  end loop;
  return ref;
end;
$$;

create or replace function private.create_order(quote uuid) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  q public.quotes;
  r public.requests;
  order_id uuid := gen_random_uuid();
  total int;
  balance int;
  seq int := 1;
begin
  select * into q from public.quotes where id = quote;
  select * into r from public.requests where id = q.request_id;
  total := q.price_krw + q.vat_krw;
  insert into public.orders (id, number, request_id, quote_id, workshop_id, buyer_id, company_id, title,
    supply_krw, vat_krw, total_krw, vat_included, line_items, lead_time_days, due_date, has_sample)
  values (order_id,
    'SL-' || to_char(now() at time zone 'Asia/Seoul', 'YYYY') || '-' || lpad(nextval('public.order_number_seq')::text, 6, '0'),
    q.request_id, q.id, q.workshop_id, r.owner_id, r.company_id, r.title,
    q.price_krw, q.vat_krw, total, q.vat_included, q.line_items, q.lead_time_days,
    (now() at time zone 'Asia/Seoul')::date + q.lead_time_days, q.sample_krw > 0);
  insert into public.order_milestones (order_id, seq, kind, amount_krw, reference)
  values (order_id, seq, 'deposit', q.deposit_krw, private.new_order_reference());
  if q.sample_krw > 0 then
    seq := seq + 1;
    insert into public.order_milestones (order_id, seq, kind, amount_krw, reference)
    values (order_id, seq, 'sample', q.sample_krw, private.new_order_reference());
  end if;
  balance := total - q.deposit_krw - q.sample_krw;
  if balance > 0 then
    seq := seq + 1;
    insert into public.order_milestones (order_id, seq, kind, amount_krw, reference)
    values (order_id, seq, 'balance', balance, private.new_order_reference());
  end if;
  insert into public.order_events (order_id, kind, actor_id, payload)
  values (order_id, 'created', (select auth.uid()), jsonb_build_object('total_krw', total));
  return order_id;
end;
$$;

-- quote_changed, as before, plus: the revision keeps the new terms, and accepting creates the order.
create or replace function private.quote_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.request_summary(new.request_id) || private.workshop_summary(new.workshop_id)
    || jsonb_build_object('quote_id', new.id, 'price_krw', new.price_krw, 'lead_time_days', new.lead_time_days,
                          'revision', new.revision);
  request_owner uuid := (select r.owner_id from public.requests r where r.id = new.request_id);
  order_id uuid;
begin
  if tg_op = 'INSERT' or new.revision <> old.revision then
    insert into public.quote_revisions (quote_id, revision, price_krw, lead_time_days, valid_until, notes, answered_note, created_by,
                                        vat_krw, vat_included, deposit_krw, sample_krw, line_items)
    values (new.id, new.revision, new.price_krw, new.lead_time_days, new.valid_until, new.notes,
            case when tg_op = 'UPDATE' and old.status = 'revision_requested' then old.revision_note end,
            (select auth.uid()), new.vat_krw, new.vat_included, new.deposit_krw, new.sample_krw, new.line_items);
  end if;
  if tg_op = 'INSERT' then
    perform private.notify(request_owner, 'quote', payload);
    return null;
  end if;
  if new.revision <> old.revision then
    perform private.notify(request_owner, 'quote_revised', payload);
  end if;
  if new.status is distinct from old.status then
    case new.status
      when 'revision_requested' then
        perform private.notify_workshop(new.workshop_id, 'quote_revision_requested',
                                        payload || jsonb_build_object('revision_note', new.revision_note));
      when 'accepted' then
        -- Accepting one quote awards the request, closes it to the others (each one told) and
        -- creates the order with its milestones, all in this transaction.
        update public.requests set status = 'awarded', awarded_quote_id = new.id where id = new.request_id;
        update public.quotes set status = 'not_selected'
        where request_id = new.request_id and id <> new.id and status in ('submitted', 'revision_requested');
        order_id := private.create_order(new.id);
        perform private.notify_workshop(new.workshop_id, 'quote_accepted', payload || jsonb_build_object('order_id', order_id));
      when 'not_selected' then
        perform private.notify_workshop(new.workshop_id, 'quote_not_selected', payload);
      when 'declined' then
        perform private.notify_workshop(new.workshop_id, 'quote_declined', payload || jsonb_build_object('reason', new.reason));
      when 'withdrawn' then
        perform private.notify(request_owner, 'quote_withdrawn', payload || jsonb_build_object('reason', new.reason));
      else
        null;
    end case;
  end if;
  return null;
end;
$$;


-- ---------------------------------------------------------------- applying payments (service role)
-- A provider's word that a milestone was paid (a webhook, a bank statement line, a lookup by the
-- reconciliation job). Idempotent by (provider, event_id): the event is recorded first, and a second
-- delivery returns 'duplicate' having changed nothing. Concurrent deliveries of the same event wait on
-- the primary key; concurrent different events for one milestone wait on its row lock, and only the
-- first moves the money. Returns what it did: applied, duplicate, already_paid, amount_mismatch, unmatched.
create or replace function private.apply_payment(
  provider_ text, event_id_ text, event_type text, provider_ref_ text, milestone uuid, amount bigint, payload_ jsonb
) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  m public.order_milestones;
  o public.orders;
  payment uuid;
  outcome_ text;
begin
  insert into public.payment_events (provider, event_id, type, outcome, payload)
  values (provider_, event_id_, event_type, 'received', coalesce(payload_, '{}'))
  on conflict do nothing;
  if not found then
    return 'duplicate';
  end if;
  select * into m from public.order_milestones where id = milestone for update;
  if not found then
    outcome_ := 'unmatched';
  elsif m.amount_krw <> amount then
    outcome_ := 'amount_mismatch';
  elsif provider_ref_ is not null and exists (
    select 1 from public.payments where provider = provider_ and provider_ref = provider_ref_ and status in ('paid', 'refunded')) then
    -- The same attempt told twice under different event ids (a webhook and a lookup, say).
    outcome_ := 'duplicate';
  else
    insert into public.payments (milestone_id, order_id, provider, provider_ref, amount_krw, status)
    values (m.id, m.order_id, provider_, provider_ref_, amount, 'paid')
    on conflict (provider, provider_ref) do update set status = 'paid', updated_at = now()
    returning id into payment;
    if m.status <> 'pending' then
      -- Paid twice (by card and by transfer, say): the operator refunds one (listed on the payments page).
      outcome_ := 'already_paid';
    else
      perform private.ledger_move(m.order_id, m.id, 'payment', 'external', 'escrow', amount);
      update public.order_milestones set status = 'held', paid_at = now(), paid_via = provider_ where id = m.id;
      insert into public.order_events (order_id, kind, payload)
      values (m.order_id, 'paid', jsonb_build_object('milestone', m.kind, 'amount_krw', amount, 'provider', provider_));
      select * into o from public.orders where id = m.order_id for update;
      perform private.notify(o.buyer_id, 'order_payment', private.order_summary(o.id) || jsonb_build_object('milestone', m.kind, 'amount_krw', amount));
      perform private.notify_workshop(o.workshop_id, 'order_payment', private.order_summary(o.id) || jsonb_build_object('milestone', m.kind, 'amount_krw', amount));
      if m.kind = 'deposit' and o.status = 'awaiting_deposit' then
        update public.orders set status = 'in_production' where id = o.id;
      end if;
      outcome_ := 'applied';
    end if;
  end if;
  update public.payment_events set outcome = outcome_, payment_id = payment
  where provider = provider_ and event_id = event_id_;
  return outcome_;
end;
$$;
comment on function private.apply_payment is 'Records a provider event once and, if it pays a pending milestone of the right amount, holds the money and moves the order (service role only).';

-- A provider's word that an attempt failed or expired: only a pending attempt changes.
create or replace function private.apply_payment_failure(
  provider_ text, event_id_ text, event_type text, provider_ref_ text, new_status text, payload_ jsonb
) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  payment uuid;
begin
  insert into public.payment_events (provider, event_id, type, outcome, payload)
  values (provider_, event_id_, event_type, 'received', coalesce(payload_, '{}'))
  on conflict do nothing;
  if not found then
    return 'duplicate';
  end if;
  update public.payments set status = new_status, updated_at = now()
  where provider = provider_ and provider_ref = provider_ref_ and status = 'pending'
  returning id into payment;
  update public.payment_events set outcome = case when payment is null then 'ignored' else 'applied' end, payment_id = payment
  where provider = provider_ and event_id = event_id_;
  return case when payment is null then 'ignored' else 'applied' end;
end;
$$;


-- ---------------------------------------------------------------- timers (service role, every minute)
-- Confirms orders seven days after delivery (자동 구매확정) and sends the reminders, each once:
-- a deposit still unpaid three days after the order, and confirmation coming in two days (both sides).
-- Rows are claimed with SKIP LOCKED so several app instances may run it at once.
-- only_orders: tests run the clock forward for their own orders without touching anyone else's.
create or replace function private.order_timers(at timestamptz default now(), only_orders uuid[] default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  o public.orders;
  confirmed int := 0;
  reminded int := 0;
begin
  for o in select * from public.orders where status = 'delivered' and auto_confirm_at <= at
           and (only_orders is null or id = any(only_orders))
           order by auto_confirm_at for update skip locked loop
    update public.orders set status = 'completed' where id = o.id;
    confirmed := confirmed + 1;
  end loop;
  for o in select * from public.orders where status = 'awaiting_deposit' and deposit_reminded_at is null
           and (only_orders is null or id = any(only_orders))
           and created_at <= at - interval '3 days' for update skip locked loop
    perform private.notify(o.buyer_id, 'order_reminder', private.order_summary(o.id) || '{"reminder":"deposit"}');
    update public.orders set deposit_reminded_at = at where id = o.id;
    reminded := reminded + 1;
  end loop;
  for o in select * from public.orders where status = 'delivered' and confirm_reminded_at is null
           and (only_orders is null or id = any(only_orders))
           and auto_confirm_at <= at + interval '2 days' and auto_confirm_at > at for update skip locked loop
    perform private.notify(o.buyer_id, 'order_reminder', private.order_summary(o.id)
      || jsonb_build_object('reminder', 'auto_confirm', 'auto_confirm_at', o.auto_confirm_at));
    perform private.notify_workshop(o.workshop_id, 'order_reminder', private.order_summary(o.id)
      || jsonb_build_object('reminder', 'auto_confirm', 'auto_confirm_at', o.auto_confirm_at));
    update public.orders set confirm_reminded_at = at where id = o.id;
    reminded := reminded + 1;
  end loop;
  return jsonb_build_object('confirmed', confirmed, 'reminded', reminded);
end;
$$;
comment on function private.order_timers is 'Automatic purchase confirmation and order reminders, each once (service role only).';

-- ---------------------------------------------------------------- notification kinds
alter domain public.notification_kind drop constraint notification_kind_check;
alter domain public.notification_kind add constraint notification_kind_check check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded',
  'participation_declined', 'order', 'order_payment', 'order_reminder'
));

-- ---------------------------------------------------------------- policies
create policy "parties, routed managers and the operator see an order" on public.orders
  for select to authenticated using ((select private.can_see_order(id)));
-- Moves are checked by the guard trigger (who may make which move); managers never write.
create policy "parties and the operator move an order" on public.orders for update to authenticated
  using ((select private.is_order_party(id)) or (select private.is_operator()))
  with check ((select private.is_order_party(id)) or (select private.is_operator()));

create policy "milestones follow their order" on public.order_milestones
  for select to authenticated using ((select private.can_see_order(order_id)));
create policy "the operator records payouts" on public.order_milestones for update to authenticated
  using ((select private.is_operator())) with check ((select private.is_operator()));

create policy "the timeline follows its order" on public.order_events
  for select to authenticated using ((select private.can_see_order(order_id)));

create policy "files follow their order" on public.order_files
  for select to authenticated using ((select private.can_see_order(order_id)));
create policy "the parties share files on an order" on public.order_files for insert to authenticated
  with check ((select private.is_order_party(order_id)) and uploaded_by = (select auth.uid()));

create policy "payment attempts follow their order" on public.payments
  for select to authenticated using ((select private.can_see_order(order_id)));

create policy "the operator reads provider events" on public.payment_events
  for select to authenticated using ((select private.is_operator()));

create policy "the operator reads the ledger" on public.ledger_entries
  for select to authenticated using ((select private.is_operator()));

-- Users write orders only through the update policy's moves; milestones only the operator's payout
-- mark; everything else is written by triggers and the service role.
revoke all on public.orders, public.order_milestones, public.order_events, public.order_files, public.payments,
  public.payment_events, public.ledger_entries from anon;
revoke insert, delete on public.orders, public.order_milestones from authenticated;
revoke insert, update, delete on public.order_events, public.payments, public.payment_events, public.ledger_entries from authenticated;
revoke insert, update, delete on public.order_files from authenticated;
grant insert (id, order_id, event_id, path, filename, content_type, size_bytes, uploaded_by) on public.order_files to authenticated;
-- Moves write only these; the guard trigger decides which move may write what.
revoke update on public.orders from authenticated;
grant update (status, reason, courier, tracking_number, refund_krw, resolution_note) on public.orders to authenticated;
-- The quote's new terms are the workshop's to write, like its price.
grant insert (vat_krw, vat_included, deposit_krw, sample_krw, line_items) on public.quotes to authenticated;
grant update (vat_krw, vat_included, deposit_krw, sample_krw, line_items) on public.quotes to authenticated;
revoke all on sequence public.order_number_seq from anon, authenticated;
-- The operator may only set paid_out_at on a milestone.
revoke update on public.order_milestones from authenticated;
grant update (paid_out_at) on public.order_milestones to authenticated;

-- security definer: it writes the ledger, which nobody writes directly (the update policy already
-- limits who gets here to the operator).
create or replace function private.guard_payout() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.paid_out_at is distinct from old.paid_out_at then
    if old.paid_out_at is not null or old.status <> 'released' then
      raise exception 'only a released milestone is paid out, once' using errcode = '23514';
    end if;
    perform private.ledger_move(old.order_id, old.id, 'payout', 'payable', 'external', old.amount_krw);
  end if;
  return new;
end;
$$;
create trigger order_milestones_payout before update of paid_out_at on public.order_milestones
  for each row execute function private.guard_payout();

revoke all on function
  private.is_order_buyer(uuid), private.acts_for_order(uuid), private.can_see_order(uuid), private.is_order_party(uuid),
  private.order_transition_actor(text, text)
  from public;
grant execute on function
  private.is_order_buyer(uuid), private.acts_for_order(uuid), private.can_see_order(uuid), private.is_order_party(uuid),
  private.order_transition_actor(text, text)
  to authenticated, service_role;
revoke all on function
  private.fill_quote_terms(), private.ledger_immutable(), private.ledger_check(),
  private.ledger_move(uuid, uuid, text, text, text, bigint), private.ledger_problems(),
  private.guard_order(), private.order_summary(uuid), private.release_milestones(uuid, text[]),
  private.resolve_milestones(uuid, bigint), private.order_changed(), private.new_order_reference(),
  private.create_order(uuid), private.guard_payout()
  from public, anon, authenticated;
revoke all on function private.order_timers(timestamptz, uuid[]), private.apply_payment(text, text, text, text, uuid, bigint, jsonb),
  private.apply_payment_failure(text, text, text, text, text, jsonb) from public, anon, authenticated;
grant execute on function private.ledger_problems(), private.order_timers(timestamptz, uuid[]), private.apply_payment(text, text, text, text, uuid, bigint, jsonb),
  private.apply_payment_failure(text, text, text, text, text, jsonb) to service_role;
