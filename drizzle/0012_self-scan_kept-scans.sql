CREATE TABLE "firm_self_scan_link" (
	"firm_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_self_scan_link_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "kept_self_scan" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"iv" text NOT NULL,
	"ciphertext" text NOT NULL,
	"kept_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "firm_self_scan_link" ADD CONSTRAINT "firm_self_scan_link_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;