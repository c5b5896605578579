import { describe, expect, it } from 'vitest';
import type { BatonMap, Scenario, SimulatedCase } from '@baton/engine';
import customerComplaint from '../../../../examples/customer-complaint/customer-complaint.map.json';
import monday from '../../../../examples/customer-complaint/monday-morning.scenario.json';
import spike from '../../../../examples/customer-complaint/black-friday-delivery-spike.scenario.json';
import { countsAt, openCasesSeries, runEndSec } from './openCases.ts';
import { runSimulation } from './runSimulation.ts';

const row = (over: Partial<SimulatedCase>): SimulatedCase => ({ mention: 'm', path: ['t'], status: 'ended', breaches: [], teams: [], ...over });

describe('open cases over time', () => {
  const cases = [
    row({ pickupSec: 60, resolvedSec: 600 }), // arrives 0: waiting 0–60, open 0–600
    row({ status: 'unrouted', path: [] }), // never counts
    row({ status: 'open', pickupSec: 100 }), // arrives 300: waiting 300–400, open until the end
    row({ status: 'open' }), // arrives 500: waiting until the end
  ];
  const arrivals = [0, 120, 300, 500];

  it('counts open and waiting cases at a moment', () => {
    expect(countsAt(cases, arrivals, 1000, 30)).toEqual({ open: 1, waiting: 1 });
    expect(countsAt(cases, arrivals, 1000, 350)).toEqual({ open: 2, waiting: 1 });
    expect(countsAt(cases, arrivals, 1000, 550)).toEqual({ open: 3, waiting: 1 });
    expect(countsAt(cases, arrivals, 1000, 600)).toEqual({ open: 2, waiting: 1 });
    expect(countsAt(cases, arrivals, 1000, 1000)).toEqual({ open: 0, waiting: 0 });
  });

  it('samples the same counts in one sweep', () => {
    const series = openCasesSeries(cases, arrivals, 1000, 20);
    expect(series).toHaveLength(21);
    for (const p of series) expect({ open: p.open, waiting: p.waiting }).toEqual(countsAt(cases, arrivals, 1000, p.t));
  });

  it('ends a run at until, else at the last thing that happened', () => {
    expect(runEndSec(cases, arrivals, 3600)).toBe(3600);
    expect(runEndSec(cases, arrivals, null)).toBe(600);
  });

  it('agrees with a real run of the shipped examples', () => {
    for (const scenario of [monday, spike] as Scenario[]) {
      const { result, arrivalSec, endSec } = runSimulation(customerComplaint as BatonMap, scenario);
      expect(arrivalSec).toHaveLength(result.cases.length);
      expect([...arrivalSec].sort((a, b) => a - b)).toEqual(arrivalSec);
      const series = openCasesSeries(result.cases, arrivalSec, endSec, 50);
      for (const p of series.filter((_, i) => i % 5 === 0)) expect({ open: p.open, waiting: p.waiting }).toEqual(countsAt(result.cases, arrivalSec, endSec, p.t));
      expect(Math.max(...series.map((p) => p.open))).toBeGreaterThan(0);
    }
  });
});
