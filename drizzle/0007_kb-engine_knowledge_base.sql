CREATE TABLE "knowledge_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" text NOT NULL,
	"published_version_id" uuid,
	"latest_version_id" uuid,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_entry_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "knowledge_entry_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"summary_en" text NOT NULL,
	"kind" text NOT NULL,
	"aspects" text[] NOT NULL,
	"worries" text[] NOT NULL,
	"target_group" text NOT NULL,
	"sizes" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"evidence" text NOT NULL,
	"cost" text NOT NULL,
	"time" text NOT NULL,
	"helpers" text[] NOT NULL,
	"funding" text[] NOT NULL,
	"keywords" text[] NOT NULL,
	"keyword_text" text NOT NULL,
	"sources" jsonb NOT NULL,
	"body" text NOT NULL,
	"content_hash" text NOT NULL,
	"source" text NOT NULL,
	"source_file" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', "knowledge_entry_version"."title"), 'A') || setweight(to_tsvector('dutch', "knowledge_entry_version"."keyword_text"), 'A') || setweight(to_tsvector('dutch', "knowledge_entry_version"."summary"), 'B') || setweight(to_tsvector('dutch', "knowledge_entry_version"."body"), 'C')) STORED NOT NULL,
	"rank_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', "knowledge_entry_version"."title"), 'A') || setweight(to_tsvector('dutch', "knowledge_entry_version"."keyword_text"), 'A') || setweight(to_tsvector('dutch', "knowledge_entry_version"."summary"), 'B')) STORED NOT NULL,
	"name_text" text GENERATED ALWAYS AS (lower("knowledge_entry_version"."title" || ' ' || "knowledge_entry_version"."keyword_text")) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_entry_version" ADD CONSTRAINT "knowledge_entry_version_entry_id_knowledge_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."knowledge_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_entry_version" ADD CONSTRAINT "knowledge_entry_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_entry_version_number_idx" ON "knowledge_entry_version" USING btree ("entry_id","number");--> statement-breakpoint
CREATE INDEX "knowledge_entry_version_search_idx" ON "knowledge_entry_version" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "knowledge_entry_version_name_trgm_idx" ON "knowledge_entry_version" USING gin ("name_text" gin_trgm_ops) WITH (fastupdate=false);