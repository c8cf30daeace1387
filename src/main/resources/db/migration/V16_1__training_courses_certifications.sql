-- Partner enablement, part 1: courses, completions and the certifications they give (API-CONTRACT-2 §9).
create table course (
    tenant_id                 varchar(64)   not null,
    id                        uuid          not null,
    code                      varchar(64)   not null,
    title                     varchar(200)  not null,
    description               varchar(4000),
    -- [{"name": ..., "url": ...}], held as JSON text by the entity (see CourseEntity)
    materials                 jsonb         not null default '[]',
    passing_score             integer       not null check (passing_score between 0 and 100),
    -- null: a certification never expires
    certification_valid_days  integer       check (certification_valid_days > 0),
    created_by                varchar(200),
    version                   integer       not null default 1,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null,
    primary key (tenant_id, id),
    constraint course_code_unique unique (tenant_id, code)
);

-- Every recorded attempt, passed or not.
create table course_completion (
    tenant_id     varchar(64)   not null,
    id            uuid          not null,
    course_id     uuid          not null,
    channel_id    uuid          not null,
    learner       varchar(200)  not null,
    score         integer       not null check (score between 0 and 100),
    passed        boolean       not null,
    recorded_by   varchar(200),
    completed_at  timestamptz   not null,
    primary key (tenant_id, id)
);
create index course_completion_by_course on course_completion (tenant_id, course_id, id);

-- A passed completion certifies the learner, and through the learner the channel, for the course until expires_at.
create table certification (
    tenant_id            varchar(64)   not null,
    id                   uuid          not null,
    course_id            uuid          not null,
    course_code          varchar(64)   not null,
    channel_id           uuid          not null,
    learner              varchar(200)  not null,
    score                integer       not null,
    completion_id        uuid          not null,
    certified_at         timestamptz   not null,
    expires_at           timestamptz,
    -- Set once by the reminder sweep when it emitted certification.expiring: the reminder goes out once, restarts included.
    expiring_notified_at timestamptz,
    primary key (tenant_id, id)
);
-- Order placement asks: does this channel hold a valid certification for these course codes?
create index certification_by_channel on certification (tenant_id, channel_id, course_code, expires_at);
create index certification_expiring on certification (expires_at) where expiring_notified_at is null and expires_at is not null;

-- A product that only certified partner channels may order (a course code; null = anyone).
alter table product add column requires_certification varchar(64);
