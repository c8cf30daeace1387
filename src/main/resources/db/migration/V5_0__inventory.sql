-- Inventory: locations, stock per (location, sku), a ledger row for every change, reservations owned by
-- orders or holds, and holds (cart reservations with an expiry that survives restarts).
create table stock_location (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    type        varchar(16)  not null check (type in ('WAREHOUSE', 'STORE', 'PARTNER')),
    region      varchar(64),
    channel_ids uuid[],                       -- null: serves every channel
    priority    integer      not null default 0,
    version     integer      not null default 1,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint stock_location_code_unique unique (tenant_id, code)
);

create table stock_level (
    tenant_id   varchar(64) not null,
    location_id uuid        not null,
    sku         varchar(64) not null,
    on_hand     bigint      not null default 0,
    reserved    bigint      not null default 0,
    version     integer     not null default 1,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, location_id, sku),
    foreign key (tenant_id, location_id) references stock_location (tenant_id, id),
    -- The last line of defence against overselling: no statement, however wrong, can commit this.
    constraint stock_reserved_within_on_hand check (reserved <= on_hand),
    constraint stock_reserved_not_negative check (reserved >= 0),
    constraint stock_on_hand_not_negative check (on_hand >= 0)
);
create index stock_level_by_sku on stock_level (tenant_id, sku);

create table stock_ledger (
    tenant_id      varchar(64) not null,
    seq            bigint      generated always as identity,
    location_id    uuid        not null,
    sku            varchar(64) not null,
    kind           varchar(16) not null check (kind in ('SET', 'ADJUST', 'RESERVE', 'RELEASE', 'SHIP')),
    on_hand_delta  bigint      not null,
    reserved_delta bigint      not null,
    on_hand_after  bigint      not null,
    reserved_after bigint      not null,
    reason         varchar(500),
    ref_type       varchar(16),
    ref_id         uuid,
    actor          varchar(200),
    occurred_at    timestamptz not null default now(),
    primary key (tenant_id, seq)
);
create index stock_ledger_by_sku on stock_ledger (tenant_id, sku, seq);
create index stock_ledger_by_location on stock_ledger (tenant_id, location_id, seq);
create index stock_ledger_by_ref on stock_ledger (tenant_id, ref_id, seq) where ref_id is not null;

create table stock_hold (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    channel_id  uuid         not null,
    status      varchar(16)  not null check (status in ('ACTIVE', 'CONSUMED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz  not null,
    order_id    uuid,
    created_by  varchar(200),
    version     integer      not null default 1,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, id)
);
-- The expiry sweep reads only the active holds, oldest deadline first.
create index stock_hold_expiry on stock_hold (expires_at) where status = 'ACTIVE';

-- What an order or a hold currently has reserved, per location; quantity = still reserved.
create table stock_reservation (
    tenant_id   varchar(64) not null,
    owner_type  varchar(8)  not null check (owner_type in ('ORDER', 'HOLD')),
    owner_id    uuid        not null,
    location_id uuid        not null,
    sku         varchar(64) not null,
    quantity    bigint      not null check (quantity >= 0),
    shipped     bigint      not null default 0 check (shipped >= 0),
    primary key (tenant_id, owner_id, location_id, sku)
);
