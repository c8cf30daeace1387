package dev.channelhub.order;

import dev.channelhub.channel.ChannelView;
import dev.channelhub.inventory.HoldCredit;
import dev.channelhub.inventory.StockLine;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.QuoteLineRequest;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Values a partner's hold at the price an order would get now, and checks it against the channel's credit like an order. */
@ApplicationScoped
public class OrderHoldCredit implements HoldCredit {

    private final PriceService prices;
    private final ChannelCredit credit;

    public OrderHoldCredit(PriceService prices, ChannelCredit credit) {
        this.prices = prices;
        this.credit = credit;
    }

    @Override
    public Uni<HoldValue> valueAndCheck(SqlClient tx, Caller caller, ChannelView channel, List<StockLine> lines) {
        String cur = channel.currency();
        return prices.quote(tx, caller, new QuoteRequest(channel.id(), null, cur, null,
                        lines.stream().map(l -> new QuoteLineRequest(l.sku(), (int) l.quantity())).toList()))
                .flatMap(quote -> credit.check(tx, caller.tenant(), channel, quote.total(), "this hold")
                        .replaceWith(new HoldValue(Money.round(quote.total(), cur), cur)));
    }
}
