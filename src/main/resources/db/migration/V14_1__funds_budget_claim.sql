-- Market development funds (API-CONTRACT-2 §8): a budget per channel and period, and the expense claims charged to it.
-- A claim is charged to the budget of exactly its channel and period; approving one locks that budget row, so the sum
-- of APPROVED claims never exceeds the budget's amount, also under concurrent approvals (docs/KPIS.md "Market funds").
create table fund_budget (
    tenant_id  varchar(64)    not null,
    id         uuid           not null,
    channel_id uuid           not null,
    period     varchar(7)     not null,
    currency   varchar(3)     not null,
    amount     numeric(19, 4) not null check (amount >= 0),
    updated_by varchar(200),
    version    integer        not null default 1,
    created_at timestamptz    not null,
    updated_at timestamptz    not null,
    primary key (tenant_id, id),
    constraint fund_budget_one_per_period unique (tenant_id, channel_id, period)
);

create table expense_claim (
    tenant_id     varchar(64)    not null,
    id            uuid           not null,
    channel_id    uuid           not null,
    period        varchar(7)     not null,
    category      varchar(16)    not null check (category in ('MARKETING', 'EVENT', 'DISPLAY', 'TRAINING', 'OTHER')),
    amount        numeric(19, 4) not null check (amount > 0),
    currency      varchar(3)     not null,
    description   varchar(2000)  not null,
    attachments   jsonb          not null default '[]',
    status        varchar(16)    not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    reject_reason varchar(1000),
    submitted_by  varchar(200),
    decided_by    varchar(200),
    decided_at    timestamptz,
    version       integer        not null default 1,
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null,
    primary key (tenant_id, id)
);
-- The approved sum of a channel's period (budget check and GET fund-budgets) and the channel's list.
create index expense_claim_by_channel_period on expense_claim (tenant_id, channel_id, period, status);
create index expense_claim_by_status on expense_claim (tenant_id, status, id);
