-- Consumers of the outbox must never skip an event whose transaction commits late: seq is taken at insert,
-- so a lower seq can become visible after a higher one. Each event records its writer's transaction id and
-- consumers read in (tx_id, seq) order only below the oldest running transaction (pg_snapshot_xmin), where
-- nothing new can appear any more.
alter table event_outbox add column tx_id bigint not null default (pg_current_xact_id()::text::bigint);
create index event_outbox_tx on event_outbox (tenant_id, tx_id, seq);
create index event_outbox_tx_global on event_outbox (tx_id, seq);
create index event_outbox_time on event_outbox (tenant_id, occurred_at);

-- Webhook subscriptions. cursor_tx/cursor_seq: the last outbox position fanned out into deliveries.
create table webhook (
    tenant_id            varchar(64)   not null,
    id                   uuid          not null,
    url                  varchar(2000) not null,
    events               text[]        not null,
    secret               varchar(200)  not null,
    status               varchar(16)   not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason      varchar(500),
    consecutive_failures integer       not null default 0,
    cursor_tx            bigint        not null,
    cursor_seq           bigint        not null,
    version              integer       not null default 1,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    primary key (tenant_id, id)
);
create index webhook_active on webhook (status) where status = 'ACTIVE';

-- One row per (webhook, event) plus one per manual replay; kept as the delivery log.
create table webhook_delivery (
    tenant_id        varchar(64)   not null,
    id               uuid          not null,
    webhook_id       uuid          not null,
    event_seq        bigint        not null,
    event_id         uuid          not null,
    event_type       varchar(64)   not null,
    aggregate_id     uuid          not null,
    replay           boolean       not null default false,
    status           varchar(16)   not null check (status in ('PENDING', 'DELIVERED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_status_code integer,
    last_error       varchar(500),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, webhook_id) references webhook (tenant_id, id) on delete cascade
);
create unique index webhook_delivery_once on webhook_delivery (tenant_id, webhook_id, event_seq) where not replay;
create index webhook_delivery_log on webhook_delivery (tenant_id, webhook_id, id);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_aggregate on webhook_delivery (tenant_id, webhook_id, aggregate_id, event_seq) where status = 'PENDING';
