-- Lead and deal settings per tenant (absent row = defaults: 48 h to accept a lead, 90 days of deal protection).
create table lead_settings (
    tenant_id               varchar(64) not null primary key,
    accept_deadline_minutes integer     not null check (accept_deadline_minutes between 1 and 525600),
    deal_protection_days    integer     not null check (deal_protection_days between 1 and 3650),
    version                 integer     not null default 1,
    updated_at              timestamptz not null default now()
);

create table lead_routing_rule (
    tenant_id         varchar(64)    not null,
    id                uuid           not null,
    priority          integer        not null,
    match_regions     text[],
    match_categories  text[],
    match_min_value   numeric(19, 4),
    target_channel_id uuid,
    target_group_id   uuid,
    version           integer        not null default 1,
    created_at        timestamptz    not null default now(),
    updated_at        timestamptz    not null default now(),
    primary key (tenant_id, id),
    check ((target_channel_id is null) <> (target_group_id is null))
);
create index lead_routing_rule_order on lead_routing_rule (tenant_id, priority desc, id);

create table lead (
    tenant_id            varchar(64)    not null,
    id                   uuid           not null,
    -- customer_id follows merges; original_customer_id is who the lead was created for (unmerge restores it)
    customer_id          uuid           not null,
    original_customer_id uuid           not null,
    source_channel_id    uuid,
    assigned_channel_id  uuid,
    conversion_channel_id uuid,
    order_id             uuid,
    status               varchar(16)    not null check (status in ('UNASSIGNED', 'NEW', 'ACCEPTED', 'CONVERTED', 'LOST')),
    region               varchar(64),
    category             varchar(64),
    estimated_value      numeric(19, 4),
    currency             varchar(3)     not null default 'CNY',
    note                 varchar(2000),
    routing_rule_id      uuid,
    assigned_at          timestamptz,
    accept_deadline      timestamptz,
    accepted_at          timestamptz,
    closed_at            timestamptz,
    closed_reason        varchar(1000),
    version              integer        not null default 1,
    created_by           varchar(200),
    created_at           timestamptz    not null default now(),
    updated_at           timestamptz    not null default now(),
    primary key (tenant_id, id)
);
create index lead_by_assignee on lead (tenant_id, assigned_channel_id, status);
create index lead_by_source on lead (tenant_id, source_channel_id);
create index lead_by_customer on lead (tenant_id, customer_id);
create index lead_overdue on lead (accept_deadline) where status = 'NEW';

-- Every assignment (rule, group pick, manual, re-route); the newest per channel breaks ties between equally loaded members.
create table lead_assignment (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    lead_id     uuid         not null,
    channel_id  uuid         not null,
    rule_id     uuid,
    reason      varchar(16)  not null,
    actor       varchar(200),
    assigned_at timestamptz  not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, lead_id) references lead (tenant_id, id)
);
create index lead_assignment_by_channel on lead_assignment (tenant_id, channel_id, assigned_at desc);
create index lead_assignment_by_lead on lead_assignment (tenant_id, lead_id, id);

-- Channels that gave a lead back (rejected, or let the accept deadline pass): never routed that lead again.
create table lead_rejection (
    tenant_id   varchar(64)   not null,
    lead_id     uuid          not null,
    channel_id  uuid          not null,
    reason      varchar(16)   not null check (reason in ('REJECTED', 'DEADLINE')),
    note        varchar(1000),
    rejected_at timestamptz   not null default now(),
    primary key (tenant_id, lead_id, channel_id),
    foreign key (tenant_id, lead_id) references lead (tenant_id, id)
);

-- Orders as the order-placed hook saw them: which channel an order went through (lead conversion attribution).
create table lead_order_ref (
    tenant_id   varchar(64)  not null,
    order_id    uuid         not null,
    channel_id  uuid         not null,
    customer_id uuid,
    placed_at   timestamptz  not null default now(),
    primary key (tenant_id, order_id)
);

create table deal (
    tenant_id              varchar(64)    not null,
    id                     uuid           not null,
    customer_id            uuid           not null,
    original_customer_id   uuid           not null,
    channel_id             uuid           not null,
    status                 varchar(16)    not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    expected_value         numeric(19, 4) not null,
    currency               varchar(3)     not null,
    close_date             date           not null,
    skus                   text[]         not null default '{}',
    note                   varchar(2000),
    registered_at          timestamptz    not null,
    protected_until        timestamptz    not null,
    decided_at             timestamptz,
    decided_by             varchar(200),
    decision_reason        varchar(1000),
    extension_days         integer,
    extension_reason       varchar(1000),
    version                integer        not null default 1,
    created_by             varchar(200),
    updated_at             timestamptz    not null default now(),
    primary key (tenant_id, id)
);
create index deal_by_customer on deal (tenant_id, customer_id, status);
create index deal_by_channel on deal (tenant_id, channel_id, id);
create index deal_due on deal (protected_until) where status in ('PENDING', 'APPROVED');

-- An order for a protected customer placed through another channel than the protecting partner's.
create table deal_conflict (
    tenant_id        varchar(64)    not null,
    id               uuid           not null,
    deal_id          uuid           not null,
    order_id         uuid           not null,
    order_channel_id uuid           not null,
    deal_channel_id  uuid           not null,
    customer_id      uuid           not null,
    order_total      numeric(19, 4),
    currency         varchar(3),
    occurred_at      timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, order_id, deal_id),
    foreign key (tenant_id, deal_id) references deal (tenant_id, id)
);
create index deal_conflict_by_time on deal_conflict (tenant_id, occurred_at);
