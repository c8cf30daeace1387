-- Customers: one record per real customer across every channel. Rows that move on a merge (identities,
-- touchpoints, channel sightings) keep origin_customer_id, the customer they first belonged to, so an
-- unmerge gives the source back exactly what was its own.
create table customer (
    tenant_id         varchar(64)  not null,
    id                uuid         not null,
    status            varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED')),
    merged_into       uuid,
    name              varchar(200),
    type              varchar(16)  not null default 'PERSON' check (type in ('PERSON', 'COMPANY')),
    customer_group    varchar(64),
    tags              text[]       not null default '{}',
    attributes        jsonb        not null default '{}'::jsonb,
    origin_channel_id uuid,
    owner_channel_id  uuid,
    version           integer      not null default 1,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint customer_merged_has_target check ((status = 'MERGED') = (merged_into is not null)),
    foreign key (tenant_id, merged_into) references customer (tenant_id, id),
    foreign key (tenant_id, origin_channel_id) references channel (tenant_id, id),
    foreign key (tenant_id, owner_channel_id) references channel (tenant_id, id)
);
-- Name prefix search: lower(name) like 'abc%' uses this whatever the database collation.
create index customer_name_prefix on customer (tenant_id, lower(name) text_pattern_ops);
create index customer_by_group on customer (tenant_id, customer_group, id) where customer_group is not null;
create index customer_by_owner on customer (tenant_id, owner_channel_id, id) where owner_channel_id is not null;
create index customer_by_merged_into on customer (tenant_id, merged_into) where merged_into is not null;

-- One (kind, normalised value) per tenant: the rule that makes identity resolution possible.
create table customer_identity (
    tenant_id          varchar(64)  not null,
    id                 uuid         not null,
    customer_id        uuid         not null,
    origin_customer_id uuid         not null,
    kind               varchar(16)  not null check (kind in ('PHONE', 'EMAIL', 'WECHAT', 'EXTERNAL')),
    value              varchar(320) not null,
    channel_id         uuid,
    created_at         timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint customer_identity_unique unique (tenant_id, kind, value),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, origin_customer_id) references customer (tenant_id, id)
);
create index customer_identity_by_customer on customer_identity (tenant_id, customer_id);
create index customer_identity_by_origin on customer_identity (tenant_id, origin_customer_id);

create table customer_touchpoint (
    tenant_id          varchar(64)  not null,
    id                 uuid         not null,
    customer_id        uuid         not null,
    origin_customer_id uuid         not null,
    channel_id         uuid         not null,
    kind               varchar(16)  not null check (kind in ('VISIT', 'INQUIRY', 'CALL', 'PURCHASE', 'SERVICE', 'CAMPAIGN')),
    occurred_at        timestamptz  not null,
    note               varchar(2000),
    actor              varchar(200),
    created_at         timestamptz  not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, origin_customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, channel_id) references channel (tenant_id, id)
);
create index customer_touchpoint_by_customer on customer_touchpoint (tenant_id, customer_id, occurred_at desc, id desc);
create index customer_touchpoint_by_origin on customer_touchpoint (tenant_id, origin_customer_id);

-- A channel has "seen" a customer from the first identify, touchpoint or order through it.
-- Keyed by the original customer so two merged customers seen by one channel keep separate rows.
create table customer_channel (
    tenant_id          varchar(64) not null,
    origin_customer_id uuid        not null,
    channel_id         uuid        not null,
    customer_id        uuid        not null,
    first_seen_at      timestamptz not null,
    last_seen_at       timestamptz not null,
    primary key (tenant_id, origin_customer_id, channel_id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, origin_customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, channel_id) references channel (tenant_id, id)
);
create index customer_channel_by_customer on customer_channel (tenant_id, customer_id);
create index customer_channel_by_channel on customer_channel (tenant_id, channel_id, customer_id);

-- Merge lineage: one row per source merged into a survivor; unmerged_at set when it is undone.
create table customer_merge (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    survivor_id  uuid         not null,
    source_id    uuid         not null,
    reason       varchar(500),
    merged_by    varchar(200),
    merged_at    timestamptz  not null,
    unmerged_by  varchar(200),
    unmerged_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, survivor_id) references customer (tenant_id, id),
    foreign key (tenant_id, source_id) references customer (tenant_id, id)
);
create unique index customer_merge_active_source on customer_merge (tenant_id, source_id) where unmerged_at is null;

-- What happened to a customer, newest last: created, merged, unmerged, updated.
create table customer_history (
    tenant_id           varchar(64)  not null,
    id                  uuid         not null,
    customer_id         uuid         not null,
    action              varchar(32)  not null,
    related_customer_id uuid,
    channel_id          uuid,
    actor               varchar(200),
    reason              varchar(500),
    occurred_at         timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id)
);
create index customer_history_by_customer on customer_history (tenant_id, customer_id, id);
