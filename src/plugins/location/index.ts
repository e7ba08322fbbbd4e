/** Location plugins (spec §6.11, §6.13, §6.22): city, GPS position, map navigation. */
import type { UpsdkClient } from '../../client/client.js';
import { definePlugin, runPlugin, type CallControl } from '../define.js';
import { field, parseIfJson, toNumber, toText, unwrap } from '../payload.js';
import { USER_WAIT_TIMEOUT } from '../../client/user-wait.js';
import { numberIn, record, text } from '../../shared/validate.js';

/** A position in the GCJ-02 ("Mars", AMap) coordinate system the app uses. */
export interface GpsPosition {
  /** Degrees, −90…90. */
  readonly latitude: number;
  /** Degrees, −180…180. */
  readonly longitude: number;
}

/** A named place for {@link navi}. */
export interface NaviPlace extends GpsPosition {
  /** Shown in the map app. */
  readonly name: string;
}

/** Input of {@link navi}. */
export interface NaviInput {
  /** Start (sent as `sLat`, `sLon`, `sName`). */
  readonly from: NaviPlace;
  /** Destination (sent as `dLat`, `dLon`, `dName`). */
  readonly to: NaviPlace;
}

function place(name: 'from' | 'to', value: unknown): [lat: string, lon: string, label: string] {
  const at = record(name, value);
  return [
    numberIn(`${name}.latitude`, at.latitude, -90, 90),
    numberIn(`${name}.longitude`, at.longitude, -180, 180),
    text(`${name}.name`, at.name),
  ];
}

const GET_LOCATION_CITY = /* @__PURE__ */ definePlugin({
  plugin: 'getLocationCity',
  // upsdk.js already picks `cityCd` out of the native answer; older ones may not.
  toResult_: (raw): string => toText(unwrap(raw, 'cityCd'), 'the city code'),
});

const GET_LOCATION_GPS = /* @__PURE__ */ definePlugin({
  plugin: 'getLocationGps',
  toResult_: (raw): GpsPosition => {
    const payload = parseIfJson(raw);
    const coordinate = (name: keyof GpsPosition): number => toNumber(field(payload, name), name);
    return { latitude: coordinate('latitude'), longitude: coordinate('longitude') };
  },
});

const NAVI = /* @__PURE__ */ definePlugin({
  plugin: 'navi',
  toParams_: (input: NaviInput) => {
    const [sLat, sLon, sName] = place('from', input.from);
    const [dLat, dLon, dName] = place('to', input.to);
    return { sLat, sLon, sName, dLat, dLon, dName };
  },
  timeout: USER_WAIT_TIMEOUT,
});

/** The location plugins as data (for checks over every family; bundlers drop it when unused). */
export const locationPlugins = {
  getLocationCity: GET_LOCATION_CITY,
  getLocationGps: GET_LOCATION_GPS,
  navi: NAVI,
};

/**
 * The city the user picked on the app's home page (§6.11), as an
 * administrative division code, e.g. `'440100'` for Guangzhou.
 *
 * @example
 * ```ts
 * const cityCode = await getLocationCity(client);
 * ```
 */
export function getLocationCity(client: UpsdkClient, options?: CallControl): Promise<string> {
  return runPlugin(client, GET_LOCATION_CITY, undefined, options);
}

/**
 * The user's current position (§6.13) in GCJ-02, as numbers whichever
 * shape the platform answered in.
 *
 * @example
 * ```ts
 * const { latitude, longitude } = await getLocationGps(client);
 * ```
 */
export function getLocationGps(client: UpsdkClient, options?: CallControl): Promise<GpsPosition> {
  return runPlugin(client, GET_LOCATION_GPS, undefined, options);
}

/**
 * Open map navigation from one place to another (§6.22). Coordinates are
 * checked (finite, in range) and sent as strings. Default timeout 10 minutes
 * (the user may have to pick a map app).
 *
 * @example
 * ```ts
 * await navi(client, {
 *   from: { latitude: 31.23958, longitude: 121.499763, name: '上海东方明珠' },
 *   to: { latitude: 39.917854, longitude: 116.397006, name: '北京故宫' },
 * });
 * ```
 */
export function navi(client: UpsdkClient, input: NaviInput, options?: CallControl): Promise<void> {
  return runPlugin(client, NAVI, input, options);
}
