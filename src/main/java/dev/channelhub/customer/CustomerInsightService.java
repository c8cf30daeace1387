package dev.channelhub.customer;

import dev.channelhub.customer.CustomerOpenLeads.OpenLead;
import dev.channelhub.customer.CustomerOrderFigures.ChannelFigures;
import dev.channelhub.customer.CustomerOrderFigures.OrderStats;
import dev.channelhub.customer.CustomerOrderFigures.RecentOrder;
import dev.channelhub.customer.CustomerRepository.Seen;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer 360° view and its parts, each batched over customers (one statement per part, whatever the
 * number of customers) so GraphQL nested fields and the REST view share them. Order figures come from the
 * order feature ({@link CustomerOrderFigures}) and open leads from the lead feature ({@link CustomerOpenLeads});
 * while a feature is absent its part is zero/empty. A partner sees only its own channel's slice.
 */
@ApplicationScoped
public class CustomerInsightService {

    static final int RECENT = 10;

    @Inject
    CustomerService service;

    @Inject
    CustomerRepository customers;

    @Inject
    Db db;

    @Inject
    @Any
    Instance<CustomerOrderFigures> orderFigures;

    @Inject
    @Any
    Instance<CustomerOpenLeads> openLeads;

    @Inject
    @Any
    Instance<CustomerServiceCases> serviceCases;

    public Uni<Customer360> view(Caller caller, UUID id) {
        return service.get(caller, id).flatMap(c -> {
            List<CustomerView> one = List.of(c);
            return identities(caller, one).flatMap(identities ->
                    channels(caller, one).flatMap(channels ->
                            stats(caller, one).flatMap(stats ->
                                    recentOrders(caller, one).flatMap(recent ->
                                            openLeads(caller, one).flatMap(leads ->
                                                    service.touchpointPages(caller, one, new PageRequest(RECENT, null))
                                                            .flatMap(touchpoints -> serviceCases(caller, id).map(cases -> {
                                                                CustomerStats s = stats.get(0);
                                                                var orders = new Customer360.Orders(s.orderCount(), s.revenue(),
                                                                        s.averageOrderValue(), s.firstOrderAt(), s.lastOrderAt(), recent.get(0));
                                                                return new Customer360(c, identities.get(0), channels.get(0), orders,
                                                                        leads.get(0), touchpoints.get(0).items(), s.lifetimeValue(), s.predictedLifetimeValue(),
                                                                        s.repeatCustomer(), s.currency(), cases);
                                                            })))))));
        });
    }

    /** The customer's service cases (the after-sales feature's, when installed), newest first. */
    private Uni<List<CustomerServiceCases.ServiceCaseRef>> serviceCases(Caller caller, UUID id) {
        CustomerServiceCases provider = first(serviceCases);
        if (provider == null) {
            return Uni.createFrom().item(List.of());
        }
        return provider.serviceCases(caller, List.of(id)).map(m -> m.getOrDefault(id, List.of()));
    }

    /** Identities per customer; a partner sees only those recorded through its own channel. */
    public Uni<List<List<IdentityView>>> identities(Caller caller, List<CustomerView> parents) {
        List<UUID> ids = ids(parents);
        return customers.identities(db.pool(), caller.tenant(), ids, caller.isPartnerOnly() ? caller.partnerChannelId() : null)
                .map(m -> ids.stream().map(id -> m.getOrDefault(id, List.of())).toList());
    }

    /** Channels that have seen each customer, with that channel's order count and revenue; oldest sighting first. */
    public Uni<List<List<CustomerChannelView>>> channels(Caller caller, List<CustomerView> parents) {
        List<UUID> ids = ids(parents);
        CustomerOrderFigures figures = first(orderFigures);
        Uni<Map<UUID, List<ChannelFigures>>> byChannel = figures == null ? Uni.createFrom().item(Map.of())
                : figures.byChannel(db.pool(), caller.tenant(), ids);
        return customers.seen(db.pool(), caller.tenant(), ids).flatMap(seen -> byChannel.map(orders -> {
            UUID only = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            List<List<CustomerChannelView>> out = new ArrayList<>();
            for (UUID id : ids) {
                Map<UUID, Instant[]> when = new LinkedHashMap<>();
                for (Seen s : seen) {
                    if (s.customerId().equals(id)) {
                        when.put(s.channelId(), new Instant[]{s.firstSeenAt(), s.lastSeenAt()});
                    }
                }
                Map<UUID, ChannelFigures> perChannel = new LinkedHashMap<>();
                for (ChannelFigures f : orders.getOrDefault(id, List.of())) {
                    perChannel.put(f.channelId(), f);
                    Instant[] w = when.computeIfAbsent(f.channelId(), k -> new Instant[]{f.firstOrderAt(), f.lastOrderAt()});
                    w[0] = min(w[0], f.firstOrderAt());
                    w[1] = max(w[1], f.lastOrderAt());
                }
                List<CustomerChannelView> list = new ArrayList<>();
                when.forEach((channel, w) -> {
                    if (only != null && !only.equals(channel)) {
                        return;
                    }
                    ChannelFigures f = perChannel.get(channel);
                    String currency = Money.DEFAULT_CURRENCY;
                    list.add(new CustomerChannelView(channel.toString(), w[0], w[1], f == null ? 0 : (int) f.orderCount(),
                            Money.round(f == null || f.revenue() == null ? BigDecimal.ZERO : f.revenue(), currency), currency));
                });
                list.sort(Comparator.comparing(CustomerChannelView::firstSeenAt).thenComparing(CustomerChannelView::channelId));
                out.add(list);
            }
            return out;
        }));
    }

    /** Order count, revenue, AOV, first/last order, lifetime value, predicted lifetime value and repeat flag per customer; one statement for all. */
    public Uni<List<CustomerStats>> stats(Caller caller, List<CustomerView> parents) {
        List<UUID> ids = ids(parents);
        CustomerOrderFigures figures = first(orderFigures);
        if (figures == null) {
            return Uni.createFrom().item(ids.stream().map(id -> zero()).toList());
        }
        if (caller.isPartnerOnly()) {
            UUID own = caller.partnerChannelId();
            return figures.byChannel(db.pool(), caller.tenant(), ids).map(m -> ids.stream().map(id -> m.getOrDefault(id, List.of())
                    .stream().filter(f -> own.equals(f.channelId())).findFirst()
                    .map(f -> stats(f.orderCount(), f.revenue(), null, f.firstOrderAt(), f.lastOrderAt(), null))
                    .orElseGet(CustomerInsightService::zero)).toList());
        }
        return figures.stats(db.pool(), caller.tenant(), ids).map(m -> ids.stream().map(id -> {
            OrderStats s = m.get(id);
            return s == null ? zero() : stats(s.count(), s.revenue(), s.averageOrderValue(), s.firstOrderAt(), s.lastOrderAt(), s.currency());
        }).toList());
    }

    /** The ten newest orders per customer (a partner: of its own channel). */
    public Uni<List<List<RecentOrder>>> recentOrders(Caller caller, List<CustomerView> parents) {
        List<UUID> ids = ids(parents);
        CustomerOrderFigures figures = first(orderFigures);
        if (figures == null) {
            return Uni.createFrom().item(ids.stream().map(id -> List.<RecentOrder>of()).toList());
        }
        String own = caller.isPartnerOnly() ? caller.partnerChannelId().toString() : null;
        return figures.recent(db.pool(), caller.tenant(), ids, own == null ? RECENT : 100).map(m -> ids.stream()
                .map(id -> m.getOrDefault(id, List.of()).stream()
                        .filter(o -> own == null || own.equals(o.channelId()))
                        .limit(RECENT)
                        .map(o -> new RecentOrder(o.id(), o.number(), o.channelId(), o.status(), o.paymentStatus(),
                                o.currency() == null ? o.total() : Money.round(o.total(), o.currency()), o.currency(), o.createdAt()))
                        .toList())
                .toList());
    }

    /** Open leads per customer (a partner: those assigned to its channel). */
    public Uni<List<List<OpenLead>>> openLeads(Caller caller, List<CustomerView> parents) {
        List<UUID> ids = ids(parents);
        CustomerOpenLeads leads = first(openLeads);
        if (leads == null) {
            return Uni.createFrom().item(ids.stream().map(id -> List.<OpenLead>of()).toList());
        }
        String own = caller.isPartnerOnly() ? caller.partnerChannelId().toString() : null;
        return leads.openLeads(db.pool(), caller.tenant(), ids).map(m -> ids.stream()
                .map(id -> m.getOrDefault(id, List.of()).stream()
                        .filter(l -> own == null || own.equals(l.assignedChannelId())).toList())
                .toList());
    }

    /**
     * For records a partner makes about a customer (NPS): the customer must be visible to the partner (else 404) and
     * have a (not cancelled) order through {@code channelId} (else 400 naming {@code field}). A merged id counts with
     * the orders of the customer it was merged into. Staff callers are not held to it.
     */
    public Uni<Void> requireOrderThrough(Caller caller, UUID customerId, UUID channelId, String field) {
        if (!caller.isPartnerOnly()) {
            return Uni.createFrom().voidItem();
        }
        return service.get(caller, customerId).flatMap(c -> {
            UUID current = c.status() == CustomerStatus.MERGED && c.mergedInto() != null ? UUID.fromString(c.mergedInto()) : c.uuid();
            CustomerOrderFigures figures = first(orderFigures);
            Uni<Map<UUID, List<ChannelFigures>>> byChannel = figures == null ? Uni.createFrom().item(Map.of())
                    : figures.byChannel(db.pool(), caller.tenant(), List.of(current));
            return byChannel.map(m -> {
                boolean ordered = m.getOrDefault(current, List.of()).stream()
                        .anyMatch(f -> f.channelId().equals(channelId) && f.orderCount() > 0);
                if (!ordered) {
                    throw ApiException.invalid(field, "the customer has no order through channel " + channelId);
                }
                return null;
            });
        });
    }

    private static CustomerStats stats(long count, BigDecimal revenue, BigDecimal aov, Instant first, Instant last, String currency) {
        String cur = currency == null ? Money.DEFAULT_CURRENCY : currency;
        BigDecimal rev = revenue == null ? BigDecimal.ZERO : revenue;
        BigDecimal average = aov != null ? aov
                : count == 0 ? BigDecimal.ZERO : rev.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
        return new CustomerStats((int) count, Money.round(rev, cur), Money.round(average, cur), first, last,
                Money.round(rev, cur), PredictedLifetimeValue.of(count, Money.round(average, cur), first, last, Instant.now(), cur), count >= 2, cur);
    }

    private static CustomerStats zero() {
        return stats(0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
    }

    private static <T> T first(Instance<T> instance) {
        Iterator<T> it = instance.iterator();
        return it.hasNext() ? it.next() : null;
    }

    private static List<UUID> ids(List<CustomerView> parents) {
        return parents.stream().map(CustomerView::uuid).toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
