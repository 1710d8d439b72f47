-- Inquiries: a conversation with a workshop before any request ("문의하기 / Ask a question" on its page).
-- A conversation belongs either to a request (between the request's owner and the workshop) or to an
-- asker (between that user and the workshop); one inquiry per asker and workshop. Messages, read
-- markers, notifications and the live channel are the request threads' own.

alter table public.conversations alter column request_id drop not null;
alter table public.conversations add column asker_id uuid references public.profiles (id) on delete cascade;
alter table public.conversations add constraint conversations_request_or_asker
  check ((request_id is null) <> (asker_id is null));
create unique index conversations_inquiry_key on public.conversations (workshop_id, asker_id) where request_id is null;
create index conversations_asker_id_idx on public.conversations (asker_id);
comment on table public.conversations is 'A thread with a workshop: per request and workshop (with the request''s owner), or an inquiry before any request (with asker_id, one per asker and workshop).';
comment on column public.conversations.asker_id is 'Inquiries only: the user who asked the workshop a question (deleting the account removes the inquiry).';

create or replace function private.can_see_conversation(conversation uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.conversations c
    where c.id = conversation
      and (c.asker_id = auth.uid() or private.owns_request(c.request_id) or private.acts_for_workshop(c.workshop_id))
  )
$$;

drop policy "the request's owner and the workshop see their conversation" on public.conversations;
create policy "the request's owner or the asker, and the workshop, see their conversation" on public.conversations
  for select to authenticated
  using (asker_id = (select auth.uid()) or (select private.owns_request(request_id))
         or (select private.acts_for_workshop(workshop_id)));

drop policy "the owner or a participating workshop opens a conversation" on public.conversations;
create policy "the owner or a participating workshop opens a conversation; anyone asks an active workshop" on public.conversations
  for insert to authenticated
  with check ((request_id is not null and asker_id is null
               and ((select private.owns_request(request_id)) or (select private.acts_for_workshop(workshop_id)))
               and (select private.is_participant(request_id, workshop_id)))
              or (request_id is null and asker_id = (select auth.uid())
                  and (select private.workshop_is_public(workshop_id))
                  and not (select private.acts_for_workshop(workshop_id))));
grant insert (id, request_id, workshop_id, asker_id) on public.conversations to authenticated;

-- A message notifies the other side: the request's owner or the asker, or whoever acts for the workshop.
create or replace function private.message_added() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  conv record;
  payload jsonb;
begin
  select c.id, c.request_id, c.workshop_id, coalesce(r.owner_id, c.asker_id) as other_id into conv
  from public.conversations c left join public.requests r on r.id = c.request_id
  where c.id = new.conversation_id;
  update public.conversations set last_message_at = new.created_at where id = conv.id;
  payload := coalesce(private.request_summary(conv.request_id), '{}'::jsonb) || private.workshop_summary(conv.workshop_id)
    || jsonb_build_object('conversation_id', conv.id, 'excerpt', left(new.body, 140))
    || case when conv.request_id is null then jsonb_build_object('inquiry', true) else '{}'::jsonb end;
  if new.sender_id is distinct from conv.other_id then
    perform private.notify(conv.other_id, 'message', payload);
  else
    perform private.notify_workshop(conv.workshop_id, 'message', payload);
  end if;
  -- Live threads (SSE over LISTEN messages); delivered on commit.
  perform pg_notify('messages', conv.id::text);
  return null;
end;
$$;

-- Who asked, as the workshop sees it: the asker's company (public) and display name. Profiles are
-- private to their owner, so this reads them for the conversation's members only.
create or replace function private.inquiry_asker(conversation uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('name', p.display_name, 'company_ko', co.name_ko, 'company_en', co.name_en, 'company_slug', co.slug)
  from public.conversations c
  join public.profiles p on p.id = c.asker_id
  left join lateral (select name_ko, name_en, slug from public.companies where owner_id = c.asker_id order by created_at limit 1) co on true
  where c.id = conversation and c.request_id is null and private.can_see_conversation(c.id)
$$;
revoke all on function private.inquiry_asker(uuid) from public;
grant execute on function private.inquiry_asker(uuid) to authenticated;
