-- Reputation: after a completed order each side may review the other within 30 days (the buyer rates
-- the workshop, the workshop rates the buyer). Reviews are blind: private to their author until both
-- sides have submitted or 14 days after the first, then published together. One edit before
-- publishing, one public reply by the reviewed party; anyone may report a review and the managers of
-- the workshop's clusters or the operator hide it with a reason shown in its place (never deleted).
-- Scorecards are computed from orders, quotes and requests by private.recompute_scorecards, written
-- only by that job (src/lib/domain/review-states.ts and scorecard.ts are the TypeScript mirrors).

-- ---------------------------------------------------------------- reviews
create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  -- Who wrote it: 'buyer' (reviews the workshop) or 'workshop' (reviews the buyer).
  side text not null check (side in ('buyer', 'workshop')),
  author_id uuid references public.profiles (id) on delete set null,
  -- Copied from the order by the guard trigger, so that pages and policies need no join.
  workshop_id uuid not null references public.workshops (id) on delete restrict,
  company_id uuid references public.companies (id) on delete set null,
  buyer_id uuid references public.profiles (id) on delete set null,
  state text not null default 'draft' check (state in ('draft', 'submitted', 'published', 'hidden')),
  -- The buyer rates quality, on-time delivery and communication; the workshop clarity of the
  -- specification, payment on time and communication. 1–5 each; all three once submitted.
  rating_quality smallint check (rating_quality between 1 and 5),
  rating_on_time smallint check (rating_on_time between 1 and 5),
  rating_clarity smallint check (rating_clarity between 1 and 5),
  rating_payment smallint check (rating_payment between 1 and 5),
  rating_communication smallint check (rating_communication between 1 and 5),
  body text not null default '' check (length(body) <= 2000),
  -- The one edit allowed after submitting was used.
  edited boolean not null default false,
  submitted_at timestamptz,
  published_at timestamptz,
  reply text check (length(btrim(reply)) between 1 and 2000),
  replied_at timestamptz,
  replied_by uuid references public.profiles (id) on delete set null,
  hidden_reason text check (length(btrim(hidden_reason)) between 1 and 500),
  hidden_by uuid references public.profiles (id) on delete set null,
  hidden_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, side),
  check ((side = 'buyer' and rating_clarity is null and rating_payment is null)
      or (side = 'workshop' and rating_quality is null and rating_on_time is null)),
  check (state = 'draft' or (rating_communication is not null and case side
    when 'buyer' then rating_quality is not null and rating_on_time is not null
    else rating_clarity is not null and rating_payment is not null end)),
  check (state = 'draft' or submitted_at is not null),
  check (state not in ('published', 'hidden') or published_at is not null),
  check (state <> 'hidden' or hidden_reason is not null)
);
comment on table public.reviews is 'Two-way reviews after a completed order: blind until both sides wrote or 14 days passed, one edit, one reply, hidden with a reason by moderators (never deleted).';
create index reviews_workshop_published_idx on public.reviews (workshop_id, published_at desc) where state in ('published', 'hidden');
create index reviews_company_published_idx on public.reviews (company_id, published_at desc) where state in ('published', 'hidden');
create index reviews_author_id_idx on public.reviews (author_id);
create index reviews_buyer_id_idx on public.reviews (buyer_id);
create index reviews_replied_by_idx on public.reviews (replied_by);
create index reviews_hidden_by_idx on public.reviews (hidden_by);
create index reviews_blind_idx on public.reviews (submitted_at) where state = 'submitted';
alter table public.reviews enable row level security;

create table public.review_reports (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references public.reviews (id) on delete restrict,
  reporter_id uuid references public.profiles (id) on delete set null,
  reason text not null check (length(btrim(reason)) between 1 and 1000),
  created_at timestamptz not null default now(),
  unique (review_id, reporter_id)
);
comment on table public.review_reports is 'Reports of a published review by anyone signed in; read by the managers of the workshop''s clusters and the operator.';
create index review_reports_reporter_id_idx on public.review_reports (reporter_id);
alter table public.review_reports enable row level security;

-- ---------------------------------------------------------------- scorecards (derived, job-written)
create table public.workshop_scorecards (
  workshop_id uuid primary key references public.workshops (id) on delete cascade,
  period_days int not null,
  completed int not null,
  on_time int not null,
  sample_first_try int not null,
  sample_orders int not null,
  median_response_minutes int,
  responses int not null,
  quotes_accepted int not null,
  quotes_decided int not null,
  disputes int not null,
  reviews int not null,
  computed_at timestamptz not null
);
comment on table public.workshop_scorecards is 'A workshop''s record over the last 12 months, computed from its orders, quotes and answers by private.recompute_scorecards (nobody writes it through the API).';
alter table public.workshop_scorecards enable row level security;

create table public.buyer_scorecards (
  company_id uuid primary key references public.companies (id) on delete cascade,
  period_days int not null,
  requests_decided int not null,
  requests_awarded int not null,
  deposits_paid int not null,
  deposits_on_time int not null,
  disputes int not null,
  completed int not null,
  reviews int not null,
  computed_at timestamptz not null
);
comment on table public.buyer_scorecards is 'A buying company''s record over the last 24 months (award rate, deposits on time, disputes opened, orders completed), computed by private.recompute_scorecards.';
alter table public.buyer_scorecards enable row level security;

-- What changed since the last recomputation: the job recomputes these and empties it.
create table private.scorecard_queue (
  kind text not null check (kind in ('workshop', 'company')),
  id uuid not null,
  queued_at timestamptz not null default now(),
  primary key (kind, id)
);
comment on table private.scorecard_queue is 'Workshops and companies whose scorecard is due for recomputation (the server''s own).';
alter table private.scorecard_queue enable row level security;
revoke all on private.scorecard_queue from anon, authenticated;

-- ---------------------------------------------------------------- helpers
-- The caller moderates reviews about this workshop's deals: a manager of one of its clusters, or the operator.
create or replace function private.moderates_reviews_of(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select private.is_operator() or private.manages_workshop(workshop) $$;

-- The caller is the reviewed party of a review: the workshop's side for the buyer's review, the buyer
-- (or the owner of the buying company) for the workshop's.
create or replace function private.is_review_subject(side_ text, workshop uuid, buyer uuid, company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case side_
    when 'buyer' then private.acts_for_workshop(workshop)
    else buyer = (select auth.uid())
      or exists (select 1 from public.companies c where c.id = company and c.owner_id = (select auth.uid()))
  end
$$;

-- Why an order may not be reviewed (null: it may): only completed orders, and never a deal with
-- oneself (the workshop's owner is the buyer or owns the buying company, or both share a business
-- registration number).
create or replace function private.review_refusal(order_ uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when o.id is null or o.status <> 'completed' or o.completed_at is null then 'not_completed'
    when w.owner_id is not null and (w.owner_id = o.buyer_id or w.owner_id = c.owner_id) then 'same_owner'
    when w.business_registration_number is not null
         and w.business_registration_number = c.business_registration_number then 'same_business'
  end
  from (select order_ as id) x
  left join public.orders o on o.id = x.id
  left join public.workshops w on w.id = o.workshop_id
  left join public.companies c on c.id = o.company_id
$$;
comment on function private.review_refusal is 'Why an order cannot be reviewed: not_completed, same_owner, same_business; null when it can.';

-- The review state machine (see src/lib/domain/review-states.ts): who may move a review between two
-- states (null: nobody). Same-state moves: draft/submitted edits by the author, a reply by the subject.
create or replace function private.review_transition_actor(from_state text, to_state text) returns text
language sql immutable set search_path = ''
as $$
  select t.actor from (values
    ('draft', 'draft', 'author'),            -- save_draft
    ('draft', 'submitted', 'author'),        -- submit
    ('submitted', 'submitted', 'author'),    -- edit (once)
    ('submitted', 'published', 'system'),    -- publish: both wrote, or 14 days after the first
    ('published', 'published', 'subject'),   -- reply (once)
    ('published', 'hidden', 'moderator'),    -- hide, with a reason
    ('hidden', 'published', 'moderator')     -- restore
  ) as t (from_state, to_state, actor)
  where t.from_state = $1 and t.to_state = $2
$$;

create or replace function private.guard_review() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  by_user boolean := current_user in ('anon', 'authenticated');
  o public.orders;
  refusal text;
  allowed text;
  content_changed boolean;
  reply_changed boolean;
  permitted boolean;
begin
  if tg_op = 'INSERT' then
    select * into o from public.orders where id = new.order_id;
    refusal := private.review_refusal(new.order_id);
    if refusal is not null then
      raise exception 'this order cannot be reviewed (%)', refusal using errcode = '23514';
    end if;
    new.workshop_id := o.workshop_id;
    new.company_id := o.company_id;
    new.buyer_id := o.buyer_id;
    new.created_at := now();
    new.updated_at := now();
    if by_user then
      if new.author_id is distinct from (select auth.uid())
         or (new.side = 'buyer' and o.buyer_id is distinct from (select auth.uid()))
         or (new.side = 'workshop' and not private.acts_for_workshop(o.workshop_id)) then
        raise exception 'only the parties of the order review it, each for their own side' using errcode = '42501';
      end if;
      if new.state not in ('draft', 'submitted') then
        raise exception 'a new review is a draft or submitted' using errcode = '23514';
      end if;
      if now() > o.completed_at + interval '30 days' then
        raise exception 'the 30 days to review this order are over' using errcode = '23514';
      end if;
      new.edited := false;
      new.published_at := null;
      new.reply := null;
      new.hidden_reason := null;
      new.submitted_at := case when new.state = 'submitted' then now() end;
    end if;
    return new;
  end if;

  if (new.id, new.order_id, new.side, new.author_id, new.workshop_id, new.company_id, new.buyer_id, new.created_at)
     is distinct from (old.id, old.order_id, old.side, old.author_id, old.workshop_id, old.company_id, old.buyer_id, old.created_at)
     and by_user then
    raise exception 'a review keeps its order, side and author' using errcode = '42501';
  end if;
  if new is not distinct from old then
    return new;
  end if;
  content_changed := (new.rating_quality, new.rating_on_time, new.rating_clarity, new.rating_payment,
                      new.rating_communication, new.body)
    is distinct from (old.rating_quality, old.rating_on_time, old.rating_clarity, old.rating_payment,
                      old.rating_communication, old.body);
  reply_changed := new.reply is distinct from old.reply;
  allowed := private.review_transition_actor(old.state, new.state);
  if allowed is null then
    raise exception 'a review cannot go from % to %', old.state, new.state using errcode = '23514';
  end if;
  if by_user then
    permitted := case allowed
      when 'author' then old.author_id = (select auth.uid())
      when 'subject' then private.is_review_subject(old.side, old.workshop_id, old.buyer_id, old.company_id)
      when 'moderator' then private.moderates_reviews_of(old.workshop_id)
      else false end;
    if not permitted then
      raise exception 'this move on a review is not yours' using errcode = '42501';
    end if;
    if allowed = 'author' and now() > (select completed_at from public.orders where id = old.order_id) + interval '30 days' then
      raise exception 'the 30 days to review this order are over' using errcode = '23514';
    end if;
    if allowed <> 'author' and content_changed then
      raise exception 'only the author changes a review, before it is published' using errcode = '42501';
    end if;
    if allowed <> 'subject' and reply_changed then
      raise exception 'only the reviewed party replies' using errcode = '42501';
    end if;
    if allowed <> 'moderator' and new.hidden_reason is distinct from old.hidden_reason then
      raise exception 'only a moderator hides a review' using errcode = '42501';
    end if;
  end if;
  -- One edit after submitting.
  if old.state = 'submitted' and new.state = 'submitted' and content_changed then
    if old.edited then
      raise exception 'a review is edited once before it is published' using errcode = '23514';
    end if;
    new.edited := true;
  end if;
  if old.state = 'draft' and new.state = 'submitted' then
    new.submitted_at := now();
  end if;
  -- One reply, to a published review.
  if reply_changed then
    if old.reply is not null or new.reply is null or old.state <> 'published' then
      raise exception 'the reviewed party replies once to a published review' using errcode = '23514';
    end if;
    new.replied_at := now();
    new.replied_by := (select auth.uid());
  end if;
  if old.state = 'submitted' and new.state = 'published' then
    new.published_at := coalesce(new.published_at, now());
  end if;
  if new.state = 'hidden' and old.state <> 'hidden' then
    if length(btrim(coalesce(new.hidden_reason, ''))) = 0 then
      raise exception 'a review is hidden with a reason' using errcode = '23514';
    end if;
    new.hidden_at := now();
    new.hidden_by := (select auth.uid());
  end if;
  if old.state = 'hidden' and new.state = 'published' then
    new.hidden_reason := null;
    new.hidden_at := null;
    new.hidden_by := null;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger reviews_guard before insert or update on public.reviews
  for each row execute function private.guard_review();

-- The notification payload of a review.
create or replace function private.review_summary(review public.reviews) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select private.order_summary(review.order_id) || jsonb_build_object(
    'review_id', review.id, 'side', review.side,
    'workshop_name', (select w.name_ko from public.workshops w where w.id = review.workshop_id),
    'workshop_slug', (select w.slug from public.workshops w where w.id = review.workshop_id))
$$;

-- Tells the reviewed party a review arrived (not what it says), publishes both when both sides have
-- submitted, and tells both sides when a review is published.
create or replace function private.review_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.review_summary(new);
begin
  if new.state = 'submitted' and (tg_op = 'INSERT' or old.state = 'draft') then
    if new.side = 'buyer' then
      perform private.notify_workshop(new.workshop_id, 'review_received', payload);
    else
      perform private.notify(new.buyer_id, 'review_received', payload);
    end if;
    -- Blind publishing: the second review publishes both.
    if (select count(*) from public.reviews where order_id = new.order_id and state = 'submitted') = 2 then
      update public.reviews set state = 'published' where order_id = new.order_id and state = 'submitted';
    end if;
  end if;
  if tg_op = 'UPDATE' and old.state = 'submitted' and new.state = 'published' then
    perform private.notify(new.author_id, 'review_published', payload);
    if new.side = 'buyer' then
      perform private.notify_workshop(new.workshop_id, 'review_published', payload);
    else
      perform private.notify(new.buyer_id, 'review_published', payload);
    end if;
  end if;
  if tg_op = 'UPDATE' and new.state is distinct from old.state then
    insert into private.scorecard_queue (kind, id) values ('workshop', new.workshop_id) on conflict do nothing;
    if new.company_id is not null then
      insert into private.scorecard_queue (kind, id) values ('company', new.company_id) on conflict do nothing;
    end if;
  end if;
  return null;
end;
$$;
create trigger reviews_changed after insert or update of state on public.reviews
  for each row execute function private.review_changed();

-- A report reaches the managers of the workshop's clusters (with their cluster, for the console's
-- link) and the operator.
create or replace function private.review_reported() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r public.reviews;
  payload jsonb;
  m record;
begin
  select * into r from public.reviews where id = new.review_id;
  payload := private.review_summary(r) || jsonb_build_object('reason', left(new.reason, 200));
  for m in select distinct on (cm.user_id) cm.user_id, c.slug
           from public.cluster_memberships cms
           join public.cluster_managers cm on cm.cluster_id = cms.cluster_id
           join public.clusters c on c.id = cms.cluster_id
           where cms.workshop_id = r.workshop_id loop
    perform private.notify(m.user_id, 'review_reported', payload || jsonb_build_object('cluster_slug', m.slug));
  end loop;
  perform private.notify(p.id, 'review_reported', payload) from public.profiles p where p.role = 'operator';
  return null;
end;
$$;
create trigger review_reports_notify after insert on public.review_reports
  for each row execute function private.review_reported();

create or replace function private.guard_review_report() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.created_at := now();
  if current_user in ('anon', 'authenticated') then
    if new.reporter_id is distinct from (select auth.uid()) then
      raise exception 'a report is made in one''s own name' using errcode = '42501';
    end if;
    if not exists (select 1 from public.reviews where id = new.review_id and state = 'published') then
      raise exception 'only a published review can be reported' using errcode = '23514';
    end if;
  end if;
  return new;
end;
$$;
create trigger review_reports_guard before insert on public.review_reports
  for each row execute function private.guard_review_report();

-- What the public sees of a hidden review: that there was one, when, and why it is hidden.
create or replace function private.hidden_reviews(workshop uuid, company uuid)
returns table (id uuid, side text, published_at timestamptz, hidden_reason text, hidden_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select r.id, r.side, r.published_at, r.hidden_reason, r.hidden_at from public.reviews r
  where r.state = 'hidden'
    and ((workshop is not null and r.workshop_id = workshop and r.side = 'buyer')
      or (company is not null and r.company_id = company and r.side = 'workshop'))
  order by r.published_at desc limit 50
$$;
comment on function private.hidden_reviews is 'Hidden reviews about a workshop (by buyers) or a company (by workshops), without their text: the reason is shown in their place.';

-- ---------------------------------------------------------------- scorecards
-- Recomputes the scorecards of the given workshops and companies (null: all) from what happened,
-- as of `at`. Idempotent: the same facts give the same rows. Mirrors src/lib/domain/scorecard.ts.
create or replace function private.recompute_scorecards(
  at timestamptz default now(), only_workshops uuid[] default null, only_companies uuid[] default null
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  workshops_done int := 0;
  companies_done int := 0;
  all_ boolean := only_workshops is null and only_companies is null;
begin
  if all_ or only_workshops is not null then
    with targets as (
      select w.id from public.workshops w where all_ or w.id = any(only_workshops)
    ), done as (
      select o.workshop_id,
        count(*) as completed,
        count(*) filter (where (o.delivered_at at time zone 'Asia/Seoul')::date <= o.due_date) as on_time,
        count(*) filter (where o.has_sample) as sample_orders,
        count(*) filter (where o.has_sample and not exists (
          select 1 from public.order_events e where e.order_id = o.id and e.kind = 'changes_requested')) as sample_first_try
      from public.orders o join targets t on t.id = o.workshop_id
      where o.status = 'completed' and o.completed_at > at - interval '365 days' and o.completed_at <= at
      group by o.workshop_id
    ), disputed as (
      select o.workshop_id, count(*) as disputes
      from public.orders o join targets t on t.id = o.workshop_id
      where o.status in ('disputed', 'resolved') and o.created_at > at - interval '365 days' and o.created_at <= at
      group by o.workshop_id
    ), answered as (
      select p.workshop_id, extract(epoch from (least(
          (select min(q.created_at) from public.quotes q where q.request_id = p.request_id and q.workshop_id = p.workshop_id),
          (select min(m.created_at) from public.conversations c join public.messages m on m.conversation_id = c.id
           join public.requests r on r.id = c.request_id
           where c.request_id = p.request_id and c.workshop_id = p.workshop_id and m.sender_id is distinct from r.owner_id)
        ) - p.created_at)) / 60 as minutes
      from public.request_participants p join targets t on t.id = p.workshop_id
      where p.source in ('invited', 'forwarded') and p.created_at > at - interval '365 days' and p.created_at <= at
    ), responses as (
      select workshop_id, count(minutes) as responses,
             round((percentile_cont(0.5) within group (order by minutes))::numeric)::int as median_minutes
      from answered where minutes >= 0 group by workshop_id
    ), quoted as (
      select q.workshop_id, count(*) filter (where q.status = 'accepted') as accepted,
             count(*) filter (where q.status in ('accepted', 'not_selected', 'declined')) as decided
      from public.quotes q join targets t on t.id = q.workshop_id
      where q.created_at > at - interval '365 days' and q.created_at <= at
      group by q.workshop_id
    ), reviewed as (
      select r.workshop_id, count(*) as reviews from public.reviews r join targets t on t.id = r.workshop_id
      where r.side = 'buyer' and r.state = 'published' group by r.workshop_id
    ), upserted as (
      insert into public.workshop_scorecards as s (workshop_id, period_days, completed, on_time, sample_first_try, sample_orders,
        median_response_minutes, responses, quotes_accepted, quotes_decided, disputes, reviews, computed_at)
      select t.id, 365, coalesce(d.completed, 0), coalesce(d.on_time, 0), coalesce(d.sample_first_try, 0), coalesce(d.sample_orders, 0),
        rs.median_minutes, coalesce(rs.responses, 0), coalesce(q.accepted, 0), coalesce(q.decided, 0),
        coalesce(x.disputes, 0), coalesce(rv.reviews, 0), at
      from targets t
      left join done d on d.workshop_id = t.id
      left join disputed x on x.workshop_id = t.id
      left join responses rs on rs.workshop_id = t.id
      left join quoted q on q.workshop_id = t.id
      left join reviewed rv on rv.workshop_id = t.id
      on conflict (workshop_id) do update set period_days = excluded.period_days, completed = excluded.completed,
        on_time = excluded.on_time, sample_first_try = excluded.sample_first_try, sample_orders = excluded.sample_orders,
        median_response_minutes = excluded.median_response_minutes, responses = excluded.responses,
        quotes_accepted = excluded.quotes_accepted, quotes_decided = excluded.quotes_decided, disputes = excluded.disputes,
        reviews = excluded.reviews, computed_at = excluded.computed_at
      returning 1
    )
    select count(*) into workshops_done from upserted;
  end if;
  if all_ or only_companies is not null then
    with targets as (
      select c.id from public.companies c where all_ or c.id = any(only_companies)
    ), asked as (
      select r.company_id, count(*) filter (where r.status = 'awarded') as awarded,
             count(*) filter (where r.status in ('awarded', 'closed', 'cancelled')) as decided
      from public.requests r join targets t on t.id = r.company_id
      where r.published_at > at - interval '730 days' and r.published_at <= at
      group by r.company_id
    ), ordered as (
      select o.company_id,
        count(*) filter (where o.status = 'completed') as completed,
        count(m.paid_at) as deposits_paid,
        count(*) filter (where m.paid_at <= o.created_at + interval '3 days') as deposits_on_time,
        count(*) filter (where exists (select 1 from public.order_events e
                                        where e.order_id = o.id and e.kind = 'disputed' and e.actor_id = o.buyer_id)) as disputes
      from public.orders o join targets t on t.id = o.company_id
      left join public.order_milestones m on m.order_id = o.id and m.kind = 'deposit'
      where o.created_at > at - interval '730 days' and o.created_at <= at
      group by o.company_id
    ), reviewed as (
      select r.company_id, count(*) as reviews from public.reviews r join targets t on t.id = r.company_id
      where r.side = 'workshop' and r.state = 'published' group by r.company_id
    ), upserted as (
      insert into public.buyer_scorecards as s (company_id, period_days, requests_decided, requests_awarded, deposits_paid,
        deposits_on_time, disputes, completed, reviews, computed_at)
      select t.id, 730, coalesce(a.decided, 0), coalesce(a.awarded, 0), coalesce(o.deposits_paid, 0),
        coalesce(o.deposits_on_time, 0), coalesce(o.disputes, 0), coalesce(o.completed, 0), coalesce(rv.reviews, 0), at
      from targets t
      left join asked a on a.company_id = t.id
      left join ordered o on o.company_id = t.id
      left join reviewed rv on rv.company_id = t.id
      on conflict (company_id) do update set period_days = excluded.period_days, requests_decided = excluded.requests_decided,
        requests_awarded = excluded.requests_awarded, deposits_paid = excluded.deposits_paid,
        deposits_on_time = excluded.deposits_on_time, disputes = excluded.disputes, completed = excluded.completed,
        reviews = excluded.reviews, computed_at = excluded.computed_at
      returning 1
    )
    select count(*) into companies_done from upserted;
  end if;
  return jsonb_build_object('workshops', workshops_done, 'companies', companies_done);
end;
$$;
comment on function private.recompute_scorecards is 'Recomputes workshop and buyer scorecards from orders, quotes and requests (null: all), idempotently (service role only).';

-- What changes a scorecard queues it: order moves, quotes, requests, answers in a thread.
create or replace function private.queue_scorecards() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  w uuid;
  c uuid;
begin
  case tg_table_name
    when 'orders' then w := new.workshop_id; c := new.company_id;
    when 'quotes' then w := new.workshop_id;
    when 'requests' then c := new.company_id;
    when 'order_milestones' then select o.company_id into c from public.orders o where o.id = new.order_id;
    when 'messages' then select cv.workshop_id into w from public.conversations cv where cv.id = new.conversation_id;
    else null;
  end case;
  if w is not null then
    insert into private.scorecard_queue (kind, id) values ('workshop', w) on conflict do nothing;
  end if;
  if c is not null then
    insert into private.scorecard_queue (kind, id) values ('company', c) on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger orders_queue_scorecards after update of status on public.orders
  for each row execute function private.queue_scorecards();
create trigger quotes_queue_scorecards after insert or update of status on public.quotes
  for each row execute function private.queue_scorecards();
create trigger requests_queue_scorecards after update of status on public.requests
  for each row execute function private.queue_scorecards();
create trigger order_milestones_queue_scorecards after update of paid_at on public.order_milestones
  for each row execute function private.queue_scorecards();
create trigger messages_queue_scorecards after insert on public.messages
  for each row execute function private.queue_scorecards();

-- ---------------------------------------------------------------- timers (service role, every minute)
-- Publishes submitted reviews 14 days after the first review of their order, then recomputes the
-- queued scorecards. Rows are claimed with SKIP LOCKED, so several instances may run it at once.
-- only_orders: tests run the clock forward for their own orders without touching anyone else's.
create or replace function private.review_timers(at timestamptz default now(), only_orders uuid[] default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  r public.reviews;
  published int := 0;
  ws uuid[];
  cs uuid[];
  recomputed jsonb := '{}';
begin
  for r in select * from public.reviews rv where rv.state = 'submitted'
           and (only_orders is null or rv.order_id = any(only_orders))
           and (select min(x.submitted_at) from public.reviews x where x.order_id = rv.order_id) <= at - interval '14 days'
           order by rv.submitted_at for update skip locked loop
    update public.reviews set state = 'published', published_at = at where id = r.id;
    published := published + 1;
  end loop;
  if only_orders is null then
    with claimed as (
      delete from private.scorecard_queue q where (q.kind, q.id) in (
        select kind, id from private.scorecard_queue for update skip locked limit 5000)
      returning q.kind, q.id
    )
    select array_agg(id) filter (where kind = 'workshop'), array_agg(id) filter (where kind = 'company')
    into ws, cs from claimed;
  else
    with mine as (
      select o.workshop_id, o.company_id from public.orders o where o.id = any(only_orders)
    ), claimed as (
      delete from private.scorecard_queue q
      where (q.kind = 'workshop' and q.id in (select workshop_id from mine))
         or (q.kind = 'company' and q.id in (select company_id from mine))
      returning q.kind, q.id
    )
    select array_agg(id) filter (where kind = 'workshop'), array_agg(id) filter (where kind = 'company')
    into ws, cs from claimed;
  end if;
  if ws is not null or cs is not null then
    recomputed := private.recompute_scorecards(at, coalesce(ws, '{}'), coalesce(cs, '{}'));
  end if;
  return jsonb_build_object('published', published) || recomputed;
end;
$$;
comment on function private.review_timers is 'Publishes blind reviews 14 days after the first of their order and recomputes queued scorecards (service role only).';

-- ---------------------------------------------------------------- notification kinds
alter domain public.notification_kind drop constraint notification_kind_check;
alter domain public.notification_kind add constraint notification_kind_check check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded',
  'participation_declined', 'order', 'order_payment', 'order_reminder',
  'review_received', 'review_published', 'review_reported'
));

-- ---------------------------------------------------------------- policies
-- Published reviews are public; a draft or a submitted review only its author's until published;
-- hidden ones their author's and the moderators' (the public sees the reason: private.hidden_reviews).
create policy "anyone reads published reviews" on public.reviews
  for select to anon using (state = 'published');
create policy "published reviews, one's own, and moderators' hidden ones" on public.reviews
  for select to authenticated using (
    state = 'published' or author_id = (select auth.uid())
    or (state = 'hidden' and (select private.moderates_reviews_of(workshop_id))));
create policy "the parties of a completed order write their review" on public.reviews
  for insert to authenticated with check (author_id = (select auth.uid()));
-- Which change is whose (author's edit, subject's reply, moderator's hide) is the guard trigger's.
create policy "authors, subjects and moderators change a review" on public.reviews
  for update to authenticated
  using (author_id = (select auth.uid())
         or (state = 'published' and (select private.is_review_subject(side, workshop_id, buyer_id, company_id)))
         or (state in ('published', 'hidden') and (select private.moderates_reviews_of(workshop_id))))
  with check (author_id = (select auth.uid())
         or (state = 'published' and (select private.is_review_subject(side, workshop_id, buyer_id, company_id)))
         or (state in ('published', 'hidden') and (select private.moderates_reviews_of(workshop_id))));

create policy "managers of the workshop's clusters and the operator read reports" on public.review_reports
  for select to authenticated using (
    (select private.moderates_reviews_of((select r.workshop_id from public.reviews r where r.id = review_id))));
create policy "anyone signed in reports a published review" on public.review_reports
  for insert to authenticated with check (reporter_id = (select auth.uid()));

create policy "anyone reads workshop scorecards" on public.workshop_scorecards for select to anon, authenticated using (true);
create policy "anyone reads buyer scorecards" on public.buyer_scorecards for select to anon, authenticated using (true);

revoke all on public.reviews, public.review_reports, public.workshop_scorecards, public.buyer_scorecards from anon, authenticated;
grant select on public.reviews, public.workshop_scorecards, public.buyer_scorecards to anon;
grant select on public.reviews, public.review_reports, public.workshop_scorecards, public.buyer_scorecards to authenticated;
grant insert (id, order_id, side, author_id, state, rating_quality, rating_on_time, rating_clarity, rating_payment,
  rating_communication, body) on public.reviews to authenticated;
grant update (state, rating_quality, rating_on_time, rating_clarity, rating_payment, rating_communication, body, reply,
  hidden_reason) on public.reviews to authenticated;
grant insert (id, review_id, reporter_id, reason) on public.review_reports to authenticated;

revoke all on function
  private.moderates_reviews_of(uuid), private.is_review_subject(text, uuid, uuid, uuid), private.review_refusal(uuid),
  private.review_transition_actor(text, text), private.hidden_reviews(uuid, uuid)
  from public;
grant execute on function
  private.moderates_reviews_of(uuid), private.is_review_subject(text, uuid, uuid, uuid), private.review_refusal(uuid),
  private.review_transition_actor(text, text)
  to authenticated, service_role;
grant execute on function private.hidden_reviews(uuid, uuid) to anon, authenticated, service_role;
revoke all on function
  private.guard_review(), private.review_summary(public.reviews), private.review_changed(), private.review_reported(),
  private.guard_review_report(), private.queue_scorecards()
  from public, anon, authenticated;
revoke all on function private.recompute_scorecards(timestamptz, uuid[], uuid[]), private.review_timers(timestamptz, uuid[])
  from public, anon, authenticated;
grant execute on function private.recompute_scorecards(timestamptz, uuid[], uuid[]), private.review_timers(timestamptz, uuid[])
  to service_role;

-- Scorecards for what exists already.
select private.recompute_scorecards();
