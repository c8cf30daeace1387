package dev.channelhub.order;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Order numbers ({@code SO-20261203-000042}): per tenant and UTC day, unique across instances, handed out from blocks
 * of {@code channelhub.orders.number-block} numbers that one counter statement reserves ({@link OrderRepository#nextNumbers}).
 * Before blocks every order paid that statement and its commit outside its own transaction. Numbers rise within an
 * instance; with several instances they interleave, and an instance's unused numbers (day change, restart) are gaps.
 */
@ApplicationScoped
public class OrderNumbers {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrderRepository orders;
    private final int block;
    private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();

    public OrderNumbers(OrderRepository orders, OrderConfig config) {
        this.orders = orders;
        this.block = Math.max(1, config.numberBlock());
    }

    /** The next numbers of one tenant's day: [next, last]. */
    private static final class Block {
        final LocalDate day;
        long next;
        final long last;

        Block(LocalDate day, long first, long last) {
            this.day = day;
            this.next = first;
            this.last = last;
        }

        /** The next number, or -1 when the block is used up or belongs to another day. */
        synchronized long take(LocalDate today) {
            return day.equals(today) && next <= last ? next++ : -1;
        }
    }

    /** The next order number of the tenant; a counter statement only when this instance's block is used up. */
    public Uni<String> next(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Block current = blocks.get(tenant);
        long n = current == null ? -1 : current.take(day);
        if (n > 0) {
            return Uni.createFrom().item(format(day, n));
        }
        return orders.nextNumbers(tenant, day, block).map(last -> {
            Block fresh = new Block(day, last - block + 1, last);
            long mine = fresh.take(day);
            blocks.put(tenant, fresh); // a concurrent refill's remaining numbers become gaps
            return format(day, mine);
        });
    }

    private static String format(LocalDate day, long n) {
        return String.format("SO-%s-%06d", day.format(NUMBER_DAY), n);
    }
}
