package dev.channelhub.customer;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Merge suggestions left by partners' identify calls (contract part 2, §6): the brand lists them, accepts them
 * (the customers are merged into the oldest through the merge use case) or dismisses them. Sales, managers and
 * admins only. A suggestion whose customers are no longer all ACTIVE (merged since) cannot be accepted:
 * 409 INVALID_TRANSITION, and it stays OPEN to be dismissed; so is a decided one.
 */
@ApplicationScoped
public class MergeSuggestionService {

    private final MergeSuggestionRepository suggestions;
    private final CustomerService customers;
    private final Db db;
    private final EventOutbox outbox;

    public MergeSuggestionService(MergeSuggestionRepository suggestions, CustomerService customers, Db db, EventOutbox outbox) {
        this.suggestions = suggestions;
        this.customers = customers;
        this.db = db;
        this.outbox = outbox;
    }

    public Uni<Page<MergeSuggestionView>> list(Caller caller, MergeSuggestionStatus status, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireDecider(caller);
            return suggestions.page(caller.tenant(), status, page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows, page, MergeSuggestionView::id));
        });
    }

    public Uni<MergeSuggestionView> accept(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireDecider(caller);
            return db.inTransaction(tx -> open(tx, caller, id).flatMap(s -> {
                List<UUID> ids = s.customerIds().stream().map(UUID::fromString).toList();
                UUID survivor = ids.get(0);
                return customers.merge(tx, caller, survivor, ids.subList(1, ids.size()), "merge suggestion " + id)
                        .flatMap(merged -> decide(tx, caller, id, MergeSuggestionStatus.ACCEPTED, survivor));
            }));
        });
    }

    public Uni<MergeSuggestionView> dismiss(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireDecider(caller);
            return db.inTransaction(tx -> open(tx, caller, id)
                    .flatMap(s -> decide(tx, caller, id, MergeSuggestionStatus.DISMISSED, null)));
        });
    }

    private Uni<MergeSuggestionView> open(SqlClient tx, Caller caller, UUID id) {
        return suggestions.lock(tx, caller.tenant(), id).map(found -> {
            MergeSuggestionView s = found.orElseThrow(() -> ApiException.notFound("merge suggestion", id));
            if (s.status() != MergeSuggestionStatus.OPEN) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "merge suggestion " + id + " is already " + s.status());
            }
            return s;
        });
    }

    private Uni<MergeSuggestionView> decide(SqlClient tx, Caller caller, UUID id, MergeSuggestionStatus status, UUID survivor) {
        Instant now = CustomerService.now();
        return suggestions.decide(tx, caller.tenant(), id, status, survivor, caller.subject(), now)
                .map(java.util.Optional::orElseThrow)
                .call(view -> outbox.append(tx, caller, status == MergeSuggestionStatus.ACCEPTED
                        ? "customer.mergeSuggestionAccepted" : "customer.mergeSuggestionDismissed",
                        "customerMergeSuggestion", id, null, view));
    }

    private static void requireDecider(Caller caller) {
        caller.require(Role.SALES, Role.MANAGER);
    }
}
