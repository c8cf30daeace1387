-- A per-tenant counter that every change to what the price engine caches moves forward, in the changing
-- transaction: price list headers (scope, validity, priority, currency), promotions, the channel fields that
-- decide scope and group rules (type, currency, tier, region), channel groups and their members. Entries,
-- products and customers are not cached and do not move it. Every quote reads the counter in the same
-- statement as its entries, so a quote never mixes a cached header with a newer database (see PricingCache).
create table pricing_epoch (
    tenant_id varchar(64) primary key,
    epoch     bigint      not null
);

create function pricing_epoch_bump() returns trigger language plpgsql as $$
begin
    insert into pricing_epoch as p (tenant_id, epoch)
    values (case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end, 1)
    on conflict (tenant_id) do update set epoch = p.epoch + 1;
    return null;
end $$;

create trigger price_list_epoch after insert or delete on price_list
    for each row execute function pricing_epoch_bump();
create trigger price_list_epoch_update after update on price_list
    for each row when ((old.code, old.currency, old.priority, old.channel_ids, old.channel_group_ids, old.channel_types,
                        old.customer_groups, old.valid_from, old.valid_to)
        is distinct from (new.code, new.currency, new.priority, new.channel_ids, new.channel_group_ids, new.channel_types,
                          new.customer_groups, new.valid_from, new.valid_to))
    execute function pricing_epoch_bump();

create trigger promotion_epoch after insert or update or delete on promotion
    for each row execute function pricing_epoch_bump();

create trigger channel_epoch_delete after delete on channel
    for each row execute function pricing_epoch_bump();
create trigger channel_epoch_update after update on channel
    for each row when ((old.type, old.currency, old.tier, old.region) is distinct from (new.type, new.currency, new.tier, new.region))
    execute function pricing_epoch_bump();

create trigger channel_group_epoch after insert or update or delete on channel_group
    for each row execute function pricing_epoch_bump();
create trigger channel_group_member_epoch after insert or update or delete on channel_group_member
    for each row execute function pricing_epoch_bump();
