// How the mock plays each guide (docs/guides/<api>.md) through, and what the
// guide must ask it. Without a Prefer header every call gets the spec's first
// example, which is the finished answer (a read finds a finished snapshot), so
// create, wait and read need nothing; after the delete, the deletion wait must
// see the snapshot gone, which each service tells its own way. The guide's
// code is never changed: the recording proxy adds the Prefer header.
import type { GuideScenario } from './docs-code.ts';

export const guideScenarios: Record<string, GuideScenario> = {
  cinder: {
    // A deleted snapshot shows as 404.
    rules: [{ afterMethod: 'DELETE', method: 'GET', prefer: 'code=404' }],
    operations: ['createVolumeSnapshot', 'showVolumeSnapshot', 'showVolumeSnapshot', 'deleteVolumeSnapshot', 'showVolumeSnapshot'],
  },
  // The three below are for the lifecycle operations of the Huawei specs (issue 11); check them when those merge.
  dws: {
    // DWS answers a show of a snapshot that is gone with 400 DWS.5149, the first example of that 400.
    rules: [{ afterMethod: 'DELETE', method: 'GET', prefer: 'code=400' }],
    operations: ['createClusterSnapshot', 'showSnapshot', 'showSnapshot', 'deleteSnapshot', 'showSnapshot'],
  },
  css: {
    // A deleted snapshot leaves its cluster's list.
    rules: [{ afterMethod: 'DELETE', method: 'GET', prefer: 'example=noSnapshots' }],
    operations: ['createIndexSnapshot', 'listIndexSnapshots', 'listIndexSnapshots', 'deleteIndexSnapshot', 'listIndexSnapshots'],
  },
  evs: {
    // The create's job says SUCCESS, the snapshot shows available; a deleted snapshot shows as 404.
    rules: [{ afterMethod: 'DELETE', method: 'GET', prefer: 'code=404' }],
    operations: [
      'createStandardSnapshot',
      'showJob',
      'showStandardSnapshot',
      'showStandardSnapshot',
      'deleteStandardSnapshot',
      'showStandardSnapshot',
    ],
  },
};
