-- Channels: every way the brand sells (owned) and its partners (dealers, agents, stores).
create table channel (
    tenant_id     varchar(64)  not null,
    id            uuid         not null,
    code          varchar(64)  not null,
    name          varchar(200) not null,
    type          varchar(32)  not null,
    status        varchar(16)  not null,
    region        varchar(64),
    tier          varchar(64),
    parent_id     uuid,
    credit_limit  numeric(19, 4) check (credit_limit >= 0),
    currency      varchar(3)   not null default 'CNY',
    contact_name  varchar(200),
    contact_phone varchar(64),
    contact_email varchar(320),
    version       integer      not null default 1,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint channel_code_unique unique (tenant_id, code),
    foreign key (tenant_id, parent_id) references channel (tenant_id, id)
);
create index channel_by_type on channel (tenant_id, type, status);
create index channel_by_parent on channel (tenant_id, parent_id) where parent_id is not null;
