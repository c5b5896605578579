CREATE TABLE `evidence_overrides` (
	`map_id` text NOT NULL,
	`version` integer NOT NULL,
	`by` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`map_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `map_scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`map_id` text NOT NULL,
	`name` text NOT NULL,
	`scenario` text NOT NULL,
	`must_pass` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_scenarios_map` ON `map_scenarios` (`map_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `version_evidence` (
	`map_id` text NOT NULL,
	`version` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`name` text NOT NULL,
	`must_pass` text NOT NULL,
	`state` text NOT NULL,
	`message` text,
	`passed` integer,
	`active_version` integer,
	`submitted` text,
	`active` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`map_id`, `version`, `scenario_id`)
);
