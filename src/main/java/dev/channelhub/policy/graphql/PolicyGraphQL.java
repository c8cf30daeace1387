package dev.channelhub.policy.graphql;

import dev.channelhub.policy.InboxItem;
import dev.channelhub.policy.PolicyKind;
import dev.channelhub.policy.PolicyPatch;
import dev.channelhub.policy.PolicyReach;
import dev.channelhub.policy.PolicyService;
import dev.channelhub.policy.PolicyView;
import dev.channelhub.policy.PublishPolicyRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.UUID;

@GraphQLApi
@CodedErrors
public class PolicyGraphQL {

    @Inject
    PolicyService service;

    @Inject
    CurrentCaller caller;

    @Query("policies")
    @Description("Every policy of the tenant (managers)")
    public Uni<PolicyConnection> policies(Integer first, String after, PolicyKind kind) {
        return service.list(caller.get(), kind, PageRequest.of(first, after, "first", "after")).map(PolicyConnection::of);
    }

    @Query("policy")
    @Description("One policy (partners: only one in effect that targets their channel)")
    public Uni<PolicyView> policy(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }

    @Query("myPolicies")
    @Description("The partner's policy inbox: unread first, then newest first")
    public Uni<PolicyInboxConnection> myPolicies(Integer first, String after, PolicyKind kind) {
        return service.inbox(caller.get(), kind, PageRequest.of(first, after, "first", "after"))
                .map(page -> PolicyInboxConnection.of(page, page.items().stream().map(PolicyService::cursorKey).toList()));
    }

    @Mutation("publishPolicy")
    public Uni<PolicyView> publishPolicy(@NonNull PublishPolicyRequest input, String idempotencyKey) {
        return service.publish(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updatePolicy")
    @Description("Publishes a new version of a policy")
    public Uni<PolicyView> updatePolicy(@NonNull @Id String id, @NonNull PolicyPatch input, Integer version) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "policy"), input, version);
    }

    @Mutation("readPolicy")
    public Uni<InboxItem> readPolicy(@NonNull @Id String id) {
        return service.read(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }

    @Mutation("acknowledgePolicy")
    public Uni<InboxItem> acknowledgePolicy(@NonNull @Id String id, Integer version) {
        return service.acknowledge(caller.get(), Ids.parseOrNotFound(id, "policy"), version);
    }

    @Description("Who the policy reached (managers)")
    public Uni<List<PolicyReach>> reach(@Source List<PolicyView> policies) {
        return service.reach(caller.get(), policies.stream().map(p -> UUID.fromString(p.id())).toList());
    }
}
