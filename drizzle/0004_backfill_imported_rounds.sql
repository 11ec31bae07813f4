-- Hand-written backfill (keep it when migrations are combined): a round made before rounds had an origin is
-- "imported" when every one of its employee responses came from an import and it has at least one.
UPDATE "scan_round" SET "origin" = 'imported'
WHERE EXISTS (SELECT 1 FROM "scan_response" r WHERE r."round_id" = "scan_round"."id" AND r."source" = 'import')
  AND NOT EXISTS (SELECT 1 FROM "scan_response" r WHERE r."round_id" = "scan_round"."id" AND r."source" = 'survey' AND r."perspective" = 'employee');
