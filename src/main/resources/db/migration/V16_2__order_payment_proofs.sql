-- Partner enablement, part 2: payment proofs a partner submits for its channel's orders and finance accepts (recording the
-- payment in the same transaction) or rejects (API-CONTRACT-2 §9 "Self-service for partners").
create table payment_proof (
    tenant_id       varchar(64)    not null,
    id              uuid           not null,
    order_id        uuid           not null,
    channel_id      uuid           not null,
    amount          numeric(19, 4) not null check (amount > 0),
    currency        varchar(3)     not null,
    method          varchar(64)    not null,
    reference       varchar(200)   not null,
    attachment_url  varchar(2000),
    status          varchar(16)    not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
    reject_reason   varchar(2000),
    -- The payment its acceptance recorded (order_payment.id): one per proof, however often it is accepted.
    payment_id      uuid,
    submitted_by    varchar(200),
    submitted_at    timestamptz    not null,
    decided_by      varchar(200),
    decided_at      timestamptz,
    version         integer        not null default 1,
    primary key (tenant_id, id)
);
create index payment_proof_by_order on payment_proof (tenant_id, order_id, id);
