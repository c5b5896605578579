/**
 * The shipped examples are fixtures (examples/README.md). Every `examples/<name>/<name>.map.json` must validate
 * without errors or warnings and compile to one state per node. Every scenario beside it must
 * simulate with each mention accounted for. The hand-written scenarios also pin the walks that
 * examples/README.md promises. Those paths, deadlines and pick-up times were worked out by hand
 * from docs/semantics.md and docs/scenarios.md before the simulator existed: if one changes, either the simulator or the
 * example's story is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileMap,
  mapSchema,
  parseDuration,
  scenarioSchema,
  simulateMap,
  validateMap,
  validateScenario,
  type BatonMap,
  type Scenario,
  type SimulatedCase,
  type SimulationResult,
} from '@baton/engine';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const MUST_SHIP = [
  'customer-complaint',
  'sales-opportunity',
  'network-outage-crisis',
  'association-member-inquiry',
  'influencer-escalation',
];
const STATUSES = ['ended', 'closing', 'open', 'unrouted'];

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** A case's walk, as worked out by hand. Times are seconds from the mention's arrival. */
interface Walk {
  because: string;
  path: string[];
  teams: string[];
  breaches?: string[];
  pickupSec?: number;
  resolvedSec?: number;
}

/** What a hand-written scenario promises, keyed by mention id. */
interface HandWritten {
  walks: Record<string, Walk>;
  /** reply mention → the mention whose case it joins */
  attached: Record<string, string>;
  unrouted: string[];
  more?: (result: SimulationResult) => void;
}

const complaint = ['t_complaint', 'a_tag_complaint', 'd_order_issue'];
const lead = ['t_buying_intent', 'a_capture_lead', 'd_account_size'];
const outage = ['t_outage', 'd_crisis'];
const member = ['t_member_inquiry', 'd_desk'];
const influencer = ['t_influencer', 'a_flag_influencer', 'p_senior'];

const HAND_WRITTEN: Record<string, HandWritten> = {
  'customer-complaint/monday-morning.scenario.json': {
    walks: {
      'twitter:1790000001': {
        because: 'a late order goes to billing and is refunded',
        path: [...complaint, 'p_billing', 'e_resolved'], teams: ['billing'], breaches: [], pickupSec: 0, resolvedSec: 1500,
      },
      'twitter:1790000002': {
        because: 'a complaint unresolved in 2 h moves from care to a supervisor on its own',
        path: [...complaint, 'p_care', 'p_supervisor', 'e_resolved_by_supervisor'], teams: ['care', 'supervisors'],
        breaches: ['p_care'], pickupSec: 0, resolvedSec: 9600,
      },
      'facebook:1790000005': {
        because: '"delivery" sends a rude-driver complaint to billing, which hands it back to care after waiting for the one billing agent',
        path: [...complaint, 'p_billing', 'p_care', 'e_resolved'], teams: ['billing', 'care'], breaches: [], pickupSec: 600, resolvedSec: 2100,
      },
      'twitter:1790000006': {
        because: 'a double charge waits its turn in billing',
        path: [...complaint, 'p_billing', 'e_resolved'], teams: ['billing'], breaches: [], pickupSec: 600, resolvedSec: 1500,
      },
      'twitter:1790000009': {
        because: 'negative sentiment alone triggers; the customer goes quiet',
        path: [...complaint, 'p_care', 'e_customer_quiet'], teams: ['care'], breaches: [], pickupSec: 600, resolvedSec: 2400,
      },
      'facebook:1790000010': {
        because: 'care escalates a repeat fault; the supervisor cannot resolve it',
        path: [...complaint, 'p_care', 'p_supervisor', 'e_unresolved'], teams: ['care', 'supervisors'], breaches: [], pickupSec: 1200, resolvedSec: 3300,
      },
    },
    attached: {
      'twitter:1790000003': 'twitter:1790000001',
      'twitter:1790000007': 'twitter:1790000002',
      'twitter:1790000008': 'twitter:1790000002',
    },
    unrouted: ['instagram:1790000004', 'review:1790000011'],
    more: (result) => {
      expect(result.metrics.breaches).toBe(1);
      expect(result.metrics.byNode.p_care).toEqual({ entered: 4, breaches: 1 });
    },
  },

  'sales-opportunity/tuesday-leads.scenario.json': {
    walks: {
      'linkedin:1790000101': {
        because: '"team of 40" goes straight to business development for a call',
        path: [...lead, 'p_bizdev', 'e_meeting_booked'], teams: ['bizdev'], breaches: [], pickupSec: 0, resolvedSec: 10800,
      },
      'twitter:1790000102': {
        because: 'a freelancer asking for a recommendation is qualified by inside sales',
        path: [...lead, 'p_sales', 'e_qualified'], teams: ['sales'], breaches: [], pickupSec: 0, resolvedSec: 1200,
      },
      'twitter:1790000103': {
        because: 'a 12k-follower author is a large account and waits behind the first call',
        path: [...lead, 'p_bizdev', 'e_not_a_fit'], teams: ['bizdev'], breaches: [], pickupSec: 10200, resolvedSec: 12000,
      },
      'twitter:1790000106': {
        because: 'a pricing question unanswered in 4 h ends as a cold lead',
        path: [...lead, 'p_sales', 'e_lead_went_cold'], teams: ['sales'], breaches: ['p_sales'], pickupSec: 0, resolvedSec: 14400,
      },
      'facebook:1790000107': {
        because: 'sales hands a bigger-than-it-looked demo request to business development',
        path: [...lead, 'p_sales', 'p_bizdev', 'e_meeting_booked'], teams: ['sales', 'bizdev'], breaches: [], pickupSec: 0, resolvedSec: 13800,
      },
      'linkedin:1790000109': {
        because: '"300-seat" and SSO make a large account, queued third for business development',
        path: [...lead, 'p_bizdev', 'e_meeting_booked'], teams: ['bizdev'], breaches: [], pickupSec: 12600, resolvedSec: 19800,
      },
    },
    attached: { 'twitter:1790000104': 'twitter:1790000102' },
    unrouted: ['instagram:1790000105', 'twitter:1790000108'],
  },

  'network-outage-crisis/mast-fire-evening.scenario.json': {
    walks: {
      'twitter:1790000201': {
        because: 'before the crisis, care raises a fault and the NOC fixes it',
        path: [...outage, 'p_care', 'p_netops', 'e_fault_fixed'], teams: ['care', 'netops'], breaches: [], pickupSec: 0, resolvedSec: 4200,
      },
      'twitter:1790000204': {
        because: 'during the crisis a 999 report gets the holding statement, then Legal review',
        path: [...outage, 'a_crisis_tag', 'p_holding', 'p_legal', 'e_legal_cleared'], teams: ['pr', 'legal'], breaches: [],
      },
      'twitter:1790000205': {
        because: 'during the crisis a plain report gets the holding statement',
        path: [...outage, 'a_crisis_tag', 'p_holding', 'e_crisis_answered'], teams: ['pr'], breaches: [],
      },
      'twitter:1790000207': {
        because: 'after the cooldown, reports go back to care',
        path: [...outage, 'p_care', 'e_care_resolved'], teams: ['care'], breaches: [], pickupSec: 0, resolvedSec: 240,
      },
      'twitter:1790000208': {
        because: 'care and the NOC both miss their deadlines: two breaches, then the incident manager',
        path: [...outage, 'p_care', 'p_netops', 'e_fault_escalated'], teams: ['care', 'netops'],
        breaches: ['p_care', 'p_netops'], pickupSec: 0, resolvedSec: 18000,
      },
    },
    attached: { 'twitter:1790000203': 'twitter:1790000201' },
    unrouted: ['facebook:1790000202', 'instagram:1790000206'],
    more: (result) => {
      // 45 reports between 18:10 and 18:15 reach 40 in 10 minutes; the count falls below 40 between
      // 18:20 and 18:25 (reports leave the window 10 minutes after arriving) and 30 quiet minutes
      // later the crisis clears.
      expect(result.metrics.crisis).toHaveLength(1);
      const [crisis] = result.metrics.crisis;
      expect(crisis?.fromSec).toBeGreaterThanOrEqual(600);
      expect(crisis?.fromSec).toBeLessThanOrEqual(900);
      expect(crisis?.toSec).toBeGreaterThanOrEqual(3000);
      expect(crisis?.toSec).toBeLessThanOrEqual(3300);
    },
  },

  'association-member-inquiry/renewal-week.scenario.json': {
    walks: {
      'twitter:1790000301': {
        because: 'a renewal is done by Membership Services and logged to the member record',
        path: [...member, 'p_membership', 'a_log_ams', 'e_answered'], teams: ['membership'], breaches: [], pickupSec: 0, resolvedSec: 1800,
      },
      'facebook:1790000302': {
        because: 'a CE-credit question goes to Education & Events',
        path: [...member, 'p_education', 'a_log_ams', 'e_answered'], teams: ['education'], breaches: [], pickupSec: 0, resolvedSec: 2400,
      },
      'linkedin:1790000303': {
        because: 'a student asking about dues is not a member yet',
        path: [...member, 'p_membership', 'e_prospect'], teams: ['membership'], breaches: [], pickupSec: 0, resolvedSec: 1200,
      },
      'forum:1790000305': {
        because: 'a conference question from the forum waits behind the CE one',
        path: [...member, 'p_education', 'a_log_ams', 'e_answered'], teams: ['education'], breaches: [], pickupSec: 1200, resolvedSec: 2400,
      },
      'twitter:1790000307': {
        because: 'a question left 4 h ends as missed',
        path: [...member, 'p_membership', 'e_missed'], teams: ['membership'], breaches: ['p_membership'], pickupSec: 0, resolvedSec: 14400,
      },
      'email:1790000308': {
        because: 'an e-mail about recorded talks goes from Membership to Education and is logged',
        path: [...member, 'p_membership', 'p_education', 'a_log_ams', 'e_answered'], teams: ['membership', 'education'],
        breaches: [], pickupSec: 0, resolvedSec: 3300,
      },
    },
    attached: { 'twitter:1790000304': 'twitter:1790000301' },
    unrouted: ['instagram:1790000306'],
  },

  'influencer-escalation/friday-launch.scenario.json': {
    walks: {
      'twitter:1790000401': {
        because: 'a customer goes straight to care',
        path: ['t_general', 'p_care', 'e_resolved'], teams: ['care'], breaches: [], pickupSec: 0, resolvedSec: 1200,
      },
      'twitter:1790000402': {
        because: 'a customer who asked at 16:02 is served after the influencer handed to care at 16:15',
        path: ['t_general', 'p_care', 'e_resolved'], teams: ['care'], breaches: [], pickupSec: 2280, resolvedSec: 3480,
      },
      'twitter:1790000403': {
        because: 'a customer who asked at 16:04 is served after both influencer cases',
        path: ['t_general', 'p_care', 'e_resolved'], teams: ['care'], breaches: [], pickupSec: 4560, resolvedSec: 5760,
      },
      'instagram:1790000404': {
        because: 'a 250k creator goes to the senior team first, then care, ahead of earlier customers',
        path: [...influencer, 'p_care', 'e_resolved'], teams: ['senior', 'care'], breaches: [], pickupSec: 0, resolvedSec: 2100,
      },
      'twitter:1790000405': {
        because: 'a verified author with 900 followers is still high-reach, and becomes a partnership lead',
        path: [...influencer, 'e_partnership'], teams: ['senior'], breaches: [], pickupSec: 540, resolvedSec: 840,
      },
      'twitter:1790000406': {
        because: 'an animal-testing rumour goes from the senior team to PR',
        path: [...influencer, 'p_pr', 'e_pr_handled'], teams: ['senior', 'pr'], breaches: [], pickupSec: 720, resolvedSec: 3720,
      },
      'twitter:1790000407': {
        because: 'exactly 10,000 followers is high-reach; 30 minutes without a response drops it to care',
        path: [...influencer, 'p_care', 'e_resolved'], teams: ['senior', 'care'], breaches: ['p_senior'], pickupSec: 1140, resolvedSec: 4140,
      },
      'twitter:1790000410': {
        because: '9,999 followers is a general case, last in the care queue',
        path: ['t_general', 'p_care', 'e_resolved'], teams: ['care'], breaches: [], pickupSec: 3000, resolvedSec: 4200,
      },
    },
    attached: { 'instagram:1790000409': 'instagram:1790000404' },
    unrouted: ['twitter:1790000408'],
  },
};

/** What a spike must show beyond "every mention is accounted for". */
const SPIKES: Record<string, (result: SimulationResult, map: BatonMap) => void> = {
  'customer-complaint/black-friday-delivery-spike.scenario.json': (result) => {
    // every order complaint reaches billing, and four billing agents are swamped
    expect(result.metrics.byNode.p_billing?.entered).toBeGreaterThanOrEqual(1000);
    expect(result.metrics.byTeam.billing?.maxQueue).toBeGreaterThan(100);
    expect(result.metrics.breaches).toBeGreaterThan(0);
  },
  'sales-opportunity/launch-day-spike.scenario.json': (result) => {
    // all 70 large-account posts reach business development
    expect(result.metrics.byNode.p_bizdev?.entered).toBeGreaterThanOrEqual(70);
    expect(result.metrics.unrouted).toBe(200);
  },
  'network-outage-crisis/regional-outage-spike.scenario.json': (result) => {
    // 40 outage reports a minute: the crisis starts within minutes and PR carries the load
    expect(result.metrics.crisis.length).toBeGreaterThanOrEqual(1);
    expect(result.metrics.crisis[0]?.fromSec).toBeLessThan(300);
    expect(result.metrics.byNode.p_holding?.entered ?? 0).toBeGreaterThan(result.metrics.byNode.p_care?.entered ?? 0);
    expect(result.metrics.breaches).toBeGreaterThan(0);
  },
  'association-member-inquiry/conference-registration-spike.scenario.json': (result) => {
    // every registration question goes to Education & Events
    expect(result.metrics.byNode.p_education?.entered).toBeGreaterThanOrEqual(1000);
    expect(result.metrics.breaches).toBeGreaterThan(0);
  },
  'influencer-escalation/viral-video-spike.scenario.json': (result) => {
    // high-reach authors always see the senior team first; nobody else ever does
    const routed = result.cases.filter((c) => c.status !== 'unrouted');
    const high = routed.filter((c) => c.trigger === 't_influencer');
    expect(high.length).toBeGreaterThanOrEqual(50);
    for (const c of high) expect(c.teams[0]).toBe('senior');
    for (const c of routed.filter((c) => c.trigger === 't_general')) expect(c.teams).not.toContain('senior');
  },
};

function row(result: SimulationResult, mention: string): SimulatedCase {
  const found = result.cases.find((c) => c.mention === mention);
  if (!found) throw new Error(`no case row for ${mention}`);
  return found;
}

function mentionCount(scenario: Scenario): number {
  return (scenario.mentions?.length ?? 0) + (scenario.generate ?? []).reduce((sum, batch) => sum + batch.count, 0);
}

function isSpike(scenario: Scenario): boolean {
  return (scenario.generate ?? []).some(
    (batch) => batch.count >= 1000 && (parseDuration(batch.to) ?? 0) - (parseDuration(batch.from) ?? 0) <= 30 * 60_000,
  );
}

/** Every row obeys the shape of docs/scenarios.md#the-result, whatever the scenario. */
function expectWellFormed(result: SimulationResult, map: BatonMap): void {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  for (const c of result.cases) {
    expect(STATUSES).toContain(c.status);
    if (c.status === 'unrouted') {
      expect(c).toMatchObject({ path: [], teams: [] });
      expect(c.trigger).toBeUndefined();
      expect(c.case).toBeUndefined();
      continue;
    }
    expect(c.trigger).toBe(c.path[0]);
    expect(nodes.get(c.path[0] ?? '')?.type).toBe('trigger');
    for (const id of c.path) expect(nodes.has(id)).toBe(true);
    if (c.status === 'ended' || c.status === 'closing') {
      expect(c.end).toBe(c.path.at(-1));
      expect(nodes.get(c.end ?? '')?.type).toBe('end');
    }
  }
}

const exampleNames = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('shipped examples', () => {
  it('include the five that examples/README.md lists, each with a spike of ≥ 1,000 mentions in 30 minutes', () => {
    expect(exampleNames).toEqual(expect.arrayContaining(MUST_SHIP));
    for (const name of MUST_SHIP) {
      const scenarios = readdirSync(join(EXAMPLES, name)).filter((f) => f.endsWith('.scenario.json'));
      expect(scenarios.length, name).toBeGreaterThanOrEqual(2);
      const spikes = scenarios.filter((f) => isSpike(scenarioSchema.parse(readJson(join(EXAMPLES, name, f)))));
      expect(spikes.length, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('have hand-written expectations for a scenario that exists', () => {
    for (const key of [...Object.keys(HAND_WRITTEN), ...Object.keys(SPIKES)]) {
      expect(readdirSync(join(EXAMPLES, key, '..')), key).toContain(key.split('/')[1]);
    }
  });
});

for (const name of exampleNames) {
  describe(`examples/${name}`, () => {
    const mapPath = join(EXAMPLES, name, `${name}.map.json`);
    const raw = readJson(mapPath);
    const map = mapSchema.parse(raw);
    const scenarioFiles = readdirSync(join(EXAMPLES, name))
      .filter((f) => f.endsWith('.scenario.json'))
      .sort();

    it('validates with no errors and no warnings', () => {
      const result = validateMap(raw);
      expect(result.problems).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('compiles to a machine with a state per node', () => {
      const compiled = compileMap(map);
      const states = compiled.config.states as Record<string, unknown>;
      for (const node of map.nodes) expect(Object.keys(states)).toContain(compiled.stateKey(node.id));
    });

    for (const file of scenarioFiles) {
      describe(file, () => {
        const scenarioRaw = readJson(join(EXAMPLES, name, file));
        const scenario = scenarioSchema.parse(scenarioRaw);
        const key = `${name}/${file}`;
        let cached: SimulationResult | undefined;
        const simulate = (): SimulationResult => (cached ??= simulateMap(map, scenario));

        it('fits its map: staffed teams, scripted nodes and outcomes exist', () => {
          const result = validateScenario(scenarioRaw, map);
          expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        });

        it('accounts for every scripted and generated mention', () => {
          const result = simulate();
          const total = mentionCount(scenario);
          expect(result.map).toBe(map.id);
          expect(result.metrics.mentions).toBe(total);
          expect(result.cases.length + result.attached.length).toBe(total);
          expectWellFormed(result, map);
        });

        it('runs the same way twice with the same seed', () => {
          expect(JSON.stringify(simulateMap(map, scenario))).toBe(JSON.stringify(simulate()));
        });

        const hand = HAND_WRITTEN[key];
        if (hand) {
          for (const [mention, walk] of Object.entries(hand.walks)) {
            it(`${mention}: ${walk.because}`, () => {
              const c = row(simulate(), mention);
              const end = map.nodes.find((n) => n.id === walk.path.at(-1));
              const lessonsRequired = end?.type === 'end' && end.lessons?.required === true;
              expect(lessonsRequired ? ['ended', 'closing'] : ['ended']).toContain(c.status);
              expect(c.path).toEqual(walk.path);
              expect(c.end).toBe(walk.path.at(-1));
              expect(c.teams).toEqual(walk.teams);
              if (walk.breaches) expect(c.breaches).toEqual(walk.breaches);
              if (walk.pickupSec !== undefined) expect(c.pickupSec).toBe(walk.pickupSec);
              if (walk.resolvedSec !== undefined) expect(c.resolvedSec).toBe(walk.resolvedSec);
            });
          }

          it('attaches replies to the case of their thread and leaves the rest in triage', () => {
            const result = simulate();
            for (const [reply, parent] of Object.entries(hand.attached)) {
              expect(result.attached).toContainEqual({ mention: reply, case: row(result, parent).case });
              expect(result.cases.map((c) => c.mention)).not.toContain(reply);
            }
            expect(result.attached).toHaveLength(Object.keys(hand.attached).length);
            const unrouted = result.cases.filter((c) => c.status === 'unrouted').map((c) => c.mention);
            expect(unrouted).toEqual(hand.unrouted);
            expect(result.metrics.unrouted).toBe(hand.unrouted.length);
            hand.more?.(result);
          });
        }

        const spike = SPIKES[key];
        if (spike) {
          it('shows what the spike does to the team', () => {
            spike(simulate(), map);
          });
        }
      });
    }
  });
}
