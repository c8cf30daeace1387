package dev.channelhub.policy.graphql;

import dev.channelhub.policy.PolicyService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The policy types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class PolicyNodes {

    @Produces
    @Unremovable
    NodeKind policy(PolicyService service) {
        return NodeKind.of("Policy", "policy", service::get);
    }
}
