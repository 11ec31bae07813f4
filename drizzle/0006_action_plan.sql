CREATE TABLE "firm_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"round_id" uuid,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"aspect_id" text,
	"entry_slug" text,
	"origin" text DEFAULT 'free' NOT NULL,
	"assignee_name" text,
	"assignee_user_id" text,
	"starts_on" date,
	"due_on" date,
	"status" text DEFAULT 'niet-gestart' NOT NULL,
	"done_on" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firm_action_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"text" text NOT NULL,
	"written_by" text,
	"written_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "firm_action" ADD CONSTRAINT "firm_action_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_action" ADD CONSTRAINT "firm_action_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_action" ADD CONSTRAINT "firm_action_assignee_user_id_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_action" ADD CONSTRAINT "firm_action_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_action_note" ADD CONSTRAINT "firm_action_note_action_id_firm_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."firm_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_action_note" ADD CONSTRAINT "firm_action_note_written_by_user_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "firm_action_firm_idx" ON "firm_action" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "firm_action_note_action_idx" ON "firm_action_note" USING btree ("action_id");