package dev.channelhub.policy;

public enum PolicyKind {
    PRICE_POLICY, PROMOTION, ANNOUNCEMENT, MARKETING_MATERIAL, TRAINING
}
