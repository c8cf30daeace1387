package dev.channelhub.pricing;

import dev.channelhub.channel.ChannelType;
import dev.channelhub.shared.persistence.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who a price list or promotion is for. Every field that is set must match; an empty scope is the base list. */
@Type("PriceScope")
@Input("PriceScopeInput")
public record PriceScope(
        @Nullable @Size(max = 1000) List<@NotNull String> channelIds,
        @Nullable @Size(max = 1000) List<@NotNull String> channelGroupIds,
        @Nullable @Size(max = 20) List<@NotNull ChannelType> channelTypes,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 64) String> customerGroups) {

    public static final PriceScope EMPTY = new PriceScope(List.of(), List.of(), List.of(), List.of());

    /** Never-null lists, ids checked (400 naming {@code field.channelIds[i]}). */
    public PriceScope normalized(String field) {
        return new PriceScope(ids(channelIds, field + ".channelIds"), ids(channelGroupIds, field + ".channelGroupIds"),
                channelTypes == null ? List.of() : List.copyOf(new LinkedHashSet<>(channelTypes)),
                customerGroups == null ? List.of() : List.copyOf(new LinkedHashSet<>(customerGroups)));
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

    public PriceResolver.Scope toResolverScope() {
        PriceScope n = normalized("scope");
        return new PriceResolver.Scope(Set.copyOf(n.channelIds.stream().map(UUID::fromString).toList()),
                Set.copyOf(n.channelGroupIds.stream().map(UUID::fromString).toList()),
                Set.copyOf(n.channelTypes.stream().map(Enum::name).toList()), Set.copyOf(n.customerGroups));
    }

    static PriceScope orEmpty(PriceScope s, String field) {
        return s == null ? EMPTY : s.normalized(field);
    }
}
