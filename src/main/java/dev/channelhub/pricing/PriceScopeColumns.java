package dev.channelhub.pricing;

import dev.channelhub.channel.ChannelType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The scope columns a price list header ({@code price_list}) and a promotion ({@code promotion}) share: which channels,
 * channel groups, channel types and customer groups they apply to (an empty array = no restriction). Both tables declare
 * them alike ({@code uuid[]}/{@code text[]} not null); the arrays are declared by PostgreSQL's own names ({@code _uuid},
 * {@code _text}), which schema validation compares. The API face is {@link PriceScope}.
 */
@Embeddable
public class PriceScopeColumns {

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

    /** The columns of {@code scope}, which is already normalized (never-null lists, ids checked). */
    static PriceScopeColumns of(PriceScope scope) {
        PriceScopeColumns c = new PriceScopeColumns();
        c.channelIds = uuids(scope.channelIds());
        c.channelGroupIds = uuids(scope.channelGroupIds());
        c.channelTypes = scope.channelTypes().stream().map(Enum::name).toArray(String[]::new);
        c.customerGroups = scope.customerGroups().toArray(new String[0]);
        return c;
    }

    /** The API's scope (the same a read of the row gives, {@code PriceListRepository.apiScopeOf}). */
    PriceScope toScope() {
        return new PriceScope(channelIds == null ? List.of() : Arrays.stream(channelIds).map(UUID::toString).toList(),
                channelGroupIds == null ? List.of() : Arrays.stream(channelGroupIds).map(UUID::toString).toList(),
                channelTypes == null ? List.of() : Arrays.stream(channelTypes).map(ChannelType::valueOf).toList(),
                customerGroups == null ? List.of() : List.of(customerGroups));
    }

    private static UUID[] uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
