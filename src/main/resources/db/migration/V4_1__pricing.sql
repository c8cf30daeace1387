-- Price lists with scope and validity, their quantity-tiered entries, and promotions.
-- Scope fields are arrays; an empty array means "not set" (matches everything).
create table price_list (
    tenant_id         varchar(64)  not null,
    id                uuid         not null,
    code              varchar(64)  not null,
    name              varchar(200) not null,
    currency          varchar(3)   not null,
    priority          integer,
    channel_ids       uuid[]       not null default '{}',
    channel_group_ids uuid[]       not null default '{}',
    channel_types     text[]       not null default '{}',
    customer_groups   text[]       not null default '{}',
    valid_from        timestamptz,
    valid_to          timestamptz,
    version           integer      not null default 1,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    primary key (tenant_id, id),
    constraint price_list_code_unique unique (tenant_id, code),
    check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index price_list_by_currency on price_list (tenant_id, currency);

create table price_list_entry (
    tenant_id     varchar(64)    not null,
    price_list_id uuid           not null,
    sku           varchar(64)    not null,
    min_quantity  integer        not null default 1 check (min_quantity >= 1),
    price         numeric(19, 4) not null check (price >= 0),
    primary key (tenant_id, price_list_id, sku, min_quantity),
    foreign key (tenant_id, price_list_id) references price_list (tenant_id, id) on delete cascade
);
-- The quote's candidate query looks entries up by SKU across all matching lists.
create index price_list_entry_by_sku on price_list_entry (tenant_id, sku, price_list_id);

create table promotion (
    tenant_id         varchar(64)    not null,
    id                uuid           not null,
    code              varchar(64)    not null,
    name              varchar(200),
    kind              varchar(16)    not null check (kind in ('PERCENT_OFF', 'AMOUNT_OFF', 'FIXED_PRICE')),
    value             numeric(19, 4) not null check (value >= 0),
    currency          varchar(3),
    channel_ids       uuid[]         not null default '{}',
    channel_group_ids uuid[]         not null default '{}',
    channel_types     text[]         not null default '{}',
    customer_groups   text[]         not null default '{}',
    skus              text[]         not null default '{}',
    categories        text[]         not null default '{}',
    min_quantity      integer        not null default 1 check (min_quantity >= 1),
    valid_from        timestamptz,
    valid_to          timestamptz,
    version           integer        not null default 1,
    created_at        timestamptz    not null default now(),
    updated_at        timestamptz    not null default now(),
    primary key (tenant_id, id),
    constraint promotion_code_unique unique (tenant_id, code),
    check (valid_to is null or valid_from is null or valid_to > valid_from)
);
