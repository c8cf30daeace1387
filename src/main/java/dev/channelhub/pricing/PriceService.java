package dev.channelhub.pricing;

import dev.channelhub.catalog.ProductRepository.ProductFilter;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The price engine's use cases: quotes, a channel's priced catalogue, batched prices for GraphQL. Whatever the
 * number of lines, the candidates cost a constant number of statements (products, lists with entries,
 * promotions), and {@link PriceResolver} decides in memory.
 */
@ApplicationScoped
public class PriceService {

    static final Role[] QUOTERS = {Role.MANAGER, Role.SALES, Role.PARTNER, Role.INTEGRATION};

    @Inject
    Db db;

    @Inject
    ProductService products;

    @Inject
    PriceListRepository lists;

    @Inject
    PromotionRepository promotions;

    @Inject
    ChannelService channels;

    @Inject
    CustomerService customers;

    @Inject
    RequestValidator validator;

    /** Who buys where, resolved once per request. */
    record Buyer(PriceListRepository.Situation situation, PriceResolver.Context context) {
    }

    public Uni<QuoteView> quote(Caller caller, QuoteRequest request) {
        return quote(db.pool(), caller, request);
    }

    /** The whole engine on the given client: orders call it inside their own transaction. */
    public Uni<QuoteView> quote(SqlClient client, Caller caller, QuoteRequest request) {
        caller.require(QUOTERS);
        validator.check(request);
        UUID channelId = Ids.parse(request.channelId(), "channelId");
        UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
        checkChannelAllowed(caller, channelId);
        Instant at = request.at() == null ? Instant.now() : request.at();
        List<QuoteLineRequest> lines = request.lines();
        return buyer(client, caller.tenant(), channelId, customerId, request.currency(), at, false)
                .flatMap(buyer -> resolve(client, buyer, lines.stream().map(QuoteLineRequest::sku).toList())
                        .map(resolver -> {
                            List<QuoteLineView> priced = new ArrayList<>(lines.size());
                            List<FieldError> missing = new ArrayList<>();
                            for (int i = 0; i < lines.size(); i++) {
                                QuoteLineRequest line = lines.get(i);
                                PriceResolver.Outcome o = resolver.resolver().resolve(line.sku(), line.quantity(),
                                        resolver.products().get(line.sku()));
                                if (o.priced()) {
                                    priced.add(o.line());
                                } else {
                                    missing.add(new FieldError("lines[" + i + "].sku", line.sku() + ": " + o.noPriceReason()));
                                }
                            }
                            if (!missing.isEmpty()) {
                                throw new ApiException(ErrorCode.NO_PRICE, missing.size() == 1 ? missing.get(0).message()
                                        : "no price for " + String.join(", ", missing.stream().map(f -> f.message()
                                        .substring(0, f.message().indexOf(':'))).toList()), missing);
                            }
                            BigDecimal total = Money.round(BigDecimal.ZERO, buyer.context().currency());
                            for (QuoteLineView l : priced) {
                                total = total.add(l.lineTotal());
                            }
                            return new QuoteView(buyer.context().currency(), List.copyOf(priced), total);
                        }));
    }

    /**
     * Batched prices for GraphQL {@code Product.price}: one price (or null) per product, in input order, at a
     * constant number of statements for any page size.
     */
    public Uni<List<QuoteLineView>> prices(Caller caller, String channelId, String customerId, String currency, Integer quantity,
                                           List<ProductView> forProducts) {
        caller.require(QUOTERS);
        int qty = quantity == null ? 1 : quantity;
        if (qty < 1 || qty > 1_000_000) {
            throw ApiException.invalid("quantity", "must be between 1 and 1000000");
        }
        UUID channel = channelId == null && caller.isPartnerOnly() ? caller.partnerChannelId() : Ids.parse(channelId, "channelId");
        UUID customer = Ids.parseNullable(customerId, "customerId");
        checkChannelAllowed(caller, channel);
        SqlClient client = db.pool();
        List<String> skus = forProducts.stream().map(ProductView::sku).toList();
        return buyer(client, caller.tenant(), channel, customer, currency, Instant.now(), false)
                .flatMap(buyer -> resolve(client, buyer, skus))
                .map(r -> {
                    List<QuoteLineView> out = new ArrayList<>(skus.size());
                    for (String sku : skus) {
                        PriceResolver.Outcome o = r.resolver().resolve(sku, qty, r.products().get(sku));
                        out.add(o.line());
                    }
                    return out;
                });
    }

    /** A channel's catalogue: only products with a price on that channel, each with its resolved unit price. */
    public Uni<Page<CatalogItemView>> catalog(Caller caller, String channelId, String customerId, String currency, Integer quantity,
                                              ProductFilter filter, PageRequest page) {
        return catalogProducts(caller, channelId, customerId, currency, filter, page).flatMap(found -> {
            int qty = quantity == null ? 1 : quantity;
            if (qty < 1 || qty > 1_000_000) {
                throw ApiException.invalid("quantity", "must be between 1 and 1000000");
            }
            List<ProductView> rows = found.rows();
            List<String> skus = rows.stream().map(ProductView::sku).toList();
            return resolve(db.pool(), found.buyer(), skus).map(r -> {
                List<CatalogItemView> items = new ArrayList<>(rows.size());
                for (ProductView p : rows) {
                    PriceResolver.Outcome o = r.resolver().resolve(p.sku(), qty, r.products().get(p.sku()));
                    QuoteLineView l = o.line();
                    items.add(new CatalogItemView(p.id(), p.sku(), p.name(), p.category(), p.unit(), found.buyer().context().currency(),
                            qty, l == null ? null : l.listPrice(), l == null ? null : l.unitPrice(), l == null ? null : l.priceListCode(),
                            l == null ? null : l.promotionCode(), l != null && l.floorApplied(), o.noPriceReason()));
                }
                return Page.of(items, page, CatalogItemView::productId);
            });
        });
    }

    record CatalogRows(Buyer buyer, List<ProductView> rows) {
    }

    /** Products of a channel's catalogue (one page, fetched with one extra row), for REST and GraphQL. */
    public Uni<Page<ProductView>> catalogPage(Caller caller, String channelId, String customerId, String currency, ProductFilter filter,
                                              PageRequest page) {
        return catalogProducts(caller, channelId, customerId, currency, filter, page)
                .map(found -> Page.of(found.rows(), page, ProductView::id).map(p -> caller.isPartnerOnly() ? withoutFloor(p) : p));
    }

    private Uni<CatalogRows> catalogProducts(Caller caller, String channelId, String customerId, String currency, ProductFilter filter,
                                             PageRequest page) {
        caller.require(QUOTERS);
        UUID channel = Ids.parse(channelId, "channelId");
        UUID customer = Ids.parseNullable(customerId, "customerId");
        checkChannelAllowed(caller, channel);
        SqlClient client = db.pool();
        return buyer(client, caller.tenant(), channel, customer, currency, Instant.now(), true)
                .flatMap(buyer -> lists.catalogPage(client, buyer.situation(), filter, page).map(rows -> new CatalogRows(buyer, rows)));
    }

    private static ProductView withoutFloor(ProductView p) {
        return new ProductView(p.id(), p.sku(), p.name(), p.category(), p.unit(), p.status(), null, p.currency(), p.version(),
                p.createdAt(), p.updatedAt());
    }

    record Resolution(PriceResolver resolver, Map<String, PriceResolver.Product> products) {
    }

    /** Loads every candidate for {@code skus} with three statements and builds the resolver. */
    Uni<Resolution> resolve(SqlClient client, Buyer buyer, List<String> skus) {
        Set<String> distinct = new LinkedHashSet<>(skus);
        String tenant = buyer.situation().tenant();
        return products.mapBySku(client, tenant, distinct).flatMap(found -> {
            Map<String, PriceResolver.Product> known = new java.util.HashMap<>();
            Set<String> categories = new HashSet<>();
            found.values().forEach(p -> {
                known.put(p.sku(), new PriceResolver.Product(p.sku(), p.category(), p.active(), p.floorPrice(), p.currency()));
                if (p.category() != null) {
                    categories.add(p.category());
                }
            });
            return lists.candidates(client, buyer.situation(), distinct)
                    .flatMap(candidateLists -> promotions.candidates(client, buyer.situation(), distinct, categories)
                            .map(candidatePromotions -> new Resolution(
                                    new PriceResolver(buyer.context(), candidateLists, candidatePromotions), known)));
        });
    }

    /** Partners price only their own channel; asking for another is FORBIDDEN (the contract's rule for quotes). */
    static void checkChannelAllowed(Caller caller, UUID channelId) {
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            throw ApiException.forbidden("a partner may only price its own channel");
        }
    }

    /** {@code channelInPath}: an unknown channel is NOT_FOUND (a path), otherwise a 400 naming {@code channelId}. */
    Uni<Buyer> buyer(SqlClient client, String tenant, UUID channelId, UUID customerId, String requestedCurrency, Instant at,
                     boolean channelInPath) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return findChannel(client, tenant, channelId).flatMap(found -> {
            ChannelView channel = found.orElseThrow(() -> channelInPath ? ApiException.notFound("channel", channelId)
                    : ApiException.invalid("channelId", "no such channel"));
            String currency = requestedCurrency == null || requestedCurrency.isBlank() ? channel.currency()
                    : Money.currency(requestedCurrency, "currency");
            return groupIdsOf(client, tenant, channelId)
                    .flatMap(groups -> customerGroup(client, tenant, customerId).map(group -> {
                        PriceListRepository.Situation s = new PriceListRepository.Situation(tenant, currency, when, channelId, groups,
                                channel.type().name(), group.orElse(null));
                        return new Buyer(s, new PriceResolver.Context(channelId, channel.type().name(), Set.copyOf(groups),
                                group.orElse(null), currency, when));
                    }));
        });
    }

    /**
     * HQ's conflict view for one SKU: the resolved price of one unit for every active channel (no customer group),
     * grouped per channel type and per channel group that a list or promotion targets; flags prices below floor.
     * Statements: product, lists, promotions, one per targeted group, one per 500 active channels.
     */
    public Uni<PriceConflictsView> conflicts(Caller caller, String sku, String currency, Instant at) {
        caller.require(Role.MANAGER, Role.SALES);
        if (sku == null || sku.isBlank()) {
            throw ApiException.invalid("sku", "is required");
        }
        String requested = currency == null || currency.isBlank() ? null : Money.currency(currency, "currency");
        Instant when = (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.MICROS);
        SqlClient client = db.pool();
        String tenant = caller.tenant();
        return products.mapBySku(client, tenant, List.of(sku)).flatMap(found -> {
            ProductView product = found.get(sku);
            if (product == null) {
                throw ApiException.notFound("product", sku);
            }
            String cur = requested == null ? product.currency() : requested;
            Set<String> categories = product.category() == null ? Set.of() : Set.of(product.category());
            return lists.allCandidates(client, tenant, cur, when, List.of(sku))
                    .flatMap(candidateLists -> promotions.allCandidates(client, tenant, cur, when, List.of(sku), categories)
                            .flatMap(candidatePromotions -> {
                                Set<UUID> targeted = new java.util.TreeSet<>();
                                candidateLists.forEach(l -> targeted.addAll(l.scope().channelGroupIds()));
                                candidatePromotions.forEach(p -> targeted.addAll(p.scope().channelGroupIds()));
                                return members(client, tenant, List.copyOf(targeted))
                                        .flatMap(members -> activeChannels(caller, null, new ArrayList<>())
                                                .map(active -> ConflictReport.build(product, cur, when, active, members,
                                                        candidateLists, candidatePromotions)));
                            }));
        });
    }

    private Uni<Map<UUID, Set<UUID>>> members(SqlClient client, String tenant, List<UUID> groups) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(groups)
                .onItem().transformToUniAndConcatenate(g -> channels.memberIds(client, tenant, List.of(g)).map(ids -> Map.entry(g, ids)))
                .collect().asList()
                .map(entries -> {
                    Map<UUID, Set<UUID>> out = new java.util.LinkedHashMap<>();
                    entries.forEach(e -> out.put(e.getKey(), Set.copyOf(e.getValue())));
                    return out;
                });
    }

    private Uni<List<ChannelView>> activeChannels(Caller caller, String cursor, List<ChannelView> acc) {
        return channels.list(caller, new dev.channelhub.channel.ChannelRepository.ChannelFilter(null,
                        dev.channelhub.channel.ChannelStatus.ACTIVE, null, null, null), PageRequest.of(PageRequest.MAX_LIMIT, cursor,
                        "limit", "cursor"))
                .flatMap(page -> {
                    acc.addAll(page.items());
                    return page.nextCursor() == null ? Uni.createFrom().item(acc) : activeChannels(caller, page.nextCursor(), acc);
                });
    }

    // --- Other features' data, behind small methods so their services can evolve underneath.

    private Uni<Optional<ChannelView>> findChannel(SqlClient client, String tenant, UUID id) {
        return channels.find(client, tenant, id);
    }

    private Uni<List<UUID>> groupIdsOf(SqlClient client, String tenant, UUID channelId) {
        return channels.groupIdsOf(client, tenant, channelId);
    }

    /** The customer's group (for customer-group scopes); an unknown customer is a 400 naming customerId. */
    private Uni<Optional<String>> customerGroup(SqlClient client, String tenant, UUID customerId) {
        if (customerId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return customers.find(client, tenant, customerId).map(found -> Optional.ofNullable(
                found.orElseThrow(() -> ApiException.invalid("customerId", "no such customer")).group()));
    }
}
