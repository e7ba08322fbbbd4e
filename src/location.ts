/** `upsdk-kit/location`: city, GPS position, map navigation (spec §6.11, §6.13, §6.22). */
export { getLocationCity, getLocationGps, navi } from './plugins/location/index.js';
export type { GpsPosition, NaviInput, NaviPlace } from './plugins/location/index.js';
export type { RawGpsPosition } from './client/wire/location.js';
