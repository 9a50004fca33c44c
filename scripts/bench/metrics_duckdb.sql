-- The issue-5 daily series in SQL, written from the definitions (not from the Rust code),
-- for scripts/bench/metrics.py. Placeholders: {members}, {events}, {from}, {to}.
-- Days are UTC calendar days; only role `member` counts for activity, members and UGC;
-- events whose member_id is not among the members are dropped by the join.
WITH
members AS (
    SELECT * FROM read_csv('{members}', header = true, quote = '"', escape = '"',
        columns = {'id': 'VARCHAR', 'name': 'VARCHAR', 'role': 'VARCHAR',
                   'joined_at': 'TIMESTAMPTZ', 'left_at': 'TIMESTAMPTZ'})
),
events AS (
    SELECT * FROM read_csv('{events}', header = true, quote = '"', escape = '"',
        columns = {'id': 'VARCHAR', 'member_id': 'VARCHAR', 'kind': 'VARCHAR',
                   'channel': 'VARCHAR', 'created_at': 'TIMESTAMPTZ',
                   'parent_id': 'VARCHAR', 'text': 'VARCHAR'})
),
ev AS (
    SELECT e.id, e.kind, e.created_at, e.parent_id, e.member_id, m.role,
           CAST(e.created_at AS DATE) AS day
    FROM events e JOIN members m ON m.id = e.member_id
),
days AS (
    SELECT CAST(d AS DATE) AS day
    FROM range(DATE '{from}', DATE '{to}' + INTERVAL 1 DAY, INTERVAL 1 DAY) t(d)
),
active AS (
    SELECT DISTINCT member_id, day FROM ev WHERE role = 'member'
),
windows AS (
    SELECT d.day,
           count(DISTINCT a.member_id) FILTER (WHERE a.day = d.day) AS dau,
           count(DISTINCT a.member_id) FILTER (WHERE a.day >= d.day - 6) AS wau,
           count(DISTINCT a.member_id) AS mau
    FROM days d JOIN active a ON a.day BETWEEN d.day - 27 AND d.day
    GROUP BY d.day
),
member_counts AS (
    SELECT d.day, count(*) AS members
    FROM days d JOIN members m
      ON m.role = 'member'
     AND CAST(m.joined_at AS DATE) <= d.day
     AND (m.left_at IS NULL OR CAST(m.left_at AS DATE) > d.day)
    GROUP BY d.day
),
ugc AS (
    SELECT day, count(*) AS ugc FROM ev
    WHERE role = 'member' AND kind IN ('post', 'comment', 'idea')
    GROUP BY day
),
roots AS (
    SELECT row_number() OVER () AS root, id, created_at, day FROM ev
    WHERE role = 'member' AND kind IN ('post', 'idea')
),
staff_comments AS (
    SELECT parent_id, created_at FROM ev
    WHERE role = 'staff' AND kind = 'comment' AND parent_id IS NOT NULL
),
first_response AS (
    SELECT r.root, r.day,
           min(c.created_at) AS answered_at,
           any_value(r.created_at) AS created_at
    FROM roots r LEFT JOIN staff_comments c
      ON c.parent_id = r.id AND c.created_at > r.created_at
    GROUP BY r.root, r.day
),
responses AS (
    SELECT day,
           quantile_cont(CAST(epoch_ms(answered_at) - epoch_ms(created_at) AS DOUBLE) / 1000.0::DOUBLE, 0.5)
               FILTER (WHERE answered_at IS NOT NULL) AS median_s,
           quantile_cont(CAST(epoch_ms(answered_at) - epoch_ms(created_at) AS DOUBLE) / 1000.0::DOUBLE, 0.9)
               FILTER (WHERE answered_at IS NOT NULL) AS p90_s,
           count(*) FILTER (WHERE answered_at IS NULL) AS unanswered
    FROM first_response GROUP BY day
)
SELECT strftime(d.day, '%Y-%m-%d') AS date,
       coalesce(w.dau, 0) AS dau,
       coalesce(w.wau, 0) AS wau,
       coalesce(w.mau, 0) AS mau,
       coalesce(mc.members, 0) AS members,
       CASE WHEN coalesce(mc.members, 0) = 0 THEN 0.0
            ELSE CAST(coalesce(w.mau, 0) AS DOUBLE) / CAST(mc.members AS DOUBLE) END AS engagement_rate,
       CASE WHEN coalesce(w.mau, 0) = 0 THEN 0.0
            ELSE CAST(coalesce(w.dau, 0) AS DOUBLE) / CAST(w.mau AS DOUBLE) END AS stickiness,
       coalesce(u.ugc, 0) AS ugc,
       r.median_s AS first_response_median_s,
       r.p90_s AS first_response_p90_s,
       coalesce(r.unanswered, 0) AS unanswered
FROM days d
LEFT JOIN windows w ON w.day = d.day
LEFT JOIN member_counts mc ON mc.day = d.day
LEFT JOIN ugc u ON u.day = d.day
LEFT JOIN responses r ON r.day = d.day
ORDER BY d.day
