CREATE TABLE "ambassador_report_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"shared" boolean NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_listing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"provinces" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"offers" text[] NOT NULL,
	"about" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_listing_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "adviser_grant" ADD COLUMN "report_shared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "adviser_grant" ADD COLUMN "via_directory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "firm_invitation" ADD COLUMN "listed_name" text;--> statement-breakpoint
ALTER TABLE "ambassador_report_consent" ADD CONSTRAINT "ambassador_report_consent_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_report_consent" ADD CONSTRAINT "ambassador_report_consent_grant_id_adviser_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."adviser_grant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_report_consent" ADD CONSTRAINT "ambassador_report_consent_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_listing" ADD CONSTRAINT "directory_listing_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ambassador_report_consent_firm_idx" ON "ambassador_report_consent" USING btree ("firm_id");