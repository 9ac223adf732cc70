import { dayIn, timeIn } from '../keys';

describe('timeIn: an instant in a zone’s local time with its offset', () => {
  test.each([
    ['Asia/Shanghai', '2026-05-01T00:30:00.000Z', '2026-05-01T08:30:00.000+08:00'],
    ['Asia/Shanghai', '2026-04-30T16:30:00.000Z', '2026-05-01T00:30:00.000+08:00'],
    ['UTC', '2026-05-01T00:30:00.000Z', '2026-05-01T00:30:00.000+00:00'],
    ['Asia/Kolkata', '2026-05-01T00:30:00.000Z', '2026-05-01T06:00:00.000+05:30'],
    ['America/St_Johns', '2026-01-15T12:00:00.000Z', '2026-01-15T08:30:00.000-03:30'],
    // Daylight saving: the offset is the one in force at that instant.
    ['Europe/Berlin', '2026-01-15T12:00:00.000Z', '2026-01-15T13:00:00.000+01:00'],
    ['Europe/Berlin', '2026-07-15T12:00:00.000Z', '2026-07-15T14:00:00.000+02:00'],
    ['America/New_York', '2026-07-15T03:59:59.999Z', '2026-07-14T23:59:59.999-04:00'],
  ])('%s at %s is %s, the same instant', (zone, utc, local) => {
    const at = new Date(utc);
    expect(timeIn(zone, at)).toBe(local);
    expect(new Date(local).getTime()).toBe(at.getTime());
  });

  test('names the same day as dayIn, the day a ballot is counted in', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      for (let hour = 0; hour < 48; hour += 1) {
        const at = new Date(Date.UTC(2026, 10, 25, hour, 17));
        expect(timeIn(zone, at).slice(0, 10)).toBe(dayIn(zone, at));
      }
    }
  });
});
