package dev.channelhub.rebate;

import dev.channelhub.shared.time.Period;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.analytics.AnalyticsSettings;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.ChannelWithGroups;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.pricing.PriceResolver;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Rebate programmes (返利), API-CONTRACT-2 §8: programmes are master data (entities); eligible revenue, preview and
 * settlement are one set-based statement over every channel in scope ({@link RebateRepository}); a settlement happens
 * once per programme and period because its first statement inserts the (programme, period) key. Managers and admins
 * create and settle; other staff read; a partner reads only what concerns its own channel (others 404).
 */
@ApplicationScoped
public class RebateService {

    private static final String[] CURRENCIES;
    private static final Integer[] SCALES;

    static {
        List<Currency> all = new ArrayList<>(Currency.getAvailableCurrencies());
        CURRENCIES = all.stream().map(Currency::getCurrencyCode).toArray(String[]::new);
        SCALES = all.stream().map(c -> Money.scale(c.getCurrencyCode())).toArray(Integer[]::new);
    }

    private final RebateRepository repo;
    private final ChannelService channels;
    private final AnalyticsSettings time;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;
    private final ObjectMapper mapper;

    public RebateService(RebateRepository repo, ChannelService channels, AnalyticsSettings time, IdempotencyService idempotency,
                         RequestValidator validator, EventOutbox outbox, Db db, ObjectMapper mapper) {
        this.repo = repo;
        this.channels = channels;
        this.time = time;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
        this.mapper = mapper;
    }

    // ------------------------------------------------------------------ programmes

    public Uni<Outcome<RebateProgramView>> create(Caller caller, CreateRebateProgramRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            if (request.validTo().isBefore(request.validFrom())) {
                throw ApiException.invalid("validTo", "must not be before validFrom");
            }
            RebateScope scope = request.scope() == null ? new RebateScope(List.of(), List.of(), List.of()) : request.scope().normalized();
            List<RebateTier> tiers = request.tiers().stream().sorted(Comparator.comparing(RebateTier::minRevenue)).toList();
            for (int i = 1; i < tiers.size(); i++) {
                if (tiers.get(i).minRevenue().compareTo(tiers.get(i - 1).minRevenue()) == 0) {
                    throw ApiException.invalid("tiers", "two tiers have the same minRevenue " + tiers.get(i).minRevenue().toPlainString());
                }
            }
            String tenant = caller.tenant();
            return idempotency.runRecording(caller, idempotencyKey, "POST /rebate-programs", request, RebateProgramView.class, completion ->
                    Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        RebateProgramEntity e = new RebateProgramEntity();
                        e.tenantId = tenant;
                        e.id = Ids.newId();
                        e.code = request.code();
                        e.name = request.name();
                        e.scopeChannelIds = scope.channelIds().stream().map(UUID::fromString).toArray(UUID[]::new);
                        e.scopeGroupIds = scope.channelGroupIds().stream().map(UUID::fromString).toArray(UUID[]::new);
                        e.scopeChannelTypes = scope.channelTypes().stream().map(Enum::name).toArray(String[]::new);
                        e.skus = distinct(request.skus());
                        e.categories = distinct(request.categories());
                        e.validFrom = request.validFrom();
                        e.validTo = request.validTo();
                        e.period = request.period();
                        e.tiersJson = tiersJson(tiers);
                        e.createdBy = caller.subject();
                        e.createdAt = now;
                        e.updatedAt = now;
                        return session.persist(e).call(session::flush)
                                .onFailure(ApiErrors::isUniqueViolation).transform(x ->
                                        new ApiException(ErrorCode.DUPLICATE, "rebate programme code " + request.code() + " already exists"))
                                .map(x -> view(e))
                                .call(v -> outbox.append(session, caller, "rebateProgram.created", "rebateProgram", e.id, null, v))
                                .flatMap(v -> completion.record(session, Outcome.created(v)));
                    })));
        });
    }

    public Uni<RebateProgramView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> visibleProgram(caller, id));
    }

    public Uni<Page<RebateProgramView>> list(Caller caller, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
            return repo.programs(caller.tenant(), page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows.stream().map(this::view).toList(), page, RebateProgramView::id));
        });
    }

    // ------------------------------------------------------------------ preview and settlement

    /** Writes nothing. Staff see every channel in scope; a partner its own row of a programme it is in (others 404). */
    public Uni<RebatePreview> preview(Caller caller, UUID id, String period) {
        return Uni.createFrom().deferred(() -> visibleProgram(caller, id).flatMap(p -> {
            Window w = window(p, period);
            String tenant = caller.tenant();
            return computation(tenant, p, w).flatMap(c -> repo.preview(db.pool(), c))
                    .map(rows -> caller.isPartnerOnly()
                            ? rows.stream().filter(r -> r.channelId().equals(caller.partnerChannelId().toString())).toList() : rows)
                    .flatMap(rows -> repo.settledAt(db.pool(), tenant, id, w.period())
                            .map(at -> new RebatePreview(p.id(), p.code(), w.period(), at.isPresent(), at.orElse(null), rows)));
        }));
    }

    /**
     * One ledger row per channel in scope and the balances, in one transaction whose first statement claims the
     * (programme, period) key: a repeat or a concurrent settle fails there with 409 ALREADY_SETTLED and writes nothing.
     */
    public Uni<Outcome<RebateSettlementView>> settle(Caller caller, UUID id, SettleRebateRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return visibleProgram(caller, id).map(p -> {
                    throw ApiException.forbidden("a partner may not settle a rebate programme");
                });
            }
            caller.require(Role.MANAGER);
            validator.check(request);
            String tenant = caller.tenant();
            return idempotency.run(caller, idempotencyKey, "POST /rebate-programs/" + id + "/settle", request, RebateSettlementView.class,
                    () -> visibleProgram(caller, id).flatMap(p -> {
                        Window w = window(p, request.period());
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        return computation(tenant, p, w).flatMap(c -> db.inTransaction(tx -> repo.claimSettlement(tx, c, caller.subject(), now)
                                .onFailure(ApiErrors::isUniqueViolation).transform(x -> new ApiException(ErrorCode.ALREADY_SETTLED,
                                        "rebate programme " + p.code() + " is already settled for " + w.period()))
                                .chain(() -> repo.settle(tx, c, caller.subject(), now))
                                .call(rows -> repo.finishSettlement(tx, tenant, id, w.period(), rows.size(),
                                        rows.stream().map(RebatePreviewRow::rebate).reduce(BigDecimal.ZERO, BigDecimal::add)))
                                .call(rows -> outbox.append(tx, tenant, caller.subject(), "rebate.settled", "rebateProgram",
                                        rows.stream().map(r -> new EventOutbox.Item(id, UUID.fromString(r.channelId()),
                                                settledEvent(p, w.period(), r))).toList()))
                                .map(rows -> Outcome.created(new RebateSettlementView(p.id(), w.period(), now, rows)))));
                    }));
        });
    }

    private static Map<String, Object> settledEvent(RebateProgramView p, String period, RebatePreviewRow r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("programId", p.id());
        data.put("programCode", p.code());
        data.put("period", period);
        data.put("channelId", r.channelId());
        data.put("currency", r.currency());
        data.put("eligibleRevenue", r.eligibleRevenue());
        data.put("tier", r.tier());
        data.put("percent", r.percent());
        data.put("rebate", r.rebate());
        return data;
    }

    // ------------------------------------------------------------------ balance and ledger

    public Uni<RebateBalanceView> balance(Caller caller, UUID channelId) {
        return Uni.createFrom().deferred(() -> visibleChannel(caller, channelId)
                .flatMap(ch -> repo.balance(db.pool(), caller.tenant(), channelId).map(b -> balanceView(ch, b))));
    }

    public Uni<Page<RebateLedgerEntryView>> ledger(Caller caller, UUID channelId, PageRequest page) {
        return Uni.createFrom().deferred(() -> visibleChannel(caller, channelId)
                .flatMap(ch -> repo.ledger(db.pool(), caller.tenant(), channelId, page.afterId(), page.fetchSize()))
                .map(rows -> Page.of(rows, page, RebateLedgerEntryView::id)));
    }

    /** The partner's own: balance, the newest ledger page, and a preview of each programme it is in that is valid today. */
    public Uni<MyRebatesView> mine(Caller caller) {
        return Uni.createFrom().deferred(() -> {
            UUID channelId = caller.partnerChannelId();
            if (channelId == null) {
                throw new ApiException(ErrorCode.FORBIDDEN, "only a partner channel has its own rebates");
            }
            String tenant = caller.tenant();
            LocalDate today = time.today();
            return channels.findWithGroups(db.pool(), tenant, channelId)
                    .map(o -> o.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .flatMap(ch -> repo.balance(db.pool(), tenant, channelId).map(b -> balanceView(ch.channel(), b))
                            .flatMap(balance -> repo.ledger(db.pool(), tenant, channelId, null, PageRequest.DEFAULT_LIMIT)
                                    .flatMap(ledger -> repo.programsValidOn(tenant, today)
                                            .map(rows -> rows.stream().map(this::view).filter(p -> inScope(p, ch)).toList())
                                            .flatMap(programs -> previews(tenant, ch.channel(), programs, today))
                                            .map(previews -> new MyRebatesView(channelId.toString(), balance.currency(), balance.balance(),
                                                    ledger, previews)))));
        });
    }

    private Uni<List<MyRebatesView.ProgramPreview>> previews(String tenant, ChannelView ch, List<RebateProgramView> programs, LocalDate today) {
        Uni<List<MyRebatesView.ProgramPreview>> acc = Uni.createFrom().item(new ArrayList<>());
        for (RebateProgramView p : programs) {
            Window w = window(p, periodOf(p.period(), today));
            acc = acc.flatMap(list -> computation(tenant, p, w).flatMap(c -> repo.preview(db.pool(), c))
                    .flatMap(rows -> repo.settledAt(db.pool(), tenant, UUID.fromString(p.id()), w.period()).map(at -> {
                        rows.stream().filter(r -> r.channelId().equals(ch.id())).findFirst().ifPresent(r ->
                                list.add(new MyRebatesView.ProgramPreview(p.id(), p.code(), p.name(), w.period(), at.isPresent(), r)));
                        return list;
                    })));
        }
        return acc;
    }

    /** Rebates accrued by settlements of periods starting in [from, to] (the scorecard's {@code rebateAccrued}). */
    public Uni<BigDecimal> accrued(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to) {
        return repo.accrued(client, tenant, channelId, from, to);
    }

    // ------------------------------------------------------------------ helpers

    /** The programme; a partner sees it only when its channel is in scope (else 404). */
    private Uni<RebateProgramView> visibleProgram(Caller caller, UUID id) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
        String tenant = caller.tenant();
        Uni<RebateProgramView> program = repo.program(db.pool(), tenant, id)
                .map(o -> o.map(this::view).orElseThrow(() -> ApiException.notFound("rebate programme", id)));
        if (!caller.isPartnerOnly()) {
            return program;
        }
        return program.flatMap(p -> channels.findWithGroups(db.pool(), tenant, caller.partnerChannelId()).map(ch -> {
            if (ch.isEmpty() || !inScope(p, ch.get())) {
                throw ApiException.notFound("rebate programme", id);
            }
            return p;
        }));
    }

    /** The same matcher price lists use: every scope field that is set must match the channel. */
    private static boolean inScope(RebateProgramView p, ChannelWithGroups ch) {
        ChannelView c = ch.channel();
        PriceResolver.Context context = new PriceResolver.Context(UUID.fromString(c.id()), c.type().name(), new HashSet<>(ch.groupIds()),
                null, c.currency(), Instant.now());
        return p.scope().toMatcher().matchesChannel(context);
    }

    private Uni<ChannelView> visibleChannel(Caller caller, UUID channelId) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            return Uni.createFrom().failure(ApiException.notFound("channel", channelId));
        }
        return channels.find(db.pool(), caller.tenant(), channelId)
                .map(o -> o.orElseThrow(() -> ApiException.notFound("channel", channelId)));
    }

    private static RebateBalanceView balanceView(ChannelView ch, Optional<Row> b) {
        String cur = b.map(r -> r.getString("currency")).orElse(ch.currency());
        BigDecimal balance = b.map(r -> r.getBigDecimal("balance")).orElse(BigDecimal.ZERO);
        return new RebateBalanceView(ch.id(), cur, Money.round(balance, cur));
    }

    /** A period of the programme's kind and the instants it covers within the programme's validity (tenant time zone). */
    record Window(String period, LocalDate start, Instant from, Instant to) {
    }

    static String periodOf(RebatePeriodKind kind, LocalDate day) {
        return Period.of(kind == RebatePeriodKind.MONTH ? Period.Kind.MONTH : Period.Kind.QUARTER, day).toString();
    }

    private Window window(RebateProgramView p, String period) {
        if (period == null || period.isBlank()) {
            throw ApiException.invalid("period", p.period() == RebatePeriodKind.MONTH ? "is required, as yyyy-MM" : "is required, as yyyy-Qn");
        }
        String value = period.trim();
        Period.Kind kind = p.period() == RebatePeriodKind.MONTH ? Period.Kind.MONTH : Period.Kind.QUARTER;
        Period parsed = value.matches(Period.PATTERN) ? Period.parse(value, "period") : null;
        if (parsed == null || parsed.kind() != kind) {
            throw ApiException.invalid("period", "must be " + (p.period() == RebatePeriodKind.MONTH ? "a month as yyyy-MM" : "a quarter as yyyy-Qn")
                    + " for this " + p.period() + " programme");
        }
        LocalDate start = parsed.firstDay();
        LocalDate end = parsed.endExclusive();
        LocalDate from = start.isBefore(p.validFrom()) ? p.validFrom() : start;
        LocalDate to = end.isAfter(p.validTo().plusDays(1)) ? p.validTo().plusDays(1) : end;
        if (!from.isBefore(to)) {
            throw ApiException.invalid("period", value + " is outside the programme's validity " + p.validFrom() + " to " + p.validTo());
        }
        return new Window(value, start, time.startOf(from), time.startOf(to));
    }

    private Uni<RebateRepository.Computation> computation(String tenant, RebateProgramView p, Window w) {
        RebateScope s = p.scope();
        Uni<UUID[]> members = s.channelGroupIds().isEmpty() ? Uni.createFrom().nullItem()
                : channels.memberIds(db.pool(), tenant, s.channelGroupIds().stream().map(UUID::fromString).toList())
                .map(l -> l.toArray(UUID[]::new));
        return members.map(m -> new RebateRepository.Computation(tenant,
                s.channelIds().stream().map(UUID::fromString).toArray(UUID[]::new), m,
                s.channelTypes().stream().map(Enum::name).toArray(String[]::new),
                p.skus().toArray(String[]::new), p.categories().toArray(String[]::new), w.from(), w.to(),
                p.tiers().stream().map(t -> t.minRevenue().toPlainString()).toArray(String[]::new),
                p.tiers().stream().map(t -> t.percent().toPlainString()).toArray(String[]::new),
                CURRENCIES, SCALES, UUID.fromString(p.id()), w.period(), w.start()));
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : new LinkedHashSet<>(values).toArray(String[]::new);
    }

    private String tiersJson(List<RebateTier> tiers) {
        try {
            return mapper.writeValueAsString(tiers);
        } catch (Exception e) {
            throw new IllegalStateException("tiers cannot be serialised", e);
        }
    }

    private RebateProgramView view(RebateProgramEntity e) {
        return new RebateProgramView(e.id.toString(), e.code, e.name,
                new RebateScope(Arrays.stream(e.scopeChannelIds).map(UUID::toString).toList(),
                        Arrays.stream(e.scopeGroupIds).map(UUID::toString).toList(),
                        Arrays.stream(e.scopeChannelTypes).map(ChannelType::valueOf).toList()),
                List.of(e.skus), List.of(e.categories), e.validFrom, e.validTo, e.period, readTiers(e.tiersJson), e.createdAt, e.version + 1);
    }

    private RebateProgramView view(Row r) {
        return new RebateProgramView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                new RebateScope(Arrays.stream(r.getArrayOfUUIDs("scope_channel_ids")).map(UUID::toString).toList(),
                        Arrays.stream(r.getArrayOfUUIDs("scope_group_ids")).map(UUID::toString).toList(),
                        Arrays.stream(r.getArrayOfStrings("scope_channel_types")).map(ChannelType::valueOf).toList()),
                List.of(r.getArrayOfStrings("skus")), List.of(r.getArrayOfStrings("categories")), r.getLocalDate("valid_from"),
                r.getLocalDate("valid_to"), RebatePeriodKind.valueOf(r.getString("period")), readTiers(r.getString("tiers")),
                r.getOffsetDateTime("created_at").toInstant(), r.getInteger("version"));
    }

    private List<RebateTier> readTiers(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<RebateTier>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("stored tiers cannot be read", e);
        }
    }

    static Set<String> ids(List<String> l) {
        return new LinkedHashSet<>(l);
    }
}
