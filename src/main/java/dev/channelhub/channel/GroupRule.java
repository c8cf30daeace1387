package dev.channelhub.channel;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * A group's rule: a channel matches when every field that is set matches (AND across fields, any value within a
 * field). A field that is null or empty is not set, so a rule with no field set matches every channel.
 */
@Type("ChannelGroupRule")
@Input("ChannelGroupRuleInput")
public record GroupRule(
        @Size(max = 20) List<ChannelType> types,
        @Size(max = 200) List<String> tiers,
        @Size(max = 200) List<String> regions) {

    /** Tiers and regions are codes: not blank, at most 64 characters (checked here: element constraints would make GraphQL fields required). */
    public GroupRule checked(String field) {
        checkCodes(tiers, field + ".tiers");
        checkCodes(regions, field + ".regions");
        for (int i = 0; types != null && i < types.size(); i++) {
            if (types.get(i) == null) {
                throw dev.channelhub.shared.error.ApiException.invalid(field + ".types[" + i + "]", "must not be null");
            }
        }
        return normalised();
    }

    private static void checkCodes(List<String> values, String field) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank() || v.length() > 64) {
                throw dev.channelhub.shared.error.ApiException.invalid(field + "[" + i + "]", "must be a code of 1 to 64 characters");
            }
        }
    }

    /** Empty lists become null ("not set"), values deduplicated, so storage and answers are canonical. */
    public GroupRule normalised() {
        return new GroupRule(norm(types), norm(tiers), norm(regions));
    }

    private static <T> List<T> norm(List<T> values) {
        return values == null || values.isEmpty() ? null : values.stream().distinct().toList();
    }
}
