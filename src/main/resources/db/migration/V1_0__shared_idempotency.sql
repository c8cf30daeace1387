-- Idempotency-Key store (API-CONTRACT §1): one row per (tenant, key), kept 24 h.
create table idempotency_key (
    tenant_id    varchar(64)  not null,
    key          varchar(255) not null,
    request_hash varchar(64)  not null,
    state        varchar(16)  not null check (state in ('PENDING', 'DONE')),
    status       integer,
    response     jsonb,
    created_at   timestamptz  not null default now(),
    primary key (tenant_id, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
