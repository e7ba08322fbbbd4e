/** Location plugins: the user's city, the GPS position (GCJ-02), map navigation. */
import { action, actionForms } from '../actions.js';
import { section } from '../dom.js';
import type { Section } from '../context.js';
import { getLocationCity, getLocationGps, navi } from '../../../src/location.js';

export const locationSection: Section = ({ client }) =>
  section(
    'location',
    'Location',
    'Positions are GCJ-02; Android answers GPS as JSON text, iOS as an object — both normalize to numbers.',
    ...actionForms([
      action({
        id: 'getLocationCity',
        label: 'city code',
        run: (_, signal) => getLocationCity(client, { signal }),
      }),
      action({
        id: 'getLocationGps',
        label: 'GPS position',
        run: (_, signal) => getLocationGps(client, { signal }),
      }),
      action({
        id: 'navi',
        label: 'navigate',
        fields: [
          { name: 'from', label: 'from (lat, lon, name)', value: '31.23958, 121.499763, 上海东方明珠' },
          { name: 'to', label: 'to (lat, lon, name)', value: '39.917854, 116.397006, 北京故宫' },
        ],
        run: ({ from, to }, signal) => navi(client, { from: place(from), to: place(to) }, { signal }),
      }),
    ]),
  );

/** "lat, lon, name" → a place; bad numbers stay NaN so the library reports them. */
function place(text = ''): { latitude: number; longitude: number; name: string } {
  const [latitude = '', longitude = '', ...name] = text.split(',').map((part) => part.trim());
  return { latitude: Number(latitude), longitude: Number(longitude), name: name.join(', ') };
}
