/** Wire shapes of the location plugins (§6.13, §6.14, §6.22). Type-only: the core's typed `call` reads them without importing the family. */

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
