-- Consultations are replayed through the guide version they started on when they are saved, but
-- the server held only the version in its files: a restart with an edited guide made every call in
-- progress unfinishable (409, "start again"). Each loaded version is now kept, as its file held it.
CREATE TABLE "guide_versions" (
	"guide_id" text NOT NULL,
	"version" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"source_hash" text NOT NULL,
	"first_loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_versions_guide_id_version_pk" PRIMARY KEY("guide_id","version")
);
