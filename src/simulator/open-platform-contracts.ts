/**
 * No-sense payment contracts of the fake open platform (spec §5.4): apply,
 * relieve, the unfinished-order status, the contract relation — and the
 * user relieving a contract in the app, which §5.4.3 notifies.
 */
import type { Body } from './open-platform-partner.js';
import { authenticate, beijingStamp, reply, wrapped, type PlatformState } from './open-platform-wire.js';

/** A no-sense payment contract (§5.4). */
export interface SimulatedContract {
  readonly contractId: string;
  readonly contractCode: string;
  readonly planId: string;
  readonly openId: string;
  /** 1 contracted, 3 relieved. */
  status: '1' | '3';
}

const digitsOf = (length: number): string =>
  Array.from({ length }, () => Math.floor(Math.random() * 10)).join('');

/** The contract endpoints over the platform's state. */
export function createContracts(platform: PlatformState) {
  const contracts = new Map<string, SimulatedContract>();
  return {
    contracts: contracts as ReadonlyMap<string, SimulatedContract>,
    apply(body: Body): Response {
      const fields = authenticate(platform, body, {
        accessToken: 'N62109',
        openId: 'N62110',
        planId: 'N62114',
        contractCode: 'N62113',
      });
      if (fields instanceof Response) return fields;
      const contractId = `62184${digitsOf(14)}`;
      const { contractCode, planId, openId } = fields;
      contracts.set(contractId, { contractId, contractCode, planId, openId, status: '1' });
      return reply('00', '', {
        contractCode,
        contractId,
        openId,
        operationTime: beijingStamp(platform.clock()),
        planId,
      });
    },
    relieve(body: Body): Response {
      const fields = authenticate(platform, body, {
        openId: 'N62110',
        contractId: 'N62115',
        planId: 'N62114',
        contractCode: 'N62113',
      });
      if (fields instanceof Response) return fields;
      const contract = contracts.get(fields.contractId);
      if (!contract || contract.openId !== fields.openId || contract.contractCode !== fields.contractCode) {
        // The spec documents no code for this; the fake's own code says so.
        return reply(
          'simulated_no_such_contract',
          'no contract with this contractId, openId and contractCode',
        );
      }
      contract.status = '3';
      const { contractCode, openId, planId } = contract;
      return reply('00', '', {
        contractCode,
        openId,
        operationTime: beijingStamp(platform.clock(), true),
        planId,
      });
    },
    status(body: Body): Response {
      const fields = authenticate(platform, body, { openId: 'N62110' });
      return fields instanceof Response ? fields : reply('00', '', { enable: '0' });
    },
    info(body: Body): Response {
      const fields = authenticate(platform, body, { openId: 'N62110', planId: 'N62114' });
      if (fields instanceof Response) return fields;
      const found = [...contracts.values()]
        .reverse()
        .find((c) => c.openId === fields.openId && c.planId === fields.planId);
      return wrapped({ contractStatus: found?.status ?? '', contractId: found?.contractId ?? '' });
    },

    /** The user relieved `contractId` in the app: mark it, answer the §5.4.3 notification's fields. */
    relieveInApp(contractId: string): Record<string, string> {
      const contract = contracts.get(contractId);
      if (!contract) throw new RangeError(`no contract ${contractId}`);
      contract.status = '3';
      return {
        appId: platform.defaultApp,
        operateTime: beijingStamp(platform.clock(), true),
        openId: contract.openId,
        trid: '62009000052',
        contractId,
      };
    },
  };
}
