CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adviser_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"adviser_id" text NOT NULL,
	"kind" text NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "firm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"size_class" text NOT NULL,
	"province" text NOT NULL,
	"employees" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "firm_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "firm_member" (
	"firm_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_member_firm_id_user_id_pk" PRIMARY KEY("firm_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "admin_setup_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_card" (
	"round_id" uuid NOT NULL,
	"code" text NOT NULL,
	"used_on" date,
	CONSTRAINT "round_card_round_id_code_pk" PRIMARY KEY("round_id","code"),
	CONSTRAINT "round_card_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "scan_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"submitted_on" date NOT NULL,
	"source" text DEFAULT 'survey' NOT NULL,
	"answers" jsonb NOT NULL,
	"background" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"learning" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"open" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_in" integer
);
--> statement-breakpoint
CREATE TABLE "scan_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"instrument_version" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"invited" integer NOT NULL,
	"teams" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"invite_mode" text DEFAULT 'link' NOT NULL,
	"link_token" text NOT NULL,
	"short_code" text NOT NULL,
	"threshold" integer DEFAULT 5 NOT NULL,
	"open_answers_verbatim" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "scan_round_link_token_unique" UNIQUE("link_token"),
	CONSTRAINT "scan_round_short_code_unique" UNIQUE("short_code"),
	CONSTRAINT "scan_round_firm_name_unique" UNIQUE("firm_id","name")
);
--> statement-breakpoint
CREATE TABLE "submission_receipt" (
	"round_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"received_on" date NOT NULL,
	CONSTRAINT "submission_receipt_round_id_key_hash_pk" PRIMARY KEY("round_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_draft" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"updated_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_version" (
	"round_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"included_responses" integer NOT NULL,
	"owner_responses" integer NOT NULL,
	"published_on" date NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "report_version_round_id_version_pk" PRIMARY KEY("round_id","version")
);
--> statement-breakpoint
CREATE TABLE "data_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deletion_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_hash" text NOT NULL,
	"deleted_on" date NOT NULL,
	"rows" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "export_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" text,
	"basis" text NOT NULL,
	"level" text NOT NULL,
	"format" text NOT NULL,
	"respondents" integer NOT NULL,
	"exported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_retention" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"removed_on" date NOT NULL,
	"responses_removed" integer NOT NULL,
	"reports" jsonb
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_grant" ADD CONSTRAINT "adviser_grant_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_grant" ADD CONSTRAINT "adviser_grant_adviser_id_user_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_grant" ADD CONSTRAINT "adviser_grant_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_invitation" ADD CONSTRAINT "firm_invitation_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_invitation" ADD CONSTRAINT "firm_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_member" ADD CONSTRAINT "firm_member_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_member" ADD CONSTRAINT "firm_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_card" ADD CONSTRAINT "round_card_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_response" ADD CONSTRAINT "scan_response_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_round" ADD CONSTRAINT "scan_round_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_receipt" ADD CONSTRAINT "submission_receipt_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_draft" ADD CONSTRAINT "survey_draft_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_agreement" ADD CONSTRAINT "data_agreement_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_agreement" ADD CONSTRAINT "data_agreement_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_audit" ADD CONSTRAINT "export_audit_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_audit" ADD CONSTRAINT "export_audit_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_retention" ADD CONSTRAINT "round_retention_round_id_scan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adviser_grant_adviser_idx" ON "adviser_grant" USING btree ("adviser_id");--> statement-breakpoint
CREATE INDEX "adviser_grant_firm_idx" ON "adviser_grant" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "firm_member_user_idx" ON "firm_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "scan_response_round_idx" ON "scan_response" USING btree ("round_id","published_in");--> statement-breakpoint
CREATE INDEX "scan_round_firm_idx" ON "scan_round" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "survey_draft_round_idx" ON "survey_draft" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "data_agreement_firm_idx" ON "data_agreement" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "data_agreement_user_idx" ON "data_agreement" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "export_audit_firm_idx" ON "export_audit" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "export_audit_round_idx" ON "export_audit" USING btree ("round_id");