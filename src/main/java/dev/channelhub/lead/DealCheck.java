package dev.channelhub.lead;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** The dry-run answer; another partner is never named. */
@Type("DealCheck")
public record DealCheck(
        @Description("A registration now would be refused with DEAL_CONFLICT") boolean conflict,
        @Description("The caller's own channel already holds a protected registration for this customer") boolean ownRegistration,
        @Description("End of the protection that blocks or covers the customer") Instant protectedUntil) {
}
