package dev.channelhub.pricing;

import dev.channelhub.catalog.ProductFilter;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.inventory.StockService;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.metrics.BusinessMetrics;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

    @Inject
    PricingCache cache;

    @Inject
    StockService stock;

    @Inject
    BusinessMetrics metrics;

    /** How often a quote re-reads when pricing headers keep changing under it, before it goes with the latest. */
    static final int EPOCH_RETRIES = 3;

    public Uni<QuoteView> quote(Caller caller, QuoteRequest request) {
        caller.require(QUOTERS);
        validator.check(request);
        Timer.Sample started = Timer.start();
        // On the replica unless it has not replayed a pricing write this instance made for the tenant (Db.withFreshReads).
        return db.withFreshReads(caller.tenant(), conn -> quote(conn, caller, request))
                .invoke(() -> started.stop(metrics.quoteLatency()));
    }

    /** The whole engine on the given connection: orders call it inside their own transaction. */
    public Uni<QuoteView> quote(SqlClient client, Caller caller, QuoteRequest request) {
        return quoteForOrder(client, caller, request).map(PricedOrder::quote);
    }

    /**
     * {@link #quote(SqlClient, Caller, QuoteRequest)} plus what the same statement read about the products that order
     * placement needs besides prices (the courses SKUs require), so placement adds no statement to learn it.
     */
    public Uni<PricedOrder> quoteForOrder(SqlClient client, Caller caller, QuoteRequest request) {
        caller.require(QUOTERS);
        validator.check(request);
        UUID channelId = Ids.parse(request.channelId(), "channelId");
        UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
        checkChannelAllowed(caller, channelId);
        Instant at = request.at() == null ? Instant.now() : request.at();
        List<QuoteLineRequest> lines = request.lines();
        return resolve(client, caller.tenant(), channelId, customerId, request.currency(), at, false,
                lines.stream().map(QuoteLineRequest::sku).toList())
                .map(resolved -> {
                    List<QuoteLineView> priced = new ArrayList<>(lines.size());
                    List<FieldError> missing = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        QuoteLineRequest line = lines.get(i);
                        PriceResolver.Outcome o = resolved.resolve(line.sku(), line.quantity());
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
                    BigDecimal total = Money.round(BigDecimal.ZERO, resolved.currency());
                    for (QuoteLineView l : priced) {
                        total = total.add(l.lineTotal());
                    }
                    Map<String, String> courses = new java.util.LinkedHashMap<>();
                    for (QuoteLineView l : priced) {
                        String course = resolved.requiredCourses().get(l.sku());
                        if (course != null) {
                            courses.put(l.sku(), course);
                        }
                    }
                    return new PricedOrder(new QuoteView(resolved.currency(), List.copyOf(priced), total), courses);
                });
    }

    /**
     * Batched prices for GraphQL {@code Product.price}: one price (or null) per product, in input order, at a
     * constant number of statements for any page size (one, once the tenant's pricing headers are cached).
     */
    public Uni<List<QuoteLineView>> prices(Caller caller, String channelId, String customerId, String currency, Integer quantity,
                                           List<ProductView> forProducts) {
        caller.require(QUOTERS);
        int qty = checkQuantity(quantity);
        UUID channel = channelId == null && caller.isPartnerOnly() ? caller.partnerChannelId() : Ids.parse(channelId, "channelId");
        UUID customer = Ids.parseNullable(customerId, "customerId");
        checkChannelAllowed(caller, channel);
        List<String> skus = forProducts.stream().map(ProductView::sku).toList();
        return db.withFreshReads(caller.tenant(), client -> resolve(client, caller.tenant(), channel, customer, currency, Instant.now(), false, skus))
                .map(r -> {
                    List<QuoteLineView> out = new ArrayList<>(skus.size());
                    for (String sku : skus) {
                        out.add(r.resolve(sku, qty).line());
                    }
                    return out;
                });
    }

    /** A channel's catalogue: only products with a price on that channel, each with its resolved unit price. */
    public Uni<Page<CatalogItemView>> catalog(Caller caller, String channelId, String customerId, String currency, Integer quantity,
                                              ProductFilter filter, PageRequest page) {
        int qty = checkQuantity(quantity);
        // Catalogue pages read the replica when there is one: they may lag the primary by its replay delay.
        return db.withReadConnection(client -> catalogProducts(client, caller, channelId, customerId, currency, filter, page).flatMap(found -> {
            List<ProductView> rows = found.rows();
            List<String> skus = rows.stream().map(ProductView::sku).toList();
            return resolve(client, caller.tenant(), found.channelId(), found.customerId(), currency, found.at(), true, skus)
                    // Available to promise for the whole page in one statement (the locations serving this channel).
                    .flatMap(r -> stock.availableToPromise(client, caller.tenant(), found.channelId(), skus).map(atp -> {
                List<CatalogItemView> items = new ArrayList<>(rows.size());
                for (ProductView p : rows) {
                    PriceResolver.Outcome o = r.resolve(p.sku(), qty);
                    QuoteLineView l = o.line();
                    items.add(new CatalogItemView(p.id(), p.sku(), p.name(), p.category(), p.unit(), r.currency(),
                            qty, l == null ? null : l.listPrice(), l == null ? null : l.unitPrice(), l == null ? null : l.priceListCode(),
                            l == null ? null : l.promotionCode(), l != null && l.floorApplied(), o.noPriceReason(),
                            atp.getOrDefault(p.sku(), 0L)));
                }
                return Page.of(items, page, CatalogItemView::productId);
            }));
        }));
    }

    private static int checkQuantity(Integer quantity) {
        int qty = quantity == null ? 1 : quantity;
        if (qty < 1 || qty > 1_000_000) {
            throw ApiException.invalid("quantity", "must be between 1 and 1000000");
        }
        return qty;
    }

    record CatalogRows(UUID channelId, UUID customerId, Instant at, List<ProductView> rows) {
    }

    /** Products of a channel's catalogue (one page, fetched with one extra row), for REST and GraphQL. */
    public Uni<Page<ProductView>> catalogPage(Caller caller, String channelId, String customerId, String currency, ProductFilter filter,
                                              PageRequest page) {
        return db.withReadConnection(client -> catalogProducts(client, caller, channelId, customerId, currency, filter, page))
                .map(found -> Page.of(found.rows(), page, ProductView::id).map(p -> caller.isPartnerOnly() ? withoutFloor(p) : p));
    }

    /**
     * One page of the products the channel can buy: those with an entry in a list that applies to it (and to the
     * customer's group). With warm headers that is one statement (two with a customer), checked against the epoch.
     */
    private Uni<CatalogRows> catalogProducts(SqlClient client, Caller caller, String channelId, String customerId, String currency,
                                             ProductFilter filter, PageRequest page) {
        caller.require(QUOTERS);
        UUID channel = Ids.parse(channelId, "channelId");
        UUID customer = Ids.parseNullable(customerId, "customerId");
        checkChannelAllowed(caller, channel);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String tenant = caller.tenant();
        // The channel first (cached): an unknown channel is the answer even when the customer is unknown too.
        return headers(client, tenant, channel, currency, at, true).flatMap(known -> customer(client, tenant, customer)).flatMap(c -> {
            if (customer != null && c.isEmpty()) {
                throw ApiException.invalid("customerId", "no such customer");
            }
            String group = c.map(CustomerView::group).orElse(null);
            return catalogPage(client, tenant, channel, group, currency, at, filter, page, EPOCH_RETRIES)
                    .map(rows -> new CatalogRows(channel, customer, at, rows));
        });
    }

    private Uni<List<ProductView>> catalogPage(SqlClient client, String tenant, UUID channelId, String customerGroup, String currency,
                                               Instant at, ProductFilter filter, PageRequest page, int retries) {
        return consistent(client, tenant, channelId, currency, at, true, h -> {
            PriceResolver.Context context = h.context(customerGroup);
            List<UUID> listIds = h.snapshot().lists.stream().filter(l -> PriceResolver.applies(l, context)).map(PriceResolver.PriceList::id)
                    .toList();
            return lists.catalogPage(client, tenant, listIds, filter, page);
        }, PriceListRepository.CatalogRows::epoch, retries).map(read -> read.result().rows());
    }

    private static ProductView withoutFloor(ProductView p) {
        return new ProductView(p.id(), p.sku(), p.name(), p.category(), p.unit(), p.status(), null, p.currency(), p.version(),
                p.createdAt(), p.updatedAt(), null, p.requiresCertification());
    }

    /** A resolver for one buyer and its SKUs, with the products it needs. */
    record Resolved(PriceResolver resolver, Map<String, PriceResolver.Product> products, String currency,
                    Map<String, String> requiredCourses) {
        PriceResolver.Outcome resolve(String sku, int quantity) {
            return resolver.resolve(sku, quantity, products.get(sku));
        }
    }

    /** The cached headers for one channel: the snapshot, the channel as pricing sees it, the currency and the time. */
    record Headers(PricingCache.Snapshot snapshot, UUID channelId, PricingCache.Channel channel, String currency, Instant at) {
        PriceResolver.Context context(String customerGroup) {
            return new PriceResolver.Context(channelId, channel.type(), Set.copyOf(channel.groupIds()), customerGroup, currency, at);
        }
    }

    /** {@code channelInPath}: an unknown channel is NOT_FOUND (a path), otherwise a 400 naming {@code channelId}. */
    private Uni<Headers> headers(SqlClient client, String tenant, UUID channelId, String requestedCurrency, Instant at,
                                 boolean channelInPath) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return cache.snapshot(client, tenant).flatMap(snapshot -> cache.channel(client, tenant, snapshot, channelId).map(found -> {
            PricingCache.Channel channel = found.orElseThrow(() -> channelInPath ? ApiException.notFound("channel", channelId)
                    : ApiException.invalid("channelId", "no such channel"));
            String currency = requestedCurrency == null || requestedCurrency.isBlank() ? channel.currency()
                    : Money.currency(requestedCurrency, "currency");
            return new Headers(snapshot, channelId, channel, currency, when);
        }));
    }

    /**
     * The engine's read: cached headers, then one statement for the epoch, the customer, the products and their
     * entries in the lists that may apply. If the epoch moved, the headers are reloaded and the statement repeated.
     */
    Uni<Resolved> resolve(SqlClient client, String tenant, UUID channelId, UUID customerId, String requestedCurrency, Instant at,
                          boolean channelInPath, List<String> skus) {
        return resolve(client, tenant, channelId, customerId, requestedCurrency, at, channelInPath, new LinkedHashSet<>(skus), EPOCH_RETRIES);
    }

    private Uni<Resolved> resolve(SqlClient client, String tenant, UUID channelId, UUID customerId, String requestedCurrency, Instant at,
                                  boolean channelInPath, Set<String> skus, int retries) {
        return consistent(client, tenant, channelId, requestedCurrency, at, channelInPath, h -> {
            // Before the customer is known, every list that applies to the channel (whatever its customer groups).
            PriceResolver.Context channelOnly = h.context(null);
            List<PriceResolver.PriceList> mayApply = h.snapshot().lists.stream()
                    .filter(l -> PriceResolver.appliesToChannel(l, channelOnly)).toList();
            return lists.skuData(client, tenant, skus, mayApply.stream().map(PriceResolver.PriceList::id).toList(), customerId)
                    .map(data -> new SkuRead(mayApply, data));
        }, read -> read.data().epoch(), retries).map(read -> {
            Headers h = read.headers();
            PriceListRepository.SkuData data = read.result().data();
            if (customerId != null && !data.customerFound()) {
                throw ApiException.invalid("customerId", "no such customer");
            }
            List<PriceResolver.PriceList> mayApply = read.result().mayApply();
            List<PriceResolver.PriceList> withEntries = new ArrayList<>(mayApply.size());
            for (PriceResolver.PriceList l : mayApply) {
                withEntries.add(l.withEntries(data.entriesByList().getOrDefault(l.id(), List.of())));
            }
            PriceResolver resolver = new PriceResolver(h.context(data.customerGroup()), withEntries, h.snapshot().promotions);
            return new Resolved(resolver, data.products(), h.currency(), data.requiredCourses());
        });
    }

    private record SkuRead(List<PriceResolver.PriceList> mayApply, PriceListRepository.SkuData data) {
    }

    /** What a statement read with the cached headers it was given. */
    private record Consistent<T>(Headers headers, T result) {
    }

    /**
     * Runs {@code read} with the cached headers. When the statement saw another pricing epoch than the headers',
     * they are dropped and the read repeated (at most {@code retries} times, then the latest read is used).
     */
    private <T> Uni<Consistent<T>> consistent(SqlClient client, String tenant, UUID channelId, String requestedCurrency, Instant at,
                                              boolean channelInPath, Function<Headers, Uni<T>> read, ToLongFunction<T> epochOf,
                                              int retries) {
        return headers(client, tenant, channelId, requestedCurrency, at, channelInPath).flatMap(h -> read.apply(h).flatMap(result -> {
            if (epochOf.applyAsLong(result) != h.snapshot().epoch) {
                cache.stale(tenant, h.snapshot());
                if (retries > 0) {
                    return consistent(client, tenant, channelId, requestedCurrency, at, channelInPath, read, epochOf, retries - 1);
                }
            }
            return Uni.createFrom().item(new Consistent<>(h, result));
        }));
    }

    /**
     * Partners price only their own channel. Another channel's prices are NOT_FOUND (contract §3: another channel's
     * data is 404, never 403), so a partner cannot tell which channel ids exist.
     */
    static void checkChannelAllowed(Caller caller, UUID channelId) {
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            throw ApiException.notFound("channel", channelId);
        }
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
        return channels.list(caller, new dev.channelhub.channel.ChannelFilter(null,
                        dev.channelhub.channel.ChannelStatus.ACTIVE, null, null, null), PageRequest.of(PageRequest.MAX_LIMIT, cursor,
                        "limit", "cursor"))
                .flatMap(page -> {
                    acc.addAll(page.items());
                    return page.nextCursor() == null ? Uni.createFrom().item(acc) : activeChannels(caller, page.nextCursor(), acc);
                });
    }

    // --- Other features' data, behind small methods so their services can evolve underneath.

    /** The customer, when one is given (empty otherwise); the caller decides what an unknown one means. */
    private Uni<Optional<CustomerView>> customer(SqlClient client, String tenant, UUID customerId) {
        return customerId == null ? Uni.createFrom().item(Optional.empty()) : customers.find(client, tenant, customerId);
    }
}
