CREATE TABLE "holder_workloads" (
	"holder_id" text NOT NULL,
	"credential_id" uuid NOT NULL,
	"mentioned_hours" real,
	"credit_unit" text,
	"hours" real,
	"ects" real,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holder_workloads_holder_id_credential_id_pk" PRIMARY KEY("holder_id","credential_id"),
	CONSTRAINT "holder_workloads_hours_range" CHECK ("holder_workloads"."hours" is null or ("holder_workloads"."hours" > 0 and "holder_workloads"."hours" <= 2000)),
	CONSTRAINT "holder_workloads_ects_range" CHECK ("holder_workloads"."ects" is null or ("holder_workloads"."ects" > 0 and "holder_workloads"."ects" <= 300)),
	CONSTRAINT "holder_workloads_credit_unit" CHECK ("holder_workloads"."credit_unit" is null or "holder_workloads"."credit_unit" in ('ects', 'hours', 'other'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "first_steps_dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "holder_workloads" ADD CONSTRAINT "holder_workloads_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holder_workloads" ADD CONSTRAINT "holder_workloads_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;