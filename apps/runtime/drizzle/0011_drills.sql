CREATE TABLE `drill_held` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drill_id` text NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drill_held_drill` ON `drill_held` (`drill_id`,`id`);--> statement-breakpoint
CREATE TABLE `drill_mentions` (
	`drill_id` text NOT NULL,
	`seq` integer NOT NULL,
	`offset` integer NOT NULL,
	`due_at` integer NOT NULL,
	`mention` text NOT NULL,
	`status` text NOT NULL,
	`case_id` text,
	`fed_at` integer,
	PRIMARY KEY(`drill_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `drill_mentions_due` ON `drill_mentions` (`drill_id`,`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `drills` (
	`id` text PRIMARY KEY NOT NULL,
	`map_id` text NOT NULL,
	`version` integer NOT NULL,
	`scenario` text NOT NULL,
	`speed` integer NOT NULL,
	`teams` text NOT NULL,
	`participants` text NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`started_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`total` integer NOT NULL,
	`fed` integer DEFAULT 0 NOT NULL,
	`until_at` integer,
	`last_tick_at` integer NOT NULL,
	`paused_ms` integer DEFAULT 0 NOT NULL,
	`max_queue` text NOT NULL,
	`crisis` text,
	`report` text
);
--> statement-breakpoint
CREATE INDEX `drills_state` ON `drills` (`state`);--> statement-breakpoint
CREATE INDEX `drills_map` ON `drills` (`map_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `drill_id` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `drill_id` text;