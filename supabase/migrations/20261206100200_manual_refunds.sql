-- Money the operator gives back by hand. Card refunds of a dispute go through the provider's API
-- (the payments worker); a buyer who paid by bank transfer gets the refund by the operator's own
-- transfer, and a milestone paid twice (by card and by transfer, say) keeps the second payment
-- outside the ledger until the operator returns it. The operator records each return here:
-- refunded_krw only grows, never past the amount, and a payment fully returned reads 'refunded'.

create policy "the operator records returned money" on public.payments for update to authenticated
  using ((select private.is_operator())) with check ((select private.is_operator()));
grant update (refunded_krw) on public.payments to authenticated;

create or replace function private.guard_refunded() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.refunded_krw < old.refunded_krw then
    raise exception 'money returned cannot be taken back' using errcode = '23514';
  end if;
  if new.refunded_krw > old.refunded_krw and old.status not in ('paid', 'refunded') then
    raise exception 'only a paid payment is returned' using errcode = '23514';
  end if;
  if new.refunded_krw = new.amount_krw then
    new.status := 'refunded';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger payments_refunded before update of refunded_krw on public.payments
  for each row when (new.refunded_krw is distinct from old.refunded_krw) execute function private.guard_refunded();
revoke all on function private.guard_refunded() from public, anon, authenticated;

-- What is still to be given back, one row per payment: a dispute's refund of a milestone paid by
-- bank transfer (what the ledger moved back to the buyer, less what was returned), and a payment
-- that arrived for a milestone already paid (all of it). Read under the caller's RLS: the operator
-- sees every payment and the ledger; anyone else sees nothing of the ledger, so nothing here.
create view public.refunds_to_send with (security_invoker = true) as
with refunded as (
  select milestone_id, sum(amount_krw)::bigint as krw
  from public.ledger_entries where kind = 'refund' and account = 'external' group by milestone_id
)
select p.id as payment_id, p.order_id, p.milestone_id, p.provider, p.provider_ref, p.amount_krw, p.refunded_krw,
       'dispute'::text as reason, (r.krw - p.refunded_krw)::bigint as due_krw, p.updated_at
from public.payments p
join refunded r on r.milestone_id = p.milestone_id
where p.provider = 'bank_transfer' and p.status = 'paid' and r.krw > p.refunded_krw
  and exists (select 1 from public.payment_events e where e.payment_id = p.id and e.outcome = 'applied')
union all
select p.id, p.order_id, p.milestone_id, p.provider, p.provider_ref, p.amount_krw, p.refunded_krw,
       'paid_twice', (p.amount_krw - p.refunded_krw)::bigint, p.updated_at
from public.payments p
where p.status = 'paid' and p.refunded_krw < p.amount_krw
  and exists (select 1 from public.payment_events e where e.payment_id = p.id and e.outcome = 'already_paid')
  and not exists (select 1 from public.payment_events e where e.payment_id = p.id and e.outcome = 'applied');
comment on view public.refunds_to_send is 'Money the operator still has to give back by hand: bank-transfer refunds of disputes and payments that arrived twice.';
grant select on public.refunds_to_send to authenticated;
