CREATE TABLE "job_lease" (
	"job" text PRIMARY KEY NOT NULL,
	"held_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_window" (
	"limiter" text NOT NULL,
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_window_limiter_key_hash_pk" PRIMARY KEY("limiter","key_hash")
);
