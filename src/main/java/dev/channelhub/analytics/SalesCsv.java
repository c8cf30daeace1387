package dev.channelhub.analytics;

import java.math.BigDecimal;

/** The sales report as CSV (RFC 4180): a header line, then one line per row; text cells that a spreadsheet would run as a formula are prefixed with '. */
final class SalesCsv {

    private SalesCsv() {
    }

    static String header(boolean then) {
        return then ? "key,label,thenKey,thenLabel,currency,orders,units,revenue,averageOrderValue\r\n"
                : "key,label,currency,orders,units,revenue,averageOrderValue\r\n";
    }

    static String line(SalesRow r, boolean then) {
        StringBuilder b = new StringBuilder();
        b.append(text(r.key())).append(',').append(text(r.label())).append(',');
        if (then) {
            b.append(text(r.thenKey())).append(',').append(text(r.thenLabel())).append(',');
        }
        return b.append(r.currency()).append(',').append(r.orders()).append(',').append(r.units()).append(',')
                .append(money(r.revenue())).append(',').append(money(r.averageOrderValue())).append("\r\n").toString();
    }

    private static String money(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    static String text(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
