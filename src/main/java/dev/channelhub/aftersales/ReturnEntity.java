package dev.channelhub.aftersales;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A return header ({@code return_order}, V12_1); only the after-sales feature uses it, others get {@link ReturnView}s.
 * Its lines ({@code return_line}) and timeline ({@code return_event}) are rows written by set-based statements in the
 * same transaction ({@link ReturnRepository}). {@code version} is the contract's version: 1 on insert, one more per change.
 */
@Entity
@Table(name = "return_order")
@IdClass(TenantKey.class)
public class ReturnEntity extends VersionedTenantEntity {

    @Column(name = "number", length = 32, nullable = false)
    public String number;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public ReturnStatus status;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "refund_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal refundTotal;

    @Column(name = "note", length = 2000)
    public String note;

    @Column(name = "reject_reason", length = 500)
    public String rejectReason;

    @Column(name = "location_code", length = 64)
    public String locationCode;

    @Column(name = "refunded_amount", precision = 19, scale = 4)
    public BigDecimal refundedAmount;

    @Column(name = "credited_amount", precision = 19, scale = 4)
    public BigDecimal creditedAmount;

    @Column(name = "refund_method", length = 64)
    public String refundMethod;

    @Column(name = "refund_reference", length = 200)
    public String refundReference;

    /** The idempotency scope and key of the request that created it (both null without a key). */
    @Column(name = "idempotency_caller", length = 300)
    public String idempotencyCaller;

    @Column(name = "idempotency_key", length = 255)
    public String idempotencyKey;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    /** The view with these lines (as {@link ReturnRepository} reads them), amounts rounded to the currency. */
    public ReturnView toView(List<ReturnRepository.LineRow> lines) {
        return new ReturnView(id.toString(), number, orderId.toString(), channelId.toString(), customerId == null ? null : customerId.toString(),
                status, lines.stream().map(l -> l.toView(status, currency)).toList(), Money.round(refundTotal, currency), currency, note,
                rejectReason, locationCode, refundedAmount == null ? null : Money.round(refundedAmount, currency),
                creditedAmount == null ? null : Money.round(creditedAmount, currency), refundMethod, refundReference, createdAt, updatedAt,
                version);
    }
}
