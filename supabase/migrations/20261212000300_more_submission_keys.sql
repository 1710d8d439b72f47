-- The audit of the create forms for double submission (issue 11) found one post that a double click
-- repeats visibly: a cluster manager's claim invitation to an imported member, posted twice, mailed the
-- member twice and wrote the invitation into the audit trail twice. The invitation form carries a key
-- made when the page is rendered (as the create forms do, 20261211200100_form_submission_keys.sql); the
-- invitation writes it on the member, and a second post with the same key (which waits for the first's
-- row lock and then finds the key) sends nothing more and answers as the first.
alter table public.roster_members add column invite_key uuid;
grant update (invite_key) on public.roster_members to authenticated;
comment on column public.roster_members.invite_key is 'Made by the invitation form of the last invitation: a second post with the same key sends nothing more.';

-- A roster import posted twice (a double click, a retried request): the second post found its upload
-- gone (the first had used it up) and answered "upload again" though the import was done, or, side by
-- side with the first, failed on the members the first had written. The upload is the import form's
-- key: the import records it, the route holds the upload's lock while it imports, and a second post
-- finds the import the first made and answers as the first (its report).
alter table public.roster_imports add column upload_id uuid;
create unique index roster_imports_upload_idx on public.roster_imports (cluster_id, upload_id) where upload_id is not null;
comment on column public.roster_imports.upload_id is 'The upload this import was made from: a second post of the same import finds it.';

-- The import of an upload: public.roster_import (which checks the caller manages the cluster), then
-- the upload recorded on the import it made.
create or replace function public.roster_import_upload(cluster uuid, upload uuid, file_name text, rows jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  result jsonb;
begin
  result := public.roster_import(cluster, file_name, rows, false);
  update public.roster_imports set upload_id = upload where id = (result ->> 'import_id')::uuid;
  return result;
end;
$$;
revoke all on function public.roster_import_upload(uuid, uuid, text, jsonb) from public, anon;
grant execute on function public.roster_import_upload(uuid, uuid, text, jsonb) to authenticated;

-- A machine booking posted twice (a double click, a retried request) made one booking (the exclusion
-- constraint) but the second post answered "this time is taken" (or "over the day's hours") for the
-- craftsman's own booking. The booking form carries a key; a second post with it finds the booking and
-- answers booked.
alter table public.support_bookings add column submission_key uuid;
create unique index support_bookings_submission_key_idx on public.support_bookings (user_id, submission_key)
  where submission_key is not null;
grant insert (submission_key) on public.support_bookings to authenticated;
comment on column public.support_bookings.submission_key is 'Made by the booking form: a second post with the same key is the same booking.';

-- The operator's new cluster and a center's new program, posted twice, made one (their slug is unique)
-- but the second post answered "this address is taken" by the cluster or program the first had just
-- made. Their forms carry a key; a second post with it answers as the first (the new one's page).
alter table public.clusters add column submission_key uuid;
create unique index clusters_submission_key_idx on public.clusters (submission_key) where submission_key is not null;
comment on column public.clusters.submission_key is 'Made by the new-cluster form: a second post with the same key is the same cluster.';

alter table public.support_programs add column submission_key uuid;
create unique index support_programs_submission_key_idx on public.support_programs (center_id, submission_key)
  where submission_key is not null;
comment on column public.support_programs.submission_key is 'Made by the new-program form: a second post with the same key is the same program.';
