-- Policies: a published notice with an audience; targets are snapshotted per channel at publication (and added
-- lazily for channels that match later), so a later group change never rewrites who was reached.
create table policy (
    tenant_id        varchar(64)  not null,
    id               uuid         not null,
    title            varchar(300) not null,
    kind             varchar(32)  not null,
    body             text         not null,
    attachments      jsonb        not null default '[]',
    audience         jsonb        not null,
    requires_ack     boolean      not null default false,
    effective_from   timestamptz  not null,
    expires_at       timestamptz,
    version          integer      not null default 1,
    created_by       varchar(200),
    published_at     timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    primary key (tenant_id, id)
);
create index policy_by_kind on policy (tenant_id, kind, id);

-- Every version as published (the current one included), for audit.
create table policy_version (
    tenant_id      varchar(64)  not null,
    policy_id      uuid         not null,
    version        integer      not null,
    title          varchar(300) not null,
    kind           varchar(32)  not null,
    body           text         not null,
    attachments    jsonb        not null,
    audience       jsonb        not null,
    requires_ack   boolean      not null,
    effective_from timestamptz  not null,
    expires_at     timestamptz,
    published_by   varchar(200),
    published_at   timestamptz  not null default now(),
    primary key (tenant_id, policy_id, version),
    foreign key (tenant_id, policy_id) references policy (tenant_id, id)
);

create table policy_target (
    tenant_id    varchar(64) not null,
    policy_id    uuid        not null,
    channel_id   uuid        not null,
    -- PUBLICATION: in the snapshot; LATER: matched the audience after publication (joined a group, new channel)
    added_by     varchar(16) not null,
    targeted_at  timestamptz not null default now(),
    read_version integer,
    read_at      timestamptz,
    primary key (tenant_id, policy_id, channel_id),
    foreign key (tenant_id, policy_id) references policy (tenant_id, id)
);
create index policy_target_by_channel on policy_target (tenant_id, channel_id);

create table policy_ack (
    tenant_id       varchar(64)  not null,
    policy_id       uuid         not null,
    channel_id      uuid         not null,
    version         integer      not null,
    acknowledged_at timestamptz  not null default now(),
    actor           varchar(200),
    primary key (tenant_id, policy_id, channel_id, version),
    foreign key (tenant_id, policy_id, channel_id) references policy_target (tenant_id, policy_id, channel_id)
);
