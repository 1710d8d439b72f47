-- The cluster's numbers (issue 16): a manager's dashboard at /manage/[slug]/numbers.
--
-- 1. Profile views and search appearances, counted by the app per workshop and day (Korean days):
--    daily totals only, no visitor identities, no IP addresses, no sessions. The app calls
--    public.count_workshop_views() (security definer) for a profile page shown and for the
--    workshops of a search results page; nobody writes the table directly. A workshop's own owner
--    is not counted. Managers of the clusters a workshop is an approved member of, the operator and
--    the owner read its rows.
-- 2. The dashboard's aggregates, one security definer function per section, each refusing (42501)
--    a caller who neither manages the cluster nor is the operator: the numbers read members' quotes,
--    orders and responses that the manager's own row-level access does not reach row by row, and
--    summing them under RLS would cost a policy check per row. Buckets are Korean days or months
--    (unit 'day' | 'month') from first_bucket to last_bucket; a bucket's "end of" values are taken
--    at the start of the next bucket, or at upto (tomorrow) for the bucket still running.

-- ---------------------------------------------------------------- daily counts
create table public.workshop_daily_counts (
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  day date not null,
  views int not null default 0 check (views >= 0),
  appearances int not null default 0 check (appearances >= 0),
  primary key (workshop_id, day)
);
comment on table public.workshop_daily_counts is 'Profile views and search appearances per workshop and Korean day, counted by the app (public.count_workshop_views); no visitor identities.';
alter table public.workshop_daily_counts enable row level security;

create policy "managers of its clusters, the operator and the owner read a workshop's counts" on public.workshop_daily_counts
  for select to authenticated
  using ((select private.manages_member(workshop_id)) or (select private.owns_workshop(workshop_id)) or (select private.is_operator()));
revoke all on public.workshop_daily_counts from anon;
revoke insert, update, delete, truncate, references, trigger on public.workshop_daily_counts from authenticated, service_role;
grant select on public.workshop_daily_counts to authenticated, service_role;

-- what: 'view' (a profile page) or 'appearance' (shown in search results). At most 100 workshops a
-- call (a results page shows 20). Locks rows in id order so that concurrent pages cannot deadlock.
create or replace function public.count_workshop_views(workshops uuid[], what text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if what not in ('view', 'appearance') then
    raise exception 'what must be view or appearance' using errcode = '22023';
  end if;
  if cardinality(workshops) > 100 then
    raise exception 'at most 100 workshops a call' using errcode = '22023';
  end if;
  insert into public.workshop_daily_counts as c (workshop_id, day, views, appearances)
  select w.id, (now() at time zone 'Asia/Seoul')::date,
         case when what = 'view' then 1 else 0 end, case when what = 'appearance' then 1 else 0 end
  from public.workshops w
  where w.id = any(workshops) and coalesce(w.owner_id <> (select auth.uid()), true)
  order by w.id
  on conflict (workshop_id, day) do update
    set views = c.views + excluded.views, appearances = c.appearances + excluded.appearances;
end;
$$;
comment on function public.count_workshop_views is 'Adds one profile view or search appearance today to each workshop (not the caller''s own): daily counts only.';
revoke all on function public.count_workshop_views(uuid[], text) from public;
grant execute on function public.count_workshop_views(uuid[], text) to anon, authenticated, service_role;

-- The dashboard reads routed requests of a cluster, and its members' quotes, by time.
create index request_clusters_cluster_created_idx on public.request_clusters (cluster_id, created_at);
create index quotes_workshop_created_idx on public.quotes (workshop_id, created_at);

-- ---------------------------------------------------------------- who may read
create or replace function private.check_cluster_numbers(cluster uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (private.manages_cluster(cluster) or private.is_operator()) then
    raise exception 'only the cluster''s managers read its numbers' using errcode = '42501';
  end if;
end;
$$;

-- The buckets: start, the moment their end-of values are taken (exclusive), as Korean days.
create or replace function private.numbers_buckets(unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, until date)
language sql immutable set search_path = ''
as $$
  select b::date, least((b + ('1 ' || unit)::interval)::date, upto)
  from generate_series(first_bucket::timestamp, last_bucket::timestamp, ('1 ' || unit)::interval) b
$$;

-- ---------------------------------------------------------------- members over time
-- applied: applications made by then; approved: approved members (decided by then); pending:
-- applications waiting then; verified / accepting: approved members with the flag then, from the
-- audit trail's changes by managers (the current value where none was recorded); active: approved
-- members with a quote or a request joined in the 90 days before; decided / decide_hours_median:
-- decisions made in the bucket and the median hours from application to decision;
-- period_decide_hours_median: the median over the whole period (the same on every row).
create or replace function private.cluster_numbers_members(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, applied int, approved int, pending int, verified int, accepting int, active int,
               decided int, decide_hours_median double precision, period_decide_hours_median double precision)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return query
  with b as materialized (
    select * from private.numbers_buckets(unit, first_bucket, last_bucket, upto)
  ), m as materialized (
    select ms.workshop_id, ms.status, (ms.created_at at time zone 'Asia/Seoul')::date as applied_day,
           (coalesce(ms.decided_at, ms.created_at) at time zone 'Asia/Seoul')::date as decided_day,
           extract(epoch from coalesce(ms.decided_at, ms.created_at) - ms.created_at) / 3600 as hours,
           w.verified, w.accepting_orders
    from public.cluster_memberships ms join public.workshops w on w.id = ms.workshop_id
    where ms.cluster_id = cluster
  ), changes as (
    -- Managers' recorded changes of the two flags, per member and day.
    select a.workshop_id, a.at, k as flag, (a.before ->> k)::boolean as before_v, (a.after ->> k)::boolean as after_v
    from public.audit_entries a cross join unnest(array['verified', 'accepting_orders']) k
    where a.workshop_id in (select workshop_id from m where status = 'approved')
      and a.action in ('member.curated', 'member.edited') and a.after ? k
  ), flags as materialized (
    -- Each approved member's flags at each bucket's end, for the members with recorded changes.
    select b.bucket, x.workshop_id,
      coalesce((select c.after_v from changes c where c.workshop_id = x.workshop_id and c.flag = 'verified'
                  and (c.at at time zone 'Asia/Seoul')::date < b.until order by c.at desc limit 1),
               (select c.before_v from changes c where c.workshop_id = x.workshop_id and c.flag = 'verified' order by c.at limit 1),
               x.verified) as verified,
      coalesce((select c.after_v from changes c where c.workshop_id = x.workshop_id and c.flag = 'accepting_orders'
                  and (c.at at time zone 'Asia/Seoul')::date < b.until order by c.at desc limit 1),
               (select c.before_v from changes c where c.workshop_id = x.workshop_id and c.flag = 'accepting_orders' order by c.at limit 1),
               x.accepting_orders) as accepting
    from b cross join (select * from m where status = 'approved' and workshop_id in (select workshop_id from changes)) x
  ), acts as materialized (
    -- The window starts 90 days before the first bucket; the time bounds sit on each table's own
    -- column, so that the (workshop_id, created_at) index reads only the quotes in it.
    select distinct a.workshop_id, a.day from (
      select q.workshop_id, (q.created_at at time zone 'Asia/Seoul')::date as day
      from public.quotes q
      where q.workshop_id in (select workshop_id from m where status = 'approved')
        and q.created_at >= ((first_bucket - 90)::timestamp at time zone 'Asia/Seoul')
        and q.created_at < (upto::timestamp at time zone 'Asia/Seoul')
      union all
      select p.workshop_id, (p.created_at at time zone 'Asia/Seoul')::date
      from public.request_participants p
      where p.source = 'self' and p.workshop_id in (select workshop_id from m where status = 'approved')
        and p.created_at >= ((first_bucket - 90)::timestamp at time zone 'Asia/Seoul')
        and p.created_at < (upto::timestamp at time zone 'Asia/Seoul')
    ) a
  ), islands as materialized (
    -- Runs of activity with gaps of at most 90 days: the member counts as active for the days after
    -- the run's first activity up to 90 days after its last.
    select workshop_id, min(day) as first_day, max(day) + 90 as active_until
    from (
      select workshop_id, day, sum(case when gap then 1 else 0 end) over (partition by workshop_id order by day) as run
      from (select workshop_id, day, coalesce(day - lag(day) over (partition by workshop_id order by day) > 90, true) as gap from acts) g
    ) r
    group by workshop_id, run
  ), active as (
    select b.bucket, count(*) as active
    from b join islands i on i.first_day < b.until and i.active_until >= b.until
    join m on m.workshop_id = i.workshop_id and m.status = 'approved' and m.decided_day < b.until
    group by b.bucket
  ), period_median as (
    select percentile_cont(0.5) within group (order by m.hours) as hours from m
    where m.status <> 'pending' and m.decided_day >= first_bucket and m.decided_day < upto
  ), steps as (
    -- Each application once: the bucket it was made in and the bucket it was decided in (those before
    -- the first bucket count in the first), so that "by then" is a running sum over buckets.
    select
      greatest(first_bucket, date_trunc(unit, m.applied_day::timestamp)::date) as applied_in,
      case when m.status <> 'pending' then greatest(first_bucket, date_trunc(unit, m.decided_day::timestamp)::date) end as decided_in,
      m.status, m.decided_day,
      m.workshop_id in (select c.workshop_id from changes c) as has_changes,
      m.verified, m.accepting_orders
    from m where m.applied_day < upto
  ), counts as (
    select b.bucket, coalesce(a.n, 0) as applied, coalesce(d.n, 0) as decided_any, coalesce(d.approved, 0) as approved,
           coalesce(d.verified, 0) as verified, coalesce(d.accepting, 0) as accepting, coalesce(d.in_bucket, 0) as decided
    from b
    left join (select s.applied_in, count(*) as n from steps s group by s.applied_in) a on a.applied_in = b.bucket
    left join (
      select s.decided_in, count(*) as n,
             count(*) filter (where s.status = 'approved') as approved,
             count(*) filter (where s.status = 'approved' and not s.has_changes and s.verified) as verified,
             count(*) filter (where s.status = 'approved' and not s.has_changes and s.accepting_orders) as accepting,
             count(*) filter (where s.decided_day >= first_bucket and s.decided_day < upto) as in_bucket
      from steps s where s.decided_in is not null group by s.decided_in
    ) d on d.decided_in = b.bucket
  ), flagged as (
    -- Members with recorded changes: their flags at each bucket's end.
    select f.bucket, count(*) filter (where f.verified) as verified, count(*) filter (where f.accepting) as accepting
    from flags f join m on m.workshop_id = f.workshop_id join b on b.bucket = f.bucket
    where m.decided_day < b.until
    group by f.bucket
  ), per_bucket as (
    select c.bucket,
      sum(c.applied) over w as applied,
      sum(c.approved) over w as approved,
      sum(c.applied) over w - sum(c.decided_any) over w as pending,
      sum(c.verified) over w + coalesce(fl.verified, 0) as verified,
      sum(c.accepting) over w + coalesce(fl.accepting, 0) as accepting,
      c.decided
    from counts c left join flagged fl on fl.bucket = c.bucket
    window w as (order by c.bucket)
  ), decisions as (
    select date_trunc(unit, m.decided_day::timestamp)::date as bucket, percentile_cont(0.5) within group (order by m.hours) as hours
    from m where m.status <> 'pending' and m.decided_day >= first_bucket and m.decided_day < upto
    group by 1
  )
  select b.bucket, coalesce(p.applied, 0)::int, coalesce(p.approved, 0)::int, coalesce(p.pending, 0)::int,
         coalesce(p.verified, 0)::int, coalesce(p.accepting, 0)::int, coalesce(a.active, 0)::int, coalesce(p.decided, 0)::int,
         dh.hours, (select hours from period_median)
  from b left join per_bucket p on p.bucket = b.bucket left join active a on a.bucket = b.bucket
  left join decisions dh on dh.bucket = b.bucket
  order by b.bucket;
end;
$$;

-- ---------------------------------------------------------------- requests
-- Requests routed to the cluster in each bucket, and of those: forwarded by a manager to a member,
-- quoted by a member, awarded to a member; quoted_krw: each quoted request's lowest member quote;
-- awarded_krw: the accepted member quotes.
create or replace function private.cluster_numbers_requests(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, routed int, forwarded int, quoted int, awarded int, quoted_krw double precision, awarded_krw double precision)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return query
  with members as (
    select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved'
  ), routed as (
    select rc.request_id, date_trunc(unit, rc.created_at at time zone 'Asia/Seoul')::date as bucket
    from public.request_clusters rc
    where rc.cluster_id = cluster
      and rc.created_at >= (first_bucket::timestamp at time zone 'Asia/Seoul')
      and rc.created_at < (upto::timestamp at time zone 'Asia/Seoul')
  ), quoted as (
    select q.request_id, min(q.price_krw) as lowest,
           max(q.price_krw) filter (where q.status = 'accepted') as accepted
    from public.quotes q join routed r on r.request_id = q.request_id
    where q.workshop_id in (select workshop_id from members)
    group by q.request_id
  ), forwarded as (
    select distinct p.request_id from public.request_participants p join routed r on r.request_id = p.request_id
    where p.source = 'forwarded' and p.workshop_id in (select workshop_id from members)
  ), per_bucket as (
    select r.bucket, count(*) as routed, count(f.request_id) as forwarded, count(q.request_id) as quoted,
           count(q.accepted) as awarded, coalesce(sum(q.lowest), 0) as quoted_krw, coalesce(sum(q.accepted), 0) as awarded_krw
    from routed r left join quoted q on q.request_id = r.request_id left join forwarded f on f.request_id = r.request_id
    group by r.bucket
  )
  select b.bucket, coalesce(p.routed, 0)::int, coalesce(p.forwarded, 0)::int, coalesce(p.quoted, 0)::int,
         coalesce(p.awarded, 0)::int, coalesce(p.quoted_krw, 0)::double precision, coalesce(p.awarded_krw, 0)::double precision
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b left join per_bucket p on p.bucket = b.bucket
  order by b.bucket;
end;
$$;

-- ---------------------------------------------------------------- first responses
-- Invitations and forwards to approved members in each bucket, how many were answered (a quote or a
-- message from the workshop's side), and the median minutes to the first answer, as the scorecard
-- counts them (src/lib/domain/scorecard.ts); period_response_minutes_median: over the whole period.
create or replace function private.cluster_numbers_responses(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, invitations int, answered int, response_minutes_median double precision,
               period_response_minutes_median double precision)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return query
  with asked as (
    select p.request_id, p.workshop_id, p.created_at,
           date_trunc(unit, p.created_at at time zone 'Asia/Seoul')::date as bucket
    from public.request_participants p
    join public.cluster_memberships ms on ms.workshop_id = p.workshop_id and ms.cluster_id = cluster and ms.status = 'approved'
    where p.source in ('invited', 'forwarded')
      and p.created_at >= (first_bucket::timestamp at time zone 'Asia/Seoul')
      and p.created_at < (upto::timestamp at time zone 'Asia/Seoul')
  ), answered as (
    select a.bucket, extract(epoch from (least(
        (select min(q.created_at) from public.quotes q where q.request_id = a.request_id and q.workshop_id = a.workshop_id),
        (select min(msg.created_at) from public.conversations c join public.messages msg on msg.conversation_id = c.id
         join public.requests r on r.id = c.request_id
         where c.request_id = a.request_id and c.workshop_id = a.workshop_id and msg.sender_id is distinct from r.owner_id)
      ) - a.created_at)) / 60 as minutes
    from asked a
  ), per_bucket as (
    select x.bucket, count(*) as invitations, count(*) filter (where x.minutes >= 0) as answered,
           percentile_cont(0.5) within group (order by x.minutes) filter (where x.minutes >= 0) as median
    from answered x group by x.bucket
  )
  select b.bucket, coalesce(p.invitations, 0)::int, coalesce(p.answered, 0)::int, p.median,
         (select percentile_cont(0.5) within group (order by x.minutes) from answered x where x.minutes >= 0)
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b left join per_bucket p on p.bucket = b.bucket
  order by b.bucket;
end;
$$;

-- ---------------------------------------------------------------- views and appearances
-- Per approved member over the whole period (member_id set) and per bucket for the cluster (member_id null).
create or replace function private.cluster_numbers_views(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, workshop_id uuid, slug text, name_ko text, name_en text, views int, appearances int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return query
  with members as (
    select w.id, w.slug, w.name_ko, w.name_en from public.cluster_memberships ms join public.workshops w on w.id = ms.workshop_id
    where ms.cluster_id = cluster and ms.status = 'approved'
  ), counted as (
    -- One pass over the counts: totals per bucket and per member together.
    select d.workshop_id, date_trunc(unit, d.day::timestamp)::date as bucket,
           sum(d.views) as views, sum(d.appearances) as appearances, grouping(d.workshop_id) as per_bucket
    from public.workshop_daily_counts d
    where d.workshop_id in (select id from members) and d.day >= first_bucket and d.day < upto
    group by grouping sets ((date_trunc(unit, d.day::timestamp)::date), (d.workshop_id))
  )
  select b.bucket, null::uuid, null::text, null::text, null::text, coalesce(c.views, 0)::int, coalesce(c.appearances, 0)::int
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b
  left join counted c on c.per_bucket = 1 and c.bucket = b.bucket
  union all
  select null::date, w.id, w.slug, w.name_ko, w.name_en, coalesce(c.views, 0)::int, coalesce(c.appearances, 0)::int
  from members w left join counted c on c.per_bucket = 0 and c.workshop_id = w.id;
end;
$$;

-- ---------------------------------------------------------------- orders
-- Orders of approved members completed in each bucket and how many were delivered by the due date
-- (as the scorecard counts on time); orders_total: the members' orders ever (the section shows once there are some).
create or replace function private.cluster_numbers_orders(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, completed int, on_time int, orders_total int)
language plpgsql stable security definer set search_path = ''
as $$
declare
  total int;
begin
  perform private.check_cluster_numbers(cluster);
  select count(*) into total from public.orders o
  where o.workshop_id in (select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved');
  return query
  with done as (
    select date_trunc(unit, o.completed_at at time zone 'Asia/Seoul')::date as bucket,
           (o.delivered_at at time zone 'Asia/Seoul')::date <= o.due_date as on_time
    from public.orders o
    where o.status = 'completed'
      and o.workshop_id in (select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved')
      and o.completed_at >= (first_bucket::timestamp at time zone 'Asia/Seoul')
      and o.completed_at < (upto::timestamp at time zone 'Asia/Seoul')
  ), per_bucket as (
    select d.bucket, count(*) as completed, count(*) filter (where d.on_time) as on_time from done d group by d.bucket
  )
  select b.bucket, coalesce(p.completed, 0)::int, coalesce(p.on_time, 0)::int, total
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b left join per_bucket p on p.bucket = b.bucket
  order by b.bucket;
end;
$$;

-- The first Korean day the cluster has anything to count (for the period "all").
create or replace function private.cluster_numbers_since(cluster uuid) returns date
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return (select (least(
      (select min(ms.created_at) from public.cluster_memberships ms where ms.cluster_id = cluster),
      (select min(rc.created_at) from public.request_clusters rc where rc.cluster_id = cluster),
      (select c.created_at from public.clusters c where c.id = cluster)) at time zone 'Asia/Seoul')::date);
end;
$$;

revoke all on function private.check_cluster_numbers(uuid), private.numbers_buckets(text, date, date, date),
  private.cluster_numbers_members(uuid, text, date, date, date), private.cluster_numbers_requests(uuid, text, date, date, date),
  private.cluster_numbers_responses(uuid, text, date, date, date), private.cluster_numbers_views(uuid, text, date, date, date),
  private.cluster_numbers_orders(uuid, text, date, date, date), private.cluster_numbers_since(uuid) from public;
grant execute on function private.check_cluster_numbers(uuid), private.numbers_buckets(text, date, date, date),
  private.cluster_numbers_members(uuid, text, date, date, date), private.cluster_numbers_requests(uuid, text, date, date, date),
  private.cluster_numbers_responses(uuid, text, date, date, date), private.cluster_numbers_views(uuid, text, date, date, date),
  private.cluster_numbers_orders(uuid, text, date, date, date), private.cluster_numbers_since(uuid) to authenticated, service_role;
