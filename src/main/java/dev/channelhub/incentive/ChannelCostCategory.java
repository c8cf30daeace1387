package dev.channelhub.incentive;

/** What a channel cost was for; FUNDS rows also come from approved expense claims. */
public enum ChannelCostCategory {
    MARKETING, FUNDS, LOGISTICS, COMMISSION, STAFF, OTHER
}
