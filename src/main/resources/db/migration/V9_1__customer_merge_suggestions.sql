-- The partner trust boundary (contract part 2, §6).

-- The name a channel gave the customer when it identified them. A partner that does not own the customer sees
-- this name, never the one other channels recorded.
alter table customer_channel add column name varchar(200);

-- A partner's identify never merges: when its identities point to several customers it gets the oldest, and the
-- brand gets a suggestion to merge them. customer_ids is oldest first (the survivor when accepted).
create table customer_merge_suggestion (
    tenant_id               varchar(64)  not null,
    id                      uuid         not null,
    customer_ids            uuid[]       not null,
    identities              jsonb        not null,
    suggested_by_channel_id uuid         not null,
    suggested_by            varchar(200),
    status                  varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'DISMISSED')),
    survivor_id             uuid,
    decided_by              varchar(200),
    decided_at              timestamptz,
    version                 integer      not null default 1,
    created_at              timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, suggested_by_channel_id) references channel (tenant_id, id),
    foreign key (tenant_id, survivor_id) references customer (tenant_id, id)
);
-- One open suggestion per set of customers: the same partner (or another) identifying them again adds nothing.
create unique index customer_merge_suggestion_open on customer_merge_suggestion (tenant_id, customer_ids) where status = 'OPEN';
create index customer_merge_suggestion_by_status on customer_merge_suggestion (tenant_id, status, id);
