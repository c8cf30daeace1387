package dev.channelhub.pricing;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
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
        // One Hibernate Reactive transaction: the promotion, promotion.created and the idempotency answer commit together.
        return idempotency.runRecording(caller, idempotencyKey, "POST /promotions", request, PromotionView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    UUID id = Ids.newId();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    PromotionEntity promotion = new PromotionEntity();
                    promotion.tenantId = caller.tenant();
                    promotion.id = id;
                    promotion.code = request.code();
                    promotion.name = request.name();
                    promotion.kind = request.kind();
                    promotion.value = request.value().setScale(4, RoundingMode.HALF_UP);
                    promotion.currency = currency;
                    promotion.setScope(scope);
                    promotion.skus = skus.toArray(new String[0]);
                    promotion.categories = categories.toArray(new String[0]);
                    promotion.minQuantity = minQuantity;
                    promotion.validFrom = PriceListEntity.micros(request.validFrom());
                    promotion.validTo = PriceListEntity.micros(request.validTo());
                    promotion.version = 1;
                    promotion.createdAt = now;
                    promotion.updatedAt = now;
                    return session.persist(promotion).call(session::flush)
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "promotion code " + request.code() + " already exists"))
                            .map(x -> promotion.toView())
                            .call(view -> outbox.append(session, caller, "promotion.created", "promotion", id, null, view))
                            .flatMap(view -> completion.record(session, Outcome.created(view)));
                }))).call(x -> db.fence(caller.tenant()));
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
