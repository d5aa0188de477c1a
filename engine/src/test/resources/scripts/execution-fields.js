// k6/execution, scenario env and scenario tags as seen from iterations of two scenarios.
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const seen = new Counter('seen');

export const options = {
  scenarios: {
    first: { executor: 'per-vu-iterations', vus: 2, iterations: 3, env: { ROLE: 'first' }, tags: { team: 'a' } },
    second: {
      executor: 'shared-iterations', vus: 2, iterations: 4, startTime: '500ms', exec: 'second',
      env: { ROLE: 'second' },
    },
  },
  thresholds: { checks: ['rate==1'], 'seen{team:a}': ['count==6'], 'seen{scenario:second}': ['count==4'] },
};

export default function () {
  seen.add(1);
  check(exec, {
    'scenario name and executor': (e) => e.scenario.name === 'first' && e.scenario.executor === 'per-vu-iterations',
    'scenario env on top of the test env': () => __ENV.ROLE === 'first' && __ENV.BASE === 'yes',
    'iterations of the VU in the scenario': (e) => e.vu.iterationInScenario < 3
      && e.vu.iterationInScenario === e.vu.iterationInInstance,
    'ids of a single instance': (e) => e.vu.idInTest === e.vu.idInInstance && e.vu.idInInstance === __VU,
    'iteration numbers of the scenario': (e) => e.scenario.iterationInTest < 6
      && e.scenario.iterationInTest === e.scenario.iterationInInstance,
    'progress': (e) => e.scenario.progress >= 0 && e.scenario.progress <= 1,
    'start time': (e) => Math.abs(Date.now() - e.scenario.startTime) < 60000,
    'tags of the scenario': (e) => e.vu.metrics.tags.team === 'a' && e.vu.metrics.tags.scenario === 'first',
    'instance counters': (e) => e.instance.vusActive >= 1 && e.instance.vusInitialized === 4,
  });
}

export function second() {
  seen.add(1);
  check(exec, {
    'second scenario': (e) => e.scenario.name === 'second' && __ENV.ROLE === 'second',
    'second numbers': (e) => e.scenario.iterationInInstance < 4 && e.vu.iterationInScenario < 4,
    'instance counters': (e) => e.instance.vusActive >= 1 && e.instance.vusInitialized === 4,
    'no team tag here': (e) => e.vu.metrics.tags.team === undefined,
  });
}
