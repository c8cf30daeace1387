-- Incentives (API-CONTRACT-2 §8): what running a channel costs, per channel and day. Managers record costs by hand
-- (POST /channel-costs); an approved expense claim adds its FUNDS row here in the approval's transaction, dated the
-- first day of the claim's period, so profitability reads one table for every kind of channel cost.
create table channel_cost (
    tenant_id        varchar(64)    not null,
    id               uuid           not null,
    channel_id       uuid           not null,
    cost_date        date           not null,
    category         varchar(16)    not null
        check (category in ('MARKETING', 'FUNDS', 'LOGISTICS', 'COMMISSION', 'STAFF', 'OTHER')),
    amount           numeric(19, 4) not null check (amount >= 0),
    currency         varchar(3)     not null,
    note             varchar(500),
    expense_claim_id uuid,
    created_by       varchar(200),
    created_at       timestamptz    not null default now(),
    primary key (tenant_id, id),
    constraint channel_cost_one_per_claim unique (tenant_id, expense_claim_id)
);
create index channel_cost_by_channel_date on channel_cost (tenant_id, channel_id, cost_date);
