package dev.channelhub.channel;

/** A way of selling: owned by the brand, or a partner with an onboarding lifecycle. */
public enum ChannelType {
    DIRECT(false), ONLINE_STORE(false), MINI_PROGRAM(false), MARKETPLACE(false),
    DISTRIBUTOR(true), AGENT(true), RETAIL_STORE(true);

    private final boolean partner;

    ChannelType(boolean partner) {
        this.partner = partner;
    }

    public boolean isPartner() {
        return partner;
    }
}
