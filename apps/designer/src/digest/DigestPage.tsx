import { useEffect, useState } from 'react';
import { csvHref, digestApi, type Digest } from '../api/digest.ts';
import { navigate, useHash } from '../shell/route.ts';
import { showError } from '../shell/toasts.ts';
import './digest.css';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The day in the hash (`#/digest/2026-03-02`), else today (UTC). */
function dayOf(hash: string): string {
  const m = /^#\/digest\/(\d{4}-\d{2}-\d{2})$/.exec(hash);
  return m ? m[1]! : today();
}

function Tally({ title, items, testId }: { title: string; items: { key: string; count: number }[]; testId: string }) {
  const most = Math.max(1, ...items.map((i) => i.count));
  return (
    <section className="digest-card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {items.length ? (
        <ul className="digest-tally">
          {items.map((i) => (
            <li key={i.key}>
              <span className="digest-key">{i.key}</span>
              <span className="bar-track" aria-hidden="true"><span className="bar" style={{ width: `${(i.count / most) * 100}%` }} /></span>
              <span className="num">{i.count.toLocaleString('en')}</span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">None.</p>}
    </section>
  );
}

/** The listening officer's day: volume, crises, cases, breaches, tags, words, lessons; and the morning e-mail switch. */
export function DigestPage() {
  const date = dayOf(useHash());
  const [digest, setDigest] = useState<Digest | null>(null);
  const [email, setEmail] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    setDigest(null);
    digestApi.day(date).then((d) => live && setDigest(d), (e) => showError('Could not load the digest', e));
    return () => {
      live = false;
    };
  }, [date]);
  useEffect(() => {
    digestApi.subscription().then((s) => setEmail(s.email), () => undefined);
  }, []);

  const toggle = async (on: boolean) => {
    try {
      setEmail((await digestApi.subscribe(on)).email);
    } catch (e) {
      showError('Could not change the e-mail setting', e);
    }
  };

  return (
    <main className="digest-page page" aria-labelledby="digest-title">
      <header className="digest-head">
        <h1 id="digest-title">Digest</h1>
        <div className="digest-day" role="group" aria-label="Day">
          <button type="button" onClick={() => navigate(`#/digest/${shift(date, -1)}`)} aria-label="Day before">‹</button>
          <input type="date" value={date} max={today()} aria-label="Day (UTC)" data-testid="digest-date"
            onChange={(e) => e.target.value && navigate(`#/digest/${e.target.value}`)} />
          <button type="button" onClick={() => navigate(`#/digest/${shift(date, 1)}`)} disabled={date >= today()} aria-label="Day after">›</button>
        </div>
        <a className="button-link" href={csvHref('/api/digest', { date })} download data-testid="digest-csv">Download CSV</a>
        <label className="digest-email">
          <input type="checkbox" checked={email === true} disabled={email === null} onChange={(e) => void toggle(e.target.checked)} data-testid="digest-email" />
          E-mail me this each morning
        </label>
      </header>
      {!digest ? <p className="muted" aria-busy="true">Loading the digest…</p> : (
        <div className="digest-body" data-testid="digest-body">
          <div className="digest-figures">
            <p><span className="figure" data-testid="digest-mentions">{digest.mentions.total.toLocaleString('en')}</span> mentions</p>
            <p><span className="figure">{digest.cases.opened.toLocaleString('en')}</span> cases opened</p>
            <p><span className="figure">{digest.cases.ended.toLocaleString('en')}</span> closed</p>
            <p><span className="figure">{digest.cases.open.toLocaleString('en')}</span> open at the end of the day</p>
            <p className={digest.cases.breached.length ? 'figure-bad' : undefined}><span className="figure">{digest.cases.breached.length}</span> missed deadlines</p>
          </div>
          {digest.crises.length ? (
            <section className="digest-card digest-crises" aria-label="Crises">
              <h2>Crises</h2>
              <ul>{digest.crises.map((c) => <li key={`${c.mapId}${c.startedAt}`}>{c.mapName}: {c.startedAt.slice(11, 16)} – {c.endedAt ? c.endedAt.slice(11, 16) : 'still on'} UTC</li>)}</ul>
            </section>
          ) : null}
          <div className="digest-grid">
            <Tally title="By network" items={digest.mentions.byNetwork} testId="digest-networks" />
            <Tally title="By brand" items={digest.mentions.byBrand} testId="digest-brands" />
            <Tally title="By map" items={digest.mentions.byMap} testId="digest-maps" />
            <Tally title="Top tags" items={digest.topTags} testId="digest-tags" />
            <Tally title="Top words" items={digest.topKeywords} testId="digest-keywords" />
          </div>
          <section className="digest-card" aria-label="Missed deadlines">
            <h2>Missed deadlines</h2>
            {digest.cases.breached.length ? (
              <ul className="digest-list">
                {digest.cases.breached.map((b) => (
                  <li key={`${b.caseId}${b.at}`}><a href={`#/console/case/${encodeURIComponent(b.caseId)}`}>{b.mapName} · {b.node}</a>{b.team ? ` (${b.team})` : ''} at {b.at.slice(11, 16)} UTC</li>
                ))}
              </ul>
            ) : <p className="muted">None — every deadline was met.</p>}
          </section>
          <section className="digest-card" aria-label="Lessons">
            <h2>Lessons</h2>
            {digest.lessons.length ? (
              <ul className="digest-list">{digest.lessons.map((l) => <li key={`${l.caseId}${l.at}`}><strong>{l.author ?? 'Someone'}</strong> ({l.mapName}): {l.text}</li>)}</ul>
            ) : <p className="muted">No lessons written this day.</p>}
          </section>
        </div>
      )}
    </main>
  );
}
