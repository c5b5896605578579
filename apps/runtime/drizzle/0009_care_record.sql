CREATE TABLE `care_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`outcome` text,
	`node` text NOT NULL,
	`author` text NOT NULL,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `care_contacts_case` ON `care_contacts` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `care_interaction_hooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `care_person_handles` (
	`network` text NOT NULL,
	`handle_key` text NOT NULL,
	`person_id` text NOT NULL,
	`linked_by` text,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`network`, `handle_key`)
);
--> statement-breakpoint
CREATE INDEX `care_person_handles_person` ON `care_person_handles` (`person_id`);--> statement-breakpoint
CREATE TABLE `care_saved_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `care_saved_searches_user` ON `care_saved_searches` (`user_id`,`id`);