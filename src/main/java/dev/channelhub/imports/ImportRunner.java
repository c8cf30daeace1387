package dev.channelhub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.imports.ImportService.ImportFormat;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.metrics.BusinessMetrics;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Works through an uploaded file a chunk of lines at a time (reading on a worker thread, so memory stays flat
 * however long the file), writes each row through the owning feature's service in file order, and
 * records progress after every chunk. Good rows land; bad rows are counted and reported with their line number.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final int CHUNK = 500;
    static final int MAX_ERRORS = 1000;

    @Inject
    Db database;

    @Inject
    ImportJobRepository jobs;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.vertx.core.Vertx vertx;

    @Inject
    BusinessMetrics metrics;

    record Line(long number, String text) {
    }

    record Result(long line, ApiException error) {
    }

    private static final class Cursor {
        final BufferedReader reader;
        long lineNo;
        List<String> header;
        int errorsKept;

        Cursor(BufferedReader reader) {
            this.reader = reader;
        }
    }

    void start(Caller caller, UUID jobId, ImportRowHandler handler, ImportFormat format, java.nio.charset.Charset charset, Path file) {
        // The job outlives the request: it gets its own safe Vert.x sub-context, and every step after a read on a
        // worker thread comes back to it, so services on Hibernate Reactive (channels) open their sessions there
        // (a session used from a worker thread fails with HR000068).
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        java.util.concurrent.Executor onContext = task -> context.runOnContext(v -> task.run());
        context.runOnContext(v -> run(caller, jobId, handler, format, charset, file, onContext));
    }

    private void run(Caller caller, UUID jobId, ImportRowHandler handler, ImportFormat format, java.nio.charset.Charset charset,
            Path file, java.util.concurrent.Executor onContext) {
        Db.Background db = database.background();
        jobs.markRunning(db, caller.tenant(), jobId)
                .flatMap(x -> Uni.createFrom().item(() -> open(file, charset)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .emitOn(onContext))
                .flatMap(cursor -> chunks(db, caller, jobId, handler, format, cursor, onContext)
                        .eventually(() -> closeQuietly(cursor)))
                .flatMap(x -> jobs.markCompleted(db, caller.tenant(), jobId))
                .onFailure().recoverWithUni(t -> {
                    LOG.warnf("import %s failed: %s", jobId, t.toString());
                    return jobs.markFailed(db, caller.tenant(), jobId, "the import stopped: " + ApiErrors.from(t).getMessage());
                })
                .eventually(() -> ImportService.deleteQuietly(file))
                .subscribe().with(x -> { }, t -> LOG.errorf("import %s could not record its end: %s", jobId, t.toString()));
    }

    private Uni<Void> chunks(Db.Background db, Caller caller, UUID jobId, ImportRowHandler handler, ImportFormat format, Cursor cursor,
            java.util.concurrent.Executor onContext) {
        return Uni.createFrom().item(() -> read(cursor, format)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(onContext)
                .flatMap(lines -> {
                    if (lines == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return Multi.createFrom().iterable(lines)
                            // One row after the other, in file order: a later row for the same key (sku, code) must not overtake an earlier one.
                            .onItem().transformToUniAndConcatenate(line -> apply(caller, handler, format, cursor, line))
                            .collect().asList()
                            .flatMap(results -> record(db, caller.tenant(), jobId, cursor, results)
                                    .invoke(() -> countRows(handler, results)))
                            .flatMap(x -> chunks(db, caller, jobId, handler, format, cursor, onContext));
                });
    }

    /** The next non-blank lines (at most CHUNK), or null at the end of the file. A CSV's first line is its header. */
    private List<Line> read(Cursor cursor, ImportFormat format) {
        try {
            List<Line> out = new ArrayList<>(CHUNK);
            String text;
            while (out.size() < CHUNK && (text = cursor.reader.readLine()) != null) {
                cursor.lineNo++;
                if (cursor.lineNo == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (format == ImportFormat.CSV && cursor.header == null) {
                    try {
                        cursor.header = CsvLine.parse(text).stream().map(String::trim).toList();
                    } catch (IllegalArgumentException e) {
                        // Without a header no row can be read: the job stops (FAILED) and says why.
                        throw ApiException.invalid("header", e.getMessage());
                    }
                    continue;
                }
                out.add(new Line(cursor.lineNo, text));
            }
            return out.isEmpty() ? null : out;
        } catch (IOException e) {
            throw new IllegalStateException("the uploaded file cannot be read", e);
        }
    }

    private Uni<Result> apply(Caller caller, ImportRowHandler handler, ImportFormat format, Cursor cursor, Line line) {
        return Uni.createFrom().item(() -> toRow(format, cursor.header, line.text()))
                .flatMap(row -> handler.apply(caller, row))
                .map(x -> new Result(line.number(), null))
                .onFailure().recoverWithItem(t -> new Result(line.number(), ApiErrors.from(t)));
    }

    ObjectNode toRow(ImportFormat format, List<String> header, String text) {
        if (format == ImportFormat.NDJSON) {
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (IOException e) {
                throw ApiException.invalid("row", "is not valid JSON");
            }
            if (!(node instanceof ObjectNode obj)) {
                throw ApiException.invalid("row", "must be a JSON object");
            }
            return obj;
        }
        List<String> cells;
        try {
            cells = CsvLine.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("row", e.getMessage());
        }
        if (cells.size() != header.size()) {
            throw ApiException.invalid("row", "has " + cells.size() + " cells, the header has " + header.size());
        }
        ObjectNode row = mapper.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue;
            }
            // "contact.email" fills {"contact": {"email": ...}}; "skus[]" style lists are ';'-separated.
            String[] path = header.get(i).split("\\.");
            ObjectNode target = row;
            for (int p = 0; p < path.length - 1; p++) {
                target = target.has(path[p]) && target.get(path[p]) instanceof ObjectNode o ? o : target.putObject(path[p]);
            }
            String leaf = path[path.length - 1];
            if (leaf.endsWith("[]")) {
                var arr = target.putArray(leaf.substring(0, leaf.length() - 2));
                for (String v : value.split(";")) {
                    arr.add(v.trim());
                }
            } else {
                target.put(leaf, value);
            }
        }
        return row;
    }

    private Uni<Void> record(Db.Background db, String tenant, UUID jobId, Cursor cursor, List<Result> results) {
        int ok = 0;
        JsonArray errors = new JsonArray();
        List<Result> failed = results.stream().filter(r -> r.error() != null)
                .sorted(java.util.Comparator.comparingLong(Result::line)).toList();
        ok = results.size() - failed.size();
        for (Result r : failed) {
            if (cursor.errorsKept >= MAX_ERRORS) {
                break;
            }
            cursor.errorsKept++;
            ApiException e = r.error();
            errors.add(new JsonObject().put("line", r.line()).put("code", e.code().name())
                    .put("field", e.errors().isEmpty() ? null : e.errors().get(0).field())
                    .put("message", e.getMessage()));
        }
        return jobs.recordChunk(db, tenant, jobId, results.size(), ok, failed.size(), errors);
    }

    private void countRows(ImportRowHandler handler, List<Result> results) {
        long rejected = results.stream().filter(r -> r.error() != null).count();
        metrics.importRows(handler.kind(), results.size() - rejected, rejected);
    }

    private static Cursor open(Path file, java.nio.charset.Charset charset) {
        try {
            return new Cursor(Files.newBufferedReader(file, charset));
        } catch (IOException e) {
            throw new IllegalStateException("the uploaded file cannot be opened", e);
        }
    }

    private static void closeQuietly(Cursor cursor) {
        try {
            cursor.reader.close();
        } catch (IOException ignored) {
            // read-only temp file
        }
    }
}
