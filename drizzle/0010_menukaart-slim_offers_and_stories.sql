CREATE TABLE "menukaart_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"regions" jsonb NOT NULL,
	"sectors" jsonb NOT NULL,
	"aspects" jsonb NOT NULL,
	"cost_text" text,
	"cost_band" text,
	"funding" jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"url" text NOT NULL,
	"description" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "success_story" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"title" text NOT NULL,
	"what" text NOT NULL,
	"result" text NOT NULL,
	"tip" text NOT NULL,
	"aspects" jsonb NOT NULL,
	"cost_band" text NOT NULL,
	"funding" jsonb NOT NULL,
	"time" text DEFAULT '' NOT NULL,
	"show_firm_name" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_by" text,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"entry_slug" text,
	"written_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "menukaart_offer" ADD CONSTRAINT "menukaart_offer_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menukaart_offer" ADD CONSTRAINT "menukaart_offer_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_story" ADD CONSTRAINT "success_story_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_story" ADD CONSTRAINT "success_story_consent_by_user_id_fk" FOREIGN KEY ("consent_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_story" ADD CONSTRAINT "success_story_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_story" ADD CONSTRAINT "success_story_written_by_user_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "menukaart_offer_archived_idx" ON "menukaart_offer" USING btree ("archived_at");--> statement-breakpoint
CREATE INDEX "success_story_firm_idx" ON "success_story" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "success_story_status_idx" ON "success_story" USING btree ("status");