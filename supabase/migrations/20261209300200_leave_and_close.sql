-- Account settings (issue 11): a craftsman leaves a cluster, and closes (deletes) their workshop when
-- no order is running on it.
--
-- Leaving: the owner may delete their workshop's approved membership, as they could already withdraw
-- a pending application. The cluster's managers are told (kind application_decided, status 'left'),
-- because a member who disappears from the table without a word looks like a fault.
--
-- Closing: public.close_workshop(workshop), for its owner only. Like an account deletion does for the
-- workshops it unlists, it keeps the row (quotes, threads, orders and reviews of others name it) with
-- status 'closed': out of search, public pages and cluster tables; its live quotes are withdrawn (the
-- requests' owners are told, as for any withdrawal) and its memberships end. The owner may then
-- register a new workshop (one active workshop per owner).

alter table public.workshops drop constraint workshops_status_check;
alter table public.workshops add constraint workshops_status_check check (status in ('active', 'suspended', 'closed'));
comment on column public.workshops.status is 'active: listed; suspended: unlisted by the operator or an account deletion; closed: deleted by its owner (kept for the records that name it).';

create policy "owners leave their clusters" on public.cluster_memberships for delete to authenticated
  using ((select private.owns_workshop(workshop_id)) and status = 'approved');

create or replace function private.membership_left() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if old.status = 'approved' and (select private.owns_workshop(old.workshop_id)) then
    perform private.notify_cluster_managers(old.cluster_id, 'application_decided',
      private.cluster_summary(old.cluster_id) || private.workshop_summary(old.workshop_id)
      || jsonb_build_object('status', 'left'));
  end if;
  return null;
end;
$$;
create trigger cluster_memberships_left after delete on public.cluster_memberships
  for each row execute function private.membership_left();

create or replace function public.close_workshop(workshop uuid) returns text
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select private.owns_workshop(workshop)) or (select private.is_suspended()) then
    raise exception 'only the owner closes a workshop' using errcode = '42501';
  end if;
  if exists (select 1 from public.orders o where o.workshop_id = workshop and o.status not in ('completed', 'cancelled', 'resolved')) then
    return 'running_orders';
  end if;
  update public.quotes set status = 'withdrawn', reason = '공방이 문을 닫아 철회된 견적입니다.'
  where workshop_id = workshop and status in ('submitted', 'revision_requested');
  delete from public.cluster_memberships where workshop_id = workshop;
  update public.workshops set status = 'closed', accepting_orders = false, featured = false, updated_at = now()
  where id = workshop and status <> 'closed';
  return 'closed';
end;
$$;
comment on function public.close_workshop is 'The owner closes their workshop: refused while an order runs; withdraws live quotes, ends memberships, unlists it (status closed). Returns closed or running_orders.';
revoke all on function public.close_workshop(uuid) from public, anon;
grant execute on function public.close_workshop(uuid) to authenticated, service_role;
