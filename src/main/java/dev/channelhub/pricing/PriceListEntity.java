package dev.channelhub.pricing;

import dev.channelhub.channel.ChannelType;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A price list's header ({@code price_list}, V4_1): code, name, currency, priority, scope and validity. Its entries
 * ({@code price_list_entry}) are rows the quote statement reads set-based, so they stay SQL (written by native
 * statements on the same session when a header write carries entries, on the pool by {@code PUT .../entries}).
 * {@code entryCount} is read with the row (a formula, never written). The scope arrays are declared by PostgreSQL's own
 * names ({@code _uuid}, {@code _text}), which schema validation compares.
 */
@Entity
@Table(name = "price_list")
@IdClass(TenantKey.class)
public class PriceListEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "priority")
    public Integer priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] channelIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_group_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] channelGroupIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_types", columnDefinition = "_text", nullable = false)
    public String[] channelTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "customer_groups", columnDefinition = "_text", nullable = false)
    public String[] customerGroups;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** How many entries the list has, read with the row; set by the service after it writes entries. */
    @Formula("(select count(*) from price_list_entry e where e.tenant_id = tenant_id and e.price_list_id = id)")
    public long entryCount;

    PriceScope scope() {
        return scopeOf(channelIds, channelGroupIds, channelTypes, customerGroups);
    }

    /** {@code scope} is already normalized (never-null lists, ids checked). */
    void setScope(PriceScope scope) {
        channelIds = uuids(scope.channelIds());
        channelGroupIds = uuids(scope.channelGroupIds());
        channelTypes = scope.channelTypes().stream().map(Enum::name).toArray(String[]::new);
        customerGroups = scope.customerGroups().toArray(new String[0]);
    }

    /** Validity as PostgreSQL keeps it (microseconds), so the answer equals what a later read returns. */
    void setValidity(Instant from, Instant to) {
        validFrom = micros(from);
        validTo = micros(to);
    }

    /** The view a read of the same row gives ({@code PriceListRepository.toView}). */
    PriceListView toView() {
        PriceScope scope = scope();
        return new PriceListView(id.toString(), code, name, currency, priority,
                priority != null ? priority : scope.toResolverScope().defaultPriority(), scope, validFrom, validTo, entryCount,
                version, createdAt, updatedAt);
    }

    static PriceScope scopeOf(UUID[] channelIds, UUID[] channelGroupIds, String[] channelTypes, String[] customerGroups) {
        return new PriceScope(channelIds == null ? List.of() : Arrays.stream(channelIds).map(UUID::toString).toList(),
                channelGroupIds == null ? List.of() : Arrays.stream(channelGroupIds).map(UUID::toString).toList(),
                channelTypes == null ? List.of() : Arrays.stream(channelTypes).map(ChannelType::valueOf).toList(),
                customerGroups == null ? List.of() : List.of(customerGroups));
    }

    static UUID[] uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
