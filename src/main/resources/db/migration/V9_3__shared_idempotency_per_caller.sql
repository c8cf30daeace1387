-- Idempotency keys are scoped per tenant AND caller (API-CONTRACT-2 §6): the same key from another user, or from a
-- partner of another channel, is another key. `caller` is the token's subject, plus the channel for partners
-- (IdempotencyService.scopeOf). Rows written before this migration keep caller '' and so never answer a caller.
alter table idempotency_key add column caller varchar(400) not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (tenant_id, caller, key);

-- The order's own guard against a second order after a lost idempotency row follows the same scope.
alter table sales_order add column idempotency_caller varchar(400);
alter table sales_order drop constraint sales_order_idempotency_unique;
alter table sales_order add constraint sales_order_idempotency_unique unique (tenant_id, idempotency_caller, idempotency_key);
