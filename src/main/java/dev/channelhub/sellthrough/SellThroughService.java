package dev.channelhub.sellthrough;

import dev.channelhub.catalog.ProductService;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import dev.channelhub.shared.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sell-through reporting (API-CONTRACT-2 §9): a partner reports what its channel sold (sell-out) and holds (stock
 * snapshots); managers, sales and integrations may report for any channel. Another partner's channel is 404.
 */
@ApplicationScoped
public class SellThroughService {

    /** Lines per request; larger uploads go through {@code POST /imports/sell-out}. */
    public static final int MAX_LINES = 5000;

    private static final Role[] REPORTERS = {Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER};
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final SellThroughRepository repo;
    private final ChannelService channels;
    private final ProductService products;
    private final IdempotencyService idempotency;
    private final EventOutbox outbox;
    private final RequestValidator validator;
    private final Db db;

    public SellThroughService(SellThroughRepository repo, ChannelService channels, ProductService products, IdempotencyService idempotency,
                              EventOutbox outbox, RequestValidator validator, Db db) {
        this.repo = repo;
        this.channels = channels;
        this.products = products;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.validator = validator;
        this.db = db;
    }

    public Uni<Outcome<SellOutReportView>> reportSellOut(Caller caller, UUID channelId, ReportSellOutRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(REPORTERS);
            ownChannelOnly(caller, channelId);
            validator.check(request);
            List<SellOutLineRequest> lines = request.lines();
            List<UUID> customers = new ArrayList<>(lines.size());
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                SellOutLineRequest l = lines.get(i);
                checkDate(l.date(), "lines[" + i + "].date", errors);
                customers.add(l.customerId() == null ? null : Ids.parse(l.customerId(), "lines[" + i + "].customerId"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            String tenant = caller.tenant();
            return idempotency.runRecording(caller, idempotencyKey, "POST /channels/" + channelId + "/sell-out", request,
                    SellOutReportView.class, completion -> requireChannel(tenant, channelId)
                            .flatMap(x -> checkSkus(tenant, lines.stream().map(SellOutLineRequest::sku).toList()))
                            .flatMap(x -> checkCustomers(tenant, customers))
                            .flatMap(x -> db.inTransaction(tx -> {
                                UUID reportId = Ids.newId();
                                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                                SellOutReportView view = view(reportId, channelId, lines, now);
                                return repo.insertSellOut(tx, tenant, reportId, channelId, lines, customers, caller.subject(), now)
                                        .flatMap(y -> outbox.append(tx, caller, "sellOut.reported", "sellOutReport", reportId, channelId,
                                                event(view, lines)))
                                        .flatMap(y -> completion.record(tx, Outcome.created(view)));
                            })));
        });
    }

    public Uni<StockReportView> reportStock(Caller caller, UUID channelId, String date, StockReportRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(REPORTERS);
            ownChannelOnly(caller, channelId);
            LocalDate day = Params.date(date, "date");
            validator.check(request);
            List<FieldError> errors = new ArrayList<>();
            checkDate(day, "date", errors);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.lines().size(); i++) {
                if (!seen.add(request.lines().get(i).sku())) {
                    errors.add(new FieldError("lines[" + i + "].sku", "appears more than once"));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            String tenant = caller.tenant();
            List<StockReportLineRequest> lines = request.lines();
            return requireChannel(tenant, channelId)
                    .flatMap(x -> checkSkus(tenant, lines.stream().map(StockReportLineRequest::sku).toList()))
                    .flatMap(x -> db.inTransaction(tx -> {
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        StockReportView view = new StockReportView(channelId.toString(), day, lines.stream()
                                .map(l -> new StockReportLine(l.sku(), l.quantity()))
                                .sorted(Comparator.comparing(StockReportLine::sku)).toList(), now);
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("channelId", channelId.toString());
                        payload.put("date", day.toString());
                        payload.put("skus", lines.size());
                        payload.put("units", lines.stream().mapToLong(StockReportLineRequest::quantity).sum());
                        return repo.replaceStockReport(tx, tenant, channelId, day, lines, caller.subject(), now)
                                .flatMap(y -> outbox.append(tx, caller, "stockReport.reported", "channel", channelId, channelId, payload))
                                .replaceWith(view);
                    }));
        });
    }

    /** A partner reports for its own channel only; any other channel does not exist for it. */
    private static void ownChannelOnly(Caller caller, UUID channelId) {
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            throw ApiException.notFound("channel", channelId);
        }
    }

    private Uni<Void> requireChannel(String tenant, UUID channelId) {
        return channels.find(db.pool(), tenant, channelId).map(found -> {
            found.orElseThrow(() -> ApiException.notFound("channel", channelId));
            return null;
        });
    }

    /** Every line whose SKU is not in the catalogue, named by its index; nothing is written when one is unknown. */
    private Uni<Void> checkSkus(String tenant, List<String> skus) {
        return products.mapBySku(db.pool(), tenant, new HashSet<>(skus)).map(known -> {
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                if (!known.containsKey(skus.get(i))) {
                    unknown.add(new FieldError("lines[" + i + "].sku", "unknown SKU " + skus.get(i)));
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiException.invalid(unknown);
            }
            return null;
        });
    }

    private Uni<Void> checkCustomers(String tenant, List<UUID> customers) {
        Set<UUID> wanted = new HashSet<>(customers);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repo.knownCustomers(db.pool(), tenant, wanted).map(known -> {
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                if (customers.get(i) != null && !known.contains(customers.get(i))) {
                    unknown.add(new FieldError("lines[" + i + "].customerId", "no such customer"));
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiException.invalid(unknown);
            }
            return null;
        });
    }

    /** Sales and snapshots are dated in the channel's local calendar: not before 2000, not after tomorrow (UTC). */
    private static void checkDate(LocalDate date, String field, List<FieldError> errors) {
        if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            errors.add(new FieldError(field, "must be a date from 2000-01-01 to today"));
        }
    }

    private static SellOutReportView view(UUID reportId, UUID channelId, List<SellOutLineRequest> lines, Instant at) {
        LocalDate first = lines.stream().map(SellOutLineRequest::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = lines.stream().map(SellOutLineRequest::date).max(Comparator.naturalOrder()).orElseThrow();
        long units = lines.stream().mapToLong(SellOutLineRequest::quantity).sum();
        return new SellOutReportView(reportId.toString(), channelId.toString(), lines.size(), units, first, last, at);
    }

    private static Map<String, Object> event(SellOutReportView view, List<SellOutLineRequest> lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reportId", view.id());
        payload.put("channelId", view.channelId());
        payload.put("lines", view.lines());
        payload.put("units", view.units());
        payload.put("firstDate", view.firstDate().toString());
        payload.put("lastDate", view.lastDate().toString());
        payload.put("skus", lines.stream().map(SellOutLineRequest::sku).distinct().count());
        return payload;
    }
}
