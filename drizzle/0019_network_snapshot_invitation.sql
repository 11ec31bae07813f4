CREATE TABLE "network_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "network_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "network_snapshot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"firms" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"shown_sets" jsonb NOT NULL,
	"imported_firms" integer DEFAULT 0 NOT NULL,
	"signal_firms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_invitation" ADD CONSTRAINT "network_invitation_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_snapshot" ADD CONSTRAINT "network_snapshot_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_invitation_network_idx" ON "network_invitation" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_snapshot_network_idx" ON "network_snapshot" USING btree ("network_id","published_at");