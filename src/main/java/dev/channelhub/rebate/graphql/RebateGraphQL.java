package dev.channelhub.rebate.graphql;

import dev.channelhub.rebate.CreateRebateProgramRequest;
import dev.channelhub.rebate.MyRebatesView;
import dev.channelhub.rebate.RebateBalanceView;
import dev.channelhub.rebate.RebatePreview;
import dev.channelhub.rebate.RebateProgramView;
import dev.channelhub.rebate.RebateService;
import dev.channelhub.rebate.RebateSettlementView;
import dev.channelhub.rebate.SettleRebateRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@CodedErrors
public class RebateGraphQL {

    private final RebateService service;
    private final CurrentCaller caller;

    public RebateGraphQL(RebateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("rebateProgram")
    public Uni<RebateProgramView> rebateProgram(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "rebate programme"));
    }

    @Query("rebatePrograms")
    public Uni<@NonNull RebateProgramConnection> rebatePrograms(Integer first, String after) {
        return service.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(RebateProgramConnection::of);
    }

    @Query("rebatePreview")
    public Uni<@NonNull RebatePreview> rebatePreview(@NonNull @Id String id, @NonNull String period) {
        return service.preview(caller.get(), Ids.parseOrNotFound(id, "rebate programme"), period);
    }

    @Query("rebateBalance")
    public Uni<@NonNull RebateBalanceView> rebateBalance(@NonNull @Id String channelId) {
        return service.balance(caller.get(), Ids.parseOrNotFound(channelId, "channel"));
    }

    @Query("rebateLedger")
    public Uni<@NonNull RebateLedgerEntryConnection> rebateLedger(@NonNull @Id String channelId, Integer first, String after) {
        return service.ledger(caller.get(), Ids.parseOrNotFound(channelId, "channel"), PageRequest.of(first, after, "first", "after"))
                .map(RebateLedgerEntryConnection::of);
    }

    @Query("myRebates")
    public Uni<@NonNull MyRebatesView> myRebates() {
        return service.mine(caller.get());
    }

    @Mutation("createRebateProgram")
    public Uni<RebateProgramView> createRebateProgram(@NonNull CreateRebateProgramRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("settleRebateProgram")
    public Uni<RebateSettlementView> settleRebateProgram(@NonNull @Id String id, @NonNull SettleRebateRequest input, String idempotencyKey) {
        return service.settle(caller.get(), Ids.parseOrNotFound(id, "rebate programme"), input, idempotencyKey).map(Outcome::body);
    }
}
