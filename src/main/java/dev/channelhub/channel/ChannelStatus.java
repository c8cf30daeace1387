package dev.channelhub.channel;

public enum ChannelStatus {
    APPLIED, ACTIVE, REJECTED, SUSPENDED, TERMINATED
}
