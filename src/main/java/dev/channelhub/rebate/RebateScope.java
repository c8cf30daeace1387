package dev.channelhub.rebate;

import dev.channelhub.channel.ChannelType;
import dev.channelhub.pricing.PriceResolver;
import dev.channelhub.shared.persistence.Ids;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which channels a rebate programme is for, expressed like a price list's scope (every field that is set must match,
 * an empty scope is every channel) and decided by the same matcher, {@link PriceResolver.Scope#matchesChannel}.
 */
@Type("RebateScope")
@Input("RebateScopeInput")
public record RebateScope(
        @Nullable @Size(max = 1000) List<@NotNull String> channelIds,
        @Nullable @Size(max = 1000) List<@NotNull String> channelGroupIds,
        @Nullable @Size(max = 20) List<@NotNull ChannelType> channelTypes) {

    /** Never-null lists, ids checked (400 naming {@code scope.channelIds[i]}). */
    public RebateScope normalized() {
        return new RebateScope(ids(channelIds, "scope.channelIds"), ids(channelGroupIds, "scope.channelGroupIds"),
                channelTypes == null ? List.of() : List.copyOf(new LinkedHashSet<>(channelTypes)));
    }

    public PriceResolver.Scope toMatcher() {
        RebateScope n = normalized();
        return new PriceResolver.Scope(Set.copyOf(n.channelIds.stream().map(UUID::fromString).toList()),
                Set.copyOf(n.channelGroupIds.stream().map(UUID::fromString).toList()),
                Set.copyOf(n.channelTypes.stream().map(Enum::name).toList()), null);
    }

    private static List<String> ids(List<String> raw, String field) {
        if (raw == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(Ids.parse(raw.get(i), field + "[" + i + "]").toString());
        }
        return List.copyOf(out);
    }
}
