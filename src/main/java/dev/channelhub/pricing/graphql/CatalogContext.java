package dev.channelhub.pricing.graphql;

import jakarta.enterprise.context.RequestScoped;

/**
 * The channel (and customer) a GraphQL {@code products(channelId: ...)} query browses for, so that each
 * product's {@code price} can default to it without repeating the argument.
 */
@RequestScoped
public class CatalogContext {

    private String channelId;
    private String customerId;

    public void browse(String channelId, String customerId) {
        this.channelId = channelId;
        this.customerId = customerId;
    }

    public String channelId() {
        return channelId;
    }

    public String customerId() {
        return customerId;
    }
}
