CREATE TABLE "annual_report_text" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"conclusions" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_text_network_year" UNIQUE("network_id","year")
);
--> statement-breakpoint
CREATE TABLE "progress_talk" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"project" text NOT NULL,
	"pilot_slug" text,
	"held_on" date,
	"participants" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"done" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"next_year" text DEFAULT '' NOT NULL,
	"help_needed" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_report_text" ADD CONSTRAINT "annual_report_text_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_text" ADD CONSTRAINT "annual_report_text_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_talk" ADD CONSTRAINT "progress_talk_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_talk" ADD CONSTRAINT "progress_talk_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_talk" ADD CONSTRAINT "progress_talk_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_talk_network_year_idx" ON "progress_talk" USING btree ("network_id","year");