package dev.channelhub.policy;

import dev.channelhub.channel.ChannelType;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * Who a policy is for: channels listed in {@code channelIds} or members of {@code channelGroupIds} (everyone when
 * both are empty), narrowed by every filter that is set among types, tiers and regions.
 */
@Type("PolicyAudience")
@Input("PolicyAudienceInput")
public record Audience(
        @Size(max = 500) List<String> channelGroupIds,
        @Size(max = 5000) List<String> channelIds,
        @Size(max = 20) List<ChannelType> channelTypes,
        @Size(max = 200) List<String> tiers,
        @Size(max = 200) List<String> regions) {

    public Audience normalised() {
        return new Audience(clean(channelGroupIds), clean(channelIds), channelTypes == null ? List.of() : List.copyOf(channelTypes),
                clean(tiers), clean(regions));
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).map(String::trim).distinct().toList();
    }

    /** Element checks the annotations cannot carry (type-use constraints would turn GraphQL lists non-null). */
    public List<dev.channelhub.shared.error.FieldError> elementErrors(String field) {
        List<dev.channelhub.shared.error.FieldError> errors = new java.util.ArrayList<>();
        codes(errors, field + ".tiers", tiers);
        codes(errors, field + ".regions", regions);
        codes(errors, field + ".channelIds", channelIds);
        codes(errors, field + ".channelGroupIds", channelGroupIds);
        if (channelTypes != null && channelTypes.contains(null)) {
            errors.add(new dev.channelhub.shared.error.FieldError(field + ".channelTypes", "must not contain null"));
        }
        return errors;
    }

    private static void codes(List<dev.channelhub.shared.error.FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank() || v.length() > 64) {
                errors.add(new dev.channelhub.shared.error.FieldError(field + "[" + i + "]", "must be 1 to 64 characters"));
            }
        }
    }
}
