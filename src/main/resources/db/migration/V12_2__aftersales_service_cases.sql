-- After-sales, part 2: service cases routed to the serving channel, with SLA, comments and satisfaction (API-CONTRACT-2 §7).
create table service_case (
    tenant_id             varchar(64)   not null,
    id                    uuid          not null,
    number                varchar(32)   not null,
    customer_id           uuid,
    order_id              uuid,
    channel_id            uuid,
    assigned_channel_id   uuid          not null,
    category              varchar(16)   not null check (category in ('INSTALLATION', 'REPAIR', 'COMPLAINT', 'INQUIRY', 'OTHER')),
    priority              varchar(8)    not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status                varchar(16)   not null check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    subject               varchar(200)  not null,
    description           varchar(4000) not null,
    due_at                timestamptz   not null,
    resolved_at           timestamptz,
    satisfaction_score    integer       check (satisfaction_score between 1 and 5),
    satisfaction_comment  varchar(2000),
    satisfaction_at       timestamptz,
    -- Set once by the overdue sweep when it emitted serviceCase.overdue: the event goes out once per case, restarts included.
    overdue_notified_at   timestamptz,
    created_by            varchar(200),
    version               integer       not null default 1,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    primary key (tenant_id, id),
    constraint service_case_number_unique unique (tenant_id, number)
);
create index service_case_by_assigned on service_case (tenant_id, assigned_channel_id, id);
create index service_case_by_customer on service_case (tenant_id, customer_id, id) where customer_id is not null;
create index service_case_overdue_due on service_case (due_at)
    where overdue_notified_at is null and status in ('OPEN', 'IN_PROGRESS');
-- The scorecard reads a channel's cases resolved in a period.
create index service_case_resolved on service_case (tenant_id, assigned_channel_id, resolved_at) where resolved_at is not null;

create table service_case_comment (
    tenant_id  varchar(64)   not null,
    id         uuid          not null,
    case_id    uuid          not null,
    body       varchar(4000) not null,
    author     varchar(200),
    created_at timestamptz   not null,
    primary key (tenant_id, id)
);
create index service_case_comment_by_case on service_case_comment (tenant_id, case_id, id);

create table service_case_event (
    tenant_id   varchar(64) not null,
    seq         bigint      generated always as identity,
    case_id     uuid        not null,
    type        varchar(32) not null,
    actor       varchar(200),
    details     jsonb       not null default '{}'::jsonb,
    occurred_at timestamptz not null default now(),
    primary key (tenant_id, seq)
);
create index service_case_event_by_case on service_case_event (tenant_id, case_id, seq);

create table service_case_number (
    tenant_id varchar(64) not null,
    day       date        not null,
    last      bigint      not null,
    primary key (tenant_id, day)
);
