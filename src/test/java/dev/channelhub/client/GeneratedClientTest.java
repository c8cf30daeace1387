package dev.channelhub.client;

import dev.channelhub.client.api.ChannelsApi;
import dev.channelhub.client.api.InventoryApi;
import dev.channelhub.client.api.OrdersApi;
import dev.channelhub.client.api.PricesApi;
import dev.channelhub.client.api.ProductsApi;
import dev.channelhub.client.model.ChannelStatus;
import dev.channelhub.client.model.ChannelType;
import dev.channelhub.client.model.ChannelView;
import dev.channelhub.client.model.CreateChannelRequest;
import dev.channelhub.client.model.CreateLocationRequest;
import dev.channelhub.client.model.CreatePriceListRequest;
import dev.channelhub.client.model.CreateProductRequest;
import dev.channelhub.client.model.LocationType;
import dev.channelhub.client.model.OrderLineRequest;
import dev.channelhub.client.model.OrderLineView;
import dev.channelhub.client.model.OrderStatus;
import dev.channelhub.client.model.OrderView;
import dev.channelhub.client.model.PaymentStatus;
import dev.channelhub.client.model.PlaceOrderRequest;
import dev.channelhub.client.model.PriceEntryInput;
import dev.channelhub.client.model.SetStockRequest;
import dev.channelhub.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Java client that openapi-generator makes from the committed openapi/openapi.json (pom: generate-test-sources)
 * works against the running server: it creates what an order needs, places the order and reads it back with typed
 * fields — money as the exact decimal string, statuses as enums, nulls where the document says null.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI server;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void placesAnOrderAndReadsItBackWithTypedFields() throws Exception {
        String tenant = Tokens.newTenant();
        ApiClient admin = client(Tokens.token(tenant, "admin"));

        ChannelView channel = new ChannelsApi(admin).createChannel(new CreateChannelRequest()
                .code("APP").name("App store").type(ChannelType.ONLINE_STORE).creditLimit("5000.50"), "client-channel-1");
        assertEquals(ChannelType.ONLINE_STORE, channel.getType());
        assertEquals(ChannelStatus.ACTIVE, channel.getStatus());
        assertEquals(0, new java.math.BigDecimal(channel.getCreditLimit()).compareTo(new java.math.BigDecimal("5000.50")),
                "creditLimit is a decimal string: " + channel.getCreditLimit());
        assertNull(channel.getParentId(), "parentId is null, as the document says it may be");

        new InventoryApi(admin).createLocation(new CreateLocationRequest().code("WH").name("Warehouse")
                .type(LocationType.WAREHOUSE).priority(10), null);
        new ProductsApi(admin).createProduct(new CreateProductRequest().sku("TEA-1").name("Green tea"), null);
        new PricesApi(admin).createPriceList(new CreatePriceListRequest().code("BASE").name("Base").currency("CNY")
                .entries(List.of(new PriceEntryInput().sku("TEA-1").price("12.34"))), null);
        new InventoryApi(admin).setStock("WH", "TEA-1", new SetStockRequest().onHand(10L), null);

        OrdersApi orders = new OrdersApi(admin);
        OrderView placed = orders.placeOrder(new PlaceOrderRequest().channelId(channel.getId())
                .lines(List.of(new OrderLineRequest().sku("TEA-1").quantity(3))), "client-order-1");
        OrderView read = orders.getOrder(placed.getId());

        assertEquals(placed.getId(), read.getId());
        assertEquals(OrderStatus.SUBMITTED, read.getStatus());
        assertEquals(PaymentStatus.UNPAID, read.getPaymentStatus());
        assertEquals("37.02", read.getTotal(), "money arrives as the exact decimal string");
        assertEquals("37.02", read.getOutstanding());
        assertEquals("CNY", read.getCurrency());
        assertNull(read.getCustomerId());
        OrderLineView line = read.getLines().get(0);
        assertEquals("TEA-1", line.getSku());
        assertEquals(3, line.getQuantity());
        assertEquals("12.34", line.getUnitPrice());
        assertEquals("37.02", line.getLineTotal());
        assertNotNull(read.getCreatedAt());

        // The same Idempotency-Key answers the same order; a problem answer surfaces as the client's ApiException.
        assertEquals(placed.getId(), orders.placeOrder(new PlaceOrderRequest().channelId(channel.getId())
                .lines(List.of(new OrderLineRequest().sku("TEA-1").quantity(3))), "client-order-1").getId());
        ApiException missing = assertThrows(ApiException.class, () -> orders.getOrder("00000000-0000-7000-8000-000000000000"));
        assertEquals(404, missing.getCode());
    }
}
