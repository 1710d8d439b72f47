-- A deposit that starts production told both sides twice, a notice and a mail each: "the deposit is
-- paid" and "production has started", for one event. The payment's notice now says both (payload
-- started: true) and the start's own notice is not sent; the timeline still shows both events.
-- Otherwise as in 20261211000200 (apply_payment) and 20261206000700 (order_changed).
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
  insert into public.payment_events (provider, event_id, type, outcome, payload)
  values (provider_, event_id_, event_type, 'received', coalesce(payload_, '{}'))
  on conflict do nothing;
  if not found then
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
  update public.payment_events set outcome = outcome_, payment_id = payment
  where provider = provider_ and event_id = event_id_;
  return outcome_;
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
  -- A start made by the deposit's payment is told in the payment's notice (apply_payment), not twice.
  if new.status = 'in_production' and current_setting('sogong.started_by_payment', true) = 'on' then
    return null;
  end if;
  payload := private.order_summary(new.id) || jsonb_build_object('move', move, 'reason', new.reason);
  perform private.notify(new.buyer_id, 'order', payload);
  perform private.notify_workshop(new.workshop_id, 'order', payload);
  if new.status = 'disputed' then
    perform private.notify(p.id, 'order', payload) from public.profiles p where p.role = 'operator';
  end if;
  return null;
end;
$$;
