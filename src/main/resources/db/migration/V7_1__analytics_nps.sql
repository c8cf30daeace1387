-- NPS survey answers (0-10) per channel; the channel scorecard reads them.
create table nps_response (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    channel_id  uuid         not null,
    customer_id uuid,
    score       smallint     not null check (score between 0 and 10),
    comment     varchar(2000),
    recorded_by varchar(200),
    created_at  timestamptz  not null default now(),
    primary key (tenant_id, id)
);
create index nps_response_channel on nps_response (tenant_id, channel_id, created_at);
