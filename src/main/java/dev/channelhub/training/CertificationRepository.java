package dev.channelhub.training;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Completions and certifications: SQL on the pool, because order placement checks certifications inside its own pool
 * transaction and the reminder sweep claims rows set-based ({@code skip locked}). Every statement is scoped by tenant.
 */
@ApplicationScoped
public class CertificationRepository {

    private static final String COLUMNS = """
            id, course_id, course_code, channel_id, learner, score, certified_at, expires_at""";

    private static final String INSERT_COMPLETION = """
            insert into course_completion (tenant_id, id, course_id, channel_id, learner, score, passed, recorded_by, completed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    private static final String INSERT_CERTIFICATION = """
            insert into certification (tenant_id, id, course_id, course_code, channel_id, learner, score, completion_id,
            certified_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    /** A channel's certifications in id order; {@code $3} true keeps only those valid at {@code $4}. */
    private static final String OF_CHANNEL = """
            select %s from certification where tenant_id = $1 and channel_id = $2
            and ($3::boolean is not true or expires_at is null or expires_at > $4)
            and ($5::uuid is null or id > $5) order by id limit $6""".formatted(COLUMNS);

    /**
     * The rule of certification gating: of the course codes {@code $3}, those the channel holds no certification for that
     * is valid at {@code $4} (never expires, or expires after it). One statement, whatever the number of codes.
     */
    private static final String MISSING = """
            select code from unnest($3::varchar[]) as code where not exists (select 1 from certification c
            where c.tenant_id = $1 and c.channel_id = $2 and c.course_code = code and (c.expires_at is null or c.expires_at > $4))
            order by code""";

    /**
     * Claims the certifications whose reminder is due: they expire after {@code $1} and by {@code $2},
     * were never announced, and the learner holds no certification of the course that lasts longer (a renewal makes the
     * reminder moot). Marked in the same statement, skip locked: each is announced once, by one instance.
     */
    private static final String CLAIM_EXPIRING = """
            with due as (select c.tenant_id, c.id from certification c
                         where c.expiring_notified_at is null and c.expires_at is not null
                         and c.expires_at > $1 and c.expires_at <= $2
                         and not exists (select 1 from certification n where n.tenant_id = c.tenant_id and n.channel_id = c.channel_id
                                         and n.course_code = c.course_code and n.learner = c.learner
                                         and (n.expires_at is null or n.expires_at > c.expires_at))
                         order by c.expires_at limit $3 for update of c skip locked)
            update certification x set expiring_notified_at = $1 from due
            where x.tenant_id = due.tenant_id and x.id = due.id
            returning x.tenant_id, x.id, x.course_id, x.course_code, x.channel_id, x.learner, x.score, x.certified_at, x.expires_at""";

    private final Db db;

    public CertificationRepository(Db db) {
        this.db = db;
    }

    public Uni<Void> insertCompletion(SqlClient tx, String tenant, UUID id, UUID courseId, UUID channelId, String learner, int score,
                                      boolean passed, String actor, Instant at) {
        return db.query(tx, INSERT_COMPLETION, Tuple.from(new Object[]{tenant, id, courseId, channelId, learner, score, passed, actor,
                utc(at)})).replaceWithVoid();
    }

    public Uni<Void> insertCertification(SqlClient tx, String tenant, CertificationView c, UUID completionId) {
        return db.query(tx, INSERT_CERTIFICATION, Tuple.from(new Object[]{tenant, UUID.fromString(c.id()), UUID.fromString(c.courseId()),
                c.courseCode(), UUID.fromString(c.channelId()), c.learner(), c.score(), completionId, utc(c.certifiedAt()),
                utc(c.expiresAt())})).replaceWithVoid();
    }

    public Uni<List<CertificationView>> ofChannel(String tenant, UUID channelId, boolean validOnly, Instant now, UUID after, int fetch) {
        return db.list(OF_CHANNEL, Tuple.from(new Object[]{tenant, channelId, validOnly, utc(now), after, fetch}), r -> toView(r, now));
    }

    /** The course codes of {@code codes} the channel holds no valid certification for at {@code at}. */
    public Uni<List<String>> missing(SqlClient tx, String tenant, UUID channelId, Collection<String> codes, Instant at) {
        return db.list(tx, MISSING, Tuple.of(tenant, channelId, codes.toArray(new String[0]), utc(at)), r -> r.getString("code"));
    }

    /** Background work (the reminder sweep): counted apart from requests' statements. */
    public Uni<List<Row>> claimExpiring(SqlClient tx, Instant now, Instant horizon, int limit) {
        return db.background().list(tx, CLAIM_EXPIRING, Tuple.of(utc(now), utc(horizon), limit), r -> r);
    }

    static CertificationView toView(Row r, Instant now) {
        Instant expires = r.getOffsetDateTime("expires_at") == null ? null : r.getOffsetDateTime("expires_at").toInstant();
        return new CertificationView(r.getUUID("id").toString(), r.getUUID("course_id").toString(), r.getString("course_code"),
                r.getUUID("channel_id").toString(), r.getString("learner"), r.getInteger("score"),
                r.getOffsetDateTime("certified_at").toInstant(), expires, expires == null || expires.isAfter(now));
    }

    private static OffsetDateTime utc(Instant at) {
        return CourseRepository.utc(at);
    }
}
