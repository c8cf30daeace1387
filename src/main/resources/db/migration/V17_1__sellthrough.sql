-- Sell-through (API-CONTRACT-2 §9): what a partner channel reports it sold (sell-out lines, a ledger: insert only) and
-- what it holds (stock snapshots per date), and the daily per-SKU sell-out aggregate the channel-inventory report reads.
create table sell_out_line (
    tenant_id   varchar(64) not null,
    seq         bigint      generated always as identity,
    report_id   uuid        not null,   -- one POST /channels/{id}/sell-out (or one imported row)
    channel_id  uuid        not null,
    sku         varchar(64) not null,
    sold_on     date        not null,
    quantity    integer     not null check (quantity > 0),
    customer_id uuid,
    reported_by varchar(200),
    reported_at timestamptz not null,
    primary key (tenant_id, seq)
);
create index sell_out_line_by_report on sell_out_line (tenant_id, report_id);

-- Maintained in the statement that inserts the lines (never recomputed from them): the report sums at most
-- days x SKUs rows of one channel, whatever the number of lines (bench/sellthrough-1m.sql).
create table sell_out_daily (
    tenant_id  varchar(64) not null,
    channel_id uuid        not null,
    day        date        not null,
    sku        varchar(64) not null,
    units      bigint      not null,
    primary key (tenant_id, channel_id, day, sku) include (units)
);

-- The same by month (first day of the month): a report over a year reads 12 month rows per SKU plus its edge days.
create table sell_out_monthly (
    tenant_id  varchar(64) not null,
    channel_id uuid        not null,
    month      date        not null,
    sku        varchar(64) not null,
    units      bigint      not null,
    primary key (tenant_id, channel_id, month, sku) include (units)
);

-- The latest snapshot of each SKU on or before a date is the stock the channel holds; a PUT replaces one date.
create table stock_report_line (
    tenant_id   varchar(64) not null,
    channel_id  uuid        not null,
    sku         varchar(64) not null,
    report_date date        not null,
    quantity    integer     not null check (quantity >= 0),
    reported_by varchar(200),
    reported_at timestamptz not null,
    primary key (tenant_id, channel_id, sku, report_date) include (quantity)
);
create index stock_report_line_by_date on stock_report_line (tenant_id, channel_id, report_date);

-- Below this sell-through rate a channel-inventory row carries stuffingRisk (null = the default 0.3).
alter table tenant_settings add column stuffing_threshold numeric(5, 4) check (stuffing_threshold between 0 and 1);

