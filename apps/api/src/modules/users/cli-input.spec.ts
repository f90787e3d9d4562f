import { describe, expect, it } from 'vitest';
import { parseOptions } from './cli-input';

describe('parseOptions', () => {
  it('reads --name=value and --name value', () => {
    expect(parseOptions(['--username=siming01', '--role', 'district', '--district=xm.siming', '--display-name=思明区'])).toEqual({
      username: 'siming01',
      role: 'district',
      district: 'xm.siming',
      'display-name': '思明区',
    });
  });

  it('treats a flag without a value as true', () => {
    expect(parseOptions(['--dry-run'])).toEqual({ 'dry-run': 'true' });
  });

  it('refuses positional arguments (a password typed on the command line would land in the shell history)', () => {
    expect(() => parseOptions(['admin', 'Secret-Passw0rd'])).toThrow(/unexpected argument/);
  });
});
