package dev.channelhub.pricing;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Promotions: same readers and writers as price lists; partners never see them. */
@ApplicationScoped
public class PromotionService {

    @Inject
    PromotionRepository promotions;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<PromotionView>> create(Caller caller, CreatePromotionRequest request, String idempotencyKey) {
        caller.require(PriceListService.WRITERS);
        validator.check(request);
        if (request.kind() == PromotionKind.PERCENT_OFF && request.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ApiException.invalid("value", "a percentage must be between 0 and 100");
        }
        String currency = request.kind() == PromotionKind.PERCENT_OFF && (request.currency() == null || request.currency().isBlank())
                ? null : Money.currency(request.currency(), "currency");
        PriceScope scope = PriceScope.orEmpty(request.scope(), "scope");
        PriceListService.checkWindow(request.validFrom(), request.validTo());
        List<String> skus = request.skus() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.skus()));
        List<String> categories = request.categories() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.categories()));
        int minQuantity = request.minQuantity() == null ? 1 : request.minQuantity();
        return idempotency.run(caller, idempotencyKey, "POST /promotions", request, PromotionView.class,
                () -> db.inTransaction(tx -> {
                    UUID id = Ids.newId();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return promotions.insert(tx, caller.tenant(), id, request, currency, scope, skus, categories, minQuantity, now)
                            .onFailure(PriceListService::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "promotion code " + request.code() + " already exists"))
                            .flatMap(x -> promotions.find(tx, caller.tenant(), id))
                            .map(Optional::orElseThrow)
                            .call(view -> outbox.append(tx, caller, "promotion.created", "promotion", id, null, view))
                            .map(Outcome::created);
                }));
    }

    public Uni<PromotionView> get(Caller caller, UUID id) {
        caller.require(PriceListService.READERS);
        return promotions.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("promotion", id)));
    }

    public Uni<Page<PromotionView>> list(Caller caller, String sku, PageRequest page) {
        caller.require(PriceListService.READERS);
        return promotions.list(caller.tenant(), sku == null || sku.isBlank() ? null : sku, page)
                .map(rows -> Page.of(rows, page, PromotionView::id));
    }
}
