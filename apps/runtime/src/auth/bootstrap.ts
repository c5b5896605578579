import { isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { audit } from '../audit.ts';
import { apiTokens, users } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { createUser } from './createUser.ts';
import { INGEST_PREFIX } from './authenticate.ts';
import { randomId, randomSecret, sha256 } from './secrets.ts';

/** Roles of the first admin: they set up the directory, may draw maps and approve others' versions. */
export const FIRST_ADMIN_ROLES = ['admin', 'approver', 'manager'] as const;

/**
 * First start with an empty database (docs/api.md#authentication): with `BATON_ADMIN_EMAIL` and `BATON_ADMIN_PASSWORD`
 * create that admin (and `BATON_INGEST_TOKEN` as an ingest token); otherwise set a one-time setup
 * secret for `POST /api/setup` and return it so start-up can print it. No default passwords.
 */
/**
 * Whether an active administrator exists. Setup is about the first admin, not the first account:
 * demo agents or imported people must not lock the owner out of creating one.
 */
export function hasAdmin(db: Db): boolean {
  return db.select({ roles: users.roles }).from(users).where(isNull(users.disabledAt)).all().some((u) => u.roles.includes('admin'));
}

export async function bootstrap(rt: Runtime, env: Record<string, string | undefined>): Promise<{ created?: string; setupSecret?: string }> {
  if (hasAdmin(rt.db)) {
    rt.setupSecret = null;
    return {};
  }
  const email = env.BATON_ADMIN_EMAIL;
  const password = env.BATON_ADMIN_PASSWORD;
  if (email && password) {
    const now = rt.clock.now();
    const user = await createUser(rt.db, { email, name: env.BATON_ADMIN_NAME || 'Administrator', password, roles: [...FIRST_ADMIN_ROLES] }, now);
    const token = env.BATON_INGEST_TOKEN;
    if (token) {
      rt.db.insert(apiTokens).values({ id: randomId('tok'), name: 'BATON_INGEST_TOKEN', scope: 'ingest', tokenHash: sha256(token), createdBy: user.id, createdAt: now }).run();
    }
    audit(rt.db, now, { actor: user.id, action: 'setup.env', target: user.id });
    rt.setupSecret = null;
    return { created: user.email };
  }
  rt.setupSecret = randomSecret('setup_');
  return { setupSecret: rt.setupSecret };
}

export { INGEST_PREFIX };
