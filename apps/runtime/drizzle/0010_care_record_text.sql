-- The care record's full-text index, kept in step by triggers, and the indexes search and people need.
-- Hand-written (drizzle-kit generate --custom): drizzle's schema cannot declare FTS5 tables, triggers or expression indexes.
-- care_text rowids grow with the opening time of the case a row belongs to: <case opened_at> * 2^20 + a slot (the next free one
-- in that millisecond), so a search walks `ORDER BY rowid DESC` newest case first and stops after a page. care_text_keys says
-- which rowid each source row got; src = <source rowid> * 8 + kind (0 mention, 1 note, 2 tag, 3 reply, 5 contact).
CREATE VIRTUAL TABLE `care_text` USING fts5(body, case_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TABLE `care_text_keys` (`src` integer PRIMARY KEY NOT NULL, `k` integer NOT NULL);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_text_keys_k` ON `care_text_keys` (`k`);
--> statement-breakpoint
CREATE INDEX `cases_opened` ON `cases` (`opened_at`);
--> statement-breakpoint
CREATE INDEX `mentions_author` ON `mentions` (lower(ltrim(json_extract(`document`, '$.author.handle'), '@')), json_extract(`document`, '$.network'));
--> statement-breakpoint
CREATE TRIGGER `care_text_mention_in` AFTER INSERT ON `mentions` WHEN new.case_id IS NOT NULL BEGIN
  INSERT INTO care_text_keys(src, k) SELECT new.seq * 8, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.received_at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, coalesce(json_extract(new.document, '$.text'), '') || ' ' || coalesce(json_extract(new.document, '$.author.name'), '') || ' ' || coalesce(json_extract(new.document, '$.author.handle'), ''), new.case_id FROM care_text_keys WHERE src = new.seq * 8;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_mention_up` AFTER UPDATE OF document, case_id ON `mentions` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.seq * 8);
  DELETE FROM care_text_keys WHERE src = old.seq * 8;
  INSERT INTO care_text_keys(src, k) SELECT new.seq * 8, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.received_at) * 1048576 AS b) WHERE new.case_id IS NOT NULL;
  INSERT INTO care_text(rowid, body, case_id) SELECT k, coalesce(json_extract(new.document, '$.text'), '') || ' ' || coalesce(json_extract(new.document, '$.author.name'), '') || ' ' || coalesce(json_extract(new.document, '$.author.handle'), ''), new.case_id FROM care_text_keys WHERE src = new.seq * 8 AND new.case_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_note_in` AFTER INSERT ON `notes` BEGIN
  INSERT INTO care_text_keys(src, k) SELECT new.id * 8 + 1, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.text, new.case_id FROM care_text_keys WHERE src = new.id * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_note_up` AFTER UPDATE OF text ON `notes` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.id * 8 + 1);
  DELETE FROM care_text_keys WHERE src = old.id * 8 + 1;
  INSERT INTO care_text_keys(src, k) SELECT new.id * 8 + 1, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.text, new.case_id FROM care_text_keys WHERE src = new.id * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_note_del` AFTER DELETE ON `notes` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.id * 8 + 1);
  DELETE FROM care_text_keys WHERE src = old.id * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_tag_in` AFTER INSERT ON `tags` BEGIN
  INSERT INTO care_text_keys(src, k) SELECT new.rowid * 8 + 2, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.tag, new.case_id FROM care_text_keys WHERE src = new.rowid * 8 + 2;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_tag_del` AFTER DELETE ON `tags` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.rowid * 8 + 2);
  DELETE FROM care_text_keys WHERE src = old.rowid * 8 + 2;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_reply_in` AFTER INSERT ON `replies` BEGIN
  INSERT INTO care_text_keys(src, k) SELECT new.rowid * 8 + 3, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.created_at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.text, new.case_id FROM care_text_keys WHERE src = new.rowid * 8 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_reply_up` AFTER UPDATE OF text ON `replies` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.rowid * 8 + 3);
  DELETE FROM care_text_keys WHERE src = old.rowid * 8 + 3;
  INSERT INTO care_text_keys(src, k) SELECT new.rowid * 8 + 3, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.created_at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.text, new.case_id FROM care_text_keys WHERE src = new.rowid * 8 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_contact_in` AFTER INSERT ON `care_contacts` BEGIN
  INSERT INTO care_text_keys(src, k) SELECT new.id * 8 + 5, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.created_at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.summary, new.case_id FROM care_text_keys WHERE src = new.id * 8 + 5;
END;
--> statement-breakpoint
CREATE TRIGGER `care_text_contact_up` AFTER UPDATE OF summary ON `care_contacts` BEGIN
  DELETE FROM care_text WHERE rowid = (SELECT k FROM care_text_keys WHERE src = old.id * 8 + 5);
  DELETE FROM care_text_keys WHERE src = old.id * 8 + 5;
  INSERT INTO care_text_keys(src, k) SELECT new.id * 8 + 5, coalesce((SELECT max(k) FROM care_text_keys WHERE k BETWEEN b AND b + 1048575), b - 1) + 1
    FROM (SELECT coalesce((SELECT opened_at FROM cases WHERE id = new.case_id), new.created_at) * 1048576 AS b);
  INSERT INTO care_text(rowid, body, case_id) SELECT k, new.summary, new.case_id FROM care_text_keys WHERE src = new.id * 8 + 5;
END;
--> statement-breakpoint
-- Back-fill: rows of one opening millisecond take consecutive slots.
INSERT INTO care_text_keys(src, k) SELECT src, b * 1048576 + row_number() OVER (PARTITION BY b ORDER BY src) - 1 FROM (
  SELECT m.seq * 8 AS src, coalesce(c.opened_at, m.received_at) AS b FROM mentions m LEFT JOIN cases c ON c.id = m.case_id WHERE m.case_id IS NOT NULL
  UNION ALL SELECT n.id * 8 + 1, coalesce(c.opened_at, n.at) FROM notes n LEFT JOIN cases c ON c.id = n.case_id
  UNION ALL SELECT t.rowid * 8 + 2, coalesce(c.opened_at, t.at) FROM tags t LEFT JOIN cases c ON c.id = t.case_id
  UNION ALL SELECT r.rowid * 8 + 3, coalesce(c.opened_at, r.created_at) FROM replies r LEFT JOIN cases c ON c.id = r.case_id
  UNION ALL SELECT x.id * 8 + 5, coalesce(c.opened_at, x.created_at) FROM care_contacts x LEFT JOIN cases c ON c.id = x.case_id
);
--> statement-breakpoint
INSERT INTO care_text(rowid, body, case_id) SELECT k.k, coalesce(json_extract(m.document, '$.text'), '') || ' ' || coalesce(json_extract(m.document, '$.author.name'), '') || ' ' || coalesce(json_extract(m.document, '$.author.handle'), ''), m.case_id FROM mentions m JOIN care_text_keys k ON k.src = m.seq * 8 WHERE m.case_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO care_text(rowid, body, case_id) SELECT k.k, n.text, n.case_id FROM notes n JOIN care_text_keys k ON k.src = n.id * 8 + 1;
--> statement-breakpoint
INSERT INTO care_text(rowid, body, case_id) SELECT k.k, t.tag, t.case_id FROM tags t JOIN care_text_keys k ON k.src = t.rowid * 8 + 2;
--> statement-breakpoint
INSERT INTO care_text(rowid, body, case_id) SELECT k.k, r.text, r.case_id FROM replies r JOIN care_text_keys k ON k.src = r.rowid * 8 + 3;
--> statement-breakpoint
INSERT INTO care_text(rowid, body, case_id) SELECT k.k, x.summary, x.case_id FROM care_contacts x JOIN care_text_keys k ON k.src = x.id * 8 + 5;
--> statement-breakpoint
-- Every new interaction goes to each interaction webhook, in the transaction that wrote it (the outbox delivers it, signed).
CREATE VIEW `care_case_author` AS SELECT c.id AS case_id, json_extract(m.document, '$.network') AS network, json_extract(m.document, '$.author.handle') AS handle FROM cases c JOIN mentions m ON m.id = c.mention_id;
--> statement-breakpoint
CREATE TRIGGER `care_hook_mention` AFTER INSERT ON `mentions` WHEN new.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM care_interaction_hooks) BEGIN
  INSERT INTO outbox(kind, recipient, payload, created_at, next_attempt_at)
  SELECT 'webhook', json_object('webhook', h.url), json_object('kind', 'interaction', 'interaction', 'mention', 'message', 'New mention from ' || coalesce(json_extract(new.document, '$.author.handle'), 'someone'), 'caseId', new.case_id, 'mentionId', new.id,
    'person', json_object('network', json_extract(new.document, '$.network'), 'handle', json_extract(new.document, '$.author.handle')), 'text', json_extract(new.document, '$.text'), 'at', strftime('%Y-%m-%dT%H:%M:%fZ', new.received_at / 1000.0, 'unixepoch')),
    new.received_at, new.received_at FROM care_interaction_hooks h;
END;
--> statement-breakpoint
CREATE TRIGGER `care_hook_note` AFTER INSERT ON `notes` WHEN EXISTS (SELECT 1 FROM care_interaction_hooks) BEGIN
  INSERT INTO outbox(kind, recipient, payload, created_at, next_attempt_at)
  SELECT 'webhook', json_object('webhook', h.url), json_object('kind', 'interaction', 'interaction', 'note', 'message', 'Note on a case of ' || coalesce(a.handle, 'someone'), 'caseId', new.case_id, 'actor', new.author,
    'person', json_object('network', a.network, 'handle', a.handle), 'text', new.text, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', new.at / 1000.0, 'unixepoch')),
    new.at, new.at FROM care_interaction_hooks h LEFT JOIN care_case_author a ON a.case_id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `care_hook_reply` AFTER INSERT ON `replies` WHEN EXISTS (SELECT 1 FROM care_interaction_hooks) BEGIN
  INSERT INTO outbox(kind, recipient, payload, created_at, next_attempt_at)
  SELECT 'webhook', json_object('webhook', h.url), json_object('kind', 'interaction', 'interaction', 'reply', 'message', 'Reply to ' || coalesce(a.handle, 'someone'), 'caseId', new.case_id, 'actor', new.author, 'replyId', new.id,
    'person', json_object('network', a.network, 'handle', a.handle), 'text', new.text, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', new.created_at / 1000.0, 'unixepoch')),
    new.created_at, new.created_at FROM care_interaction_hooks h LEFT JOIN care_case_author a ON a.case_id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `care_hook_outcome` AFTER INSERT ON `case_events` WHEN new.type = 'outcome' AND EXISTS (SELECT 1 FROM care_interaction_hooks) BEGIN
  INSERT INTO outbox(kind, recipient, payload, created_at, next_attempt_at)
  SELECT 'webhook', json_object('webhook', h.url), json_object('kind', 'interaction', 'interaction', 'outcome', 'message', 'Outcome ' || coalesce(json_extract(new.data, '$.outcome'), '') || ' for ' || coalesce(a.handle, 'someone'), 'caseId', new.case_id, 'actor', new.actor,
    'node', json_extract(new.data, '$.node'), 'outcome', json_extract(new.data, '$.outcome'),
    'person', json_object('network', a.network, 'handle', a.handle), 'at', strftime('%Y-%m-%dT%H:%M:%fZ', new.at / 1000.0, 'unixepoch')),
    new.at, new.at FROM care_interaction_hooks h LEFT JOIN care_case_author a ON a.case_id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `care_hook_contact` AFTER INSERT ON `care_contacts` WHEN EXISTS (SELECT 1 FROM care_interaction_hooks) BEGIN
  INSERT INTO outbox(kind, recipient, payload, created_at, next_attempt_at)
  SELECT 'webhook', json_object('webhook', h.url), json_object('kind', 'interaction', 'interaction', 'contact', 'message', 'Offline contact (' || new.kind || ') with ' || coalesce(a.handle, 'someone'), 'caseId', new.case_id, 'actor', new.author,
    'contactKind', new.kind, 'outcome', new.outcome, 'person', json_object('network', a.network, 'handle', a.handle), 'text', new.summary, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', new.at / 1000.0, 'unixepoch')),
    new.created_at, new.created_at FROM care_interaction_hooks h LEFT JOIN care_case_author a ON a.case_id = new.case_id;
END;
