package dev.channelhub.lead;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadRouterTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-7000-8000-00000000000c");

    @Test
    void everySetFieldMustMatch() {
        RuleMatch m = new RuleMatch(List.of("EAST", "NORTH"), List.of("PRINTER"), new BigDecimal("1000"));
        assertTrue(LeadRouter.matches(m, "EAST", "PRINTER", new BigDecimal("1000")));
        assertFalse(LeadRouter.matches(m, "WEST", "PRINTER", new BigDecimal("5000")));
        assertFalse(LeadRouter.matches(m, "EAST", "COPIER", new BigDecimal("5000")));
        assertFalse(LeadRouter.matches(m, "EAST", "PRINTER", new BigDecimal("999.99")));
        assertFalse(LeadRouter.matches(m, null, "PRINTER", new BigDecimal("5000")));
        assertFalse(LeadRouter.matches(m, "EAST", "PRINTER", null));
        assertTrue(LeadRouter.matches(new RuleMatch(null, List.of(), null), null, null, null));
        assertTrue(LeadRouter.matches(null, "X", "Y", BigDecimal.ONE));
    }

    @Test
    void fewestOpenLeadsThenLongestWaitingThenId() {
        Instant t = Instant.parse("2026-11-27T08:00:00Z");
        assertEquals(Optional.of(B), LeadRouter.leastLoaded(List.of(new LeadRouter.Candidate(A, 3, null),
                new LeadRouter.Candidate(B, 1, t), new LeadRouter.Candidate(C, 2, null))));
        assertEquals(Optional.of(C), LeadRouter.leastLoaded(List.of(new LeadRouter.Candidate(A, 1, t.plusSeconds(5)),
                new LeadRouter.Candidate(B, 1, t.plusSeconds(9)), new LeadRouter.Candidate(C, 1, t))));
        assertEquals(Optional.of(B), LeadRouter.leastLoaded(List.of(new LeadRouter.Candidate(A, 0, t),
                new LeadRouter.Candidate(B, 0, null))));
        assertEquals(Optional.of(A), LeadRouter.leastLoaded(List.of(new LeadRouter.Candidate(B, 0, null),
                new LeadRouter.Candidate(A, 0, null))));
        assertEquals(Optional.empty(), LeadRouter.leastLoaded(List.of()));
    }

    @Test
    void rulesAreTriedByDescendingPriority() {
        Instant t = Instant.now();
        RoutingRuleView low = new RoutingRuleView(A.toString(), 1, new RuleMatch(null, null, null), new RuleTarget(A.toString(), null), 1, t, t);
        RoutingRuleView high = new RoutingRuleView(C.toString(), 9, new RuleMatch(null, null, null), new RuleTarget(A.toString(), null), 1, t, t);
        RoutingRuleView highOlder = new RoutingRuleView(B.toString(), 9, new RuleMatch(null, null, null), new RuleTarget(A.toString(), null), 1, t, t);
        assertEquals(List.of(highOlder, high, low), List.of(low, high, highOlder).stream().sorted(LeadRouter.order()).toList());
    }
}
