package dev.channelhub.inventory;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.UUID;

/**
 * A stock location ({@code stock_location}, V5_0). {@code version} is the contract's version (ETag / If-Match):
 * Hibernate adds one on every update and checks it in the update's where clause. {@code channelIds} null means the
 * location serves every channel; the array is declared {@code _uuid} (PostgreSQL's own name for {@code uuid[]}, which
 * schema validation compares). Only {@link LocationRepository} and {@link LocationService} use it; stock, reservations
 * and other features read locations through SQL ({@link LocationView}).
 */
@Entity
@Table(name = "stock_location")
@IdClass(TenantKey.class)
public class LocationEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 16, nullable = false)
    public LocationType type;

    @Column(name = "region", length = 64)
    public String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_ids", columnDefinition = "_uuid")
    public UUID[] channelIds;

    @Column(name = "priority", nullable = false)
    public int priority;

    LocationView toView() {
        return new LocationView(id.toString(), code, name, type, region,
                channelIds == null ? null : Arrays.stream(channelIds).map(UUID::toString).toList(),
                priority, version, createdAt, updatedAt);
    }
}
