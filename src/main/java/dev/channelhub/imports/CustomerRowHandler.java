package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code POST /imports/customers}: each row is an identify call ({@code IdentifyRequest}), so a row whose identities
 * are already known attaches to (or merges) existing customers exactly as the single-row API does. CSV columns
 * {@code phone, email, wechat, external} become identities; NDJSON rows may carry {@code identities} directly.
 */
@ApplicationScoped
public class CustomerRowHandler implements ImportRowHandler {

    private static final Map<String, String> IDENTITY_COLUMNS = Map.of("phone", "PHONE", "email", "EMAIL", "wechat", "WECHAT",
            "external", "EXTERNAL");

    @Inject
    CustomerService customers;

    @Inject
    ObjectMapper mapper;

    @Override
    public String kind() {
        return "customers";
    }

    @Override
    public Uni<Void> apply(Caller caller, ObjectNode row) {
        return Uni.createFrom().item(() -> Rows.convert(mapper, withIdentities(row), IdentifyRequest.class))
                .flatMap(request -> customers.identify(caller, request, null)).replaceWithVoid();
    }

    private ObjectNode withIdentities(ObjectNode row) {
        ObjectNode out = row.deepCopy();
        ArrayNode identities = out.has("identities") && out.get("identities").isArray() ? (ArrayNode) out.get("identities") : null;
        for (var e : IDENTITY_COLUMNS.entrySet()) {
            if (out.hasNonNull(e.getKey())) {
                if (identities == null) {
                    identities = out.putArray("identities");
                }
                identities.addObject().put("kind", e.getValue()).set("value", out.get(e.getKey()));
                out.remove(e.getKey());
            }
        }
        return out;
    }
}
