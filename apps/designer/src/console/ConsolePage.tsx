import { useEffect } from 'react';
import type { User } from '../api/client.ts';
import { showToast } from '../shell/toasts.ts';
import { useHash } from '../shell/route.ts';
import { CaseView } from './CaseView.tsx';
import { caseIdFromHash } from './consoleRoute.ts';
import { subscribeLive } from './liveEvents.ts';
import { QueuePage } from './QueuePage.tsx';
import { useDirectory } from './useDirectory.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useConsoleKeys } from './useConsoleKeys.ts';
import { useNewCaseNotifications } from './useNewCaseNotifications.ts';
import './console.css';

/** The team console: the queues (`#/console`) and one case (`#/console/case/<id>`). */
export function ConsolePage({ user }: { user: User }) {
  const caseId = caseIdFromHash(useHash());
  const directory = useDirectory();
  // A pass that hands cases out (round-robin, least-loaded) may give this person one while they work.
  useEffect(() => subscribeLive((type, data) => {
    if (type === 'claim' && data.holder === user.id && typeof data.handedOut === 'string') {
      showToast('info', `A case was handed to you (${data.handedOut}); it is in your queue, held by you.`);
    }
  }), [user.id]);
  const { helpOpen, closeHelp } = useConsoleKeys();
  useNewCaseNotifications(user);
  return (
    <>
      {caseId ? <CaseView key={caseId} caseId={caseId} user={user} directory={directory} /> : <QueuePage user={user} directory={directory} />}
      {helpOpen ? <ShortcutsHelp onClose={closeHelp} /> : null}
    </>
  );
}
