/** Location plugins (spec §6.11, §6.13, §6.22): city, GPS position, map navigation. */
import type { UpsdkCore } from '../../client/client.js';
import { bindPlugins, definePlugin, type CallControl } from '../define.js';
import { field, parseIfJson, toNumber, toText, unwrap } from '../payload.js';
import { USER_WAIT_TIMEOUT } from '../timing.js';
import { numberIn, record, text } from '../validate.js';

/** A GPS fix as upsdk.js delivers it: a JSON string on Android, an object on iOS. */
export type RawGpsPosition = string | { latitude: string | number; longitude: string | number };

/** Wire shapes of the location plugins, as `client.call` sends them. */
export interface LocationPluginMap {
  getLocationCity: { params: Record<string, never>; result: string };
  getLocationGps: { params: Record<string, never>; result: RawGpsPosition };
  navi: {
    params: { sLat: string; sLon: string; sName: string; dLat: string; dLon: string; dName: string };
    result: void;
  };
}

/** A position in the GCJ-02 ("Mars", AMap) coordinate system the app uses. */
export interface GpsPosition {
  /** Degrees, −90…90. */
  readonly latitude: number;
  /** Degrees, −180…180. */
  readonly longitude: number;
}

/** A named place for {@link LocationApi.navi}. */
export interface NaviPlace extends GpsPosition {
  /** Shown in the map app. */
  readonly name: string;
}

/** Input of {@link LocationApi.navi}. */
export interface NaviInput {
  /** Start (sent as `sLat`, `sLon`, `sName`). */
  readonly from: NaviPlace;
  /** Destination (sent as `dLat`, `dLon`, `dName`). */
  readonly to: NaviPlace;
}

/** Location methods on the client. */
export interface LocationApi {
  /**
   * The city the user picked on the app's home page (§6.11), as an
   * administrative division code, e.g. `'440100'` for Guangzhou.
   *
   * @example
   * ```ts
   * const cityCode = await client.getLocationCity();
   * ```
   */
  getLocationCity(options?: CallControl): Promise<string>;
  /**
   * The user's current position (§6.13) in GCJ-02, as numbers whichever
   * shape the platform answered in.
   *
   * @example
   * ```ts
   * const { latitude, longitude } = await client.getLocationGps();
   * ```
   */
  getLocationGps(options?: CallControl): Promise<GpsPosition>;
  /**
   * Open map navigation from one place to another (§6.22). Coordinates are
   * checked (finite, in range) and sent as strings. Default timeout 10 minutes
   * (the user may have to pick a map app).
   *
   * @example
   * ```ts
   * await client.navi({
   *   from: { latitude: 31.23958, longitude: 121.499763, name: '上海东方明珠' },
   *   to: { latitude: 39.917854, longitude: 116.397006, name: '北京故宫' },
   * });
   * ```
   */
  navi(input: NaviInput, options?: CallControl): Promise<void>;
}

function place(name: 'from' | 'to', value: unknown): [lat: string, lon: string, label: string] {
  const at = record(name, value);
  return [
    numberIn(`${name}.latitude`, at.latitude, -90, 90),
    numberIn(`${name}.longitude`, at.longitude, -180, 180),
    text(`${name}.name`, at.name),
  ];
}

/** The location plugins as data. */
export const locationPlugins = {
  getLocationCity: definePlugin({
    plugin: 'getLocationCity',
    // upsdk.js already picks `cityCd` out of the native answer; older ones may not.
    toResult: (raw): string => toText(unwrap(raw, 'cityCd'), 'the city code'),
  }),
  getLocationGps: definePlugin({
    plugin: 'getLocationGps',
    toResult: (raw): GpsPosition => {
      const payload = parseIfJson(raw);
      return {
        latitude: toNumber(field(payload, 'latitude'), 'latitude'),
        longitude: toNumber(field(payload, 'longitude'), 'longitude'),
      };
    },
  }),
  navi: definePlugin({
    plugin: 'navi',
    toParams: (input: NaviInput) => {
      const [sLat, sLon, sName] = place('from', input.from);
      const [dLat, dLon, dName] = place('to', input.to);
      return { sLat, sLon, sName, dLat, dLon, dName };
    },
    timeout: USER_WAIT_TIMEOUT,
  }),
};

/** Bind the location methods to a core. */
export function createLocation(core: UpsdkCore): LocationApi {
  return bindPlugins(core, locationPlugins);
}
