/** Plugin tables bound to a client (`bindPlugins`): the one runner every family method goes through. */
import { describe, expect, it } from 'vitest';
import { bindPlugins, definePlugin } from '../../src/plugins/define.js';
import { setup } from '../helpers/harness.js';

describe('binding a plugin table', () => {
  it('refuses a table with queued plugins but no queue when it is bound, not on the first call', () => {
    const { client } = setup();
    const table = { connect: definePlugin({ plugin: 'connectBLEDevice', queued_: true }) };
    expect(() => bindPlugins(client, table)).toThrow(/connect is queued/);
  });
});
