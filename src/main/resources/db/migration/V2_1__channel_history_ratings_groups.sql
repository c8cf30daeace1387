-- Every status a channel took: its creation (from_status null) and each transition, with actor and reason.
create table channel_status_history (
    tenant_id   varchar(64)   not null,
    id          uuid          not null,
    channel_id  uuid          not null,
    from_status varchar(16),
    to_status   varchar(16)   not null,
    actor       varchar(200)  not null,
    reason      varchar(1000),
    occurred_at timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, channel_id) references channel (tenant_id, id)
);
create index channel_status_history_by_channel on channel_status_history (tenant_id, channel_id, id);

-- Ratings (评级): each one sets the channel's tier; all are kept.
create table channel_rating (
    tenant_id  varchar(64)   not null,
    id         uuid          not null,
    channel_id uuid          not null,
    period     varchar(32)   not null,
    score      smallint      not null check (score between 0 and 100),
    tier       varchar(64)   not null,
    notes      varchar(2000),
    rated_by   varchar(200)  not null,
    rated_at   timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, channel_id) references channel (tenant_id, id)
);
create index channel_rating_by_channel on channel_rating (tenant_id, channel_id, id);

-- Channel groups: static members plus an optional rule. A null rule_* array is a field that is not set;
-- has_rule false means no rule at all (a rule with no field set matches every channel).
create table channel_group (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    code         varchar(64)  not null,
    name         varchar(200) not null,
    has_rule     boolean      not null default false,
    rule_types   text[],
    rule_tiers   text[],
    rule_regions text[],
    version      integer      not null default 1,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint channel_group_code_unique unique (tenant_id, code)
);
-- Membership of one channel (pricing's hot path) probes the tenant's rule groups only.
create index channel_group_rules on channel_group (tenant_id, id) where has_rule;

create table channel_group_member (
    tenant_id  varchar(64) not null,
    group_id   uuid        not null,
    channel_id uuid        not null,
    primary key (tenant_id, group_id, channel_id),
    foreign key (tenant_id, group_id) references channel_group (tenant_id, id) on delete cascade,
    foreign key (tenant_id, channel_id) references channel (tenant_id, id)
);
create index channel_group_member_by_channel on channel_group_member (tenant_id, channel_id, group_id);

create index channel_by_tier on channel (tenant_id, tier) where tier is not null;
create index channel_by_region on channel (tenant_id, region) where region is not null;
