-- The cluster's numbers, fast (issue 16): rollups of closed months, and the history of the two flags.
--
-- 1. public.workshop_flag_changes: every change of a workshop's verified / accepting_orders flags, by
--    whoever made it (the owner in the workshop editor, a manager curating or editing on behalf, the
--    operator), written by a trigger on public.workshops (nobody writes the table directly); the
--    managers' changes already in the audit trail are copied in. The members section reads the flags'
--    past values from here instead of the audit trail.
-- 2. Rollups of closed Korean months per cluster, written only by the server's job
--    (private.refresh_cluster_numbers, src/lib/server/cluster-numbers.ts startRollups):
--    public.cluster_numbers_days (per cluster and day: the requests section, the invitations with
--    the sorted minutes to their first answers — so that a median over any period stays exact —,
--    the views and appearances, and the members' end-of-day values that need history: active,
--    verified, accepting orders), public.cluster_numbers_member_months (per member and month: views
--    and appearances), public.cluster_numbers_member_activity (per member and month: the last day it
--    quoted or joined a request, so that the running month's active members need only its own
--    activity) and public.cluster_numbers_rollups (per cluster: the months before
--    rolled_until were rolled up). Managers of the cluster and the operator read them, like the live
--    figures; nobody writes them through the API.
-- 3. Freshness: months that change after they were rolled up are marked dirty by triggers on what the
--    numbers are made of (routed requests, quotes, participants, messages, memberships, daily counts,
--    back-dated flag changes) in private.cluster_numbers_dirty. A trigger marks exactly the closed
--    months whose figures the change can move (a superset), so a late quote on a request routed last
--    year, a member removed, an answer to an old invitation all count. Refreshing "the last few
--    months" each run would miss those, and the page must not show a number that differs from the
--    live one. Until the job has recomputed a dirty month, the dashboard computes everything from
--    the first dirty (or not yet rolled up) month onward live: the figures are always the live ones.
-- 4. The five dashboard functions keep their names and arguments: each combines the rollups before
--    the cluster's boundary R = least(rolled_until, first dirty month, the current month) with the
--    live computation from R on (the *_live functions: the former bodies, which the job also uses
--    to fill the rollups, so both paths count the same way).

-- ---------------------------------------------------------------- flag history
create table public.workshop_flag_changes (
  id bigint generated always as identity primary key,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  at timestamptz not null default now(),
  flag text not null check (flag in ('verified', 'accepting_orders')),
  before boolean,
  after boolean not null,
  changed_by uuid references public.profiles (id) on delete set null,
  -- owner | manager | operator | system (no signed-in user: a job, a migration)
  by_role text not null check (by_role in ('owner', 'manager', 'operator', 'system'))
);
comment on table public.workshop_flag_changes is 'Changes of a workshop''s verified and accepting_orders flags, by owners, managers and the operator (written by a trigger on public.workshops).';
create index workshop_flag_changes_workshop_idx on public.workshop_flag_changes (workshop_id, flag, at);
create index workshop_flag_changes_changed_by_idx on public.workshop_flag_changes (changed_by);
alter table public.workshop_flag_changes enable row level security;
create policy "managers of its clusters, the operator and the owner read a workshop's flag changes" on public.workshop_flag_changes
  for select to authenticated
  using ((select private.manages_member(workshop_id)) or (select private.owns_workshop(workshop_id)) or (select private.is_operator()));
revoke all on public.workshop_flag_changes from anon;
revoke insert, update, delete, truncate, references, trigger on public.workshop_flag_changes from authenticated, service_role;
grant select on public.workshop_flag_changes to authenticated, service_role;

create or replace function private.record_flag_changes() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  who uuid := (select auth.uid());
  role text;
begin
  role := case
    when who is null then 'system'
    when new.owner_id = who then 'owner'
    when private.is_operator() then 'operator'
    when private.manages_workshop(new.id) then 'manager'
    else 'system' end;
  if new.verified is distinct from old.verified then
    insert into public.workshop_flag_changes (workshop_id, flag, before, after, changed_by, by_role)
    values (new.id, 'verified', old.verified, new.verified, who, role);
  end if;
  if new.accepting_orders is distinct from old.accepting_orders then
    insert into public.workshop_flag_changes (workshop_id, flag, before, after, changed_by, by_role)
    values (new.id, 'accepting_orders', old.accepting_orders, new.accepting_orders, who, role);
  end if;
  return null;
end;
$$;
create trigger workshops_record_flag_changes after update of verified, accepting_orders on public.workshops
  for each row when (new.verified is distinct from old.verified or new.accepting_orders is distinct from old.accepting_orders)
  execute function private.record_flag_changes();

-- The managers' changes recorded so far (the audit trail stays as it is).
insert into public.workshop_flag_changes (workshop_id, at, flag, before, after, changed_by, by_role)
select a.workshop_id, a.at, k, (a.before ->> k)::boolean, (a.after ->> k)::boolean, a.actor_id,
       case when a.actor_role in ('manager', 'operator') then a.actor_role else 'manager' end
from public.audit_entries a cross join unnest(array['verified', 'accepting_orders']) k
where a.workshop_id is not null and a.action in ('member.curated', 'member.edited') and a.after ? k
  and (a.after ->> k) is not null and (a.before ->> k) is distinct from (a.after ->> k)
order by a.at;

-- ---------------------------------------------------------------- rollup tables
create table public.cluster_numbers_days (
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  day date not null,
  routed int not null default 0,
  forwarded int not null default 0,
  quoted int not null default 0,
  awarded int not null default 0,
  quoted_krw double precision not null default 0,
  awarded_krw double precision not null default 0,
  invitations int not null default 0,
  answered int not null default 0,
  -- minutes to the first answer of each answered invitation of the day, sorted
  response_minutes double precision[] not null default '{}',
  views int not null default 0,
  appearances int not null default 0,
  -- at the end of the day
  active int not null default 0,
  verified int not null default 0,
  accepting int not null default 0,
  primary key (cluster_id, day)
);
comment on table public.cluster_numbers_days is 'Per cluster and Korean day of a closed month: the dashboard''s figures (written only by private.refresh_cluster_numbers).';

create table public.cluster_numbers_member_months (
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  month date not null,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  views int not null default 0,
  appearances int not null default 0,
  primary key (cluster_id, month, workshop_id)
);
comment on table public.cluster_numbers_member_months is 'Per cluster, closed month and approved member with views or appearances: their totals (written only by private.refresh_cluster_numbers).';
create index cluster_numbers_member_months_workshop_idx on public.cluster_numbers_member_months (workshop_id);

create table public.cluster_numbers_member_activity (
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  month date not null,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  -- the approved member's last quote or request joined by itself in the month
  last_active date not null,
  primary key (cluster_id, month, workshop_id)
);
comment on table public.cluster_numbers_member_activity is 'Per cluster, closed month and approved member active in it: the last day it was (written only by private.refresh_cluster_numbers).';
create index cluster_numbers_member_activity_workshop_idx on public.cluster_numbers_member_activity (workshop_id);

create table public.cluster_numbers_rollups (
  cluster_id uuid primary key references public.clusters (id) on delete cascade,
  -- every month before this one has been rolled up (those marked dirty since are recomputed live)
  rolled_until date not null,
  refreshed_at timestamptz not null default now()
);
comment on table public.cluster_numbers_rollups is 'Per cluster: up to which month the numbers are rolled up (written only by private.refresh_cluster_numbers).';

do $$
declare t text;
begin
  foreach t in array array['cluster_numbers_days', 'cluster_numbers_member_months', 'cluster_numbers_member_activity', 'cluster_numbers_rollups'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format($p$create policy "the cluster's managers and the operator read its rollups" on public.%I
      for select to authenticated using ((select private.manages_cluster(cluster_id)) or (select private.is_operator()))$p$, t);
    execute format('revoke all on public.%I from anon', t);
    execute format('revoke insert, update, delete, truncate, references, trigger on public.%I from authenticated, service_role', t);
    execute format('grant select on public.%I to authenticated, service_role', t);
  end loop;
end;
$$;

-- Months changed after they were rolled up (the server's own). Append-only marks without a unique
-- key: marking never waits for the job (a unique key would make an insert wait for the job's
-- uncommitted delete of the same month), and the job takes the marks by deleting them.
create table private.cluster_numbers_dirty (
  id bigint generated always as identity primary key,
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  month date not null,
  marked_at timestamptz not null default now()
);
create index cluster_numbers_dirty_cluster_month_idx on private.cluster_numbers_dirty (cluster_id, month);
comment on table private.cluster_numbers_dirty is 'Closed months whose numbers changed since they were rolled up (marked by triggers, cleared by the refresh).';
alter table private.cluster_numbers_dirty enable row level security;
revoke all on private.cluster_numbers_dirty from anon, authenticated;

-- The running month's activity of all members: quotes and requests joined by time (the members' list
-- is long, the days few).
create index quotes_created_idx on public.quotes (created_at);
create index request_participants_self_created_idx on public.request_participants (created_at) where source = 'self';

-- ---------------------------------------------------------------- helpers
create or replace function private.korean_day(at timestamptz) returns date
language sql immutable set search_path = ''
as $$ select (at at time zone 'Asia/Seoul')::date $$;

-- The first day of the Korean month still running: months before it are closed.
create or replace function private.numbers_open_month() returns date
language sql stable set search_path = ''
as $$ select date_trunc('month', now() at time zone 'Asia/Seoul')::date $$;

-- Where the rollups end for a dashboard whose running day is upto - 1: the live part starts here.
create or replace function private.cluster_numbers_rolled(cluster uuid, upto date) returns date
language sql stable security definer set search_path = ''
as $$
  select least(
    coalesce((select r.rolled_until from public.cluster_numbers_rollups r where r.cluster_id = cluster), '-infinity'::date),
    coalesce((select min(d.month) from private.cluster_numbers_dirty d where d.cluster_id = cluster), 'infinity'::date),
    date_trunc('month', (upto - 1)::timestamp)::date)
$$;

-- Marks closed months dirty: (cluster, any day of the month) pairs; open months are ignored.
create or replace function private.mark_numbers_dirty(clusters uuid[], days date[]) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into private.cluster_numbers_dirty (cluster_id, month)
  select distinct c, date_trunc('month', d::timestamp)::date
  from unnest(clusters, days) as x (c, d)
  where c is not null and d is not null and d < private.numbers_open_month()
$$;

-- The months an activity on `day` moves: its own (the member's last activity in it) and those in which
-- the member counts as active because of it (day + 1 .. day + 90).
create or replace function private.numbers_active_days(day date) returns date[]
language sql immutable set search_path = ''
as $$ select array[day, day + 1, day + 29, day + 57, day + 85, day + 90] $$;

-- ---------------------------------------------------------------- live computations (no access check: only the
-- checked dashboard functions below and the job call them)

-- The former members function; active, verified and accepting are computed only for the buckets whose
-- end is after active_from (the others come from the rollups), reading activity from 90 days before.
-- prior: active_from is the rollups' boundary (at or after the first bucket): the activity before it
-- is each member's last one in the rolled-up months of the 90 days before (cluster_numbers_member_activity),
-- only the activity from active_from on is read from quotes and requests.
create or replace function private.cluster_numbers_members_live(cluster uuid, unit text, first_bucket date, last_bucket date, upto date,
                                                                active_from date, prior boolean default false)
returns table (bucket date, applied int, approved int, pending int, verified int, accepting int, active int,
               decided int, decide_hours_median double precision, period_decide_hours_median double precision)
language plpgsql stable security definer set search_path = ''
as $$
declare
  acts_from date := case when prior then active_from else greatest(first_bucket, active_from) - 90 end;
begin
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
    -- Recorded changes of the two flags (owners', managers', the operator's).
    select c.workshop_id, c.at, c.flag, c.before as before_v, c.after as after_v
    from public.workshop_flag_changes c
    where c.workshop_id in (select workshop_id from m where status = 'approved')
  ), flags as materialized (
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
    where b.until > active_from
  ), acts as materialized (
    select distinct a.workshop_id, a.day from (
      select q.workshop_id, (q.created_at at time zone 'Asia/Seoul')::date as day
      from public.quotes q
      where q.workshop_id in (select workshop_id from m where status = 'approved')
        and q.created_at >= (acts_from::timestamp at time zone 'Asia/Seoul')
        and q.created_at < (upto::timestamp at time zone 'Asia/Seoul')
      union all
      select p.workshop_id, (p.created_at at time zone 'Asia/Seoul')::date
      from public.request_participants p
      where p.source = 'self' and p.workshop_id in (select workshop_id from m where status = 'approved')
        and p.created_at >= (acts_from::timestamp at time zone 'Asia/Seoul')
        and p.created_at < (upto::timestamp at time zone 'Asia/Seoul')
      union all
      select mm.workshop_id, mm.last_active
      from public.cluster_numbers_member_activity mm
      where prior and mm.cluster_id = cluster
        and mm.month >= date_trunc('month', (active_from - 90)::timestamp)::date and mm.month < active_from
      -- (members no longer approved are left out where islands meet m)
    ) a
  ), islands as materialized (
    -- Runs of activity with gaps of at most 90 days: active for the days after the run's first
    -- activity up to 90 days after its last. (A bucket ending at `until` counts a member iff it has an
    -- activity in [until - 90, until), so starting the window 90 days before the first live bucket is exact.)
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
    where b.until > active_from
    group by b.bucket
  ), period_median as (
    select percentile_cont(0.5) within group (order by m.hours) as hours from m
    where m.status <> 'pending' and m.decided_day >= first_bucket and m.decided_day < upto
  ), steps as (
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

-- The former requests function, without the check.
create or replace function private.cluster_numbers_requests_live(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, routed int, forwarded int, quoted int, awarded int, quoted_krw double precision, awarded_krw double precision)
language sql stable security definer set search_path = ''
as $$
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
  order by b.bucket
$$;

-- Every invitation and forward to an approved member made on the days [from_day, upto): its day and
-- the minutes to its first answer (a quote or a message from the workshop's side; null: none yet).
create or replace function private.cluster_numbers_invitations_live(cluster uuid, from_day date, upto date)
returns table (day date, minutes double precision)
language sql stable security definer set search_path = ''
as $$
  select (p.created_at at time zone 'Asia/Seoul')::date,
    (extract(epoch from (least(
        (select min(q.created_at) from public.quotes q where q.request_id = p.request_id and q.workshop_id = p.workshop_id),
        (select min(msg.created_at) from public.conversations c join public.messages msg on msg.conversation_id = c.id
         join public.requests r on r.id = c.request_id
         where c.request_id = p.request_id and c.workshop_id = p.workshop_id and msg.sender_id is distinct from r.owner_id)
      ) - p.created_at)) / 60)::double precision
  from public.request_participants p
  join public.cluster_memberships ms on ms.workshop_id = p.workshop_id and ms.cluster_id = cluster and ms.status = 'approved'
  where p.source in ('invited', 'forwarded')
    and p.created_at >= (from_day::timestamp at time zone 'Asia/Seoul')
    and p.created_at < (upto::timestamp at time zone 'Asia/Seoul')
$$;

-- ---------------------------------------------------------------- the dashboard's functions: rollups + live
create or replace function private.cluster_numbers_members(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, applied int, approved int, pending int, verified int, accepting int, active int,
               decided int, decide_hours_median double precision, period_decide_hours_median double precision)
language plpgsql stable security definer set search_path = ''
as $$
declare
  r date;
begin
  perform private.check_cluster_numbers(cluster);
  r := private.cluster_numbers_rolled(cluster, upto);
  return query
  select l.bucket, l.applied, l.approved, l.pending,
         case when b.until <= r then coalesce(d.verified, 0) else l.verified end,
         case when b.until <= r then coalesce(d.accepting, 0) else l.accepting end,
         case when b.until <= r then coalesce(d.active, 0) else l.active end,
         l.decided, l.decide_hours_median, l.period_decide_hours_median
  from private.cluster_numbers_members_live(cluster, unit, first_bucket, last_bucket, upto, r, r >= first_bucket and r > '-infinity'::date) l
  join private.numbers_buckets(unit, first_bucket, last_bucket, upto) b on b.bucket = l.bucket
  left join public.cluster_numbers_days d on d.cluster_id = cluster and d.day = b.until - 1 and b.until <= r
  order by l.bucket;
end;
$$;

create or replace function private.cluster_numbers_requests(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, routed int, forwarded int, quoted int, awarded int, quoted_krw double precision, awarded_krw double precision)
language plpgsql stable security definer set search_path = ''
as $$
declare
  r date;
begin
  perform private.check_cluster_numbers(cluster);
  r := greatest(first_bucket, private.cluster_numbers_rolled(cluster, upto));
  return query
  with rolled as (
    select date_trunc(unit, d.day::timestamp)::date as bucket, sum(d.routed) as routed, sum(d.forwarded) as forwarded,
           sum(d.quoted) as quoted, sum(d.awarded) as awarded, sum(d.quoted_krw) as quoted_krw, sum(d.awarded_krw) as awarded_krw
    from public.cluster_numbers_days d
    where d.cluster_id = cluster and d.day >= first_bucket and d.day < r
    group by 1
  )
  select b.bucket, (coalesce(o.routed, 0) + coalesce(l.routed, 0))::int, (coalesce(o.forwarded, 0) + coalesce(l.forwarded, 0))::int,
         (coalesce(o.quoted, 0) + coalesce(l.quoted, 0))::int, (coalesce(o.awarded, 0) + coalesce(l.awarded, 0))::int,
         (coalesce(o.quoted_krw, 0) + coalesce(l.quoted_krw, 0))::double precision,
         (coalesce(o.awarded_krw, 0) + coalesce(l.awarded_krw, 0))::double precision
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b
  left join rolled o on o.bucket = b.bucket
  left join private.cluster_numbers_requests_live(cluster, unit, r, last_bucket, upto) l on l.bucket = b.bucket
  order by b.bucket;
end;
$$;

create or replace function private.cluster_numbers_responses(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, invitations int, answered int, response_minutes_median double precision,
               period_response_minutes_median double precision)
language plpgsql stable security definer set search_path = ''
as $$
declare
  r date;
begin
  perform private.check_cluster_numbers(cluster);
  r := greatest(first_bucket, private.cluster_numbers_rolled(cluster, upto));
  return query
  with rolled as materialized (
    select d.day, d.invitations, d.answered, d.response_minutes from public.cluster_numbers_days d
    where d.cluster_id = cluster and d.day >= first_bucket and d.day < r
  ), live as materialized (
    select x.day, x.minutes from private.cluster_numbers_invitations_live(cluster, r, upto) x
  ), answers as materialized (
    -- Every answered invitation's minutes, rolled up or live (the medians over any buckets stay exact).
    select date_trunc(unit, o.day::timestamp)::date as bucket, mm as minutes from rolled o cross join unnest(o.response_minutes) mm
    union all
    select date_trunc(unit, l.day::timestamp)::date, l.minutes from live l where l.minutes >= 0
  ), counts as (
    select y.bucket, sum(y.invitations) as invitations, sum(y.answered) as answered from (
      select date_trunc(unit, o.day::timestamp)::date as bucket, o.invitations, o.answered from rolled o
      union all
      select date_trunc(unit, l.day::timestamp)::date, 1, case when l.minutes >= 0 then 1 else 0 end from live l
    ) y group by y.bucket
  ), medians as (
    select a.bucket, percentile_cont(0.5) within group (order by a.minutes) as median from answers a group by a.bucket
  )
  select b.bucket, coalesce(c.invitations, 0)::int, coalesce(c.answered, 0)::int, md.median,
         (select percentile_cont(0.5) within group (order by a.minutes) from answers a)
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b
  left join counts c on c.bucket = b.bucket left join medians md on md.bucket = b.bucket
  order by b.bucket;
end;
$$;

create or replace function private.cluster_numbers_views(cluster uuid, unit text, first_bucket date, last_bucket date, upto date)
returns table (bucket date, workshop_id uuid, slug text, name_ko text, name_en text, views int, appearances int)
language plpgsql stable security definer set search_path = ''
as $$
declare
  r date;
  -- Whole rolled-up months inside the period: [full_from, r); before them the head of a period
  -- starting mid-month (30 days): [first_bucket, head_to).
  head_month date := date_trunc('month', first_bucket::timestamp)::date;
  full_from date := case when first_bucket = head_month then first_bucket else (head_month + interval '1 month')::date end;
  head_to date;
  -- The head as its rolled-up month's total less the days before it, when those are fewer.
  from_total boolean;
begin
  perform private.check_cluster_numbers(cluster);
  r := greatest(first_bucket, private.cluster_numbers_rolled(cluster, upto));
  head_to := least(full_from, r);
  from_total := head_to = full_from and full_from > first_bucket and first_bucket - head_month < full_from - first_bucket;
  return query
  with members as (
    select w.id, w.slug, w.name_ko, w.name_en from public.cluster_memberships ms join public.workshops w on w.id = ms.workshop_id
    where ms.cluster_id = cluster and ms.status = 'approved'
  ), daily as materialized (
    -- In one pass over the daily counts: the days from r on (for the buckets and the members) and
    -- the head's days (for the members): read day by day, or its month's total less the days before it.
    select d.workshop_id, d.day, d.views, d.appearances
    from public.workshop_daily_counts d
    where d.workshop_id in (select id from members)
      and ((d.day >= r and d.day < upto)
           or (not from_total and d.day >= first_bucket and d.day < head_to)
           or (from_total and d.day >= head_month and d.day < first_bucket))
  ), live_days as (
    select l.workshop_id, l.day, l.views, l.appearances from daily l where l.day >= r
  ), head as (
    select l.workshop_id, l.views, l.appearances from daily l where not from_total and l.day < r
    union all
    select o.workshop_id, o.views, o.appearances from public.cluster_numbers_member_months o
    where from_total and o.cluster_id = cluster and o.month = head_month
    union all
    select l.workshop_id, -l.views, -l.appearances from daily l where from_total and l.day < r
  ), per_bucket as (
    select y.bucket, sum(y.views) as views, sum(y.appearances) as appearances from (
      select date_trunc(unit, o.day::timestamp)::date as bucket, o.views, o.appearances from public.cluster_numbers_days o
      where o.cluster_id = cluster and o.day >= first_bucket and o.day < r
      union all
      select date_trunc(unit, l.day::timestamp)::date, l.views, l.appearances from live_days l
    ) y group by y.bucket
  ), per_member as (
    select y.workshop_id, sum(y.views) as views, sum(y.appearances) as appearances from (
      select o.workshop_id, o.views, o.appearances from public.cluster_numbers_member_months o
      where o.cluster_id = cluster and o.month >= full_from and o.month < r
      union all
      select h.workshop_id, h.views, h.appearances from head h
      union all
      select l.workshop_id, l.views, l.appearances from live_days l
    ) y group by y.workshop_id
  )
  select b.bucket, null::uuid, null::text, null::text, null::text, coalesce(c.views, 0)::int, coalesce(c.appearances, 0)::int
  from private.numbers_buckets(unit, first_bucket, last_bucket, upto) b
  left join per_bucket c on c.bucket = b.bucket
  union all
  select null::date, w.id, w.slug, w.name_ko, w.name_en, coalesce(c.views, 0)::int, coalesce(c.appearances, 0)::int
  from members w left join per_member c on c.workshop_id = w.id;
end;
$$;

-- ---------------------------------------------------------------- the job
-- Recomputes one month of one cluster from the live functions (delete and insert: idempotent).
create or replace function private.refresh_cluster_numbers_month(cluster uuid, month date) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  upto date := (month + interval '1 month')::date;
begin
  delete from public.cluster_numbers_days d where d.cluster_id = cluster and d.day >= month and d.day < upto;
  delete from public.cluster_numbers_member_months d where d.cluster_id = cluster and d.month = refresh_cluster_numbers_month.month;
  insert into public.cluster_numbers_days (cluster_id, day, routed, forwarded, quoted, awarded, quoted_krw, awarded_krw,
    invitations, answered, response_minutes, views, appearances, active, verified, accepting)
  with inv as (
    select i.day, count(*) as invitations, count(*) filter (where i.minutes >= 0) as answered,
           coalesce(array_agg(i.minutes order by i.minutes) filter (where i.minutes >= 0), '{}') as minutes
    from private.cluster_numbers_invitations_live(cluster, month, upto) i group by i.day
  ), counted as (
    select c.day, sum(c.views) as views, sum(c.appearances) as appearances
    from public.workshop_daily_counts c
    where c.workshop_id in (select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved')
      and c.day >= month and c.day < upto
    group by c.day
  )
  select cluster, b.bucket, rq.routed, rq.forwarded, rq.quoted, rq.awarded, rq.quoted_krw, rq.awarded_krw,
         coalesce(inv.invitations, 0), coalesce(inv.answered, 0), coalesce(inv.minutes, '{}'),
         coalesce(v.views, 0), coalesce(v.appearances, 0), mb.active, mb.verified, mb.accepting
  from private.numbers_buckets('day', month, upto - 1, upto) b
  join private.cluster_numbers_requests_live(cluster, 'day', month, upto - 1, upto) rq on rq.bucket = b.bucket
  join private.cluster_numbers_members_live(cluster, 'day', month, upto - 1, upto, month) mb on mb.bucket = b.bucket
  left join inv on inv.day = b.bucket
  left join counted v on v.day = b.bucket;
  delete from public.cluster_numbers_member_activity d where d.cluster_id = cluster and d.month = refresh_cluster_numbers_month.month;
  insert into public.cluster_numbers_member_months (cluster_id, month, workshop_id, views, appearances)
  select cluster, month, c.workshop_id, sum(c.views), sum(c.appearances)
  from public.workshop_daily_counts c
  where c.workshop_id in (select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved')
    and c.day >= month and c.day < upto
  group by c.workshop_id
  having sum(c.views) > 0 or sum(c.appearances) > 0;
  insert into public.cluster_numbers_member_activity (cluster_id, month, workshop_id, last_active)
  with members as (
    select ms.workshop_id from public.cluster_memberships ms where ms.cluster_id = cluster and ms.status = 'approved'
  )
  select cluster, month, a.workshop_id, private.korean_day(max(a.at)) from (
    select q.workshop_id, q.created_at as at from public.quotes q
    where q.workshop_id in (select workshop_id from members)
      and q.created_at >= (month::timestamp at time zone 'Asia/Seoul') and q.created_at < (upto::timestamp at time zone 'Asia/Seoul')
    union all
    select p.workshop_id, p.created_at from public.request_participants p
    where p.source = 'self' and p.workshop_id in (select workshop_id from members)
      and p.created_at >= (month::timestamp at time zone 'Asia/Seoul') and p.created_at < (upto::timestamp at time zone 'Asia/Seoul')
  ) a group by a.workshop_id;
end;
$$;

-- Rolls up one cluster's closed months as of `at`: the months closed since the last run and the
-- months marked dirty. Skips a cluster another instance is refreshing (try-lock). The marks are
-- taken (deleted) before the months are recomputed, in the same transaction: a change committed
-- before the recomputation is in it; one not yet committed has a mark this delete did not see, so
-- the next run recomputes its month again; a failed run gives its marks back.
create or replace function private.refresh_cluster_numbers(cluster uuid, at timestamptz) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  open_month date := date_trunc('month', at at time zone 'Asia/Seoul')::date;
  rolled date;
  since date;
  months date[];
  m date;
begin
  if not pg_try_advisory_xact_lock(hashtextextended('cluster_numbers_rollup:' || cluster::text, 0)) then
    return 0;
  end if;
  select r.rolled_until into rolled from public.cluster_numbers_rollups r where r.cluster_id = cluster;
  if rolled is null then
    since := date_trunc('month', least(
        (select min(ms.created_at) from public.cluster_memberships ms where ms.cluster_id = cluster),
        (select min(rc.created_at) from public.request_clusters rc where rc.cluster_id = cluster),
        (select c.created_at from public.clusters c where c.id = cluster)) at time zone 'Asia/Seoul')::date;
  end if;
  with taken as (
    delete from private.cluster_numbers_dirty d where d.cluster_id = cluster and d.month < open_month returning d.month
  )
  select array_agg(distinct x order by x) into months from (
    select t.month as x from taken t
    union
    select g::date from generate_series(coalesce(rolled, since)::timestamp, (open_month - interval '1 month'), interval '1 month') g
  ) y;
  foreach m in array coalesce(months, '{}') loop
    perform private.refresh_cluster_numbers_month(cluster, m);
  end loop;
  if months is not null or rolled is null or rolled < open_month then
    insert into public.cluster_numbers_rollups as r (cluster_id, rolled_until, refreshed_at) values (cluster, open_month, now())
    on conflict (cluster_id) do update set rolled_until = greatest(r.rolled_until, excluded.rolled_until), refreshed_at = now();
  end if;
  return coalesce(cardinality(months), 0);
end;
$$;

-- Every cluster (or the given ones); returns how many cluster-months were recomputed.
create or replace function private.refresh_all_cluster_numbers(at timestamptz, clusters uuid[] default null) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c uuid;
  n int := 0;
begin
  for c in select cl.id from public.clusters cl where clusters is null or cl.id = any(clusters) order by cl.id loop
    n := n + private.refresh_cluster_numbers(c, at);
  end loop;
  return n;
end;
$$;

-- ---------------------------------------------------------------- dirty marks
-- Routed requests: the day they were routed (requests section).
create or replace function private.numbers_dirty_routed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.mark_numbers_dirty(array[old.cluster_id], array[private.korean_day(old.created_at)]);
  end if;
  if tg_op <> 'DELETE' then
    perform private.mark_numbers_dirty(array[new.cluster_id], array[private.korean_day(new.created_at)]);
  end if;
  return null;
end;
$$;
create trigger request_clusters_numbers_dirty after insert or delete or update on public.request_clusters
  for each row execute function private.numbers_dirty_routed();

-- What one workshop's quote or participation on one request moves: the request's routing days
-- (requests), the workshop's invitations and forwards on it (responses) and, for an activity on
-- `day` (a quote, joining by itself), the days it makes the workshop active in its clusters.
create or replace function private.mark_numbers_work(request uuid, workshop uuid, activity date) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.mark_numbers_dirty(array_agg(rc.cluster_id), array_agg(private.korean_day(rc.created_at)))
  from public.request_clusters rc where rc.request_id = request;
  perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(private.korean_day(p.created_at)))
  from public.request_participants p join public.cluster_memberships ms on ms.workshop_id = p.workshop_id
  where p.request_id = request and p.workshop_id = workshop and p.source in ('invited', 'forwarded');
  if activity is not null and activity + 1 < private.numbers_open_month() then
    perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(d))
    from public.cluster_memberships ms cross join unnest(private.numbers_active_days(activity)) d
    where ms.workshop_id = workshop;
  end if;
end;
$$;

create or replace function private.numbers_dirty_quote() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.mark_numbers_work(old.request_id, old.workshop_id, private.korean_day(old.created_at));
  end if;
  if tg_op <> 'DELETE' then
    perform private.mark_numbers_work(new.request_id, new.workshop_id, private.korean_day(new.created_at));
  end if;
  return null;
end;
$$;
create trigger quotes_numbers_dirty after insert or delete or update of request_id, workshop_id, status, price_krw, created_at
  on public.quotes for each row execute function private.numbers_dirty_quote();

create or replace function private.numbers_dirty_participant() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.mark_numbers_work(old.request_id, old.workshop_id,
      case when old.source = 'self' then private.korean_day(old.created_at) end);
    perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(private.korean_day(old.created_at)))
    from public.cluster_memberships ms where ms.workshop_id = old.workshop_id and old.source in ('invited', 'forwarded');
  end if;
  if tg_op <> 'DELETE' then
    perform private.mark_numbers_work(new.request_id, new.workshop_id,
      case when new.source = 'self' then private.korean_day(new.created_at) end);
  end if;
  return null;
end;
$$;
create trigger request_participants_numbers_dirty after insert or delete or update of request_id, workshop_id, source, created_at
  on public.request_participants for each row execute function private.numbers_dirty_participant();

-- A message can be the first answer to an invitation or forward of its conversation's workshop.
create or replace function private.numbers_dirty_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  conversation uuid := case when tg_op = 'DELETE' then old.conversation_id else new.conversation_id end;
begin
  perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(private.korean_day(p.created_at)))
  from public.conversations c
  join public.request_participants p on p.request_id = c.request_id and p.workshop_id = c.workshop_id and p.source in ('invited', 'forwarded')
  join public.cluster_memberships ms on ms.workshop_id = c.workshop_id
  where c.id = conversation and p.created_at < (private.numbers_open_month()::timestamp at time zone 'Asia/Seoul');
  return null;
end;
$$;
create trigger messages_numbers_dirty after insert or delete or update of sender_id, created_at, conversation_id
  on public.messages for each row execute function private.numbers_dirty_message();

-- Who counts as the requester's side (a deleted account's requests).
create or replace function private.numbers_dirty_request_owner() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(private.korean_day(p.created_at)))
  from public.request_participants p join public.cluster_memberships ms on ms.workshop_id = p.workshop_id
  where p.request_id = new.id and p.source in ('invited', 'forwarded');
  return null;
end;
$$;
create trigger requests_numbers_dirty after update of owner_id on public.requests
  for each row when (old.owner_id is distinct from new.owner_id) execute function private.numbers_dirty_request_owner();

-- A membership decided, removed or changed: everything of the workshop the cluster counts.
create or replace function private.mark_numbers_member(cluster uuid, workshop uuid, status text, decided timestamptz) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- requests routed to the cluster that it quoted or was forwarded
  perform private.mark_numbers_dirty(array_agg(cluster), array_agg(private.korean_day(rc.created_at)))
  from public.request_clusters rc
  where rc.cluster_id = cluster and rc.request_id in (
    select q.request_id from public.quotes q where q.workshop_id = workshop
    union select p.request_id from public.request_participants p where p.workshop_id = workshop and p.source = 'forwarded');
  -- its invitations and forwards, its views
  perform private.mark_numbers_dirty(array_agg(cluster), array_agg(private.korean_day(p.created_at)))
  from public.request_participants p where p.workshop_id = workshop and p.source in ('invited', 'forwarded');
  perform private.mark_numbers_dirty(array_agg(cluster), array_agg(c.day))
  from public.workshop_daily_counts c where c.workshop_id = workshop and c.day < private.numbers_open_month();
  -- its activity (the months' last activity of the members, and the months it makes it active in)
  perform private.mark_numbers_dirty(array_agg(cluster), array_agg(d))
  from (select q.created_at from public.quotes q where q.workshop_id = workshop
        union all select p.created_at from public.request_participants p where p.workshop_id = workshop and p.source = 'self') a
  cross join unnest(private.numbers_active_days(private.korean_day(a.created_at))) d;
  -- an approved member counts (active, verified, accepting) at every day's end after its decision
  if status = 'approved' and decided is not null then
    perform private.mark_numbers_dirty(array_agg(cluster), array_agg(g::date))
    from generate_series(date_trunc('month', private.korean_day(decided)::timestamp),
                         (private.numbers_open_month() - interval '1 month')::timestamp, interval '1 month') g;
  end if;
end;
$$;

create or replace function private.numbers_dirty_membership() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.mark_numbers_member(old.cluster_id, old.workshop_id, old.status, coalesce(old.decided_at, old.created_at));
  end if;
  if tg_op <> 'DELETE' then
    perform private.mark_numbers_member(new.cluster_id, new.workshop_id, new.status, coalesce(new.decided_at, new.created_at));
  end if;
  return null;
end;
$$;
create trigger cluster_memberships_numbers_dirty after insert or delete on public.cluster_memberships
  for each row execute function private.numbers_dirty_membership();
create trigger cluster_memberships_numbers_dirty_update after update on public.cluster_memberships
  for each row when (old.status is distinct from new.status or old.decided_at is distinct from new.decided_at
    or old.created_at is distinct from new.created_at or old.workshop_id is distinct from new.workshop_id
    or old.cluster_id is distinct from new.cluster_id)
  execute function private.numbers_dirty_membership();

-- Daily counts are written for today; a count for a closed day (a correction, an import) marks it.
create or replace function private.numbers_dirty_counts() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(old.day))
    from public.cluster_memberships ms where ms.workshop_id = old.workshop_id;
  end if;
  if tg_op <> 'DELETE' then
    perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(new.day))
    from public.cluster_memberships ms where ms.workshop_id = new.workshop_id;
  end if;
  return null;
end;
$$;
-- (The app's own counting writes today's rows: the conditions keep the function out of that path.)
create trigger workshop_daily_counts_numbers_dirty after insert on public.workshop_daily_counts
  for each row when (new.day < private.numbers_open_month()) execute function private.numbers_dirty_counts();
create trigger workshop_daily_counts_numbers_dirty_update after update on public.workshop_daily_counts
  for each row when (new.day < private.numbers_open_month() or old.day < private.numbers_open_month())
  execute function private.numbers_dirty_counts();
create trigger workshop_daily_counts_numbers_dirty_delete after delete on public.workshop_daily_counts
  for each row when (old.day < private.numbers_open_month()) execute function private.numbers_dirty_counts();

-- A flag change recorded now only moves the running month; one dated in a closed month (copied in,
-- corrected) moves the member's flags at every day's end since its decision.
create or replace function private.numbers_dirty_flags() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.at < (private.numbers_open_month()::timestamp at time zone 'Asia/Seoul') then
    perform private.mark_numbers_dirty(array_agg(ms.cluster_id), array_agg(g::date))
    from public.cluster_memberships ms
    cross join lateral generate_series(date_trunc('month', private.korean_day(coalesce(ms.decided_at, ms.created_at))::timestamp),
                                       (private.numbers_open_month() - interval '1 month')::timestamp, interval '1 month') g
    where ms.workshop_id = new.workshop_id and ms.status = 'approved';
  end if;
  return null;
end;
$$;
create trigger workshop_flag_changes_numbers_dirty after insert on public.workshop_flag_changes
  for each row execute function private.numbers_dirty_flags();

-- ---------------------------------------------------------------- the flags' changes on the page
-- The approved members' flag changes in the period (Korean days [first_day, upto)), newest first.
create or replace function private.cluster_numbers_flag_changes(cluster uuid, first_day date, upto date, max_rows int)
returns table (at timestamptz, workshop_id uuid, name_ko text, name_en text, flag text, after boolean, by_role text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.check_cluster_numbers(cluster);
  return query
  select c.at, w.id, w.name_ko, w.name_en, c.flag, c.after, c.by_role
  from public.workshop_flag_changes c
  join public.cluster_memberships ms on ms.workshop_id = c.workshop_id and ms.cluster_id = cluster and ms.status = 'approved'
  join public.workshops w on w.id = c.workshop_id
  where c.at >= (first_day::timestamp at time zone 'Asia/Seoul') and c.at < (upto::timestamp at time zone 'Asia/Seoul')
  order by c.at desc, c.id desc
  limit least(max_rows, 1000);
end;
$$;
create index workshop_flag_changes_at_idx on public.workshop_flag_changes (at);
revoke all on function private.cluster_numbers_flag_changes(uuid, date, date, int) from public, anon;
grant execute on function private.cluster_numbers_flag_changes(uuid, date, date, int) to authenticated, service_role;

-- ---------------------------------------------------------------- grants
revoke all on function private.record_flag_changes(), private.korean_day(timestamptz), private.numbers_open_month(),
  private.cluster_numbers_rolled(uuid, date), private.mark_numbers_dirty(uuid[], date[]), private.numbers_active_days(date),
  private.cluster_numbers_members_live(uuid, text, date, date, date, date, boolean), private.cluster_numbers_requests_live(uuid, text, date, date, date),
  private.cluster_numbers_invitations_live(uuid, date, date), private.refresh_cluster_numbers_month(uuid, date),
  private.refresh_cluster_numbers(uuid, timestamptz), private.refresh_all_cluster_numbers(timestamptz, uuid[]),
  private.numbers_dirty_routed(), private.mark_numbers_work(uuid, uuid, date), private.numbers_dirty_quote(),
  private.numbers_dirty_participant(), private.numbers_dirty_message(), private.numbers_dirty_request_owner(),
  private.mark_numbers_member(uuid, uuid, text, timestamptz), private.numbers_dirty_membership(), private.numbers_dirty_counts(),
  private.numbers_dirty_flags() from public, anon, authenticated;
grant execute on function private.refresh_all_cluster_numbers(timestamptz, uuid[]), private.refresh_cluster_numbers(uuid, timestamptz)
  to service_role;
grant execute on function private.cluster_numbers_members(uuid, text, date, date, date), private.cluster_numbers_requests(uuid, text, date, date, date),
  private.cluster_numbers_responses(uuid, text, date, date, date), private.cluster_numbers_views(uuid, text, date, date, date)
  to authenticated, service_role;
