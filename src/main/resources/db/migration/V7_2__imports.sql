-- Bulk import jobs: the uploaded file is streamed to disk and processed row by row through the owning
-- feature's service; progress and the first errors (with line numbers) are kept here.
create table import_job (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    kind         varchar(32)  not null,
    format       varchar(16)  not null check (format in ('NDJSON', 'CSV')),
    status       varchar(16)  not null check (status in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    processed    integer      not null default 0,
    succeeded    integer      not null default 0,
    failed       integer      not null default 0,
    errors       jsonb        not null default '[]'::jsonb,
    message      varchar(500),
    created_by   varchar(200),
    created_at   timestamptz  not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    primary key (tenant_id, id)
);
