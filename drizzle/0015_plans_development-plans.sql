CREATE TABLE "development_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"situation" text DEFAULT '' NOT NULL,
	"goals" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firm_plan_link" (
	"firm_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_plan_link_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "plan_share" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"shared_with_firm" uuid,
	"shared_with_email" text,
	"sections" jsonb NOT NULL,
	"shared_on" date NOT NULL,
	CONSTRAINT "plan_share_firm_unique" UNIQUE("plan_id","shared_with_firm"),
	CONSTRAINT "plan_share_email_unique" UNIQUE("plan_id","shared_with_email"),
	CONSTRAINT "plan_share_one_recipient" CHECK (("plan_share"."shared_with_firm" is null) <> ("plan_share"."shared_with_email" is null))
);
--> statement-breakpoint
ALTER TABLE "development_plan" ADD CONSTRAINT "development_plan_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_plan_link" ADD CONSTRAINT "firm_plan_link_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_share" ADD CONSTRAINT "plan_share_plan_id_development_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_share" ADD CONSTRAINT "plan_share_shared_with_firm_firm_id_fk" FOREIGN KEY ("shared_with_firm") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_plan_user_idx" ON "development_plan" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "plan_share_firm_idx" ON "plan_share" USING btree ("shared_with_firm");--> statement-breakpoint
CREATE INDEX "plan_share_email_idx" ON "plan_share" USING btree ("shared_with_email");