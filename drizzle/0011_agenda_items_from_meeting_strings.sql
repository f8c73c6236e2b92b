-- Data migration: each meeting's agenda, until now a JSON list of strings on the meeting, becomes
-- agenda_items rows in the same order (positions 1, 2, 3 …, blank strings left out). The strings
-- were unmarked and every reader of the meeting saw them, so the items are PUBLIC (rank 0) on the
-- regime ladder and keep the meeting's space. A meeting whose list is empty gets no items.
-- 0012 then drops the strings.
INSERT INTO "agenda_items" ("meeting_id", "space", "position", "title", "rank", "created_at", "updated_at")
SELECT a."meeting_id", a."space", row_number() OVER (PARTITION BY a."meeting_id" ORDER BY a.ord)::integer,
       a.title, 0, a."updated_at", a."updated_at"
FROM (
  SELECT m."id" AS "meeting_id", m."space", m."updated_at", btrim(e.title) AS title, e.ord
  FROM "meetings" m
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(m."agenda") = 'array' THEN m."agenda" ELSE '[]'::jsonb END
  ) WITH ORDINALITY AS e(title, ord)
  WHERE btrim(e.title) <> ''
) a
ORDER BY a."meeting_id", a.ord;
