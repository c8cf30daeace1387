package dev.channelhub.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The price selection rule of API-CONTRACT §4, as a pure function of its inputs (no I/O), so that it is
 * tested case by case and every line can say in words why it got its price.
 *
 * <p>Per SKU line: the candidate lists match the channel's scope and the customer's group, are valid at the
 * quote time, are in the quote's currency and hold the SKU with {@code minQuantity <= quantity}. The winner has
 * the highest priority (explicit, or 400 channel / 300 group / 200 type / 100 base, +50 with customer groups);
 * ties go to the newest {@code validFrom}, then the smallest id. Inside the winner the largest tier that fits
 * applies. Each applicable promotion's unit price is computed and raised to the floor if below; the lowest
 * result applies (ties: smallest code). Money is rounded half-up to the currency's scale per unit.
 */
public final class PriceResolver {

    public static final int CHANNEL_SCOPE_PRIORITY = 400;
    public static final int GROUP_SCOPE_PRIORITY = 300;
    public static final int TYPE_SCOPE_PRIORITY = 200;
    public static final int BASE_PRIORITY = 100;
    public static final int CUSTOMER_GROUP_BONUS = 50;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_RUNNERS_UP = 3;

    /** Who is buying, where, in which currency and when. */
    public record Context(UUID channelId, String channelType, Set<UUID> channelGroupIds, String customerGroup, String currency,
                          Instant at) {
        public Context {
            channelGroupIds = channelGroupIds == null ? Set.of() : Set.copyOf(channelGroupIds);
        }
    }

    /** Who a price list or promotion is for; an empty set is a field that is not set. */
    public record Scope(Set<UUID> channelIds, Set<UUID> channelGroupIds, Set<String> channelTypes, Set<String> customerGroups) {
        public static final Scope BASE = new Scope(null, null, null, null);

        public Scope {
            channelIds = channelIds == null ? Set.of() : Set.copyOf(channelIds);
            channelGroupIds = channelGroupIds == null ? Set.of() : Set.copyOf(channelGroupIds);
            channelTypes = channelTypes == null ? Set.of() : Set.copyOf(channelTypes);
            customerGroups = customerGroups == null ? Set.of() : Set.copyOf(customerGroups);
        }

        /** Every field that is set must match. */
        public boolean matches(Context c) {
            return matchesChannel(c) && (customerGroups.isEmpty() || c.customerGroup() != null && customerGroups.contains(c.customerGroup()));
        }

        /** {@link #matches} without the customer group: what can be decided before the customer is read. */
        public boolean matchesChannel(Context c) {
            if (!channelIds.isEmpty() && !channelIds.contains(c.channelId())) {
                return false;
            }
            if (!channelGroupIds.isEmpty() && c.channelGroupIds().stream().noneMatch(channelGroupIds::contains)) {
                return false;
            }
            return channelTypes.isEmpty() || channelTypes.contains(c.channelType());
        }

        public int defaultPriority() {
            int base = !channelIds.isEmpty() ? CHANNEL_SCOPE_PRIORITY
                    : !channelGroupIds.isEmpty() ? GROUP_SCOPE_PRIORITY
                    : !channelTypes.isEmpty() ? TYPE_SCOPE_PRIORITY : BASE_PRIORITY;
            return base + (customerGroups.isEmpty() ? 0 : CUSTOMER_GROUP_BONUS);
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!channelIds.isEmpty()) {
                parts.add("this channel");
            }
            if (!channelGroupIds.isEmpty()) {
                parts.add("a channel group it belongs to");
            }
            if (!channelTypes.isEmpty()) {
                parts.add("channel type " + String.join("/", channelTypes.stream().sorted().toList()));
            }
            if (!customerGroups.isEmpty()) {
                parts.add("customer group " + String.join("/", customerGroups.stream().sorted().toList()));
            }
            return parts.isEmpty() ? "the base list (every channel)" : "scoped to " + String.join(" + ", parts);
        }
    }

    public record Entry(String sku, int minQuantity, BigDecimal price) {
    }

    public record PriceList(UUID id, String code, String currency, Integer priority, Scope scope, Instant validFrom,
                            Instant validTo, List<Entry> entries) {
        public PriceList {
            scope = scope == null ? Scope.BASE : scope;
            entries = entries == null ? List.of() : entries;
        }

        public int effectivePriority() {
            return priority != null ? priority : scope.defaultPriority();
        }

        /** The same list with these entries (the cache keeps headers; each quote reads the entries it needs). */
        public PriceList withEntries(List<Entry> found) {
            return new PriceList(id, code, currency, priority, scope, validFrom, validTo, found);
        }

        /** The entry with the largest {@code minQuantity <= quantity} for the SKU, or null. */
        Entry tierFor(String sku, int quantity) {
            Entry best = null;
            for (Entry e : entries) {
                if (e.sku().equals(sku) && e.minQuantity() <= quantity && (best == null || e.minQuantity() > best.minQuantity())) {
                    best = e;
                }
            }
            return best;
        }

        Integer smallestTier(String sku) {
            Integer min = null;
            for (Entry e : entries) {
                if (e.sku().equals(sku) && (min == null || e.minQuantity() < min)) {
                    min = e.minQuantity();
                }
            }
            return min;
        }
    }

    public record Promotion(UUID id, String code, PromotionKind kind, BigDecimal value, String currency, Scope scope,
                            Set<String> skus, Set<String> categories, int minQuantity, Instant validFrom, Instant validTo) {
        public Promotion {
            scope = scope == null ? Scope.BASE : scope;
            skus = skus == null ? Set.of() : Set.copyOf(skus);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }

        boolean covers(Product p) {
            if (skus.isEmpty() && categories.isEmpty()) {
                return true;
            }
            return skus.contains(p.sku()) || p.category() != null && categories.contains(p.category());
        }
    }

    /** What the resolver needs of a product: whether it may be sold and its floor (in its own currency). */
    public record Product(String sku, String category, boolean active, BigDecimal floorPrice, String currency) {
    }

    /** A priced line, or the reason there is no price. */
    public record Outcome(QuoteLineView line, String noPriceReason) {
        public boolean priced() {
            return line != null;
        }
    }

    /** Orders lists best first: priority, then newest validFrom (none = oldest), then smallest id. */
    public static final Comparator<PriceList> RANK = Comparator.comparingInt(PriceList::effectivePriority).reversed()
            .thenComparing(PriceList::validFrom, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed())
            .thenComparing(l -> l.id().toString());

    private final Context context;
    private final int scale;
    private final List<PriceList> lists;
    private final List<Promotion> promotions;

    public PriceResolver(Context context, Collection<PriceList> candidateLists, Collection<Promotion> candidatePromotions) {
        this.context = context;
        this.scale = Math.max(0, Currency.getInstance(context.currency()).getDefaultFractionDigits());
        this.lists = candidateLists.stream().filter(this::applies).sorted(RANK).toList();
        this.promotions = candidatePromotions.stream().filter(this::applies)
                .sorted(Comparator.comparing(Promotion::code)).toList();
    }

    private boolean applies(PriceList l) {
        return applies(l, context);
    }

    /** Whether the list applies in {@code context}: its currency, valid at the time, and its scope matches. */
    public static boolean applies(PriceList l, Context context) {
        return appliesToChannel(l, context) && l.scope().matches(context);
    }

    /** {@link #applies} without the customer group. */
    public static boolean appliesToChannel(PriceList l, Context context) {
        return context.currency().equals(l.currency()) && valid(context.at(), l.validFrom(), l.validTo()) && l.scope().matchesChannel(context);
    }

    private boolean applies(Promotion p) {
        boolean currencyOk = p.currency() == null ? p.kind() == PromotionKind.PERCENT_OFF : context.currency().equals(p.currency());
        return currencyOk && valid(context.at(), p.validFrom(), p.validTo()) && p.scope().matches(context);
    }

    private static boolean valid(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    public Outcome resolve(String sku, int quantity, Product product) {
        if (product == null) {
            return new Outcome(null, sku + " is not in the catalogue");
        }
        if (!product.active()) {
            return new Outcome(null, sku + " is discontinued and can no longer be sold");
        }
        List<PriceList> passedOver = new ArrayList<>();
        PriceList winner = null;
        Entry tier = null;
        int winnerIndex = -1;
        for (int i = 0; i < lists.size(); i++) {
            PriceList l = lists.get(i);
            Entry e = l.tierFor(sku, quantity);
            if (e != null) {
                winner = l;
                tier = e;
                winnerIndex = i;
                break;
            }
            passedOver.add(l);
        }
        if (winner == null) {
            return new Outcome(null, "no price list for this channel in " + context.currency() + " holds " + sku
                    + " for quantity " + quantity + " at " + context.at());
        }
        List<String> why = new ArrayList<>();
        why.add("Price list " + winner.code() + " won: " + winner.scope().describe() + ", priority " + winner.effectivePriority()
                + (winner.priority() != null ? " (set explicitly)" : " (default for its scope)"));
        for (PriceList skipped : passedOver) {
            Integer smallest = skipped.smallestTier(sku);
            why.add("Price list " + skipped.code() + " (priority " + skipped.effectivePriority() + ") also applies but "
                    + (smallest == null ? "has no price for " + sku : "prices " + sku + " only from " + smallest + " units")
                    + ", so the less specific " + winner.code() + " is used");
        }
        int shown = 0;
        for (int i = winnerIndex + 1; i < lists.size() && shown < MAX_RUNNERS_UP; i++) {
            PriceList other = lists.get(i);
            if (other.tierFor(sku, quantity) == null) {
                continue;
            }
            shown++;
            why.add("Beat " + other.code() + " " + tieBreak(winner, other));
        }
        BigDecimal listPrice = round(tier.price());
        why.add("Tier from " + tier.minQuantity() + (tier.minQuantity() == 1 ? " unit" : " units") + " applies to quantity "
                + quantity + ": list price " + money(listPrice));

        BigDecimal floor = product.floorPrice() != null && context.currency().equals(product.currency())
                ? round(product.floorPrice()) : null;
        Promotion best = null;
        BigDecimal bestPrice = null;
        boolean bestClamped = false;
        List<String> promoNotes = new ArrayList<>();
        for (Promotion p : promotions) {
            if (!p.covers(product)) {
                continue;
            }
            if (quantity < p.minQuantity()) {
                promoNotes.add("Promotion " + p.code() + " needs at least " + p.minQuantity() + " units; not applied");
                continue;
            }
            BigDecimal raw = promotionPrice(p, listPrice);
            boolean clamped = floor != null && raw.compareTo(floor) < 0;
            BigDecimal price = clamped ? floor : raw;
            if (price.compareTo(listPrice) >= 0) {
                promoNotes.add("Promotion " + p.code() + " (" + describe(p) + ") gives " + money(price)
                        + (clamped ? " after the floor" : "") + ", not below the list price; not applied");
                continue;
            }
            if (best == null || price.compareTo(bestPrice) < 0) {
                if (best != null) {
                    promoNotes.add("Promotion " + best.code() + " (" + describe(best) + ") gives " + money(bestPrice) + "; not the lowest");
                }
                best = p;
                bestPrice = price;
                bestClamped = clamped;
            } else if (price.compareTo(bestPrice) == 0) {
                promoNotes.add("Promotion " + p.code() + " also gives " + money(price) + "; " + best.code() + " wins the tie (smaller code)");
            } else {
                promoNotes.add("Promotion " + p.code() + " (" + describe(p) + ") gives " + money(price) + "; not the lowest");
            }
            if (clamped) {
                promoNotes.add("Promotion " + p.code() + " would give " + money(raw) + ", below the floor " + money(floor)
                        + "; raised to the floor");
            }
        }
        BigDecimal unitPrice = listPrice;
        if (best != null) {
            why.add("Promotion " + best.code() + " (" + describe(best) + ") applied: " + money(listPrice) + " -> " + money(bestPrice)
                    + (bestClamped ? " (the floor)" : ""));
            unitPrice = bestPrice;
        }
        why.addAll(promoNotes);
        if (best == null && promoNotes.isEmpty()) {
            why.add("No promotion applies");
        }
        BigDecimal lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
        why.add("Unit price " + money(unitPrice) + " x " + quantity + " = " + money(lineTotal));
        return new Outcome(new QuoteLineView(sku, quantity, listPrice, unitPrice, lineTotal, winner.code(),
                best == null ? null : best.code(), best != null && bestClamped, List.copyOf(why)), null);
    }

    private String tieBreak(PriceList winner, PriceList other) {
        if (winner.effectivePriority() != other.effectivePriority()) {
            return "(priority " + other.effectivePriority() + ")";
        }
        boolean sameFrom = winner.validFrom() == null ? other.validFrom() == null : winner.validFrom().equals(other.validFrom());
        if (!sameFrom) {
            return "(same priority " + other.effectivePriority() + "; " + winner.code() + " has the newer validFrom "
                    + (winner.validFrom()) + " vs " + (other.validFrom() == null ? "none" : other.validFrom()) + ")";
        }
        return "(same priority " + other.effectivePriority() + " and validFrom; " + winner.code() + " has the smaller id)";
    }

    private BigDecimal promotionPrice(Promotion p, BigDecimal listPrice) {
        BigDecimal raw = switch (p.kind()) {
            case PERCENT_OFF -> listPrice.multiply(HUNDRED.subtract(p.value())).divide(HUNDRED);
            case AMOUNT_OFF -> listPrice.subtract(p.value());
            case FIXED_PRICE -> p.value();
        };
        BigDecimal rounded = round(raw);
        return rounded.signum() < 0 ? round(BigDecimal.ZERO) : rounded;
    }

    private String describe(Promotion p) {
        return switch (p.kind()) {
            case PERCENT_OFF -> p.value().stripTrailingZeros().toPlainString() + "% off";
            case AMOUNT_OFF -> money(round(p.value())) + " off";
            case FIXED_PRICE -> "fixed price " + money(round(p.value()));
        };
    }

    private BigDecimal round(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }

    private String money(BigDecimal amount) {
        return amount.toPlainString() + " " + context.currency();
    }
}
