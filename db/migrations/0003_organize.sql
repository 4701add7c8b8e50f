CREATE TABLE "collection_items" (
	"collection_id" uuid NOT NULL,
	"credential_id" uuid NOT NULL,
	"holder_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_items_collection_id_credential_id_pk" PRIMARY KEY("collection_id","credential_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "holder_note" text;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "holder_tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(title || ' ' || issuer_name || ' ' || jsonb_path_query_array(record, '$.skills[*].name')::text || ' ' || jsonb_path_query_array(record, '$.learningOutcomes[*].title')::text)) STORED;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "skill_names" jsonb GENERATED ALWAYS AS (jsonb_path_query_array(record, '$.skills[*].name')) STORED;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_items_credential" ON "collection_items" USING btree ("credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collections_holder_name" ON "collections" USING btree ("holder_id",lower("name"));