-- Tenant settings home (GET/PATCH /api/v1/settings): one row per tenant, created at the first change; a null
-- column means the setting's default (TenantSettings).
create table tenant_settings (
    tenant_id                    varchar(64) not null primary key,
    max_active_holds_per_channel integer check (max_active_holds_per_channel between 1 and 1000),
    version                      integer     not null default 1,
    updated_by                   varchar(200),
    updated_at                   timestamptz not null default now()
);

-- A partner channel's active holds count toward its credit, valued at the quote at hold time (API-CONTRACT-2 §6).
-- Holds of owned channels, and holds from before this migration (they live at most a day), carry no value.
alter table stock_hold add column value numeric(19, 4) check (value >= 0);
alter table stock_hold add column currency varchar(3);
alter table stock_hold add constraint stock_hold_value_has_currency check ((value is null) = (currency is null));
-- The credit check and the hold cap count a channel's active holds.
create index stock_hold_active_by_channel on stock_hold (tenant_id, channel_id) where status = 'ACTIVE';

-- A PATCH that shrinks a policy's audience drops the channels that no longer match: their target row (and its reads
-- and acknowledgements) stays as history, marked with when it was dropped; only rows without dropped_at are targeted.
alter table policy_target add column dropped_at timestamptz;
