-- Lighter payments (bench:payments): the same outcomes in fewer writes and fewer plans.
-- - A webhook's event row was inserted as 'received' and updated with its outcome at the end: two
--   versions of a row carrying the provider's whole event, the second a new index entry too. The
--   deduplication now takes a transaction-scoped advisory lock on the event id and looks for the row;
--   the row is written once, at the end. Concurrent deliveries of one event still apply it once (the
--   second waits for the first's commit, then finds its row); every other writer of payment_events
--   inserts ids of other event types, and the primary key still refuses a second row.
-- - The order state machine was a SQL function with a SET clause, planned again at every move (about
--   0.12 ms, pg_stat_user_functions); in PL/pgSQL its plan is kept. Same table, same answers.
-- - A new notification's mail was queued through enqueue_outbox, which first looks for a pending row
--   of the same key to fold into; a notification's id is new, so there is none: inserted directly.
-- Otherwise as in 20261212000200 (apply_payment), 20261206000700 (apply_payment_failure,
-- order_transition_actor) and 20261127000400 (notification_enqueue_mail).

create function private.first_delivery(provider_ text, event_id_ text) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- Held until commit: a second delivery of the event, even one running at this moment, waits here
  -- for the first's commit and then finds its row.
  perform pg_advisory_xact_lock(hashtextextended(provider_ || ':' || event_id_, 0));
  return not exists (select 1 from public.payment_events where provider = provider_ and event_id = event_id_);
end;
$$;
comment on function private.first_delivery(text, text) is 'Whether this is the first delivery of a provider''s event; waits for a concurrent one to commit (apply_payment, apply_payment_failure).';
revoke all on function private.first_delivery(text, text) from public, anon, authenticated;

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
  summary jsonb;
  started boolean;
begin
  -- The event's row is written once, at the end, with its outcome.
  if not private.first_delivery(provider_, event_id_) then
    return 'duplicate';
  end if;
  -- The order first, then its milestone: two events of one order (its deposit and its sample, say) wait
  -- for each other here. Locking the milestone first let both take key-share locks on the order (the
  -- ledger's and the timeline's foreign keys) and then each wait for the other to update it: a deadlock.
  select * into o from public.orders
  where id = (select om.order_id from public.order_milestones om where om.id = milestone) for no key update;
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
      started := m.kind = 'deposit' and o.status = 'awaiting_deposit';
      if started then
        -- The start is on the timeline as its own event; both sides hear of it in the payment's notice.
        perform set_config('sogong.started_by_payment', 'on', true);
        update public.orders set status = 'in_production' where id = o.id;
        perform set_config('sogong.started_by_payment', '', true);
      end if;
      summary := private.order_summary(o.id) || jsonb_build_object('milestone', m.kind, 'amount_krw', amount)
        || case when started then jsonb_build_object('started', true) else '{}'::jsonb end;
      perform private.notify(o.buyer_id, 'order_payment', summary);
      perform private.notify_workshop(o.workshop_id, 'order_payment', summary);
      outcome_ := 'applied';
    end if;
  end if;
  insert into public.payment_events (provider, event_id, type, outcome, payload, payment_id)
  values (provider_, event_id_, event_type, outcome_, coalesce(payload_, '{}'), payment);
  return outcome_;
end;
$$;


create or replace function private.apply_payment_failure(
  provider_ text, event_id_ text, event_type text, provider_ref_ text, new_status text, payload_ jsonb
) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  payment uuid;
begin
  if not private.first_delivery(provider_, event_id_) then
    return 'duplicate';
  end if;
  update public.payments set status = new_status, updated_at = now()
  where provider = provider_ and provider_ref = provider_ref_ and status = 'pending'
  returning id into payment;
  insert into public.payment_events (provider, event_id, type, outcome, payload, payment_id)
  values (provider_, event_id_, event_type, case when payment is null then 'ignored' else 'applied' end,
          coalesce(payload_, '{}'), payment);
  return case when payment is null then 'ignored' else 'applied' end;
end;
$$;

create or replace function private.order_transition_actor(from_status text, to_status text) returns text
language plpgsql immutable set search_path = ''
as $$
begin
  return (select t.actor from (values
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
  where t.from_status = order_transition_actor.from_status and t.to_status = order_transition_actor.to_status);
end;
$$;

create or replace function private.notification_enqueue_mail() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if coalesce((select p.email from public.notification_preferences p
               where p.user_id = new.user_id and p.kind = new.kind), true) then
    insert into public.outbox (topic, key) values ('mail.notification', new.id::text);
    perform pg_notify('outbox', 'mail.notification');
  end if;
  -- Live unread badges: delivered on commit to whoever listens.
  perform pg_notify('notifications', new.user_id::text);
  return null;
end;
$$;
