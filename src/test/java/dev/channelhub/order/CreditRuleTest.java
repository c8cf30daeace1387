package dev.channelhub.order;

import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreditRuleTest {

    private static ChannelView channel(ChannelType type, String limit) {
        return new ChannelView("0190a0b0-0000-7000-8000-000000000001", "P1", "Partner", type, ChannelStatus.ACTIVE, null, null, null,
                limit == null ? null : new BigDecimal(limit), "CNY", null, 1, Instant.EPOCH, Instant.EPOCH);
    }

    /** receivables + held + amount against the limit; equal to the limit passes, a cent more fails. */
    @ParameterizedTest(name = "{0} limit {1}: due {2} + held {3} + {4} -> ok {5}")
    @CsvSource(nullValues = "-", value = {
            "DISTRIBUTOR,1000,0,0,1000,true",
            "DISTRIBUTOR,1000,0,0,1000.01,false",
            "DISTRIBUTOR,1000,600,0,400,true",
            "DISTRIBUTOR,1000,600,0,400.01,false",
            "DISTRIBUTOR,1000,300,300,400,true",
            "DISTRIBUTOR,1000,300,300.01,400,false",
            "DISTRIBUTOR,-,1000000,0,1,true",
            "DIRECT,1000,5000,0,1,true"})
    void limit(ChannelType type, String limit, String due, String held, String amount, boolean ok) {
        ChannelView ch = channel(type, limit);
        CreditExposure e = new CreditExposure(new BigDecimal(due), new BigDecimal(held), null);
        if (ok) {
            assertDoesNotThrow(() -> CreditRule.check(ch, e, new BigDecimal(amount), "this order"));
        } else {
            ApiException ex = assertThrows(ApiException.class, () -> CreditRule.check(ch, e, new BigDecimal(amount), "this order"));
            assertEquals(ErrorCode.CREDIT_LIMIT_EXCEEDED, ex.code());
        }
    }

    @Test
    void openAmountsInAnotherCurrencyBlock() {
        ApiException ex = assertThrows(ApiException.class, () -> CreditRule.check(channel(ChannelType.DISTRIBUTOR, "1000"),
                new CreditExposure(BigDecimal.ZERO, BigDecimal.ZERO, "USD"), BigDecimal.ONE, "this order"));
        assertEquals(ErrorCode.CREDIT_LIMIT_EXCEEDED, ex.code());
    }

    @ParameterizedTest(name = "limit {0}, asked {1}: ok {2}")
    @CsvSource(nullValues = "-", value = {"1000,CNY,true", "1000,USD,false", "1000,-,true", "-,USD,true"})
    void ownCurrency(String limit, String currency, boolean ok) {
        ChannelView ch = channel(ChannelType.DISTRIBUTOR, limit);
        if (ok) {
            assertDoesNotThrow(() -> CreditRule.requireOwnCurrency(ch, currency));
        } else {
            ApiException ex = assertThrows(ApiException.class, () -> CreditRule.requireOwnCurrency(ch, currency));
            assertEquals(ErrorCode.VALIDATION_FAILED, ex.code());
        }
    }

    @Test
    void available() {
        assertNull(CreditRule.available(null, BigDecimal.TEN, BigDecimal.ONE, List.of()));
        assertEquals(new BigDecimal("89"), CreditRule.available(new BigDecimal("100"), BigDecimal.TEN, BigDecimal.ONE, List.of()));
        assertEquals(BigDecimal.ZERO, CreditRule.available(new BigDecimal("100"), BigDecimal.TEN, BigDecimal.ONE, List.of("USD")));
    }
}
