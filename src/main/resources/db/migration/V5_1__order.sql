-- Orders: placement with locked prices, lifecycle, shipments, payments and a timeline of every event.
create table sales_order (
    tenant_id          varchar(64)    not null,
    id                 uuid           not null,
    number             varchar(32)    not null,
    channel_id         uuid           not null,
    customer_id        uuid,
    origin_customer_id uuid,          -- the customer the order was placed for; merges move customer_id only
    status             varchar(20)    not null check (status in ('SUBMITTED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED',
                                                                 'DELIVERED', 'COMPLETED', 'CANCELLED')),
    payment_status     varchar(16)    not null check (payment_status in ('UNPAID', 'PARTIALLY_PAID', 'PAID')),
    currency           varchar(3)     not null,
    total              numeric(19, 4) not null check (total >= 0),
    paid               numeric(19, 4) not null default 0 check (paid >= 0),
    shipping_address   jsonb,
    note               varchar(2000),
    external_ref       varchar(200),
    idempotency_key    varchar(255),
    hold_id            uuid,
    cancel_reason      varchar(500),
    created_by         varchar(200),
    version            integer        not null default 1,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    primary key (tenant_id, id),
    constraint sales_order_number_unique unique (tenant_id, number),
    -- A retry after a crash (idempotency row lost) can never create a second order.
    constraint sales_order_idempotency_unique unique (tenant_id, idempotency_key),
    constraint sales_order_paid_within_total check (paid <= total)
);
create index sales_order_by_channel on sales_order (tenant_id, channel_id, id);
create index sales_order_by_customer on sales_order (tenant_id, customer_id, id) where customer_id is not null;
create index sales_order_by_origin on sales_order (tenant_id, origin_customer_id) where origin_customer_id is not null;
create index sales_order_open on sales_order (tenant_id, channel_id, created_at)
    where status <> 'CANCELLED' and payment_status <> 'PAID';

create table order_line (
    tenant_id       varchar(64)    not null,
    order_id        uuid           not null,
    line_no         integer        not null,
    sku             varchar(64)    not null,
    quantity        integer        not null check (quantity > 0),
    list_price      numeric(19, 4) not null,
    unit_price      numeric(19, 4) not null,
    line_total      numeric(19, 4) not null,
    price_list_code varchar(64),
    promotion_code  varchar(64),
    floor_applied   boolean        not null default false,
    shipped         integer        not null default 0,
    delivered       integer        not null default 0,
    primary key (tenant_id, order_id, line_no),
    constraint order_line_shipped_within check (shipped >= 0 and shipped <= quantity),
    constraint order_line_delivered_within check (delivered >= 0 and delivered <= shipped)
);

create table order_shipment (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    order_id     uuid         not null,
    status       varchar(16)  not null check (status in ('SHIPPED', 'DELIVERED')),
    carrier      varchar(100),
    tracking_no  varchar(100),
    created_by   varchar(200),
    shipped_at   timestamptz  not null,
    delivered_at timestamptz,
    primary key (tenant_id, id)
);
create index order_shipment_by_order on order_shipment (tenant_id, order_id, id);

create table order_shipment_line (
    tenant_id     varchar(64) not null,
    shipment_id   uuid        not null,
    order_id      uuid        not null,
    sku           varchar(64) not null,
    location_code varchar(64) not null,
    quantity      integer     not null check (quantity > 0),
    primary key (tenant_id, shipment_id, sku, location_code)
);

create table order_payment (
    tenant_id   varchar(64)    not null,
    id          uuid           not null,
    order_id    uuid           not null,
    amount      numeric(19, 4) not null check (amount > 0),
    method      varchar(64)    not null,
    reference   varchar(200),
    received_at timestamptz    not null,
    created_by  varchar(200),
    created_at  timestamptz    not null,
    primary key (tenant_id, id)
);
create index order_payment_by_order on order_payment (tenant_id, order_id, id);

create table order_event (
    tenant_id   varchar(64) not null,
    seq         bigint      generated always as identity,
    order_id    uuid        not null,
    type        varchar(32) not null,
    actor       varchar(200),
    details     jsonb       not null default '{}'::jsonb,
    occurred_at timestamptz not null default now(),
    primary key (tenant_id, seq)
);
create index order_event_by_order on order_event (tenant_id, order_id, seq);

-- Per-tenant, per-day counter behind the human-readable numbers (SO-20261127-000123).
create table order_number (
    tenant_id varchar(64) not null,
    day       date        not null,
    last      bigint      not null,
    primary key (tenant_id, day)
);
