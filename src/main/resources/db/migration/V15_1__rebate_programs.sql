-- Rebate programmes (API-CONTRACT-2 §8): master data, one row per programme; tiers as a JSON array of
-- {minRevenue, percent} (decimal strings), scope and eligibility as arrays (empty = not set).
create table rebate_program (
    tenant_id          varchar(64)  not null,
    id                 uuid         not null,
    code               varchar(64)  not null,
    name               varchar(200) not null,
    scope_channel_ids  uuid[]       not null default '{}',
    scope_group_ids    uuid[]       not null default '{}',
    scope_channel_types text[]      not null default '{}',
    skus               text[]       not null default '{}',
    categories         text[]       not null default '{}',
    valid_from         date         not null,
    valid_to           date         not null,
    period             varchar(8)   not null check (period in ('MONTH', 'QUARTER')),
    tiers              jsonb        not null,
    created_by         varchar(200),
    version            integer      not null default 1,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    primary key (tenant_id, id),
    constraint rebate_program_code_unique unique (tenant_id, code),
    constraint rebate_program_validity check (valid_from <= valid_to)
);

-- One row per programme and period, inserted first in the settlement's transaction: the unique key is what makes a
-- settlement happen exactly once (a concurrent or repeated settle hits it and becomes 409 ALREADY_SETTLED).
create table rebate_settlement (
    tenant_id    varchar(64)    not null,
    program_id   uuid           not null,
    period       varchar(7)     not null,
    period_start date           not null,
    channels     integer        not null,
    total        numeric(19, 4) not null,
    settled_by   varchar(200),
    settled_at   timestamptz    not null,
    primary key (tenant_id, program_id, period)
);

-- A channel's rebate money: SETTLEMENT rows (one per channel, programme and period; negative = claw-back) and DRAW
-- rows (a REBATE payment, negative). The balance row is the running sum, changed only by conditional updates.
create table rebate_ledger (
    tenant_id        varchar(64)    not null,
    id               uuid           not null,
    channel_id       uuid           not null,
    kind             varchar(16)    not null check (kind in ('SETTLEMENT', 'DRAW')),
    currency         varchar(3)     not null,
    amount           numeric(19, 4) not null,
    program_id       uuid,
    period           varchar(7),
    period_start     date,
    eligible_revenue numeric(19, 4),
    tier_min         numeric(19, 4),
    percent          numeric(9, 4),
    order_id         uuid,
    payment_id       uuid,
    created_by       varchar(200),
    created_at       timestamptz    not null,
    primary key (tenant_id, id),
    constraint rebate_ledger_settlement_once unique (tenant_id, program_id, period, channel_id)
);
create index rebate_ledger_by_channel on rebate_ledger (tenant_id, channel_id, id);

create table rebate_balance (
    tenant_id  varchar(64)    not null,
    channel_id uuid           not null,
    currency   varchar(3)     not null,
    balance    numeric(19, 4) not null,
    updated_at timestamptz    not null,
    primary key (tenant_id, channel_id)
);

-- A UUIDv7-shaped id (48 bits of Unix milliseconds, then random) for rows written by set-based statements, so they
-- sort with the ids the application makes (Ids.newId) and keyset paging on id stays in creation order.
create or replace function time_ordered_id(p_at timestamptz)
    returns uuid
    language sql volatile as
$$
select overlay(overlay(replace(gen_random_uuid()::text, '-', '')
                       placing lpad(to_hex(floor(extract(epoch from p_at) * 1000)::bigint), 12, '0') from 1 for 12)
               placing '7' from 13 for 1)::uuid
$$;
