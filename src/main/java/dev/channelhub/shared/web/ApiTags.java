package dev.channelhub.shared.web;

/**
 * The OpenAPI tags and their descriptions, written once: several resources share a tag, and every
 * {@code @Tag(name = X, description = X_TEXT)} of one name must carry the same text.
 */
public final class ApiTags {

    public static final String ANALYTICS = "Analytics";
    public static final String ANALYTICS_TEXT = "Read-only reports: sales, channel scorecards, inventory turnover and low stock "
            + "(formulas in docs/KPIS.md)";
    public static final String CHANNEL_GROUPS = "Channel groups";
    public static final String CHANNEL_GROUPS_TEXT = "Named sets of channels, by static membership and/or a rule on type, tier and "
            + "region; used by price lists, policies and lead routing";
    public static final String CHANNELS = "Channels";
    public static final String CHANNELS_TEXT = "The brand's sales channels and partner hierarchy: owned channels and partners "
            + "(distributors, agents, retail stores), their lifecycle, ratings and history";
    public static final String CUSTOMERS = "Customers";
    public static final String CUSTOMERS_TEXT = "One customer across every channel: identity resolution, merge and unmerge, "
            + "touchpoints and the 360° view";
    public static final String DEALS = "Deals";
    public static final String DEALS_TEXT = "Deal registration by partners, with a protection period and conflict arbitration";
    public static final String IMPORTS = "Imports";
    public static final String IMPORTS_TEXT = "Bulk uploads (NDJSON or CSV) of channels, customers, products, price entries and "
            + "stock, processed in the background";
    public static final String INVENTORY = "Inventory";
    public static final String INVENTORY_TEXT = "Locations, stock levels, the stock ledger and time-limited stock holds";
    public static final String LEADS = "Leads";
    public static final String LEADS_TEXT = "Leads, their routing rules and settings, and the accept/reject/convert flow of "
            + "the assigned channel";
    public static final String MARKET_FUNDS = "Market funds";
    public static final String MARKET_FUNDS_TEXT = "Market development funds: a budget per channel and period, expense claims "
            + "(费用核销) by partners and sales, approved or rejected by managers without ever exceeding the budget";
    public static final String ORDERS = "Orders";
    public static final String ORDERS_TEXT = "Orders from placement (priced and reserved at once) through confirmation, "
            + "shipments, delivery and payments; channel receivables";
    public static final String POLICIES = "Policies";
    public static final String POLICIES_TEXT = "Policies and announcements published to an audience of channels; the partner's "
            + "inbox, read and acknowledgement, and the reach of each policy";
    public static final String PRICES = "Prices";
    public static final String PRICES_TEXT = "Price lists, promotions, the price engine's quotes, price conflicts and each "
            + "channel's catalogue with its prices";
    public static final String REBATES = "Rebates";
    public static final String REBATES_TEXT = "Rebate programmes (返利): tiers on eligible paid revenue per channel and period, "
            + "preview, settlement once per period, each channel's rebate balance and ledger, REBATE payments";
    public static final String RETURNS = "Returns";
    public static final String RETURNS_TEXT = "Returns (RMA) of shipped units: request within the return window, approval, "
            + "receipt with restock or scrap, and refund or credit note on the order";
    public static final String SELL_THROUGH = "Sell-through";
    public static final String SELL_THROUGH_TEXT = "What partner channels report they sold (sell-out) and hold (stock snapshots), "
            + "read back in the channel-inventory report";
    public static final String SERVICE_CASES = "Service cases";
    public static final String SERVICE_CASES_TEXT = "After-sales service cases routed to the serving channel, with SLA, comments, "
            + "reassignment and a satisfaction score";
    public static final String SETTINGS = "Settings";
    public static final String SETTINGS_TEXT = "The tenant's settings (such as the cap on a partner channel's active stock holds); "
            + "every role reads them, managers and admins change them";
    public static final String PRODUCTS = "Products";
    public static final String PRODUCTS_TEXT = "The product master: SKUs, categories, units and floor prices";
    public static final String SURVEYS = "Surveys";
    public static final String SURVEYS_TEXT = "Net Promoter Score answers, which feed the channel scorecard";
    public static final String TARGETS = "Targets";
    public static final String TARGETS_TEXT = "Each channel's revenue and new-customer targets per year, quarter or month, their "
            + "actuals from the sales report, attainment and the ranking across a channel group (docs/KPIS.md)";
    public static final String CHANNEL_COSTS = "Channel costs";
    public static final String CHANNEL_COSTS_TEXT = "What running each channel costs (marketing, funds, logistics, commission, staff, "
            + "other), recorded by managers; read by the profitability report (never shown to partners)";
    public static final String TRAINING = "Training";
    public static final String TRAINING_TEXT = "Courses with materials and a passing score; completions by partner learners and the "
            + "certifications they give, with expiry; products that only certified partner channels may order";
    public static final String WEBHOOKS = "Webhooks";
    public static final String WEBHOOKS_TEXT = "Signed HTTP callbacks for domain events, with a delivery log and replay "
            + "(docs/EVENTS.md)";

    private ApiTags() {
    }
}
