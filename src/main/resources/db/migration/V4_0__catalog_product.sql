-- Products: the catalogue every channel sells from. The floor is the lowest price any channel may charge.
create table product (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    sku         varchar(64)  not null,
    name        varchar(200) not null,
    category    varchar(64),
    unit        varchar(32)  not null default 'EA',
    status      varchar(16)  not null check (status in ('ACTIVE', 'DISCONTINUED')),
    floor_price numeric(19, 4) check (floor_price >= 0),
    currency    varchar(3)   not null default 'CNY',
    version     integer      not null default 1,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint product_sku_unique unique (tenant_id, sku)
);
create index product_by_category on product (tenant_id, category, id);
create index product_by_status on product (tenant_id, status, id);
