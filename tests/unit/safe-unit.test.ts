import { describe, expect, it } from 'vitest';
import { communeResult, unitRecognised } from '../../core/safe-unit';

describe('the commune evaluation rule (Circular 124/2021)', () => {
  it('passes with a working model, 70% of villages recognised and no serious incident', () => {
    expect(communeResult({ workingModels: 1, villagesRecognised: 7, villagesTotal: 10, seriousIncidents: 0 })).toEqual({ passed: true, villageShare: 0.7, shortfalls: [] });
  });

  it('names every shortfall', () => {
    expect(communeResult({ workingModels: 0, villagesRecognised: 6, villagesTotal: 10, seriousIncidents: 2 }).shortfalls).toEqual([
      'no_working_model',
      'too_few_villages',
      'serious_incident',
    ]);
    expect(communeResult({ workingModels: 2, villagesRecognised: 13, villagesTotal: 19, seriousIncidents: 0 }).shortfalls).toEqual(['too_few_villages']);
  });

  it('a commune with no villages listed cannot reach the share', () => {
    expect(communeResult({ workingModels: 1, villagesRecognised: 0, villagesTotal: 0, seriousIncidents: 0 })).toMatchObject({ passed: false, villageShare: null });
  });

  it('a unit is recognised only when every criterion of its kind passed', () => {
    expect(unitRecognised(['a', 'b'], new Map([['a', true], ['b', true]]))).toBe(true);
    expect(unitRecognised(['a', 'b'], new Map([['a', true]]))).toBe(false);
    expect(unitRecognised(['a', 'b'], new Map([['a', true], ['b', false]]))).toBe(false);
    expect(unitRecognised([], new Map())).toBe(false);
  });
});
