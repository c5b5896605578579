ALTER TABLE `api_tokens` ADD `signing_secret` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `ip` text;