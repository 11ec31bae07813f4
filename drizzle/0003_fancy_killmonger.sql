CREATE TABLE "round_signal" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"burst" integer DEFAULT 0 NOT NULL,
	"identical" integer DEFAULT 0 NOT NULL,
	"same_answer" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scan_round" ADD COLUMN "origin" text DEFAULT 'collected' NOT NULL;--> statement-breakpoint
ALTER TABLE "round_signal" ADD CONSTRAINT "round_signal_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;