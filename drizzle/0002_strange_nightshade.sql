ALTER TABLE "scan_round" ADD COLUMN "supervised_by" text;--> statement-breakpoint
ALTER TABLE "scan_round" ADD COLUMN "supervisor_name" text;--> statement-breakpoint
ALTER TABLE "scan_round" ADD CONSTRAINT "scan_round_supervised_by_user_id_fk" FOREIGN KEY ("supervised_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;