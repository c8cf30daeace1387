package dev.channelhub.events;

import dev.channelhub.shared.web.DescriptionsOpenApiFilter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents every event type a webhook can receive as an OpenAPI 3.1 {@code webhooks} entry: the signed POST a
 * subscriber's URL gets, its envelope with the type's {@code data}, and the signature headers (docs/EVENTS.md).
 * {@link #EVENTS} is the catalogue: a new {@code outbox.append} type needs its row here (WebhookEventsDocTest checks
 * the sources against it).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookEventsOpenApiFilter implements OASFilter {

    /** One event type: what happened, the aggregate it is about, and its data (a component schema's name, or fields). */
    record EventDoc(String type, String aggregateType, String summary, String component, Map<String, String> fields) {

        static EventDoc view(String type, String aggregateType, String summary, String component) {
            return new EventDoc(type, aggregateType, summary, component, Map.of());
        }

        static EventDoc fields(String type, String aggregateType, String summary, String... nameAndDescription) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < nameAndDescription.length; i += 2) {
                fields.put(nameAndDescription[i], nameAndDescription[i + 1]);
            }
            return new EventDoc(type, aggregateType, summary, null, fields);
        }
    }

    private static final String ORDER = "the order after the change: id, number, channelId, customerId, status, paymentStatus, "
            + "total, paidAmount (decimal strings), currency, version";

    static final List<EventDoc> EVENTS = List.of(
            EventDoc.view("channel.created", "channel", "A channel was created", "ChannelView"),
            EventDoc.view("channel.updated", "channel", "A channel's fields changed", "ChannelView"),
            EventDoc.fields("channel.status_changed", "channel", "A channel moved through its lifecycle",
                    "channelId", "the channel", "from", "the status before", "to", "the status after", "reason", "why (may be null)",
                    "actor", "who did it", "version", "the channel's version after", "at", "when (ISO-8601)"),
            EventDoc.view("channel.rated", "channel", "A channel got a rating for a period", "RatingView"),
            EventDoc.view("channel_group.created", "channel_group", "A channel group was created", "ChannelGroupView"),
            EventDoc.view("channel_group.updated", "channel_group", "A channel group changed", "ChannelGroupView"),
            EventDoc.fields("customer.created", "customer", "Identify created a customer",
                    "customer", "the customer (CustomerView)", "identities", "the identities it was created with"),
            EventDoc.fields("customer.merged", "customer", "Customers were merged into the survivor",
                    "survivorId", "the customer that remains", "sourceIds", "the customers now MERGED into it"),
            EventDoc.fields("customer.unmerged", "customer", "A merged customer was split off again",
                    "survivorId", "the customer it had been merged into", "sourceId", "the restored customer", "reason", "why"),
            EventDoc.view("customer.mergeSuggested", "customerMergeSuggestion",
                    "A partner's identify matched several customers; the brand should decide", "MergeSuggestionView"),
            EventDoc.view("customer.mergeSuggestionAccepted", "customerMergeSuggestion", "A merge suggestion was accepted (after "
                    + "its customer.merged)", "MergeSuggestionView"),
            EventDoc.view("customer.mergeSuggestionDismissed", "customerMergeSuggestion", "A merge suggestion was dismissed",
                    "MergeSuggestionView"),
            EventDoc.view("deal.registered", "deal", "A partner registered a deal; its customer is protected", "DealView"),
            EventDoc.fields("deal.approved", "deal", "The brand approved a deal", "dealId", "the deal"),
            EventDoc.fields("deal.rejected", "deal", "The brand rejected a deal; its protection ends", "dealId", "the deal"),
            EventDoc.fields("deal.extension_requested", "deal", "A partner asked to extend a deal's protection",
                    "dealId", "the deal", "days", "the days asked for"),
            EventDoc.fields("deal.extended", "deal", "A deal's protection was extended", "dealId", "the deal", "days", "the days granted"),
            EventDoc.fields("deal.expired", "deal", "A deal's protection ended", "dealId", "the deal"),
            EventDoc.fields("deal.conflict", "deal", "An order for a protected customer came through another channel",
                    "dealId", "the protecting deal", "orderId", "the order", "orderChannelId", "the channel that took the order",
                    "dealChannelId", "the protecting partner's channel", "customerId", "the customer"),
            EventDoc.fields("lead.assigned", "lead", "A lead was routed or assigned to a channel",
                    "leadId", "the lead", "channelId", "the channel it went to"),
            EventDoc.fields("lead.converted", "lead", "A lead became an order",
                    "leadId", "the lead", "conversionChannelId", "the channel that converted it", "sourceChannelId",
                    "where it came from (may be null)", "orderId", "the order (may be null)"),
            EventDoc.view("order.placed", "order", "An order was placed (priced and reserved)", "OrderView"),
            EventDoc.fields("order.confirmed", "order", "An order was confirmed: " + ORDER),
            EventDoc.fields("order.cancelled", "order", "An order was cancelled and its reservations released",
                    "order", ORDER, "reason", "why"),
            EventDoc.fields("order.shipped", "order", "A shipment left", "order", ORDER,
                    "shipment", "shipmentId, lines (sku, quantity, locationCode), carrier, trackingNo"),
            EventDoc.fields("order.delivered", "order", "A shipment was delivered", "order", ORDER, "shipmentId", "the shipment"),
            EventDoc.fields("order.paid", "order", "A payment was recorded", "order", ORDER,
                    "payment", "paymentId, amount (decimal string), method, reference"),
            EventDoc.fields("order.completed", "order", "An order was delivered and paid in full: " + ORDER),
            EventDoc.fields("policy.published", "policy", "A policy was published or its audience or text changed",
                    "policy", "the policy (PolicyView)", "targeted", "how many channels it targets (on publication)"),
            EventDoc.view("price_list.created", "price_list", "A price list was created", "PriceListView"),
            EventDoc.view("price_list.updated", "price_list", "A price list's header changed", "PriceListView"),
            EventDoc.fields("price_list.entries_changed", "price_list", "A price list's entries were upserted or replaced",
                    "priceListId", "the list", "code", "its code", "upserted", "how many entries were written",
                    "replace", "whether entries not sent were deleted", "version", "the list's version after"),
            EventDoc.view("product.created", "product", "A product was created", "ProductView"),
            EventDoc.view("product.updated", "product", "A product changed (with forcedOverEntries when a new floor is above "
                    + "existing prices: then data is {product, forcedOverEntries})", "ProductView"),
            EventDoc.view("promotion.created", "promotion", "A promotion was created", "PromotionView"),
            EventDoc.fields("stock.changed", "location", "Stock at a location was set or adjusted",
                    "locationCode", "the location", "sku", "the SKU", "onHand", "on hand after", "reserved", "reserved after",
                    "kind", "the ledger kind (SET, ADJUSTMENT, ...)"),
            EventDoc.fields("stock.low", "product", "A SKU's available stock fell below its threshold",
                    "sku", "the SKU", "available", "available after", "threshold", "the threshold",
                    "orderId", "the order whose reservation did it (order placement)",
                    "locationCode", "the location changed (manual change)", "kind", "the ledger kind (manual change)"),
            EventDoc.view("rebateProgram.created", "rebateProgram", "A rebate programme was created", "RebateProgramView"),
            EventDoc.fields("rebate.settled", "rebateProgram", "A rebate programme's period was settled: one event per channel in "
                    + "scope (the event's channel), in the settlement's transaction",
                    "programId", "the programme", "programCode", "its code", "period", "the settled period (yyyy-MM or yyyy-Qn)",
                    "channelId", "the channel", "currency", "the channel's currency", "eligibleRevenue", "eligible revenue (decimal string)",
                    "tier", "the minRevenue of the tier reached (null when none)", "percent", "the percent applied",
                    "rebate", "the amount written to the balance (decimal string; negative for a claw-back)"),
            EventDoc.view("return.requested", "return", "A return was requested for an order", "ReturnView"),
            EventDoc.view("return.approved", "return", "A return was approved", "ReturnView"),
            EventDoc.view("return.rejected", "return", "A return was rejected (rejectReason says why)", "ReturnView"),
            EventDoc.view("return.received", "return", "Returned goods were received (per-line disposition, restock)", "ReturnView"),
            EventDoc.fields("return.refunded", "return", "A received return was refunded or credited",
                    "return", "the return after the refund (ReturnView)", "refunded", "the amount refunded (decimal string)",
                    "credited", "the amount credited (decimal string)", "order",
                    "id, refundedTotal, creditedTotal, outstanding (decimal strings), paymentStatus of the order after"),
            EventDoc.view("serviceCase.opened", "serviceCase", "A service case was opened and assigned", "ServiceCaseView"),
            EventDoc.view("serviceCase.inProgress", "serviceCase", "A service case moved to IN_PROGRESS", "ServiceCaseView"),
            EventDoc.view("serviceCase.resolved", "serviceCase", "A service case was resolved", "ServiceCaseView"),
            EventDoc.view("serviceCase.reopened", "serviceCase", "A resolved service case went back to IN_PROGRESS", "ServiceCaseView"),
            EventDoc.view("serviceCase.closed", "serviceCase", "A resolved service case was closed", "ServiceCaseView"),
            EventDoc.view("serviceCase.cancelled", "serviceCase", "A service case was cancelled", "ServiceCaseView"),
            EventDoc.view("serviceCase.reassigned", "serviceCase", "A service case was assigned to another channel (both channels "
                    + "get the event)", "ServiceCaseView"),
            EventDoc.view("serviceCase.rated", "serviceCase", "The customer's satisfaction with a service case was recorded",
                    "ServiceCaseView"),
            EventDoc.fields("serviceCase.commented", "serviceCase", "A comment was added to a service case",
                    "caseId", "the case", "number", "the case number", "comment", "the comment (ServiceCaseCommentView)"),
            EventDoc.fields("serviceCase.overdue", "serviceCase", "An active service case passed its due time",
                    "id", "the case", "number", "the case number", "assignedChannelId", "the assigned channel",
                    "priority", "its priority", "dueAt", "when it was due (ISO-8601)"),
            EventDoc.view("target.set", "target", "A channel's target for a period was set or changed (with its actuals then)",
                    "ChannelTargetView"),
            EventDoc.view("channel_cost.recorded", "channel_cost", "A manager recorded a channel cost", "ChannelCostView"),
            EventDoc.view("fundBudget.set", "fundBudget", "A channel's market-fund budget for a period was set", "FundBudgetView"),
            EventDoc.view("expenseClaim.submitted", "expenseClaim", "An expense claim was submitted", "ExpenseClaimView"),
            EventDoc.view("expenseClaim.approved", "expenseClaim", "An expense claim was approved (its FUNDS channel cost is "
                    + "recorded in the same transaction)", "ExpenseClaimView"),
            EventDoc.view("expenseClaim.rejected", "expenseClaim", "An expense claim was rejected (rejectReason says why)",
                    "ExpenseClaimView"),
            EventDoc.view("course.created", "course", "A course was created", "CourseView"),
            EventDoc.view("course.completed", "course", "A learner's attempt at a course was recorded (passed or not; channel = the "
                    + "learner's channel)", "CompletionView"),
            EventDoc.view("certification.issued", "certification", "A passing completion certified a learner for the channel",
                    "CertificationView"),
            EventDoc.fields("certification.expiring", "certification", "A certification expires within 30 days (once per "
                    + "certification, by a sweep; not for one the learner already renewed)",
                    "certification", "the certification (CertificationView)", "daysLeft", "whole days until expiresAt"),
            EventDoc.view("paymentProof.submitted", "paymentProof", "A payment proof was submitted for an order (channel = the "
                    + "order's)", "PaymentProofView"),
            EventDoc.view("paymentProof.accepted", "paymentProof", "Finance accepted a payment proof; its payment was recorded "
                    + "(order.paid follows in the same transaction)", "PaymentProofView"),
            EventDoc.view("paymentProof.rejected", "paymentProof", "Finance rejected a payment proof", "PaymentProofView"),
            EventDoc.fields("sellOut.reported", "sellOutReport", "A channel reported units it sold (POST /channels/{id}/sell-out, or "
                    + "one row of /imports/sell-out)", "reportId", "the report (aggregate id)", "channelId", "the reporting channel",
                    "lines", "number of lines", "units", "units sold over all lines", "firstDate", "earliest sale date",
                    "lastDate", "latest sale date", "skus", "number of distinct SKUs"),
            EventDoc.fields("stockReport.reported", "channel", "A channel reported its stock snapshot of a date "
                    + "(PUT /channels/{id}/stock-reports/{date})", "channelId", "the reporting channel", "date", "the snapshot's date",
                    "skus", "number of SKUs in the snapshot", "units", "units held over all SKUs"),
            EventDoc.view("survey.nps_recorded", "channel", "An NPS answer was recorded", null));

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("X-ChannelHub-Event-Id", "The event's id (also in the body); de-duplicate on it, delivery is at least once");
        HEADERS.put("X-ChannelHub-Event-Type", "The event type, e.g. order.placed");
        HEADERS.put("X-ChannelHub-Delivery-Id", "This delivery's id (a replay is another delivery of the same event)");
        HEADERS.put(WebhookSigner.TIMESTAMP_HEADER, "When it was signed, in Unix seconds; reject old timestamps");
        HEADERS.put(WebhookSigner.SIGNATURE_HEADER, "sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + raw body)>; recompute "
                + "over the raw body and compare in constant time");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        Schema envelope = envelope();
        openAPI.getComponents().addSchema("WebhookEvent", envelope);
        DescriptionsOpenApiFilter.describe("WebhookEvent", envelope); // texts from contract/descriptions (events.properties)
        for (EventDoc event : EVENTS) {
            Schema body = OASFactory.createSchema()
                    .allOf(List.of(OASFactory.createSchema().ref("#/components/schemas/WebhookEvent"),
                            OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                                    .addProperty("type", OASFactory.createSchema().type(List.of(SchemaType.STRING)).constValue(event.type()))
                                    .addProperty("aggregateType", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                                            .constValue(event.aggregateType()))
                                    .addProperty("data", data(event, components))));
            Operation post = OASFactory.createOperation()
                    .operationId(operationId(event.type()))
                    .summary(event.summary())
                    .description("Sent to every active webhook whose events match `" + event.type() + "` (or a pattern such as `"
                            + event.type().substring(0, event.type().indexOf('.')) + ".*` or `*`), once the change that "
                            + "emitted it has committed; signed with the webhook's secret. " + event.summary() + ".")
                    .tags(List.of("Webhooks"))
                    .parameters(headers())
                    .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType().schema(body))))
                    .responses(OASFactory.createAPIResponses()
                            .addAPIResponse("2XX", OASFactory.createAPIResponse()
                                    .description("Any 2xx acknowledges the delivery"))
                            .addAPIResponse("default", OASFactory.createAPIResponse()
                                    .description("Anything else, or no answer within 10 s, is retried with exponential backoff; "
                                            + "after 10 consecutive failures the webhook is DISABLED")));
            openAPI.addWebhook(event.type(), OASFactory.createPathItem().POST(post));
        }
    }

    private static Schema envelope() {
        Map<String, Schema> p = new LinkedHashMap<>();
        p.put("id", string("The event's id (uuid); the same in a replay").format("uuid"));
        p.put("type", string("The event type, e.g. order.placed"));
        p.put("sequence", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int64")
                .description("The event's sequence number (the `from` of a replay, the id of a server-sent event)"));
        p.put("occurredAt", string("When it happened (ISO-8601)").format("date-time"));
        p.put("aggregateType", string("What the event is about: channel, order, customer, deal, ..."));
        p.put("aggregateId", string("The id of that aggregate").format("uuid"));
        p.put("channelId", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)).format("uuid")
                .description("The channel the event belongs to, when it has one"));
        p.put("actor", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))
                .description("Who caused it (the token's subject, or system)"));
        p.put("data", OASFactory.createSchema().description("The event type's payload"));
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("The JSON body every webhook delivery carries")
                .properties(p)
                .required(new ArrayList<>(List.of("id", "type", "sequence", "occurredAt", "aggregateType", "aggregateId", "data")));
    }

    private static Schema data(EventDoc event, Map<String, Schema> components) {
        if (event.component() != null && components.containsKey(event.component())) {
            return OASFactory.createSchema().ref("#/components/schemas/" + event.component());
        }
        Schema object = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description(event.component() != null ? "The " + event.component() + " as the REST API returns it"
                        : event.fields().isEmpty() ? "The recorded answer as the REST API returns it" : event.summary());
        event.fields().forEach((name, description) -> object.addProperty(name, OASFactory.createSchema().description(description)));
        return object;
    }

    private static List<Parameter> headers() {
        List<Parameter> out = new ArrayList<>();
        HEADERS.forEach((name, description) -> out.add(OASFactory.createParameter().name(name).in(Parameter.In.HEADER)
                .required(true).description(description).schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)))));
        return out;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }

    /** {@code order.placed} → {@code orderPlacedWebhook}; {@code channel_group.created} → {@code channelGroupCreatedWebhook}. */
    static String operationId(String type) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : type.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.append("Webhook").toString();
    }
}
