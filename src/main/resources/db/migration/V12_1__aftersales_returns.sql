-- After-sales, part 1: returns (RMA) with restock and refunds (API-CONTRACT-2 §7).

-- The order's money after returns: refunded (paid back, at most what was paid) and credited (a credit note that
-- lowers what is still owed). netTotal = total - refunded - credited; outstanding = netTotal - (paid - refunded).
alter table sales_order add column refunded numeric(19, 4) not null default 0;
alter table sales_order add column credited numeric(19, 4) not null default 0;
alter table sales_order add constraint sales_order_refunded_within_paid check (refunded >= 0 and refunded <= paid);
alter table sales_order add constraint sales_order_credited_within_total check (credited >= 0 and refunded + credited <= total);

-- Every refund of an order with its lines: what the analytics rollups subtract in the refund's period.
create table order_refund (
    tenant_id   varchar(64)    not null,
    id          uuid           not null,
    order_id    uuid           not null,
    channel_id  uuid           not null,
    currency    varchar(3)     not null,
    amount      numeric(19, 4) not null check (amount >= 0),
    refunded    numeric(19, 4) not null check (refunded >= 0),
    credited    numeric(19, 4) not null check (credited >= 0),
    method      varchar(64),
    reference   varchar(200),
    source_type varchar(16)    not null,
    source_id   uuid           not null,
    created_by  varchar(200),
    occurred_at timestamptz    not null,
    primary key (tenant_id, id),
    constraint order_refund_source_unique unique (tenant_id, source_type, source_id)
);
create index order_refund_by_order on order_refund (tenant_id, order_id);
create index order_refund_by_channel_time on order_refund (tenant_id, channel_id, occurred_at);

create table order_refund_line (
    tenant_id varchar(64)    not null,
    refund_id uuid           not null,
    sku       varchar(64)    not null,
    quantity  integer        not null check (quantity >= 0),
    amount    numeric(19, 4) not null check (amount >= 0),
    primary key (tenant_id, refund_id, sku)
);

-- Returned units come back into stock with a ledger row of their own kind.
alter table stock_ledger drop constraint stock_ledger_kind_check;
alter table stock_ledger add constraint stock_ledger_kind_check
    check (kind in ('SET', 'ADJUST', 'RESERVE', 'RELEASE', 'SHIP', 'RETURN'));

-- Tenant settings of after-sales (null = default): the return window and the service SLA hours per priority.
alter table tenant_settings add column return_window_days integer check (return_window_days between 0 and 3650);
alter table tenant_settings add column sla_hours_urgent integer check (sla_hours_urgent between 1 and 8760);
alter table tenant_settings add column sla_hours_high integer check (sla_hours_high between 1 and 8760);
alter table tenant_settings add column sla_hours_normal integer check (sla_hours_normal between 1 and 8760);
alter table tenant_settings add column sla_hours_low integer check (sla_hours_low between 1 and 8760);

create table return_order (
    tenant_id          varchar(64)    not null,
    id                 uuid           not null,
    number             varchar(32)    not null,
    order_id           uuid           not null,
    channel_id         uuid           not null,
    customer_id        uuid,
    status             varchar(16)    not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED')),
    currency           varchar(3)     not null,
    refund_total       numeric(19, 4) not null,
    note               varchar(2000),
    reject_reason      varchar(500),
    location_code      varchar(64),
    refunded_amount    numeric(19, 4),
    credited_amount    numeric(19, 4),
    refund_method      varchar(64),
    refund_reference   varchar(200),
    idempotency_caller varchar(300),
    idempotency_key    varchar(255),
    created_by         varchar(200),
    version            integer        not null default 1,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    primary key (tenant_id, id),
    constraint return_order_number_unique unique (tenant_id, number)
);
create index return_order_by_order on return_order (tenant_id, order_id);
create index return_order_by_channel on return_order (tenant_id, channel_id, id);

create table return_line (
    tenant_id         varchar(64)    not null,
    return_id         uuid           not null,
    line_no           integer        not null,
    sku               varchar(64)    not null,
    quantity          integer        not null check (quantity > 0),
    reason            varchar(20)    not null check (reason in ('DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'NO_LONGER_NEEDED', 'OTHER')),
    unit_price        numeric(19, 4) not null,
    received_quantity integer        not null default 0 check (received_quantity >= 0 and received_quantity <= quantity),
    disposition       varchar(8)     check (disposition in ('RESTOCK', 'SCRAP')),
    primary key (tenant_id, return_id, line_no),
    constraint return_line_sku_unique unique (tenant_id, return_id, sku)
);

create table return_event (
    tenant_id   varchar(64) not null,
    seq         bigint      generated always as identity,
    return_id   uuid        not null,
    type        varchar(32) not null,
    actor       varchar(200),
    details     jsonb       not null default '{}'::jsonb,
    occurred_at timestamptz not null default now(),
    primary key (tenant_id, seq)
);
create index return_event_by_return on return_event (tenant_id, return_id, seq);

-- Per-tenant, per-day counter behind RMA-yyyymmdd-nnnnnn.
create table return_number (
    tenant_id varchar(64) not null,
    day       date        not null,
    last      bigint      not null,
    primary key (tenant_id, day)
);

-- Revenue net of refunds, in the refund's period: a refund subtracts its amount (refund and credit note alike) from
-- the rollups of the day and month it happened in (tenant time zone); orders and units stay as sold.
create or replace function analytics_apply_refund(p_tenant text, p_refund uuid, p_zone text)
    returns void
    language plpgsql as
$$
declare
    v_channel  uuid;
    v_day      date;
    v_currency varchar(3);
begin
    select r.channel_id, (r.occurred_at at time zone p_zone)::date, r.currency into v_channel, v_day, v_currency
    from order_refund r where r.tenant_id = p_tenant and r.id = p_refund;
    if v_channel is null then
        return;
    end if;
    insert into sales_rollup as r (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue)
    select p_tenant, v.dim, v.grain, v.channel_id, v.period, v.dim_key, v_currency, 0, 0, -sum(l.amount)
    from (select rl.sku, coalesce(p.category, '') as category, rl.amount from order_refund_line rl
          left join product p on p.tenant_id = rl.tenant_id and p.sku = rl.sku
          where rl.tenant_id = p_tenant and rl.refund_id = p_refund) l
    cross join lateral (values
        ('T', 'D', v_channel, v_day, ''::varchar),
        ('T', 'M', v_channel, date_trunc('month', v_day)::date, ''::varchar),
        ('C', 'D', v_channel, v_day, l.category::varchar),
        ('C', 'M', v_channel, date_trunc('month', v_day)::date, l.category::varchar),
        ('S', 'D', v_channel, v_day, l.sku),
        ('S', 'D', '00000000-0000-0000-0000-000000000000'::uuid, v_day, l.sku),
        ('S', 'M', '00000000-0000-0000-0000-000000000000'::uuid, date_trunc('month', v_day)::date, l.sku)
    ) as v(dim, grain, channel_id, period, dim_key)
    group by v.dim, v.grain, v.channel_id, v.period, v.dim_key
    order by v.dim, v.grain, v.channel_id, v.period, v.dim_key
    on conflict (tenant_id, dim, grain, channel_id, period, dim_key, currency) do update
        set revenue = r.revenue + excluded.revenue;
end;
$$;

-- The rebuild recomputes sales and then subtracts every refund in its own period, exactly as the two live paths do.
create or replace function analytics_rebuild(p_tenant text, p_zone text default 'Asia/Shanghai')
    returns bigint
    language plpgsql as
$$
declare
    v_rows bigint;
    v_refund uuid;
begin
    delete from sales_rollup where tenant_id = p_tenant;
    insert into sales_rollup (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue)
    select p_tenant, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency, count(*), sum(g.units), sum(g.revenue)
    from (select v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, l.order_id,
                 sum(l.quantity) as units, sum(l.line_total) as revenue
          from (select o.id as order_id, o.channel_id, (o.created_at at time zone p_zone)::date as day, o.currency,
                       ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total
                from sales_order o
                join order_line ol on ol.tenant_id = o.tenant_id and ol.order_id = o.id
                left join product p on p.tenant_id = ol.tenant_id and p.sku = ol.sku
                where o.tenant_id = p_tenant and o.status <> 'CANCELLED') l
          cross join lateral (values
              ('T', 'D', l.channel_id, l.day, ''::varchar),
              ('T', 'M', l.channel_id, date_trunc('month', l.day)::date, ''::varchar),
              ('C', 'D', l.channel_id, l.day, l.category::varchar),
              ('C', 'M', l.channel_id, date_trunc('month', l.day)::date, l.category::varchar),
              ('S', 'D', l.channel_id, l.day, l.sku),
              ('S', 'D', '00000000-0000-0000-0000-000000000000'::uuid, l.day, l.sku),
              ('S', 'M', '00000000-0000-0000-0000-000000000000'::uuid, date_trunc('month', l.day)::date, l.sku)
          ) as v(dim, grain, channel_id, period, dim_key)
          group by v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, l.order_id) g
    group by g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency;
    for v_refund in select id from order_refund where tenant_id = p_tenant order by id loop
        perform analytics_apply_refund(p_tenant, v_refund, p_zone);
    end loop;
    select count(*) into v_rows from sales_rollup where tenant_id = p_tenant;
    return v_rows;
end;
$$;
