CREATE TABLE "pairing_label" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"recorded_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_link" (
	"firm_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_link_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "pairing_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"day" date NOT NULL,
	"what" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"written_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_pair" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"master_id" uuid NOT NULL,
	"apprentice_id" uuid NOT NULL,
	"covers" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"master_answer" text,
	"apprentice_answer" text,
	"master_shares_log" boolean DEFAULT false NOT NULL,
	"apprentice_shares_log" boolean DEFAULT false NOT NULL,
	"proposed_on" date NOT NULL,
	"started_on" date,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "pairing_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"source" text DEFAULT 'owner' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pairing_label" ADD CONSTRAINT "pairing_label_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_label" ADD CONSTRAINT "pairing_label_person_id_pairing_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."pairing_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_link" ADD CONSTRAINT "pairing_link_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_log" ADD CONSTRAINT "pairing_log_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_log" ADD CONSTRAINT "pairing_log_pair_id_pairing_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairing_pair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_pair" ADD CONSTRAINT "pairing_pair_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_pair" ADD CONSTRAINT "pairing_pair_master_id_pairing_person_id_fk" FOREIGN KEY ("master_id") REFERENCES "public"."pairing_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_pair" ADD CONSTRAINT "pairing_pair_apprentice_id_pairing_person_id_fk" FOREIGN KEY ("apprentice_id") REFERENCES "public"."pairing_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_person" ADD CONSTRAINT "pairing_person_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairing_label_person_idx" ON "pairing_label" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pairing_label_firm_idx" ON "pairing_label" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "pairing_log_pair_idx" ON "pairing_log" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "pairing_pair_firm_idx" ON "pairing_pair" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "pairing_person_firm_idx" ON "pairing_person" USING btree ("firm_id");