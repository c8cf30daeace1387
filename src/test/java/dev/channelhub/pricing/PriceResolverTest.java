package dev.channelhub.pricing;

import dev.channelhub.pricing.PriceResolver.Context;
import dev.channelhub.pricing.PriceResolver.Entry;
import dev.channelhub.pricing.PriceResolver.PriceList;
import dev.channelhub.pricing.PriceResolver.Product;
import dev.channelhub.pricing.PriceResolver.Promotion;
import dev.channelhub.pricing.PriceResolver.Scope;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's selection rule, case by case (API-CONTRACT §4 "Prices"). */
class PriceResolverTest {

    static final UUID CH = id(1);
    static final UUID OTHER_CH = id(2);
    static final UUID GROUP = id(10);
    static final UUID OTHER_GROUP = id(11);
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    static final Instant YESTERDAY = NOW.minusSeconds(86_400);
    static final Instant TOMORROW = NOW.plusSeconds(86_400);
    static final Context CTX = new Context(CH, "DISTRIBUTOR", Set.of(GROUP), "VIP", "CNY", NOW);
    static final Context NO_CUSTOMER = new Context(CH, "DISTRIBUTOR", Set.of(GROUP), null, "CNY", NOW);
    static final Product P = new Product("SKU-1", "tea", true, null, "CNY");
    static final Product FLOORED = new Product("SKU-1", "tea", true, new BigDecimal("75"), "CNY");

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-7000-8000-%012d", n));
    }

    static Scope base() {
        return Scope.BASE;
    }

    static Scope channel(UUID c) {
        return new Scope(Set.of(c), null, null, null);
    }

    static Scope group(UUID g) {
        return new Scope(null, Set.of(g), null, null);
    }

    static Scope type(String t) {
        return new Scope(null, null, Set.of(t), null);
    }

    static Scope customers(String g) {
        return new Scope(null, null, null, Set.of(g));
    }

    static Entry e(String price) {
        return new Entry("SKU-1", 1, new BigDecimal(price));
    }

    static Entry e(int tier, String price) {
        return new Entry("SKU-1", tier, new BigDecimal(price));
    }

    static PriceList list(String code, int id, Scope scope, Entry... entries) {
        return new PriceList(id(id), code, "CNY", null, scope, null, null, List.of(entries));
    }

    static PriceList list(String code, int id, Scope scope, Integer priority, Instant from, Instant to, Entry... entries) {
        return new PriceList(id(id), code, "CNY", priority, scope, from, to, List.of(entries));
    }

    static Promotion promo(String code, PromotionKind kind, String value) {
        return new Promotion(id(900 + Math.floorMod(code.hashCode(), 50)), code, kind, new BigDecimal(value), "CNY", base(), Set.of("SKU-1"),
                null, 1, null, null);
    }

    /** One row of the table: inputs and the expected (unit price, winning list, promotion, floorApplied). */
    record Case(String name, Context ctx, List<PriceList> lists, List<Promotion> promos, Product product, int quantity,
                String unitPrice, String listCode, String promotion, boolean floor) {
    }

    static Case c(String name, List<PriceList> lists, int qty, String unit, String code) {
        return new Case(name, CTX, lists, List.of(), P, qty, unit, code, null, false);
    }

    static List<Case> table() {
        List<Case> t = new ArrayList<>();
        // scope specificity and default priorities (400/300/200/100, +50 customer groups)
        t.add(c("base list only", List.of(list("BASE", 1, base(), e("100"))), 1, "100.00", "BASE"));
        t.add(c("channel scope (400) beats base (100)", List.of(list("BASE", 1, base(), e("100")),
                list("CH", 2, channel(CH), e("90"))), 1, "90.00", "CH"));
        t.add(c("channel scope (400) beats group scope (300)", List.of(list("G", 1, group(GROUP), e("80")),
                list("CH", 2, channel(CH), e("90"))), 1, "90.00", "CH"));
        t.add(c("group scope (300) beats type scope (200)", List.of(list("T", 1, type("DISTRIBUTOR"), e("70")),
                list("G", 2, group(GROUP), e("85"))), 1, "85.00", "G"));
        t.add(c("type scope (200) beats base (100)", List.of(list("BASE", 1, base(), e("100")),
                list("T", 2, type("DISTRIBUTOR"), e("95"))), 1, "95.00", "T"));
        t.add(c("customer-group-only scope (150) beats base (100)", List.of(list("BASE", 1, base(), e("100")),
                list("VIP", 2, customers("VIP"), e("97"))), 1, "97.00", "VIP"));
        t.add(c("customer-group-only scope (150) loses to type scope (200)", List.of(list("VIP", 1, customers("VIP"), e("97")),
                list("T", 2, type("DISTRIBUTOR"), e("99"))), 1, "99.00", "T"));
        t.add(c("type + customer group (250) beats type alone (200)", List.of(list("T", 1, type("DISTRIBUTOR"), e("99")),
                list("T-VIP", 2, new Scope(null, null, Set.of("DISTRIBUTOR"), Set.of("VIP")), e("98"))), 1, "98.00", "T-VIP"));
        t.add(c("channel + customer group (450) beats channel (400)", List.of(list("CH", 1, channel(CH), e("90")),
                list("CH-VIP", 2, new Scope(Set.of(CH), null, null, Set.of("VIP")), e("88"))), 1, "88.00", "CH-VIP"));
        // explicit priority
        t.add(c("explicit priority 500 on a base list beats a channel list", List.of(list("CH", 1, channel(CH), e("90")),
                list("PROMO-BASE", 2, base(), 500, null, null, e("93"))), 1, "93.00", "PROMO-BASE"));
        t.add(c("explicit priority 50 on a channel list loses to base", List.of(list("BASE", 1, base(), e("100")),
                list("CH", 2, channel(CH), 50, null, null, e("90"))), 1, "100.00", "BASE"));
        // scope matching: every set field must match
        t.add(c("another channel's list is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("OTHER", 2, channel(OTHER_CH), e("50"))), 1, "100.00", "BASE"));
        t.add(c("a group the channel is not in is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("OG", 2, group(OTHER_GROUP), e("50"))), 1, "100.00", "BASE"));
        t.add(c("another channel type is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("AGENTS", 2, type("AGENT"), e("50"))), 1, "100.00", "BASE"));
        t.add(c("type matches but group does not: not a candidate (AND across fields)", List.of(list("BASE", 1, base(), e("100")),
                list("MIX", 2, new Scope(null, Set.of(OTHER_GROUP), Set.of("DISTRIBUTOR"), null), e("50"))), 1, "100.00", "BASE"));
        t.add(c("another customer group is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("GOLD", 2, customers("GOLD"), e("50"))), 1, "100.00", "BASE"));
        t.add(new Case("no customer: customer-group lists are not candidates", NO_CUSTOMER, List.of(list("BASE", 1, base(), e("100")),
                list("VIP", 2, customers("VIP"), e("50"))), List.of(), P, 1, "100.00", "BASE", null, false));
        // validity windows
        t.add(c("a list valid from tomorrow is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("CH", 2, channel(CH), null, TOMORROW, null, e("90"))), 1, "100.00", "BASE"));
        t.add(c("a list that ended yesterday is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                list("CH", 2, channel(CH), null, null, YESTERDAY, e("90"))), 1, "100.00", "BASE"));
        t.add(c("validTo is exclusive, validFrom inclusive", List.of(list("ENDS-NOW", 1, channel(CH), null, null, NOW, e("80")),
                list("STARTS-NOW", 2, group(GROUP), null, NOW, null, e("85")), list("BASE", 3, base(), e("100"))), 1, "85.00",
                "STARTS-NOW"));
        t.add(new Case("what-if: quoting tomorrow sees tomorrow's list", new Context(CH, "DISTRIBUTOR", Set.of(GROUP), "VIP", "CNY",
                TOMORROW.plusSeconds(1)), List.of(list("BASE", 1, base(), e("100")), list("CH", 2, channel(CH), null, TOMORROW, null,
                e("90"))), List.of(), P, 1, "90.00", "CH", null, false));
        // currency
        t.add(c("a list in another currency is not a candidate", List.of(list("BASE", 1, base(), e("100")),
                new PriceList(id(2), "USD-CH", "USD", null, channel(CH), null, null, List.of(e("14")))), 1, "100.00", "BASE"));
        t.add(new Case("a USD quote uses the USD list", new Context(CH, "DISTRIBUTOR", Set.of(GROUP), "VIP", "USD", NOW),
                List.of(list("BASE", 1, base(), e("100")), new PriceList(id(2), "USD-BASE", "USD", null, base(), null, null,
                        List.of(e("14.5")))), List.of(), P, 1, "14.50", "USD-BASE", null, false));
        // ties
        t.add(c("tie on priority: the newest validFrom wins", List.of(list("OLD", 1, base(), null, YESTERDAY.minusSeconds(999), null,
                e("100")), list("NEW", 2, base(), null, YESTERDAY, null, e("99"))), 1, "99.00", "NEW"));
        t.add(c("tie on priority: a validFrom beats none", List.of(list("NONE", 1, base(), e("100")),
                list("DATED", 2, base(), null, YESTERDAY, null, e("101"))), 1, "101.00", "DATED"));
        t.add(c("tie on priority and validFrom: the smallest id wins", List.of(list("B", 7, base(), null, YESTERDAY, null, e("100")),
                list("A", 3, base(), null, YESTERDAY, null, e("102"))), 1, "102.00", "A"));
        // quantity tiers
        List<PriceList> tiers = List.of(list("BASE", 1, base(), e(1, "100"), e(10, "90"), e(50, "80")));
        t.add(c("tier: quantity 1 takes the 1+ price", tiers, 1, "100.00", "BASE"));
        t.add(c("tier: quantity 10 takes the 10+ price", tiers, 10, "90.00", "BASE"));
        t.add(c("tier: quantity 49 still takes the 10+ price", tiers, 49, "90.00", "BASE"));
        t.add(c("tier: quantity 50 takes the 50+ price", tiers, 50, "80.00", "BASE"));
        // fallback per SKU line
        t.add(c("fallback: the channel list lacks the SKU, the group list prices it", List.of(
                new PriceList(id(1), "CH", "CNY", null, channel(CH), null, null, List.of(new Entry("SKU-2", 1, BigDecimal.ONE))),
                list("G", 2, group(GROUP), e("85"))), 1, "85.00", "G"));
        t.add(c("fallback: the channel list only prices 10+, quantity 3 falls back to base", List.of(
                list("CH", 1, channel(CH), e(10, "70")), list("BASE", 2, base(), e("100"))), 3, "100.00", "BASE"));
        t.add(c("no fallback needed: quantity 10 uses the channel list's tier", List.of(
                list("CH", 1, channel(CH), e(10, "70")), list("BASE", 2, base(), e("100"))), 10, "70.00", "CH"));
        // promotions
        List<PriceList> hundred = List.of(list("BASE", 1, base(), e("100")));
        t.add(new Case("PERCENT_OFF 10 takes 10 %", CTX, hundred, List.of(promo("P10", PromotionKind.PERCENT_OFF, "10")), P, 1,
                "90.00", "BASE", "P10", false));
        t.add(new Case("AMOUNT_OFF takes an amount", CTX, hundred, List.of(promo("A15", PromotionKind.AMOUNT_OFF, "15")), P, 1,
                "85.00", "BASE", "A15", false));
        t.add(new Case("FIXED_PRICE sets the price", CTX, hundred, List.of(promo("F80", PromotionKind.FIXED_PRICE, "80")), P, 1,
                "80.00", "BASE", "F80", false));
        t.add(new Case("the lowest promotion wins, no stacking", CTX, hundred, List.of(promo("P10", PromotionKind.PERCENT_OFF, "10"),
                promo("F80", PromotionKind.FIXED_PRICE, "80"), promo("A15", PromotionKind.AMOUNT_OFF, "15")), P, 1, "80.00", "BASE",
                "F80", false));
        t.add(new Case("equal promotion results: the smallest code wins", CTX, hundred, List.of(promo("ZED", PromotionKind.FIXED_PRICE,
                "90"), promo("ALPHA", PromotionKind.PERCENT_OFF, "10")), P, 1, "90.00", "BASE", "ALPHA", false));
        t.add(new Case("a promotion below the floor is raised to the floor", CTX, hundred, List.of(promo("HALF",
                PromotionKind.PERCENT_OFF, "50")), FLOORED, 1, "75.00", "BASE", "HALF", true));
        t.add(new Case("clamped promotion vs one above the floor: the lower (floor) wins", CTX, hundred, List.of(
                promo("HALF", PromotionKind.PERCENT_OFF, "50"), promo("F78", PromotionKind.FIXED_PRICE, "78")), FLOORED, 1, "75.00",
                "BASE", "HALF", true));
        t.add(new Case("a promotion above the floor is not clamped", CTX, hundred, List.of(promo("F78", PromotionKind.FIXED_PRICE, "78")),
                FLOORED, 1, "78.00", "BASE", "F78", false));
        t.add(new Case("a floor in another currency does not apply", CTX, hundred, List.of(promo("HALF", PromotionKind.PERCENT_OFF, "50")),
                new Product("SKU-1", "tea", true, new BigDecimal("75"), "USD"), 1, "50.00", "BASE", "HALF", false));
        t.add(new Case("promotion minimum quantity not reached", CTX, hundred, List.of(new Promotion(id(901), "BULK",
                PromotionKind.PERCENT_OFF, BigDecimal.TEN, null, base(), Set.of("SKU-1"), null, 5, null, null)), P, 4, "100.00", "BASE",
                null, false));
        t.add(new Case("promotion minimum quantity reached", CTX, hundred, List.of(new Promotion(id(901), "BULK",
                PromotionKind.PERCENT_OFF, BigDecimal.TEN, null, base(), Set.of("SKU-1"), null, 5, null, null)), P, 5, "90.00", "BASE",
                "BULK", false));
        t.add(new Case("promotion by category", CTX, hundred, List.of(new Promotion(id(902), "TEA", PromotionKind.AMOUNT_OFF,
                BigDecimal.ONE, "CNY", base(), null, Set.of("tea"), 1, null, null)), P, 1, "99.00", "BASE", "TEA", false));
        t.add(new Case("promotion for other SKUs and categories does not apply", CTX, hundred, List.of(new Promotion(id(902), "COFFEE",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", base(), Set.of("SKU-9"), Set.of("coffee"), 1, null, null)), P, 1,
                "100.00", "BASE", null, false));
        t.add(new Case("promotion for another channel does not apply", CTX, hundred, List.of(new Promotion(id(903), "OTHER",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", channel(OTHER_CH), null, null, 1, null, null)), P, 1, "100.00", "BASE",
                null, false));
        t.add(new Case("expired promotion does not apply", CTX, hundred, List.of(new Promotion(id(904), "OLD", PromotionKind.AMOUNT_OFF,
                BigDecimal.ONE, "CNY", base(), null, null, 1, null, YESTERDAY)), P, 1, "100.00", "BASE", null, false));
        t.add(new Case("a promotion not yet started does not apply", CTX, hundred, List.of(new Promotion(id(906), "SOON",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", base(), null, null, 1, TOMORROW, null)), P, 1, "100.00", "BASE", null, false));
        t.add(new Case("a promotion from its start applies", CTX, hundred, List.of(new Promotion(id(906), "NOW",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", base(), null, null, 1, NOW, TOMORROW)), P, 1, "99.00", "BASE", "NOW", false));
        t.add(new Case("a promotion for the customer's group applies", CTX, hundred, List.of(new Promotion(id(907), "VIPS",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", customers("VIP"), null, null, 1, null, null)), P, 1, "99.00", "BASE",
                "VIPS", false));
        t.add(new Case("a promotion for another customer group does not apply", CTX, hundred, List.of(new Promotion(id(907), "GOLD",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", customers("GOLD"), null, null, 1, null, null)), P, 1, "100.00", "BASE",
                null, false));
        t.add(new Case("a customer-group promotion does not apply without a customer", NO_CUSTOMER, hundred, List.of(new Promotion(id(907),
                "VIPS", PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "CNY", customers("VIP"), null, null, 1, null, null)), P, 1, "100.00",
                "BASE", null, false));
        t.add(new Case("a USD amount off does not apply to a CNY quote", CTX, hundred, List.of(new Promotion(id(905), "USD5",
                PromotionKind.AMOUNT_OFF, BigDecimal.ONE, "USD", base(), null, null, 1, null, null)), P, 1, "100.00", "BASE", null, false));
        t.add(new Case("a fixed price above the list price is not applied", CTX, hundred, List.of(promo("F120", PromotionKind.FIXED_PRICE,
                "120")), P, 1, "100.00", "BASE", null, false));
        t.add(new Case("amount off larger than the price stops at zero", CTX, hundred, List.of(promo("HUGE", PromotionKind.AMOUNT_OFF,
                "150")), P, 1, "0.00", "BASE", "HUGE", false));
        // rounding half-up to the currency's scale, per unit
        t.add(c("rounding: a 4-decimal list price rounds half-up", List.of(list("BASE", 1, base(), e("10.005"))), 3, "10.01", "BASE"));
        t.add(new Case("rounding: 50 % of 33.33 is 16.67 (half-up)", CTX, List.of(list("BASE", 1, base(), e("33.33"))),
                List.of(promo("HALF", PromotionKind.PERCENT_OFF, "50")), P, 1, "16.67", "BASE", "HALF", false));
        t.add(new Case("rounding: JPY has no decimals", new Context(CH, "DISTRIBUTOR", Set.of(GROUP), null, "JPY", NOW),
                List.of(new PriceList(id(1), "JP", "JPY", null, base(), null, null, List.of(e("1000.5")))), List.of(), P, 1, "1001",
                "JP", null, false));
        return t;
    }

    @TestFactory
    Stream<DynamicTest> selectionRuleTable() {
        List<Case> cases = table();
        assertTrue(cases.size() >= 25, "the table covers every precedence rule");
        return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            PriceResolver.Outcome o = new PriceResolver(k.ctx(), k.lists(), k.promos()).resolve("SKU-1", k.quantity(), k.product());
            assertTrue(o.priced(), () -> "expected a price, got: " + o.noPriceReason());
            QuoteLineView line = o.line();
            assertEquals(k.unitPrice(), line.unitPrice().toPlainString(), "unit price");
            assertEquals(k.listCode(), line.priceListCode(), "winning list");
            assertEquals(k.promotion(), line.promotionCode(), "promotion");
            assertEquals(k.floor(), line.floorApplied(), "floorApplied");
            assertEquals(line.unitPrice().multiply(BigDecimal.valueOf(k.quantity())), line.lineTotal(), "lineTotal = unit x quantity");
            assertFalse(line.explanation().isEmpty());
            assertTrue(line.explanation().get(0).startsWith("Price list " + k.listCode() + " won"), line.explanation().get(0));
        }));
    }

    @Test
    void noCandidateIsNoPriceWithAReason() {
        PriceResolver.Outcome o = new PriceResolver(CTX, List.of(list("OTHER", 1, channel(OTHER_CH), e("1"))), List.of())
                .resolve("SKU-1", 1, P);
        assertFalse(o.priced());
        assertTrue(o.noPriceReason().contains("SKU-1"), o.noPriceReason());
    }

    @Test
    void discontinuedAndUnknownProductsHaveNoPrice() {
        PriceResolver r = new PriceResolver(CTX, List.of(list("BASE", 1, base(), e("100"))), List.of());
        PriceResolver.Outcome gone = r.resolve("SKU-1", 1, new Product("SKU-1", null, false, null, "CNY"));
        assertNull(gone.line());
        assertTrue(gone.noPriceReason().contains("discontinued"));
        PriceResolver.Outcome unknown = r.resolve("SKU-1", 1, null);
        assertNull(unknown.line());
        assertTrue(unknown.noPriceReason().contains("not in the catalogue"));
    }

    @Test
    void explanationSaysWhyInWords() {
        PriceResolver r = new PriceResolver(CTX, List.of(
                list("CH", 1, channel(CH), e(10, "70")),
                list("G", 2, group(GROUP), e(1, "90"), e(5, "85")),
                list("BASE", 3, base(), e("100"))),
                List.of(promo("HALF", PromotionKind.PERCENT_OFF, "50"), promo("F80", PromotionKind.FIXED_PRICE, "80")));
        QuoteLineView line = r.resolve("SKU-1", 6, FLOORED).line();
        assertNotNull(line);
        List<String> why = line.explanation();
        String all = String.join("\n", why);
        assertEquals("Price list G won: scoped to a channel group it belongs to, priority 300 (default for its scope)", why.get(0));
        assertTrue(all.contains("Price list CH (priority 400) also applies but prices SKU-1 only from 10 units, so the less specific G is used"), all);
        assertTrue(all.contains("Beat BASE (priority 100)"), all);
        assertTrue(all.contains("Tier from 5 units applies to quantity 6: list price 85.00 CNY"), all);
        assertTrue(all.contains("Promotion HALF (50% off) applied: 85.00 CNY -> 75.00 CNY (the floor)"), all);
        assertTrue(all.contains("Promotion HALF would give 42.50 CNY, below the floor 75.00 CNY; raised to the floor"), all);
        assertTrue(all.contains("Promotion F80 (fixed price 80.00 CNY) gives 80.00 CNY; not the lowest"), all);
        assertTrue(why.get(why.size() - 1).equals("Unit price 75.00 CNY x 6 = 450.00 CNY"), all);
        assertTrue(line.floorApplied());
    }

    @Test
    void tieExplanationNamesTheTieBreak() {
        QuoteLineView line = new PriceResolver(CTX, List.of(list("B", 7, base(), null, YESTERDAY, null, e("100")),
                list("A", 3, base(), null, YESTERDAY, null, e("102"))), List.of()).resolve("SKU-1", 1, P).line();
        assertTrue(String.join("\n", line.explanation()).contains("Beat B (same priority 100 and validFrom; A has the smaller id)"),
                line.explanation().toString());
    }
}
