ALTER TABLE "user" ADD COLUMN "locale" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
-- Hand-written: an account that chose English for its reminder mails of any firm keeps English, now as its own language.
UPDATE "user" SET "locale" = 'en' WHERE "id" IN (SELECT "user_id" FROM "action_mail_setting" WHERE "locale" = 'en');--> statement-breakpoint
ALTER TABLE "action_mail_setting" DROP COLUMN "locale";