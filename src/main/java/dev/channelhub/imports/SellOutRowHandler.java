package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.sellthrough.ReportSellOutRequest;
import dev.channelhub.sellthrough.SellOutLineRequest;
import dev.channelhub.sellthrough.SellThroughService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /imports/sell-out}: rows {@code channelId, sku, date, quantity, customerId?} recorded like
 * {@code POST /channels/{channelId}/sell-out} with one line (same checks, same sellOut.reported event). A partner's
 * rows may leave {@code channelId} out (its own channel); another channel fails the row (404).
 */
@ApplicationScoped
public class SellOutRowHandler implements ImportRowHandler {

    private static final String LINE = "lines[0].";

    private final SellThroughService sellThrough;
    private final ObjectMapper mapper;

    public SellOutRowHandler(SellThroughService sellThrough, ObjectMapper mapper) {
        this.sellThrough = sellThrough;
        this.mapper = mapper;
    }

    @Override
    public String kind() {
        return "sell-out";
    }

    @Override
    public boolean partnersMayUpload() {
        return true;
    }

    @Override
    public Uni<Void> apply(Caller caller, ObjectNode row) {
        return Uni.createFrom().item(() -> {
            UUID channelId;
            if (row.hasNonNull("channelId")) {
                if (!row.get("channelId").isTextual()) {
                    throw ApiException.invalid("channelId", "has the wrong type");
                }
                channelId = Ids.parse(row.get("channelId").asText(), "channelId");
            } else if (caller.isPartnerOnly()) {
                channelId = caller.partnerChannelId();
            } else {
                throw ApiException.invalid("channelId", "is required");
            }
            ObjectNode line = row.deepCopy();
            line.remove("channelId");
            SellOutLineRequest request = Rows.convert(mapper, line, SellOutLineRequest.class);
            return new Object[]{channelId, new ReportSellOutRequest(List.of(request))};
        }).flatMap(a -> sellThrough.reportSellOut(caller, (UUID) a[0], (ReportSellOutRequest) a[1], null)).replaceWithVoid()
                .onFailure(ApiException.class).transform(e -> asRow((ApiException) e));
    }

    /** The row's fields are the line's: "lines[0].sku" of the one-line report is the row's "sku". */
    private static ApiException asRow(ApiException e) {
        if (e.errors().isEmpty()) {
            return e;
        }
        List<FieldError> errors = e.errors().stream()
                .map(f -> new FieldError(f.field().startsWith(LINE) ? f.field().substring(LINE.length()) : f.field(), f.message())).toList();
        return new ApiException(e.code(), e.getMessage().replace(LINE, ""), errors);
    }
}
