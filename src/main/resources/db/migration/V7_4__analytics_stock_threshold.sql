-- Low-stock thresholds per SKU: the SKU is low when its available stock over all locations
-- (on hand - reserved) is below the threshold. Set with PUT /api/v1/analytics/inventory/thresholds/{sku}.
create table stock_threshold (
    tenant_id  varchar(64) not null,
    sku        varchar(64) not null,
    threshold  bigint      not null check (threshold >= 0),
    version    integer     not null default 1,
    updated_by varchar(200),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, sku)
);

-- Orders placed before the rollups existed.
select analytics_rebuild(t.tenant_id) from (select distinct tenant_id from sales_order) t;

-- Inventory turnover reads, per (location, SKU), the last ledger row before a time and the shipments of a period.
create index stock_ledger_by_location_sku on stock_ledger (tenant_id, location_id, sku, seq);
