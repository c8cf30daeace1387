package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;

/** Bulk imports (admin and integration clients): accepts a file, then {@link ImportRunner} works through it. */
@ApplicationScoped
public class ImportService {

    @Inject
    Instance<ImportRowHandler> handlers;

    @Inject
    ImportJobRepository jobs;

    @Inject
    Vertx vertx;

    @Inject
    IdempotencyService idempotency;

    @Inject
    ImportRunner runner;

    @Inject
    ObjectMapper mapper;

    /** What makes two uploads "the same request" for an Idempotency-Key: kind, format, charset and the file's SHA-256. */
    record Fingerprint(String kind, String format, String charset, String sha256) {
    }

    public List<String> kinds() {
        return handlers.stream().map(ImportRowHandler::kind).sorted().toList();
    }

    /**
     * Streams {@code body} to a temporary file (never all in memory) and queues the job. Blocking: call it on a worker
     * thread.
     */
    public Uni<Outcome<ImportJobView>> submit(Caller caller, String kind, String format, String contentType, InputStream body,
                                              String idempotencyKey) {
        ImportRowHandler handler = handlers.stream().filter(h -> h.kind().equals(kind)).findFirst().orElse(null);
        if (handler != null && handler.partnersMayUpload()) {
            caller.require(Role.INTEGRATION, Role.PARTNER);
        } else {
            caller.require(Role.INTEGRATION);
        }
        if (handler == null) {
            throw ApiException.notFound("import kind", kind);
        }
        ImportFormat fmt = ImportFormat.of(format, contentType);
        Charset charset = charset(contentType);
        Path file;
        String sha;
        try {
            file = Files.createTempFile("channelhub-import-", ".dat");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            sha = HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw ApiException.invalid("body", "cannot be read");
        }
        try {
            checkText(file, charset);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        UUID id = Ids.newId();
        // The file was streamed on this worker thread; the job and its idempotency answer are written from the request's
        // Vert.x context (a Hibernate Reactive session is opened there, never on a worker thread: HR000068), in one
        // Hibernate Reactive transaction (docs/DEVELOPING.md "Persistence").
        return Uni.createFrom().voidItem().emitOn(vertxContext())
                .flatMap(x -> idempotency.runRecording(caller, idempotencyKey, "POST /imports/" + kind,
                        new Fingerprint(kind, fmt.name(), charset.name(), sha), ImportJobView.class,
                        completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                            ImportJobEntity job = new ImportJobEntity();
                            job.tenantId = caller.tenant();
                            job.id = id;
                            job.kind = kind;
                            job.format = fmt.name();
                            job.status = "PENDING";
                            job.createdBy = caller.subject();
                            job.channelId = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
                            job.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return session.persist(job).call(session::flush)
                                    .map(v -> job.toView())
                                    .flatMap(view -> completion.record(session, new Outcome<>(202, view, false)));
                        }))))
                .invoke(outcome -> {
                    if (outcome.replayed() || !outcome.body().id().equals(id.toString())) {
                        deleteQuietly(file);
                    } else {
                        runner.start(caller, id, handler, fmt, charset, file);
                    }
                })
                .onFailure().invoke(t -> deleteQuietly(file));
    }

    /** A partner sees only the jobs uploaded for its channel; others' are 404. */
    public Uni<ImportJobView> get(Caller caller, UUID id) {
        caller.require(Role.INTEGRATION, Role.MANAGER, Role.PARTNER);
        return jobs.find(caller.tenant(), id, partnerChannel(caller)).map(o -> o.orElseThrow(() -> ApiException.notFound("import", id)));
    }

    public Uni<Page<ImportJobView>> list(Caller caller, PageRequest page) {
        caller.require(Role.INTEGRATION, Role.MANAGER, Role.PARTNER);
        return jobs.list(caller.tenant(), partnerChannel(caller), page).map(rows -> Page.of(rows, page, ImportJobView::id));
    }

    private static UUID partnerChannel(Caller caller) {
        return caller.isPartnerOnly() ? caller.partnerChannelId() : null;
    }

    /**
     * Where the upload's database work continues: the caller's Vert.x duplicated context (a REST or GraphQL request's;
     * {@code @Blocking} keeps it current on the worker thread), or else a new safe one.
     */
    private Executor vertxContext() {
        Context current = Vertx.currentContext();
        Context context;
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            context = current;
        } else {
            context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
        }
        return task -> context.runOnContext(v -> task.run());
    }

    /** The upload's text encoding: the Content-Type's {@code charset}, UTF-8 when it names none. */
    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("Content-Type", "names an unknown charset: " + name);
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Refuses a file that is not text in {@code charset} before a job exists, naming the first bad line. The usual
     * case is a spreadsheet saved as plain "CSV" on a Chinese Windows, which is GBK: rows would otherwise fail one by
     * one with garbled names, or land garbled. A second pass over the temporary file, streamed.
     */
    static void checkText(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    result = end ? decoder.decode(in, out, true) : decoder.decode(in, out, false);
                    // Lines are counted on what decoded cleanly, so the error names the line it is on.
                    out.flip();
                    while (out.hasRemaining()) {
                        if (out.get() == '\n') {
                            line++;
                        }
                    }
                    out.clear();
                    if (result.isError()) {
                        throw ApiException.invalid("body", "line " + line + " is not valid " + charset.name() + " text"
                                + (charset.equals(StandardCharsets.UTF_8) ? "; save spreadsheets as \"CSV UTF-8\", or name the file's"
                                + " encoding in the Content-Type (e.g. text/csv; charset=GBK)" : ""));
                    }
                } while (result.isOverflow());
                in.compact();
            }
        } catch (IOException e) {
            throw ApiException.invalid("body", "cannot be read");
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }

    enum ImportFormat {
        NDJSON, CSV;

        static ImportFormat of(String format, String contentType) {
            if (format != null && !format.isBlank()) {
                return switch (format.trim().toLowerCase(Locale.ROOT)) {
                    case "csv" -> CSV;
                    case "ndjson", "jsonl" -> NDJSON;
                    default -> throw ApiException.invalid("format", "must be csv or ndjson");
                };
            }
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (ct.startsWith("text/csv")) {
                return CSV;
            }
            if (ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq")) {
                return NDJSON;
            }
            throw ApiException.invalid("Content-Type", "must be text/csv or application/x-ndjson (or pass ?format=csv|ndjson)");
        }
    }
}
