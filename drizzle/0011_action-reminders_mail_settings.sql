CREATE TABLE "action_mail_sent" (
	"kind" text NOT NULL,
	"about" text NOT NULL,
	"user_id" text NOT NULL,
	"firm_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_mail_sent_kind_firm_id_about_user_id_pk" PRIMARY KEY("kind","firm_id","about","user_id")
);
--> statement-breakpoint
CREATE TABLE "action_mail_setting" (
	"user_id" text NOT NULL,
	"firm_id" uuid NOT NULL,
	"deadline_mail" boolean DEFAULT true NOT NULL,
	"monthly_mail" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_mail_setting_user_id_firm_id_pk" PRIMARY KEY("user_id","firm_id")
);
--> statement-breakpoint
ALTER TABLE "action_mail_sent" ADD CONSTRAINT "action_mail_sent_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_mail_sent" ADD CONSTRAINT "action_mail_sent_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_mail_setting" ADD CONSTRAINT "action_mail_setting_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_mail_setting" ADD CONSTRAINT "action_mail_setting_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_mail_sent_firm_idx" ON "action_mail_sent" USING btree ("firm_id");