package dev.channelhub.shared.error;

/** The contract's stable error codes (API-CONTRACT §2) with their HTTP status. */
public enum ErrorCode {
    UNAUTHENTICATED(401, "Unauthenticated"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    VALIDATION_FAILED(400, "Validation failed"),
    VERSION_CONFLICT(412, "Version conflict"),
    DUPLICATE(409, "Duplicate"),
    INVALID_TRANSITION(409, "Invalid transition"),
    INSUFFICIENT_STOCK(409, "Insufficient stock"),
    CREDIT_LIMIT_EXCEEDED(422, "Credit limit exceeded"),
    PRICE_BELOW_FLOOR(422, "Price below floor"),
    NO_PRICE(422, "No price"),
    OVERPAYMENT(422, "Overpayment"),
    DEAL_CONFLICT(409, "Deal conflict"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    /** API-CONTRACT-2: a per-tenant limit (e.g. maxActiveHoldsPerChannel) is reached. */
    LIMIT_EXCEEDED(422, "Limit exceeded"),
    /** API-CONTRACT-2 §7: more units than shipped (minus the order's other returns), or received above approved. */
    RETURN_QUANTITY_EXCEEDED(409, "Return quantity exceeded"),
    /** API-CONTRACT-2 §7: the order's return window (tenant setting returnWindowDays) is over. */
    RETURN_WINDOW_CLOSED(422, "Return window closed"),
    /** API-CONTRACT-2 §7: a refund above what was paid plus what is still outstanding. */
    REFUND_EXCEEDS_PAID(422, "Refund exceeds paid"),
    /** API-CONTRACT-2 §8: approving the claim (or lowering the budget) would take approved claims above the budget. */
    BUDGET_EXCEEDED(422, "Budget exceeded"),
    /** API-CONTRACT-2 §8: the rebate programme's period is already settled. */
    ALREADY_SETTLED(409, "Already settled"),
    /** API-CONTRACT-2 §8: a REBATE payment above the channel's rebate balance. */
    INSUFFICIENT_REBATE_BALANCE(422, "Insufficient rebate balance"),
    /** API-CONTRACT-2 §9: a partner channel orders a SKU whose product requires a course it holds no valid certification for. */
    CERTIFICATION_REQUIRED(422, "Certification required"),
    /** Not in the contract's table: the tenant's or the partner's request rate is over its limit; retry after Retry-After. */
    RATE_LIMITED(429, "Too many requests"),
    /** Not in the contract's table: the database or another dependency is away; retry later. */
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    /** Not in the contract's table: the request took longer than the server's bound (channelhub.http.request-timeout, or
     *  a statement longer than the pools' statement_timeout) and was abandoned; retry after Retry-After. */
    REQUEST_TIMEOUT(503, "Request timed out"),
    /** Not in the contract's table: a bug on our side; the body never carries details. */
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** {@code https://channelhub.dev/problems/insufficient-stock} for INSUFFICIENT_STOCK. */
    public String type() {
        return "https://channelhub.dev/problems/" + name().toLowerCase().replace('_', '-');
    }
}
