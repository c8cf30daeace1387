package dev.channelhub.channel;

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
import java.util.UUID;

/**
 * A channel row ({@code channel}, V2_0). {@code version} is the contract's version (ETag / If-Match): Hibernate adds
 * one on every update and checks it in the update's where clause. Only {@link ChannelRepository} and
 * {@link ChannelService} use it; other features get {@link ChannelView}s.
 */
@Entity
@Table(name = "channel")
@IdClass(TenantKey.class)
public class ChannelEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 32, nullable = false)
    public ChannelType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public ChannelStatus status;

    @Column(name = "region", length = 64)
    public String region;

    @Column(name = "tier", length = 64)
    public String tier;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "credit_limit", precision = 19, scale = 4)
    public BigDecimal creditLimit;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "contact_name", length = 200)
    public String contactName;

    @Column(name = "contact_phone", length = 64)
    public String contactPhone;

    @Column(name = "contact_email", length = 320)
    public String contactEmail;

    public ChannelView toView() {
        ContactView contact = contactName == null && contactPhone == null && contactEmail == null ? null
                : new ContactView(contactName, contactPhone, contactEmail);
        return new ChannelView(id.toString(), code, name, type, status, region, tier,
                parentId == null ? null : parentId.toString(), Money.round(creditLimit, currency), currency, contact,
                version, createdAt, updatedAt);
    }

    void setContact(ContactView c) {
        contactName = c == null ? null : c.name();
        contactPhone = c == null ? null : c.phone();
        contactEmail = c == null ? null : c.email();
    }
}
