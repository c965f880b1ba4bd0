// The serving rubric, read once: its indicators (the indicator filter) and grade bands (the colours).
import { api } from './api.js';

let serving;

/** { indicators: [{ id, name }], bands: [grade names, best first] }. */
export function servingRubric() {
  serving ??= api('/v1/rubrics/0')
    .then(({ rubricJson }) => {
      const rubric = JSON.parse(rubricJson);
      return {
        indicators: rubric.categories.flatMap((c) => c.indicators.map((i) => ({ id: i.id, name: i.name }))),
        bands: [...(rubric.gradeBands ?? [])].sort((a, b) => b.minScore - a.minScore).map((band) => band.name),
      };
    })
    .catch(() => {
      serving = undefined; // try again next time; meanwhile no filter and no colours
      return { indicators: [], bands: [] };
    });
  return serving;
}
