-- A partner may upload sell-out files (API-CONTRACT-2 §9); its jobs carry its channel and only it (and HQ) sees them.
alter table import_job add column channel_id uuid;
create index import_job_by_channel on import_job (tenant_id, channel_id, id) where channel_id is not null;
