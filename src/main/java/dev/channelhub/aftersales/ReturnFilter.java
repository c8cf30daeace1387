package dev.channelhub.aftersales;

import java.util.UUID;

/** What a list of returns is narrowed to; null members do not narrow. */
public record ReturnFilter(ReturnStatus status, UUID channelId, UUID orderId) {
}
