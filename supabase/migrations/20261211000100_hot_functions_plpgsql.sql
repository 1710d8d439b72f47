-- Speed of the functions every payment, notification and order move calls (bench:payments).
-- A function written in SQL with a SET clause (here: search_path) is neither inlined nor kept planned:
-- PostgreSQL 17 plans its query again at every statement that calls it (about 0.3 ms for the
-- recipients of a workshop, measured with pg_stat_user_functions). Written in PL/pgSQL, the plan is
-- kept by each connection. Same arguments, same results, same privileges.

create or replace function private.workshop_recipients(workshop uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select w.owner_id from public.workshops w where w.id = workshop and w.owner_id is not null
    union
    select cm.user_id from public.workshops w
    join public.cluster_memberships m on m.workshop_id = w.id and m.status = 'approved'
    join public.cluster_managers cm on cm.cluster_id = m.cluster_id
    where w.id = workshop and w.owner_id is null;
end;
$$;

-- The order's notification payload.
create or replace function private.order_summary(order_ uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select jsonb_build_object('order_id', o.id, 'order_number', o.number, 'order_title', o.title,
                                    'order_status', o.status, 'total_krw', o.total_krw)
          from public.orders o where o.id = order_);
end;
$$;

-- As in 20261206000700_orders.sql, with the order's summary made once for both notifications.
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

-- The questions row-level security asks: the yes/no ones (owns_request, can_see_order,
-- acts_for_workshop, …) and the lookups by primary key policies call (app_role, request_status,
-- center_of_*). Every one is a single SELECT in SQL with search_path set, so each statement that reads
-- rows through a policy planned them again (owns_request alone was half of a startup's dashboard's
-- database time). The same SELECT becomes the RETURN of a PL/pgSQL function of the same name,
-- arguments, result and privileges (a lookup by primary key has at most one row, so `return (select …)`
-- answers as the SQL function did); `#variable_conflict use_column` keeps SQL's rule that a column
-- name wins over an argument's. tests/integration/db-functions.test.ts keeps policies off SQL helpers.
do $$
declare
  f record;
  converted int := 0;
begin
  for f in
    select p.proname, pg_get_function_arguments(p.oid) as args, pg_get_function_result(p.oid) as result,
           rtrim(rtrim(p.prosrc), E'; \n\t') as body
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    where n.nspname = 'private' and l.lanname = 'sql' and not p.proretset
      and p.provolatile = 's' and p.prosecdef and p.proconfig = array['search_path=""']
      and (p.prorettype = 'boolean'::regtype
           or p.proname in ('app_role', 'request_status', 'center_of_course', 'center_of_event',
                            'center_of_machine', 'center_of_program'))
  loop
    if position(';' in f.body) > 0 then
      raise exception 'private.% is more than one statement', f.proname;
    end if;
    execute format(
      'create or replace function private.%I(%s) returns %s language plpgsql stable security definer set search_path = '''' as %L',
      f.proname, f.args, f.result, E'#variable_conflict use_column\nbegin\n  return (' || f.body || E');\nend');
    converted := converted + 1;
  end loop;
  raise notice 'row-level security helpers now in PL/pgSQL: %', converted;
end;
$$;
