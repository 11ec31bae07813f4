-- Hand-written (keep it when migrations are combined).
-- Trigram matching lets the knowledge-base search forgive typing mistakes; a trusted extension since
-- PostgreSQL 13, and PGlite loads it at start (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Sector ids became the ones networks group by (DESIGN.md, "Networks"); the former ids map one to one.
UPDATE "firm" SET "sector" = CASE "sector"
	WHEN 'techniek-installatie' THEN 'installatie'
	WHEN 'metaal' THEN 'metaal-techniek'
	WHEN 'food-bakkerij' THEN 'industrie'
	WHEN 'landbouw-groen' THEN 'landbouw'
	ELSE "sector" END
WHERE "sector" IN ('techniek-installatie', 'metaal', 'food-bakkerij', 'landbouw-groen');
