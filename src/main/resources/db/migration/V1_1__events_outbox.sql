-- Transactional outbox: every business event is written in the same transaction as the change it
-- describes; webhooks and GraphQL subscriptions read from here (at-least-once, ordered by seq).
create table event_outbox (
    tenant_id      varchar(64)  not null,
    seq            bigint       generated always as identity,
    id             uuid         not null,
    type           varchar(64)  not null,
    aggregate_type varchar(32)  not null,
    aggregate_id   uuid         not null,
    channel_id     uuid,
    actor          varchar(200),
    payload        jsonb        not null,
    occurred_at    timestamptz  not null default now(),
    primary key (tenant_id, seq)
);
create unique index event_outbox_id on event_outbox (tenant_id, id);
create index event_outbox_aggregate on event_outbox (tenant_id, aggregate_type, aggregate_id, seq);
create index event_outbox_seq on event_outbox (seq);
