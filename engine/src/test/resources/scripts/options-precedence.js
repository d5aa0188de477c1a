export const options = { vus: 2, iterations: 4, tags: { from: 'script' }, summaryTrendStats: ['avg', 'p(99)'] };

export default function () {}
