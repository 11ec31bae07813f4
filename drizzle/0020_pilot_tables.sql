CREATE TABLE "pilot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"entry_slug" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_network_slug_unique" UNIQUE("network_id","slug")
);
--> statement-breakpoint
CREATE TABLE "pilot_evaluation" (
	"pilot_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_on" date NOT NULL,
	"evaluation" jsonb NOT NULL,
	"entries" jsonb NOT NULL,
	"shown_sets" jsonb NOT NULL,
	CONSTRAINT "pilot_evaluation_pilot_id_version_pk" PRIMARY KEY("pilot_id","version")
);
--> statement-breakpoint
CREATE TABLE "pilot_firm" (
	"pilot_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"before_round_id" uuid NOT NULL,
	"after_round_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_firm_pilot_id_firm_id_pk" PRIMARY KEY("pilot_id","firm_id")
);
--> statement-breakpoint
ALTER TABLE "pilot" ADD CONSTRAINT "pilot_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evaluation" ADD CONSTRAINT "pilot_evaluation_pilot_id_pilot_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_firm" ADD CONSTRAINT "pilot_firm_pilot_id_pilot_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_firm" ADD CONSTRAINT "pilot_firm_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_firm" ADD CONSTRAINT "pilot_firm_before_round_id_scan_round_id_fk" FOREIGN KEY ("before_round_id") REFERENCES "public"."scan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_firm" ADD CONSTRAINT "pilot_firm_after_round_id_scan_round_id_fk" FOREIGN KEY ("after_round_id") REFERENCES "public"."scan_round"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pilot_firm_firm_idx" ON "pilot_firm" USING btree ("firm_id");