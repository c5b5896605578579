import type { User } from '../api/client.ts';
import { useHash } from '../shell/route.ts';
import { CaseView } from './CaseView.tsx';
import { caseIdFromHash } from './consoleRoute.ts';
import { QueuePage } from './QueuePage.tsx';
import { useDirectory } from './useDirectory.ts';
import './console.css';

/** The team console: the queues (`#/console`) and one case (`#/console/case/<id>`). */
export function ConsolePage({ user }: { user: User }) {
  const caseId = caseIdFromHash(useHash());
  const directory = useDirectory();
  return caseId ? <CaseView key={caseId} caseId={caseId} user={user} directory={directory} /> : <QueuePage user={user} directory={directory} />;
}
