package dev.channelhub.rebate;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A rebate programme row ({@code rebate_program}, V15_1). {@code tiers} is a JSON array held as its text (Hibernate
 * Reactive's JSON type binds a Vert.x {@code JsonObject} only), as {@code PolicyEntity} does.
 */
@Entity
@Table(name = "rebate_program")
@IdClass(TenantKey.class)
public class RebateProgramEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_channel_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] scopeChannelIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_group_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] scopeGroupIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_channel_types", columnDefinition = "_text", nullable = false)
    public String[] scopeChannelTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "skus", columnDefinition = "_text", nullable = false)
    public String[] skus;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "categories", columnDefinition = "_text", nullable = false)
    public String[] categories;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "period", length = 8, nullable = false)
    public RebatePeriodKind period;

    @Column(name = "tiers", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(tiers as text)", write = "cast(cast(? as text) as jsonb)")
    public String tiersJson;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    /** Hibernate's optimistic-lock counter, 0 on insert; the API's version is this + 1. */
}
