import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LessonsContext, useMapLessons } from '../lessons/lessonsContext.ts';
import { LessonPeriodPicker } from '../lessons/LessonPeriodPicker.tsx';
import type { LessonPeriodKey } from '../lessons/lessonPeriod.ts';
import { ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import type { NodeType } from '@baton/engine';
import { ApiError, api } from '../api/client.ts';
import { forgetCreatedHere, isCreatedHere } from './createdHere.ts';
import { useReviewOverlay } from './review/useReviewOverlay.ts';
import { latestVersion, useVersionActions } from './useVersionActions.ts';
import type { DirectoryTeam, MapDetail, User } from '../api/client.ts';
import { blankMap } from '../maps/blankMap.ts';
import { peekPendingMap } from '../maps/pendingMap.ts';
import { readMapFile } from '../maps/readMapFile.ts';
import { ErrorBoundary } from '../shell/ErrorBoundary.tsx';
import { showError, showToast } from '../shell/toasts.ts';
import { autoLayout, freeSpot, hasOverlap } from './autoLayout.ts';
import { DesignerToolbar } from './DesignerToolbar.tsx';
import type { Mode } from './DesignerToolbar.tsx';
import { download, downloadDataUrl } from './download.ts';
import { editorMachine } from './editorMachine.ts';
import { compileMachineConfig, validateMap } from './engine.ts';
import type { Problem } from './engine.ts';
import { exportImage } from './exportImage.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { DirectoryContext } from './inspector/directory.ts';
import { MapCanvas } from './MapCanvas.tsx';
import { openingView } from './openingView.ts';
import { createMapStore } from './mapStore.ts';
import type { MapStore } from './mapStore.ts';
import { Palette } from './Palette.tsx';
import { ProblemsContext, createProblemStore } from './problems.ts';
import { ProblemsDrawer } from './ProblemsDrawer.tsx';
import { RehearsalPanel } from './review/RehearsalPanel.tsx';
import { ReviewBottom } from '../rehearsal/ReviewBottom.tsx';
import { useEvidence } from '../rehearsal/useEvidence.ts';
import { ReviewPanel } from './review/ReviewPanel.tsx';
import { toFlowMap, toMapDocument } from './toMapDocument.ts';
import { MapStoreContext, useMapStore } from './useMapStore.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useLocalDraft } from './useLocalDraft.ts';
import { ScenarioPanel } from '../simulation/ScenarioPanel.tsx';
import { SimulationResults } from '../simulation/SimulationResults.tsx';
import { SimulationContext, createSimulationStore } from '../simulation/simulationStore.ts';
import { useSimulationSync } from '../simulation/useSimulationSync.ts';

export { designerKey } from './createdHere.ts';

interface Loaded {
  store: MapStore;
  detail: MapDetail | null;
}

/** Opens a map (saved, or new from `#/maps/new`) and shows the designer. */
export function DesignerPage({ mapId, user, onMapsChanged }: { mapId: string | null; user: User; onMapsChanged: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [directory, setDirectory] = useState<DirectoryTeam[]>([]);

  // A map saved for the first time here keeps this page (and its undo history) as its address changes.
  const loadKey = isCreatedHere(mapId) ? null : mapId;
  useEffect(() => forgetCreatedHere, []);
  useEffect(() => {
    let live = true;
    api.teams().then((r) => live && setDirectory(r.teams), () => undefined);
    const mapId = loadKey;
    if (mapId === null) {
      const map = peekPendingMap();
      if (map) setLoaded({ store: createMapStore(toFlowMap(map)), detail: null });
      else api.teams().then(
        (r) => live && setLoaded({ store: createMapStore(toFlowMap(blankMap(r.teams, Math.random().toString(36).slice(2, 8)))), detail: null }),
        () => live && setLoaded({ store: createMapStore(toFlowMap(blankMap([], Math.random().toString(36).slice(2, 8)))), detail: null }),
      );
    } else {
      Promise.all([api.map(mapId), api.version(mapId, 'latest')]).then(
        ([detail, version]) => live && setLoaded({ store: createMapStore(toFlowMap(version.document)), detail }),
        (e) => {
          if (!live) return;
          setFailure(e instanceof ApiError && e.status === 404 ? `There is no map “${mapId}”.` : `Could not open the map: ${e instanceof Error ? e.message : String(e)}`);
          showError('Could not open the map', e);
        },
      );
    }
    return () => {
      live = false;
    };
  }, [loadKey]);

  if (failure) {
    return (
      <main className="page">
        <div className="empty-state"><p>{failure}</p><p><a href="#/maps">Back to the maps</a></p></div>
      </main>
    );
  }
  if (!loaded) return <div className="loading" aria-busy="true">Opening the map…</div>;
  return (
    <ErrorBoundary what="This map">
      <MapStoreContext.Provider value={loaded.store}>
        <DirectoryContext.Provider value={directory}>
          <ReactFlowProvider>
            <Designer store={loaded.store} initialDetail={loaded.detail} user={user} onMapsChanged={onMapsChanged} />
          </ReactFlowProvider>
        </DirectoryContext.Provider>
      </MapStoreContext.Provider>
    </ErrorBoundary>
  );
}

function Designer({ store, initialDetail, user, onMapsChanged }: { store: MapStore; initialDetail: MapDetail | null; user: User; onMapsChanged: () => void }) {
  const revision = useMapStore((s) => s.revision);
  const savedRevision = useMapStore((s) => s.savedRevision);
  const canUndo = useMapStore((s) => s.past.length > 0);
  const canRedo = useMapStore((s) => s.future.length > 0);
  const name = useMapStore((s) => s.settings.name);
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);

  // Every edit is validated at once; problems are keyed to the revision, not to selection changes.
  const problems = useMemo(() => validateMap(toMapDocument(store.getState())).problems, [store, revision]);
  const [problemStore] = useState(createProblemStore);
  useLayoutEffect(() => problemStore.set(problems), [problemStore, problems]);

  const { detail, saveNow, submitNow, decideNow, approveDespiteNow } = useVersionActions(store, initialDetail, onMapsChanged);
  const kept = useLocalDraft(store, detail?.id ?? null, revision, revision !== savedRevision);

  const [machine] = useState(() =>
    editorMachine.provide({
      actors: {
        saveMap: fromPromise(() => saveRef.current()),
        submitMap: fromPromise(() => submitRef.current()),
        decide: fromPromise(({ input }: { input: { verdict: 'approve' | 'reject'; comment: string } }) => decideRef.current(input)),
      },
    }),
  );
  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  const submitRef = useRef(submitNow);
  submitRef.current = submitNow;
  const decideRef = useRef(decideNow);
  decideRef.current = decideNow;
  const [snapshot, send] = useMachine(machine);
  const mode: Mode = snapshot.matches('review') ? 'review' : snapshot.matches('simulate') ? 'simulate' : 'design';
  const busy = snapshot.matches({ design: 'saving' }) ? 'saving' : snapshot.matches({ design: 'submitting' }) ? 'submitting' : null;
  const editable = mode === 'design';
  const [simulation] = useState(createSimulationStore);
  useSimulationSync(simulation, mode === 'simulate', revision);

  // An approver opening a version that waits for them lands in review mode.
  const openedForReview = useRef(false);
  useEffect(() => {
    if (openedForReview.current || !initialDetail) return;
    openedForReview.current = true;
    const waiting = latestVersion(initialDetail);
    const mine = waiting && (waiting.createdBy === user.id || waiting.submittedBy === user.id);
    if (waiting?.state === 'submitted' && user.roles.includes('approver') && !mine) send({ type: 'REVIEW' });
  }, [initialDetail, user, send]);

  const { diff, overlay, active, ready: activeReady } = useReviewOverlay(mode === 'review', detail, store, revision);

  // A layout drawn for other card sizes (or by a script) is tidied once, quietly, when first shown.
  const nodesMeasured = useNodesInitialized();
  const tidied = useRef(false);
  useEffect(() => {
    if (!nodesMeasured || tidied.current) return;
    tidied.current = true;
    const s = store.getState();
    if (!hasOverlap(s.nodes)) return;
    autoLayout(s.nodes, s.edges).then(
      (positions) => {
        store.placeQuietly(positions);
        // Opening a map keeps its labels readable: a large map opens at its top, the minimap shows the rest.
        requestAnimationFrame(() => flow.fitView(openingView(store.getState().nodes)));
      },
      () => undefined,
    );
  }, [nodesMeasured, store, flow]);

  const addAtCentre = useCallback((type: NodeType) => {
    const box = canvasRef.current?.getBoundingClientRect();
    const at = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 }) : { x: 0, y: 0 };
    // The new step's middle lands in view, below any step already there.
    store.addNode(type, freeSpot(store.getState().nodes, type, { x: Math.round(at.x - 140), y: Math.round(at.y - 50) }));
  }, [flow, store]);

  const pickProblem = useCallback((p: Problem) => {
    if (p.node) {
      store.select([p.node]);
      const node = store.getState().nodes.find((n) => n.id === p.node);
      if (node) flow.fitView({ nodes: [{ id: node.id }], duration: 300, maxZoom: 1, padding: 0.6 });
    } else if (p.edge) {
      const edge = store.getState().edges.find((e) => e.id === p.edge);
      store.select([], [p.edge]);
      if (edge) flow.fitView({ nodes: [{ id: edge.source }, { id: edge.target }], duration: 300, maxZoom: 1, padding: 0.3 });
    }
  }, [flow, store]);

  const layout = useCallback(async () => {
    try {
      const s = store.getState();
      store.setPositions(await autoLayout(s.nodes, s.edges));
      requestAnimationFrame(() => flow.fitView({ duration: 300, padding: 0.2, maxZoom: 1 }));
    } catch (e) {
      showError('Auto-layout failed', e);
    }
  }, [flow, store]);

  const exportAs = useCallback(async (what: 'json' | 'machine' | 'png' | 'svg') => {
    const doc = toMapDocument(store.getState());
    try {
      if (what === 'json') download(`${doc.id}.map.json`, `${JSON.stringify(doc, null, 2)}\n`);
      else if (what === 'machine') {
        download(`${doc.id}.machine.json`, `${JSON.stringify(compileMachineConfig(doc), null, 2)}\n`);
      } else {
        const container = canvasRef.current?.querySelector<HTMLElement>('.react-flow');
        if (!container) throw new Error('The canvas is not on screen.');
        downloadDataUrl(`${doc.id}.${what}`, await exportImage(container, flow.getNodes(), what));
      }
    } catch (e) {
      const detail = validateMap(doc).valid ? '' : ' Fix the problems listed below first.';
      showError(`Could not export${detail}`, e);
    }
  }, [flow, store]);

  const importInto = useCallback(async (file: File) => {
    try {
      const map = await readMapFile(file);
      const current = store.getState().settings;
      store.replace(toFlowMap(detail ? { ...map, id: current.id } : map));
      requestAnimationFrame(() => flow.fitView({ duration: 300, padding: 0.2, maxZoom: 1 }));
      showToast('info', `Replaced the map with ${file.name}. Undo brings the old one back.`);
    } catch (e) {
      showError('Could not import the file', e);
    }
  }, [flow, store, detail]);

  useShortcuts(
    {
      delete: () => editable && store.deleteSelection(),
      undo: () => editable && store.undo(),
      redo: () => editable && store.redo(),
      copy: () => {
        const n = store.copySelection();
        if (n) showToast('info', `Copied ${n} step${n > 1 ? 's' : ''}.`);
      },
      paste: () => editable && store.paste(),
      save: () => editable && send({ type: 'SAVE' }),
      selectAll: () => store.select(store.getState().nodes.map((n) => n.id), store.getState().edges.map((e) => e.id)),
    },
    true,
  );

  const latest = latestVersion(detail);
  const [lessonPeriod, setLessonPeriod] = useState<LessonPeriodKey>('30d');
  const lessons = useMapLessons(detail?.id ?? null, mode === 'design' ? lessonPeriod : 'off');
  const evidence = useEvidence(mode === 'review', detail?.id ?? null, latest?.version ?? null, latest ? `${latest.state}:${latest.decidedAt ?? ''}` : null);
  const reviewedMap = useMemo(() => toMapDocument(store.getState()), [store, revision]);

  return (
    <ProblemsContext.Provider value={problemStore}>
      <SimulationContext.Provider value={simulation}>
      <LessonsContext.Provider value={lessons.lessons}>
      <div className={`designer mode-${mode}`} data-testid="designer" data-editor-mode={mode}>
        <DesignerToolbar
          name={name}
          version={latest?.version ?? null}
          state={latest?.state ?? null}
          dirty={revision !== savedRevision || !detail}
          mode={mode}
          busy={busy}
          canUndo={canUndo}
          canRedo={canRedo}
          editable={editable}
          onMode={(m) => send({ type: m === 'design' ? 'DESIGN' : m === 'review' ? 'REVIEW' : 'SIMULATE' })}
          onSave={() => send({ type: 'SAVE' })}
          onSubmit={() => send({ type: 'SUBMIT' })}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          onLayout={layout}
          onExport={exportAs}
          onImport={importInto}
          extra={detail && mode === 'design' ? <LessonPeriodPicker value={lessonPeriod} onChange={setLessonPeriod} failed={lessons.failed} /> : null}
        />
        <div className="designer-body">
          <Palette onAdd={addAtCentre} disabled={!editable} />
          <div className="designer-centre" ref={canvasRef}>
            {kept && (
              <div className="kept-edits" role="alert" data-testid="kept-edits">
                <span>Unsaved changes to this map from {new Date(kept.draft.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} were kept in this browser.</span>
                <button type="button" className="primary" onClick={kept.restore}>Restore them</button>
                <button type="button" onClick={kept.discard}>Discard</button>
              </div>
            )}
            <MapCanvas editable={editable} overlay={mode === 'review' ? overlay : null} />
            {mode === 'simulate' && <SimulationResults />}
            {mode === 'review' && (
              <ReviewBottom evidence={evidence} map={reviewedMap} teams={reviewedMap.teams} mapId={reviewedMap.id} version={detail ? latest?.version ?? null : null}>
                <RehearsalPanel active={activeReady ? active : undefined} activeVersion={detail?.activeVersion ?? null} version={latest?.version ?? null} dirty={revision !== savedRevision || !detail} />
              </ReviewBottom>
            )}
            <ProblemsDrawer problems={problems} onPick={pickProblem} />
          </div>
          {mode === 'review' ? (
            <ReviewPanel
              diff={diff}
              active={active}
              activeVersion={detail?.activeVersion ?? null}
              latest={latest}
              user={user}
              problems={problems}
              deciding={snapshot.matches({ review: 'deciding' })}
              onDecide={(verdict, comment) => send(verdict === 'approve' ? { type: 'APPROVE', comment } : { type: 'REJECT', comment })}
              evidence={evidence}
              onOverride={(reason, comment) => void approveDespiteNow(reason, comment)}
            />
          ) : mode === 'simulate' ? (
            <ScenarioPanel problems={problems} saved={!!detail} dirty={revision !== savedRevision} />
          ) : (
            <Inspector saved={!!detail} versions={detail?.versions ?? []} user={user} />
          )}
        </div>
      </div>
      </LessonsContext.Provider>
      </SimulationContext.Provider>
    </ProblemsContext.Provider>
  );
}
