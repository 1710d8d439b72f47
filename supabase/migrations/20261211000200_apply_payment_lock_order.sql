-- Two payments of one order applied at the same time could deadlock (seen in bench:payments: one
-- webhook in ten thousand answered 500 and was left for the provider to send again). apply_payment now
-- locks the order before the milestone; otherwise as in 20261211000100.
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
      summary := private.order_summary(o.id) || jsonb_build_object('milestone', m.kind, 'amount_krw', amount);
      perform private.notify(o.buyer_id, 'order_payment', summary);
      perform private.notify_workshop(o.workshop_id, 'order_payment', summary);
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
