package dev.channelhub.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The routing rules as pure decisions: which rules match a lead, and which group member gets it. */
public final class LeadRouter {

    private LeadRouter() {
    }

    /** A rule matches when every set field matches: region in regions, category in categories, value ≥ minValue. */
    public static boolean matches(RuleMatch m, String region, String category, BigDecimal value) {
        if (m == null) {
            return true;
        }
        if (m.regions() != null && !m.regions().isEmpty() && (region == null || !m.regions().contains(region))) {
            return false;
        }
        if (m.categories() != null && !m.categories().isEmpty() && (category == null || !m.categories().contains(category))) {
            return false;
        }
        return m.minValue() == null || (value != null && value.compareTo(m.minValue()) >= 0);
    }

    /** Rules in the order they are tried: highest priority first, then the oldest rule. */
    public static Comparator<RoutingRuleView> order() {
        return Comparator.comparingInt(RoutingRuleView::priority).reversed().thenComparing(RoutingRuleView::id);
    }

    /** A group member with its current load. */
    public record Candidate(UUID channelId, long openLeads, Instant lastAssignedAt) {
    }

    /**
     * The member with the fewest open leads; ties go to the one that waited longest since its last assignment
     * (never assigned first), which makes equal loads round-robin.
     */
    public static Optional<UUID> leastLoaded(List<Candidate> candidates) {
        return candidates.stream().min(Comparator.comparingLong(Candidate::openLeads)
                        .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Candidate::channelId))
                .map(Candidate::channelId);
    }
}
