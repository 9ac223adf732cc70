import { PERMISSIONS } from '../../../../admin/src/permissions';
import { ADMIN_ACTIONS, ADMIN_PERMISSIONS, CASE_PERMISSIONS } from '../actions';

describe("the admin panel's permissions", () => {
  test('are the ones the admin routes check, each plugin action guarding a link, a page or a button', () => {
    expect(PERMISSIONS).toEqual({
      overview: [ADMIN_PERMISSIONS.readOverview],
      import: [ADMIN_PERMISSIONS.import],
      importWrites: [CASE_PERMISSIONS.create, CASE_PERMISSIONS.publish],
      review: [ADMIN_PERMISSIONS.review],
      reviewPublish: [CASE_PERMISSIONS.publish],
      voting: [ADMIN_PERMISSIONS.readVoting],
      votingSwitch: [ADMIN_PERMISSIONS.switchVoting],
      campaigns: [ADMIN_PERMISSIONS.campaigns],
      votingExports: [ADMIN_PERMISSIONS.exportRanking, ADMIN_PERMISSIONS.exportBallots],
    });
    const used = new Set(Object.values(PERMISSIONS).flatMap((list) => list.map((entry) => entry.action)));
    expect(Object.keys(ADMIN_ACTIONS).filter((name) => !used.has(ADMIN_PERMISSIONS[name as keyof typeof ADMIN_ACTIONS].action))).toEqual([]);
  });
});
