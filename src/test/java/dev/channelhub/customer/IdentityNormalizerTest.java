package dev.channelhub.customer;

import dev.channelhub.customer.IdentityNormalizer.Identity;
import dev.channelhub.shared.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityNormalizerTest {

    private final IdentityNormalizer cn = new IdentityNormalizer("CN",
            List.of("null", "0", "-1", "anonymous", "test@test.com", "+8613800138000"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13912345678          | +8613912345678",
            "139 1234 5678        | +8613912345678",
            "139-1234-5678        | +8613912345678",
            "+86 139 1234 5678    | +8613912345678",
            "+8613912345678       | +8613912345678",
            "0086 139 1234 5678   | +8613912345678",
            "008613912345678      | +8613912345678",
            "(010) 6552 9988      | +861065529988",
            "+1 (650) 253-0000    | +16502530000",
    })
    void phonesBecomeE164(String raw, String expected) {
        assertEquals(expected, cn.normalize(IdentityKind.PHONE, raw, "f").value());
    }

    @Test
    void defaultRegionIsConfigurable() {
        IdentityNormalizer us = new IdentityNormalizer("US", List.of());
        assertEquals("+16502530000", us.normalize(IdentityKind.PHONE, "(650) 253-0000", "f").value());
        assertThrows(ApiException.class, () -> cn.normalize(IdentityKind.PHONE, "(650) 253-0000", "f"));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("li.wei@example.com", cn.normalize(IdentityKind.EMAIL, "  Li.Wei@Example.COM ", "f").value());
    }

    @Test
    void externalSystemIsLowerCasedIdKept() {
        assertEquals("shopify:AbC-123", cn.normalize(IdentityKind.EXTERNAL, " Shopify:AbC-123 ", "f").value());
        assertEquals("wx_OpenId_1", cn.normalize(IdentityKind.WECHAT, " wx_OpenId_1 ", "f").value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PHONE    | 12345",
            "PHONE    | hello",
            "PHONE    | 139123456789999",
            "EMAIL    | not-an-email",
            "EMAIL    | a@b",
            "EXTERNAL | no-colon",
            "EXTERNAL | :id",
            "EXTERNAL | crm:",
            "WECHAT   | has space",
    })
    void malformedValuesNameTheField(IdentityKind kind, String raw) {
        ApiException e = assertThrows(ApiException.class, () -> cn.normalize(kind, raw, "identities[3].value"));
        assertEquals("identities[3].value", e.errors().get(0).field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PHONE  | 0",
            "PHONE  | -1",
            "PHONE  | 00000000000",
            "PHONE  | 111 1111 1111",
            "PHONE  | +86 138 0013 8000",
            "EMAIL  | TEST@test.com",
            "EMAIL  | null",
            "WECHAT | Anonymous",
            "WECHAT | NULL",
    })
    void junkIsDropped(IdentityKind kind, String raw) {
        assertNull(cn.normalize(kind, raw, "f"));
    }

    /** RFC 5321 caps an address at 254 characters: 254 is an address, 255 is not. */
    @Test
    void emailsAreAtMost254Characters() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".cn";
        String at254 = "a".repeat(64) + "@" + domain;
        assertEquals(254, at254.length());
        assertEquals(at254, cn.normalize(IdentityKind.EMAIL, at254, "f").value());
        ApiException e = assertThrows(ApiException.class, () -> cn.normalize(IdentityKind.EMAIL, "a" + at254, "identities[0].value"));
        assertEquals("identities[0].value", e.errors().get(0).field());
    }

    @Test
    void aMissingKindIsNamedAndTheOthersAreStillChecked() {
        ApiException e = assertThrows(ApiException.class, () -> cn.normalizeAll(java.util.Arrays.asList(
                new IdentityInput(null, "x@example.com"),
                new IdentityInput(IdentityKind.EMAIL, "bad"),
                null), "identities"));
        assertEquals(List.of("identities[0].kind", "identities[1].value", "identities[2].kind"),
                e.errors().stream().map(x -> x.field()).toList());
    }

    @Test
    void normalizeAllCollectsEveryErrorAndCollapsesDuplicates() {
        ApiException e = assertThrows(ApiException.class, () -> cn.normalizeAll(List.of(
                new IdentityInput(IdentityKind.PHONE, "13912345678"),
                new IdentityInput(IdentityKind.PHONE, "nope"),
                new IdentityInput(IdentityKind.EMAIL, "bad")), "identities"));
        assertEquals(List.of("identities[1].value", "identities[2].value"), e.errors().stream().map(x -> x.field()).toList());

        List<Identity> ok = cn.normalizeAll(List.of(
                new IdentityInput(IdentityKind.PHONE, "13912345678"),
                new IdentityInput(IdentityKind.PHONE, "+86 139 1234 5678"),
                new IdentityInput(IdentityKind.EMAIL, "anonymous"),
                new IdentityInput(IdentityKind.EMAIL, "A@B.CN")), "identities");
        assertEquals(List.of(new Identity(IdentityKind.PHONE, "+8613912345678"), new Identity(IdentityKind.EMAIL, "a@b.cn")), ok);
    }
}
