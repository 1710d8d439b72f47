-- Requests for manufacturing and everything around them: startups post requests (drafts kept), route
-- them to the clusters whose specialty they need and invite workshops; managers forward them to members
-- with a note; workshops join public requests, accept the request's NDA, open its drawings (every
-- opening logged for the owner), quote and revise; both sides talk in one conversation per request and
-- workshop; notifications are written by triggers in the same transaction as the change, and mail for
-- them goes through the outbox (topic mail.notification) to the mail port. The embedded mail adapter's
-- sent mail lands in dev_mailbox.
--
-- Who acts for a workshop: its owner; for a member without an account (owner_id null), the managers
-- of the clusters it is an approved member of (private.acts_for_workshop).
--
-- State machines: the allowed status changes of requests and quotes are the rows of
-- private.request_transition_actor / private.quote_transition_actor below, the same tables as
-- src/lib/domain/request-states.ts and quote-states.ts, which the app checks first to explain. A change allowed
-- to someone else (a workshop accepting its own quote) fails with 42501; a change allowed to nobody
-- (awarded → open) fails with 23514.

-- ---------------------------------------------------------------- notification kinds
create domain public.notification_kind as text check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded'
));
comment on domain public.notification_kind is 'What a notification is about; users can turn email off per kind.';

-- ---------------------------------------------------------------- requests
create table public.requests (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references public.profiles (id) on delete cascade,
  company_id uuid references public.companies (id) on delete set null,
  template text not null default 'general'
    check (template in ('jewelry', 'shoes', 'machine_metal', 'printing', 'general')),
  trade_code text references public.trades (ksic_code),
  title text not null default '' check (length(title) <= 120),
  description text not null default '' check (length(description) <= 8000),
  -- The template's own fields (metal, karat, last, tolerance, paper …), validated by the app's schemas.
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  quantity int check (quantity between 1 and 100000000),
  budget_min_krw int check (budget_min_krw >= 0),
  budget_max_krw int check (budget_max_krw >= 0),
  deadline date,
  delivery_place text not null default '' check (length(delivery_place) <= 200),
  visibility text not null default 'public' check (visibility in ('public', 'invited')),
  nda_required boolean not null default false,
  nda_text text check (length(nda_text) <= 8000),
  required_processes text[] not null default '{}' check (cardinality(required_processes) <= 30),
  -- Where the startup is, for distance in matching: copied from the company (or its startup cluster).
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  status text not null default 'draft' check (status in ('draft', 'open', 'awarded', 'closed', 'cancelled')),
  awarded_quote_id uuid,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint requests_budget_range check (budget_min_krw <= budget_max_krw),
  constraint requests_nda_text check (not nda_required or length(btrim(coalesce(nda_text, ''))) > 0),
  -- Drafts may be incomplete; what others see has at least a title. A draft can be cancelled unpublished.
  constraint requests_published_title check (published_at is null or length(btrim(title)) > 0),
  constraint requests_published_at check (
    (status <> 'draft' or published_at is null)
    and (status not in ('open', 'awarded', 'closed') or published_at is not null)),
  constraint requests_awarded_quote check ((status = 'awarded') = (awarded_quote_id is not null))
);
comment on table public.requests is 'A startup''s request for manufacturing (per-trade template, budget in won, deadline, visibility, optional NDA); unpublished ones (published_at null) are seen by their owner only.';
create index requests_owner_id_idx on public.requests (owner_id);
create index requests_company_id_idx on public.requests (company_id);
create index requests_trade_code_idx on public.requests (trade_code);
create index requests_listing_idx on public.requests (status, visibility, published_at desc);
alter table public.requests enable row level security;

-- ---------------------------------------------------------------- quotes
create table public.quotes (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.requests (id) on delete cascade,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  status text not null default 'submitted'
    check (status in ('submitted', 'revision_requested', 'accepted', 'declined', 'withdrawn', 'not_selected')),
  price_krw int not null check (price_krw > 0),
  lead_time_days int not null check (lead_time_days between 1 and 730),
  valid_until date not null,
  notes text not null default '' check (length(notes) <= 4000),
  -- Counts the versions of the terms; quote_revisions keeps each one.
  revision int not null default 1 check (revision >= 1),
  -- The startup's counter-offer when it asks for a revision.
  revision_note text check (length(revision_note) <= 2000),
  -- Why the startup declined or the workshop withdrew.
  reason text check (length(reason) <= 1000),
  submitted_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Lets attachments and requests.awarded_quote_id point at a quote of the same request.
  unique (id, request_id),
  check (status not in ('declined', 'withdrawn') or length(btrim(coalesce(reason, ''))) > 0),
  check (status <> 'revision_requested' or length(btrim(coalesce(revision_note, ''))) > 0)
);
comment on table public.quotes is 'A workshop''s answer to a request: price in won, lead time, validity; revised on the startup''s counter-offer, accepted, declined, withdrawn or not selected.';
-- One live quote per workshop and request; after a decline or withdrawal the workshop may quote anew.
create unique index quotes_live_per_workshop_idx on public.quotes (request_id, workshop_id)
  where status in ('submitted', 'revision_requested', 'accepted');
create unique index quotes_one_accepted_idx on public.quotes (request_id) where status = 'accepted';
create index quotes_request_id_idx on public.quotes (request_id);
create index quotes_workshop_id_idx on public.quotes (workshop_id);
create index quotes_submitted_by_idx on public.quotes (submitted_by);
alter table public.quotes enable row level security;

alter table public.requests add constraint requests_awarded_quote_fkey
  foreign key (awarded_quote_id, id) references public.quotes (id, request_id);
create index requests_awarded_quote_id_idx on public.requests (awarded_quote_id);

create table public.quote_revisions (
  quote_id uuid not null references public.quotes (id) on delete cascade,
  revision int not null,
  price_krw int not null,
  lead_time_days int not null,
  valid_until date not null,
  notes text not null,
  -- The startup's counter-offer this revision answered (null for the first).
  answered_note text,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (quote_id, revision)
);
comment on table public.quote_revisions is 'Every version of a quote''s terms, written by a trigger when a quote is submitted or revised.';
create index quote_revisions_created_by_idx on public.quote_revisions (created_by);
alter table public.quote_revisions enable row level security;

-- ---------------------------------------------------------------- participants and routing
create table public.request_participants (
  request_id uuid not null references public.requests (id) on delete cascade,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  source text not null check (source in ('invited', 'recommended', 'forwarded', 'self')),
  invited_by uuid references public.profiles (id) on delete set null,
  -- A manager's recommendation when forwarding.
  note text check (length(note) <= 2000),
  nda_accepted_at timestamptz,
  nda_accepted_by uuid references public.profiles (id) on delete set null,
  declined_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (request_id, workshop_id)
);
comment on table public.request_participants is 'Workshops taking part in a request: invited by the owner, forwarded by a cluster manager, or joined by themselves (public requests); with NDA acceptance.';
create index request_participants_workshop_id_idx on public.request_participants (workshop_id);
create index request_participants_invited_by_idx on public.request_participants (invited_by);
create index request_participants_nda_accepted_by_idx on public.request_participants (nda_accepted_by);
alter table public.request_participants enable row level security;

create table public.request_clusters (
  request_id uuid not null references public.requests (id) on delete cascade,
  cluster_id uuid not null references public.clusters (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (request_id, cluster_id)
);
comment on table public.request_clusters is 'Cluster routing: the craft clusters whose inbox a request lands in (their specialty fits), set by the owner''s publish.';
create index request_clusters_cluster_id_idx on public.request_clusters (cluster_id);
alter table public.request_clusters enable row level security;

-- ---------------------------------------------------------------- conversations
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.requests (id) on delete cascade,
  workshop_id uuid not null references public.workshops (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_message_at timestamptz,
  unique (request_id, workshop_id)
);
comment on table public.conversations is 'One thread per request and workshop, between the request''s owner and the workshop''s actors.';
create index conversations_workshop_id_idx on public.conversations (workshop_id);
alter table public.conversations enable row level security;

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  sender_id uuid references public.profiles (id) on delete set null,
  body text not null check (length(btrim(body)) >= 1 and length(body) <= 4000),
  created_at timestamptz not null default now()
);
comment on table public.messages is 'Messages of a conversation; never edited or deleted. Each insert is announced on channel messages (payload: conversation id).';
create index messages_conversation_created_idx on public.messages (conversation_id, created_at);
create index messages_sender_id_idx on public.messages (sender_id);
alter table public.messages enable row level security;

create table public.conversation_reads (
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  last_read_at timestamptz not null default now(),
  primary key (conversation_id, user_id)
);
comment on table public.conversation_reads is 'Read markers: messages after last_read_at from someone else are unread.';
create index conversation_reads_user_id_idx on public.conversation_reads (user_id);
alter table public.conversation_reads enable row level security;

-- ---------------------------------------------------------------- attachments
create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.requests (id) on delete cascade,
  quote_id uuid,
  message_id uuid references public.messages (id) on delete cascade,
  path text not null unique check (length(path) between 1 and 500),
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null check (length(content_type) between 3 and 255),
  size_bytes int not null check (size_bytes >= 0),
  uploaded_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (quote_id, request_id) references public.quotes (id, request_id) on delete cascade,
  check (quote_id is null or message_id is null)
);
comment on table public.attachments is 'Files of a request (drawings, CAD, PDFs), of a quote or of a message, kept in the storage port at path. Metadata follows the row it belongs to; opening a request''s file needs private.can_open_attachments.';
create index attachments_request_id_idx on public.attachments (request_id);
create index attachments_quote_id_idx on public.attachments (quote_id);
create index attachments_message_id_idx on public.attachments (message_id);
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);
alter table public.attachments enable row level security;

create table public.attachment_access_log (
  id bigserial primary key,
  attachment_id uuid not null references public.attachments (id) on delete cascade,
  request_id uuid not null references public.requests (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- The workshop the user opened it for, when they act for a participant.
  workshop_id uuid references public.workshops (id) on delete set null,
  opened_at timestamptz not null default now()
);
comment on table public.attachment_access_log is 'Every opening of an attachment: the request''s owner sees who opened what, and when.';
create index attachment_access_log_attachment_id_idx on public.attachment_access_log (attachment_id);
create index attachment_access_log_request_id_idx on public.attachment_access_log (request_id, opened_at desc);
create index attachment_access_log_user_id_idx on public.attachment_access_log (user_id);
create index attachment_access_log_workshop_id_idx on public.attachment_access_log (workshop_id);
alter table public.attachment_access_log enable row level security;

-- ---------------------------------------------------------------- notifications
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  -- Ids and titles to show and link the notification without more queries (request_id, quote_id …).
  payload jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
  read_at timestamptz,
  -- Set by the mail drain once the email went out, so a retried outbox row never mails twice.
  emailed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.notifications is 'In-app notifications, written by triggers through private.notify; an email is queued in the outbox unless the user turned that kind off.';
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
create index notifications_user_unread_idx on public.notifications (user_id) where read_at is null;
alter table public.notifications enable row level security;

create table public.notification_preferences (
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  email boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);
comment on table public.notification_preferences is 'Per user and kind: whether to email it. No row means yes.';
alter table public.notification_preferences enable row level security;

-- ---------------------------------------------------------------- dev mailbox
create table public.dev_mailbox (
  id bigserial primary key,
  to_email text not null,
  subject text not null,
  text text not null,
  html text,
  created_at timestamptz not null default now()
);
comment on table public.dev_mailbox is 'Mail "sent" by the embedded mail adapter, shown to operators on the dev mailbox page instead of leaving the machine.';
create index dev_mailbox_created_at_idx on public.dev_mailbox (created_at desc);
alter table public.dev_mailbox enable row level security;

-- ---------------------------------------------------------------- helpers for policies
-- security definer: the policies of these tables refer to each other (a request is visible to its
-- participants, a participant row to the request's owner), so these read the tables without RLS.
-- Every one answers only about the calling user.

create or replace function private.acts_for_workshop(workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.workshops w
    where w.id = workshop
      and (w.owner_id = (select auth.uid()) or (w.owner_id is null and private.manages_member(w.id)))
  )
$$;
comment on function private.acts_for_workshop is 'The caller speaks for the workshop: its owner, or for a member without an account the managers of its approved clusters.';

create or replace function private.owns_request(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.requests where id = request and owner_id = (select auth.uid())) $$;

create or replace function private.request_status(request uuid) returns text
language sql stable security definer set search_path = ''
as $$ select status from public.requests where id = request $$;

create or replace function private.manages_routed_request(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.request_clusters rc
    join public.cluster_managers cm on cm.cluster_id = rc.cluster_id
    where rc.request_id = request and cm.user_id = (select auth.uid())
  )
$$;
comment on function private.manages_routed_request is 'The caller manages a cluster the request is routed to.';

create or replace function private.acts_for_request(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.request_participants p
    where p.request_id = request and private.acts_for_workshop(p.workshop_id)
  )
$$;
comment on function private.acts_for_request is 'The caller acts for a workshop taking part in the request (declined or not).';

create or replace function private.can_see_request(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.requests r
    where r.id = request
      and (r.owner_id = (select auth.uid())
           or (r.published_at is not null
               and ((r.visibility = 'public' and r.status in ('open', 'awarded', 'closed'))
                    or private.acts_for_request(r.id)
                    or private.manages_routed_request(r.id))))
  )
$$;
comment on function private.can_see_request is 'Same rule as the requests select policy: owner; public published requests; participants'' actors and managers of routed clusters.';

create or replace function private.can_open_attachments(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.requests r
    where r.id = request
      and (r.owner_id = (select auth.uid())
           or (r.published_at is not null
               and (private.manages_routed_request(r.id)
                    or exists (
                      select 1 from public.request_participants p
                      where p.request_id = r.id and p.declined_at is null
                        and (not r.nda_required or p.nda_accepted_at is not null)
                        and private.acts_for_workshop(p.workshop_id)))))
  )
$$;
comment on function private.can_open_attachments is 'Who may open a request''s own files (drawings): the owner, managers of routed clusters, and actors of participating workshops that accepted the NDA (or there is none).';

create or replace function private.can_see_quote(quote uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.quotes q
    where q.id = quote and (private.acts_for_workshop(q.workshop_id) or private.owns_request(q.request_id))
  )
$$;

create or replace function private.acts_for_quote(quote uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.quotes q where q.id = quote and private.acts_for_workshop(q.workshop_id)) $$;

create or replace function private.can_see_conversation(conversation uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.conversations c
    where c.id = conversation and (private.owns_request(c.request_id) or private.acts_for_workshop(c.workshop_id))
  )
$$;

create or replace function private.can_see_message(message uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.messages m where m.id = message and private.can_see_conversation(m.conversation_id)
  )
$$;

create or replace function private.sent_message_on(message uuid, request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.messages m join public.conversations c on c.id = m.conversation_id
    where m.id = message and c.request_id = request and m.sender_id = (select auth.uid())
  )
$$;

create or replace function private.can_open_attachment(attachment uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.attachments a
    where a.id = attachment
      and case
        when a.quote_id is not null then private.can_see_quote(a.quote_id)
        when a.message_id is not null then private.can_see_message(a.message_id)
        else private.can_open_attachments(a.request_id)
      end
  )
$$;
comment on function private.can_open_attachment is 'A request''s file: can_open_attachments; a quote''s or a message''s file: whoever sees that quote or conversation.';

create or replace function private.is_participant(request uuid, workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.request_participants
    where request_id = request and workshop_id = workshop and declined_at is null
  )
$$;

create or replace function private.can_forward(request uuid, workshop uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.request_clusters rc
    join public.cluster_managers cm on cm.cluster_id = rc.cluster_id and cm.user_id = (select auth.uid())
    join public.cluster_memberships m on m.cluster_id = rc.cluster_id and m.workshop_id = workshop and m.status = 'approved'
    where rc.request_id = request
  )
$$;
comment on function private.can_forward is 'The caller manages a cluster the request is routed to, and the workshop is an approved member of it.';

create or replace function private.request_is_public_and_open(request uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.requests where id = request and visibility = 'public' and status = 'open') $$;

-- Opening a file, as the app does it: check, log, and give back where the file is. security invoker,
-- so the log row goes through the access log's insert policy like any other.
create or replace function private.open_attachment(attachment uuid)
returns table (path text, filename text, content_type text, size_bytes int)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
begin
  if not private.can_open_attachment(attachment) then
    raise exception 'you may not open this attachment' using errcode = '42501';
  end if;
  insert into public.attachment_access_log (attachment_id, user_id) values (attachment, (select auth.uid()));
  return query select a.path, a.filename, a.content_type, a.size_bytes from public.attachments a where a.id = attachment;
end;
$$;
comment on function private.open_attachment is 'Checks that the caller may open the attachment, logs the opening, and returns its storage path; 42501 otherwise.';

-- ---------------------------------------------------------------- state machines
create or replace function private.request_transition_actor(from_status text, to_status text) returns text
language sql immutable set search_path = ''
as $$
  select t.actor from (values
    ('draft', 'open', 'owner'),         -- publish
    ('open', 'awarded', 'system'),      -- award: the owner accepts a quote (quotes trigger); final
    ('open', 'closed', 'owner'),        -- close: stop taking quotes without choosing
    ('closed', 'open', 'owner'),        -- reopen
    ('draft', 'cancelled', 'owner'),    -- cancel, before anyone was promised the work
    ('open', 'cancelled', 'owner'),
    ('closed', 'cancelled', 'owner')
  ) as t (from_status, to_status, actor)
  where t.from_status = $1 and t.to_status = $2
$$;
comment on function private.request_transition_actor is 'The request state machine: who may move a request from one status to another (null: nobody).';

create or replace function private.quote_transition_actor(from_status text, to_status text) returns text
language sql immutable set search_path = ''
as $$
  select t.actor from (values
    ('submitted', 'submitted', 'workshop'),            -- revise the terms unasked
    ('revision_requested', 'submitted', 'workshop'),   -- answer the counter-offer
    ('submitted', 'withdrawn', 'workshop'),
    ('revision_requested', 'withdrawn', 'workshop'),
    ('submitted', 'revision_requested', 'owner'),      -- counter-offer
    ('submitted', 'accepted', 'owner'),                -- not while under revision: its price is changing
    ('submitted', 'declined', 'owner'),
    ('revision_requested', 'declined', 'owner'),
    ('submitted', 'not_selected', 'system'),           -- another quote was accepted, or the request ended
    ('revision_requested', 'not_selected', 'system')
  ) as t (from_status, to_status, actor)
  where t.from_status = $1 and t.to_status = $2
$$;
comment on function private.quote_transition_actor is 'The quote state machine: who may move a quote from one status to another (null: nobody).';

-- ---------------------------------------------------------------- notifications
-- Who hears for a workshop: its owner, or for a member without an account its clusters' managers.
create or replace function private.workshop_recipients(workshop uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select w.owner_id from public.workshops w where w.id = workshop and w.owner_id is not null
  union
  select cm.user_id from public.workshops w
  join public.cluster_memberships m on m.workshop_id = w.id and m.status = 'approved'
  join public.cluster_managers cm on cm.cluster_id = m.cluster_id
  where w.id = workshop and w.owner_id is null
$$;

-- The one way notifications are written. Nobody is notified of their own action. Messages coalesce:
-- while a conversation's message notification is unread, later messages update it instead of adding
-- (and mailing) another.
create or replace function private.notify(recipient uuid, what public.notification_kind, payload jsonb) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if recipient is null or recipient = (select auth.uid()) then
    return;
  end if;
  if what = 'message' then
    update public.notifications n
    set payload = n.payload || notify.payload
                  || jsonb_build_object('count', coalesce((n.payload ->> 'count')::int, 1) + 1),
        created_at = now()
    where n.user_id = recipient and n.kind = 'message' and n.read_at is null
      and n.payload ->> 'conversation_id' = notify.payload ->> 'conversation_id';
    if found then
      return;
    end if;
  end if;
  insert into public.notifications (user_id, kind, payload) values (recipient, what, payload);
end;
$$;
comment on function private.notify is 'Writes a notification (called by triggers only); skips the acting user; coalesces unread message notifications per conversation.';

-- plpgsql, not sql: a sql function returning void may stop after the first row of its last select.
create or replace function private.notify_workshop(workshop uuid, what public.notification_kind, payload jsonb) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  recipient uuid;
begin
  for recipient in select r from private.workshop_recipients(workshop) as r loop
    perform private.notify(recipient, what, payload);
  end loop;
end;
$$;

-- Mail for a notification goes through the outbox, in the same transaction, unless turned off.
create or replace function private.notification_enqueue_mail() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if coalesce((select p.email from public.notification_preferences p
               where p.user_id = new.user_id and p.kind = new.kind), true) then
    perform private.enqueue_outbox('mail.notification', new.id::text);
  end if;
  -- Live unread badges: delivered on commit to whoever listens.
  perform pg_notify('notifications', new.user_id::text);
  return null;
end;
$$;
create trigger notifications_enqueue_mail after insert on public.notifications
  for each row execute function private.notification_enqueue_mail();

create or replace function private.request_summary(request uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('request_id', r.id, 'request_title', r.title, 'request_status', r.status)
  from public.requests r where r.id = request
$$;

create or replace function private.workshop_summary(workshop uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$ select jsonb_build_object('workshop_id', w.id, 'workshop_name', w.name_ko) from public.workshops w where w.id = workshop $$;

-- The mail drain runs as service_role (the outbox worker), which has no access to auth.users.
create or replace function private.user_email(target uuid) returns text
language sql stable security definer set search_path = ''
as $$ select u.email::text from auth.users u where u.id = target $$;
comment on function private.user_email is 'A user''s email address, for the mail drain (service_role only).';

-- ---------------------------------------------------------------- triggers: requests
create or replace function private.request_location(company uuid, out lat double precision, out lng double precision)
language sql stable security definer set search_path = ''
as $$
  select case when c.lat is not null and c.lng is not null then c.lat else z.lat end,
         case when c.lat is not null and c.lng is not null then c.lng else z.lng end
  from public.companies c left join public.clusters z on z.id = c.startup_cluster_id
  where c.id = company
$$;

create or replace function private.guard_request() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  by_user boolean := current_user in ('anon', 'authenticated');
  actor text;
  loc record;
begin
  if tg_op = 'INSERT' then
    new.published_at := case when new.status = 'draft' then null else now() end;
    new.created_at := now();
  else
    if by_user and new.owner_id is distinct from old.owner_id then
      raise exception 'the owner of a request cannot be changed' using errcode = '42501';
    end if;
    if new.status is distinct from old.status then
      actor := private.request_transition_actor(old.status, new.status);
      if actor is null then
        raise exception 'a request cannot go from % to %', old.status, new.status using errcode = '23514';
      end if;
      if by_user and actor <> 'owner' then
        raise exception 'a request is awarded by accepting one of its quotes' using errcode = '42501';
      end if;
      if old.published_at is null and new.status = 'open' then
        new.published_at := now();
      end if;
    end if;
    if by_user then
      if new.awarded_quote_id is distinct from old.awarded_quote_id then
        raise exception 'a request is awarded by accepting one of its quotes' using errcode = '42501';
      end if;
      -- Workshops accepted these terms; they stay what was accepted.
      if old.published_at is not null
         and (new.nda_required, new.nda_text) is distinct from (old.nda_required, old.nda_text) then
        raise exception 'the confidentiality terms of a published request cannot change' using errcode = '23514';
      end if;
      if old.status in ('awarded', 'cancelled')
         and (to_jsonb(new) - array['status', 'updated_at']) is distinct from (to_jsonb(old) - array['status', 'updated_at']) then
        raise exception 'a % request can no longer be edited', old.status using errcode = '23514';
      end if;
    end if;
  end if;
  if new.company_id is not null and (tg_op = 'INSERT' or new.company_id is distinct from old.company_id) then
    select * into loc from private.request_location(new.company_id);
    if loc.lat is not null then
      new.lat := loc.lat;
      new.lng := loc.lng;
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger requests_guard before insert or update on public.requests
  for each row execute function private.guard_request();

-- A cancelled request leaves no quote waiting (a closed one may reopen, so its quotes wait).
create or replace function private.request_cancelled() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.quotes set status = 'not_selected'
  where request_id = new.id and status in ('submitted', 'revision_requested');
  return null;
end;
$$;
create trigger requests_cancelled after update of status on public.requests
  for each row when (new.status = 'cancelled' and old.status is distinct from new.status)
  execute function private.request_cancelled();

-- ---------------------------------------------------------------- triggers: participants
create or replace function private.guard_participant() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    if new.nda_accepted_at is distinct from old.nda_accepted_at then
      if old.nda_accepted_at is not null then
        raise exception 'the NDA of this request was already accepted' using errcode = '23514';
      end if;
      new.nda_accepted_at := now();
      new.nda_accepted_by := (select auth.uid());
    end if;
    if new.declined_at is not null and old.declined_at is null then
      new.declined_at := now();
    end if;
  end if;
  return new;
end;
$$;
create trigger request_participants_guard before update on public.request_participants
  for each row execute function private.guard_participant();

create or replace function private.participant_added() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.request_summary(new.request_id) || private.workshop_summary(new.workshop_id);
begin
  if new.source = 'invited' then
    perform private.notify_workshop(new.workshop_id, 'invitation', payload);
  elsif new.source = 'forwarded' then
    -- A member without an account has no one to tell but the managers, and one of them forwarded it.
    perform private.notify(w.owner_id, 'forwarded', payload || jsonb_build_object('note', new.note))
    from public.workshops w where w.id = new.workshop_id;
  end if;
  return null;
end;
$$;
create trigger request_participants_added after insert on public.request_participants
  for each row execute function private.participant_added();

-- ---------------------------------------------------------------- triggers: quotes
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
  terms_changed := (new.price_krw, new.lead_time_days, new.valid_until, new.notes)
    is distinct from (old.price_krw, old.lead_time_days, old.valid_until, old.notes);
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
create trigger quotes_guard before insert or update on public.quotes
  for each row execute function private.guard_quote();

create or replace function private.quote_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.request_summary(new.request_id) || private.workshop_summary(new.workshop_id)
    || jsonb_build_object('quote_id', new.id, 'price_krw', new.price_krw, 'lead_time_days', new.lead_time_days,
                          'revision', new.revision);
  request_owner uuid := (select r.owner_id from public.requests r where r.id = new.request_id);
begin
  if tg_op = 'INSERT' or new.revision <> old.revision then
    insert into public.quote_revisions (quote_id, revision, price_krw, lead_time_days, valid_until, notes, answered_note, created_by)
    values (new.id, new.revision, new.price_krw, new.lead_time_days, new.valid_until, new.notes,
            case when tg_op = 'UPDATE' and old.status = 'revision_requested' then old.revision_note end,
            (select auth.uid()));
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
        -- Accepting one quote awards the request and closes it to the others (each one told).
        update public.requests set status = 'awarded', awarded_quote_id = new.id where id = new.request_id;
        update public.quotes set status = 'not_selected'
        where request_id = new.request_id and id <> new.id and status in ('submitted', 'revision_requested');
        perform private.notify_workshop(new.workshop_id, 'quote_accepted', payload);
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
create trigger quotes_changed after insert or update on public.quotes
  for each row execute function private.quote_changed();

-- ---------------------------------------------------------------- triggers: access log, messages
create or replace function private.fill_access_log() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.request_id := (select a.request_id from public.attachments a where a.id = new.attachment_id);
  new.opened_at := now();
  if new.workshop_id is null then
    new.workshop_id := (
      select p.workshop_id from public.request_participants p
      where p.request_id = new.request_id and private.acts_for_workshop(p.workshop_id)
      order by p.nda_accepted_at is null, p.created_at
      limit 1);
  end if;
  return new;
end;
$$;
create trigger attachment_access_log_fill before insert on public.attachment_access_log
  for each row execute function private.fill_access_log();

create or replace function private.message_added() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  conv record;
  payload jsonb;
begin
  select c.id, c.request_id, c.workshop_id, r.owner_id into conv
  from public.conversations c join public.requests r on r.id = c.request_id
  where c.id = new.conversation_id;
  update public.conversations set last_message_at = new.created_at where id = conv.id;
  payload := private.request_summary(conv.request_id) || private.workshop_summary(conv.workshop_id)
    || jsonb_build_object('conversation_id', conv.id, 'excerpt', left(new.body, 140));
  if new.sender_id is distinct from conv.owner_id then
    perform private.notify(conv.owner_id, 'message', payload);
  else
    perform private.notify_workshop(conv.workshop_id, 'message', payload);
  end if;
  -- Live threads (SSE over LISTEN messages); delivered on commit.
  perform pg_notify('messages', conv.id::text);
  return null;
end;
$$;
create trigger messages_added after insert on public.messages
  for each row execute function private.message_added();

-- ---------------------------------------------------------------- policies: requests
create policy "owners, participants, routed managers and members see requests" on public.requests
  for select to authenticated
  using (owner_id = (select auth.uid())
         or (published_at is not null
             and ((visibility = 'public' and status in ('open', 'awarded', 'closed'))
                  or (select private.acts_for_request(id))
                  or (select private.manages_routed_request(id)))));
create policy "startups post requests" on public.requests for insert to authenticated
  with check (owner_id = (select auth.uid()) and (select private.app_role()) = 'startup'
              and status in ('draft', 'open') and awarded_quote_id is null
              and (company_id is null
                   or exists (select 1 from public.companies c where c.id = company_id and c.owner_id = (select auth.uid()))));
create policy "owners edit their requests" on public.requests for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid())
              and (company_id is null
                   or exists (select 1 from public.companies c where c.id = company_id and c.owner_id = (select auth.uid()))));
create policy "owners delete their drafts" on public.requests for delete to authenticated
  using (owner_id = (select auth.uid()) and published_at is null);
revoke update on public.requests from anon, authenticated;
grant update (company_id, template, trade_code, title, description, details, quantity, budget_min_krw,
  budget_max_krw, deadline, delivery_place, visibility, nda_required, nda_text, required_processes, lat, lng,
  status) on public.requests to authenticated;

-- ---------------------------------------------------------------- policies: quotes
-- Managers see a member's quotes only when they act for it (members without an account): an online
-- member's prices are its own business with the startup.
create policy "the workshop and the request's owner see a quote" on public.quotes for select to authenticated
  using ((select private.acts_for_workshop(workshop_id)) or (select private.owns_request(request_id)));
create policy "participating workshops quote open requests" on public.quotes for insert to authenticated
  with check (submitted_by = (select auth.uid()) and (select private.acts_for_workshop(workshop_id))
              and (select private.request_status(request_id)) = 'open'
              and (select private.is_participant(request_id, workshop_id)));
create policy "the workshop and the request's owner move a quote" on public.quotes for update to authenticated
  using ((select private.acts_for_workshop(workshop_id)) or (select private.owns_request(request_id)))
  with check ((select private.acts_for_workshop(workshop_id)) or (select private.owns_request(request_id)));
revoke insert, update, delete on public.quotes from anon, authenticated;
grant insert (id, request_id, workshop_id, price_krw, lead_time_days, valid_until, notes, submitted_by)
  on public.quotes to authenticated;
grant update (status, price_krw, lead_time_days, valid_until, notes, revision_note, reason)
  on public.quotes to authenticated;

create policy "quote history follows the quote" on public.quote_revisions for select to authenticated
  using ((select private.can_see_quote(quote_id)));
revoke insert, update, delete on public.quote_revisions from anon, authenticated;

-- ---------------------------------------------------------------- policies: participants
create policy "owners, the workshop and its routed managers see participation" on public.request_participants
  for select to authenticated
  using ((select private.owns_request(request_id)) or (select private.acts_for_workshop(workshop_id))
         or ((select private.manages_member(workshop_id)) and (select private.manages_routed_request(request_id))));
create policy "owners invite, managers forward, workshops join public requests" on public.request_participants
  for insert to authenticated
  with check ((select private.request_status(request_id)) = 'open'
              and ((source = 'invited' and invited_by = (select auth.uid())
                    and (select private.owns_request(request_id)) and (select private.workshop_is_public(workshop_id)))
                   or (source = 'forwarded' and invited_by = (select auth.uid())
                       and (select private.can_forward(request_id, workshop_id)))
                   or (source = 'self' and invited_by is null and note is null
                       and (select private.acts_for_workshop(workshop_id))
                       and (select private.request_is_public_and_open(request_id)))));
create policy "workshops accept the NDA or decline" on public.request_participants for update to authenticated
  using ((select private.acts_for_workshop(workshop_id)))
  with check ((select private.acts_for_workshop(workshop_id)));
create policy "owners withdraw invitations, managers their forwards" on public.request_participants
  for delete to authenticated
  using ((source = 'invited' and (select private.owns_request(request_id)))
         or (source = 'forwarded' and invited_by = (select auth.uid())));
revoke insert, update on public.request_participants from anon, authenticated;
grant insert (request_id, workshop_id, source, invited_by, note) on public.request_participants to authenticated;
grant update (nda_accepted_at, declined_at) on public.request_participants to authenticated;

-- ---------------------------------------------------------------- policies: routing
create policy "whoever sees a request sees its routing" on public.request_clusters for select to authenticated
  using ((select private.can_see_request(request_id)));
create policy "owners route their requests to craft clusters" on public.request_clusters for insert to authenticated
  with check ((select private.owns_request(request_id))
              and (select private.request_status(request_id)) in ('draft', 'open')
              and exists (select 1 from public.clusters c where c.id = cluster_id and c.kind = 'craft'));
create policy "owners unroute open requests" on public.request_clusters for delete to authenticated
  using ((select private.owns_request(request_id)) and (select private.request_status(request_id)) in ('draft', 'open'));
revoke update on public.request_clusters from anon, authenticated;

-- ---------------------------------------------------------------- policies: attachments
create policy "attachments follow what they belong to" on public.attachments for select to authenticated
  using (case
    when quote_id is not null then (select private.can_see_quote(quote_id))
    when message_id is not null then (select private.can_see_message(message_id))
    else (select private.can_see_request(request_id))
  end);
create policy "owners attach drawings, workshops quote files, senders message files" on public.attachments
  for insert to authenticated
  with check (uploaded_by = (select auth.uid())
              and case
                when quote_id is not null then (select private.acts_for_quote(quote_id))
                when message_id is not null then (select private.sent_message_on(message_id, request_id))
                else (select private.owns_request(request_id))
                     and (select private.request_status(request_id)) in ('draft', 'open')
              end);
-- Once a request is published someone may have opened its files: they stay, and so does the log.
create policy "owners remove drawings of drafts" on public.attachments for delete to authenticated
  using (quote_id is null and message_id is null and (select private.owns_request(request_id))
         and (select private.request_status(request_id)) = 'draft');
revoke insert, update on public.attachments from anon, authenticated;
grant insert (id, request_id, quote_id, message_id, path, filename, content_type, size_bytes, uploaded_by)
  on public.attachments to authenticated;

create policy "owners see who opened what, users their own openings" on public.attachment_access_log
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.owns_request(request_id)));
create policy "whoever may open a file logs the opening" on public.attachment_access_log for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.can_open_attachment(attachment_id))
              and (workshop_id is null or (select private.acts_for_workshop(workshop_id))));
revoke insert, update, delete on public.attachment_access_log from anon, authenticated;
grant insert (attachment_id, user_id, workshop_id) on public.attachment_access_log to authenticated;

-- ---------------------------------------------------------------- policies: conversations
create policy "the request's owner and the workshop see their conversation" on public.conversations
  for select to authenticated
  using ((select private.owns_request(request_id)) or (select private.acts_for_workshop(workshop_id)));
create policy "the owner or a participating workshop opens a conversation" on public.conversations
  for insert to authenticated
  with check (((select private.owns_request(request_id)) or (select private.acts_for_workshop(workshop_id)))
              and (select private.is_participant(request_id, workshop_id)));
revoke insert, update, delete on public.conversations from anon, authenticated;
grant insert (id, request_id, workshop_id) on public.conversations to authenticated;

create policy "conversation members read messages" on public.messages for select to authenticated
  using ((select private.can_see_conversation(conversation_id)));
create policy "conversation members write as themselves" on public.messages for insert to authenticated
  with check (sender_id = (select auth.uid()) and (select private.can_see_conversation(conversation_id)));
revoke insert, update, delete on public.messages from anon, authenticated;
grant insert (id, conversation_id, sender_id, body) on public.messages to authenticated;

create policy "users see their read markers" on public.conversation_reads for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users mark conversations they are in" on public.conversation_reads for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.can_see_conversation(conversation_id)));
create policy "users move their read markers" on public.conversation_reads for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and (select private.can_see_conversation(conversation_id)));
revoke update, delete on public.conversation_reads from anon, authenticated;
grant update (last_read_at) on public.conversation_reads to authenticated;

-- ---------------------------------------------------------------- policies: notifications
-- No insert policy: notifications come from triggers through private.notify (security definer).
create policy "users see their notifications" on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users mark their notifications read" on public.notifications for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
revoke insert, update, delete on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;

create policy "users see their email preferences" on public.notification_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users set their email preferences" on public.notification_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "users change their email preferences" on public.notification_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users reset their email preferences" on public.notification_preferences for delete to authenticated
  using (user_id = (select auth.uid()));
revoke update on public.notification_preferences from anon, authenticated;
grant update (email, updated_at) on public.notification_preferences to authenticated;

-- ---------------------------------------------------------------- policies: dev mailbox
-- Written by the embedded mail adapter as the table owner; read by operators on the dev mailbox page.
create policy "operators read the dev mailbox" on public.dev_mailbox for select to authenticated
  using ((select private.is_operator()));
revoke all on public.dev_mailbox from anon, authenticated;
grant select on public.dev_mailbox to authenticated;
revoke all on sequence public.dev_mailbox_id_seq from anon, authenticated;

-- ---------------------------------------------------------------- anonymous visitors
-- Requests and everything around them are for signed-in members: anon has no policy on any of these
-- tables, and no privilege either, so not even a policy added by mistake opens them.
revoke all on public.requests, public.quotes, public.quote_revisions, public.request_participants,
  public.request_clusters, public.conversations, public.messages, public.conversation_reads,
  public.attachments, public.attachment_access_log, public.notifications, public.notification_preferences
  from anon;
revoke all on sequence public.attachment_access_log_id_seq from anon;

-- ---------------------------------------------------------------- function privileges
-- New functions are executable by PUBLIC; policies' helpers are for signed-in users, the rest for nobody.
revoke all on function
  private.acts_for_workshop(uuid), private.owns_request(uuid), private.request_status(uuid),
  private.manages_routed_request(uuid), private.acts_for_request(uuid), private.can_see_request(uuid),
  private.can_open_attachments(uuid), private.can_see_quote(uuid), private.acts_for_quote(uuid),
  private.can_see_conversation(uuid), private.can_see_message(uuid), private.sent_message_on(uuid, uuid),
  private.can_open_attachment(uuid), private.is_participant(uuid, uuid), private.can_forward(uuid, uuid),
  private.request_is_public_and_open(uuid), private.open_attachment(uuid),
  private.request_transition_actor(text, text), private.quote_transition_actor(text, text),
  private.request_location(uuid)
  from public;
grant execute on function
  private.acts_for_workshop(uuid), private.owns_request(uuid), private.request_status(uuid),
  private.manages_routed_request(uuid), private.acts_for_request(uuid), private.can_see_request(uuid),
  private.can_open_attachments(uuid), private.can_see_quote(uuid), private.acts_for_quote(uuid),
  private.can_see_conversation(uuid), private.can_see_message(uuid), private.sent_message_on(uuid, uuid),
  private.can_open_attachment(uuid), private.is_participant(uuid, uuid), private.can_forward(uuid, uuid),
  private.request_is_public_and_open(uuid), private.open_attachment(uuid),
  private.request_transition_actor(text, text), private.quote_transition_actor(text, text),
  private.request_location(uuid)
  to authenticated, service_role;
revoke all on function
  private.workshop_recipients(uuid), private.notify(uuid, public.notification_kind, jsonb),
  private.notify_workshop(uuid, public.notification_kind, jsonb), private.notification_enqueue_mail(),
  private.request_summary(uuid), private.workshop_summary(uuid),
  private.guard_request(), private.request_cancelled(), private.guard_participant(), private.participant_added(),
  private.guard_quote(), private.quote_changed(), private.fill_access_log(), private.message_added(),
  private.user_email(uuid)
  from public, anon, authenticated;
grant execute on function private.user_email(uuid) to service_role;
