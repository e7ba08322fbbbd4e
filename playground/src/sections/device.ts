/** Device plugins: scanner, camera/album (the picture is shown through a blob: URL), screen brightness. */
import type { ChosenImage, ImageSource } from '../../../src/device.js';
import type { ScanType } from '../../../src/index.js';
import { action, actionForms, outputArea } from '../actions.js';
import { h, optionalNumber, section } from '../dom.js';
import type { Section } from '../context.js';
import { chooseImage, getScreenBrightness, scanQRCode, setScreenBrightness } from '../../../src/device.js';

const SCAN_TYPES: Readonly<Record<string, readonly ScanType[] | undefined>> = {
  'app default': undefined,
  qrCode: ['qrCode'],
  barCode: ['barCode'],
  both: ['qrCode', 'barCode'],
};

/** The last picture's object URL, revoked when the next one replaces it. */
let pictureUrl: string | undefined;

function picture(image: ChosenImage): HTMLElement {
  if (pictureUrl) URL.revokeObjectURL(pictureUrl);
  pictureUrl = URL.createObjectURL(image.blob());
  return h(
    'figure',
    {},
    h('img', { id: 'chosen-image', src: pictureUrl, alt: 'the chosen picture' }),
    h('figcaption', {}, `${image.type}, ${image.bytes().length.toLocaleString('en')} bytes`),
  );
}

export const deviceSection: Section = ({ client }) => {
  const output = outputArea('device-output');
  return section(
    'device',
    'Device',
    'Scanner, camera or album, screen brightness.',
    ...actionForms(
      [
        action({
          id: 'scanQRCode',
          label: 'scan',
          fields: [
            { name: 'scanType', label: 'code kinds', type: 'select', options: Object.keys(SCAN_TYPES) },
          ],
          run: ({ scanType }, signal) =>
            scanQRCode(client, { scanType: SCAN_TYPES[scanType ?? ''] }, { signal }),
          show: (text) => h('code', {}, text),
        }),
        action({
          id: 'chooseImage',
          label: 'choose image',
          fields: [
            { name: 'sourceType', label: 'source', type: 'select', options: ['any', 'camera', 'album'] },
            { name: 'maxWidth', label: 'max width (px)', value: '800', type: 'number' },
            { name: 'maxHeight', label: 'max height (px)', value: '800', type: 'number' },
          ],
          run: ({ sourceType, maxWidth, maxHeight }, signal) =>
            chooseImage(
              client,
              {
                sourceType: (sourceType ?? 'any') as ImageSource,
                maxWidth: optionalNumber(maxWidth),
                maxHeight: optionalNumber(maxHeight),
              },
              { signal },
            ),
          show: picture,
        }),
        action({
          id: 'getScreenBrightness',
          label: 'get brightness',
          run: (_, signal) => getScreenBrightness(client, { signal }),
        }),
        action({
          id: 'setScreenBrightness',
          label: 'set brightness',
          fields: [
            { name: 'brightness', label: 'brightness (0…1, one decimal)', value: '0.8', type: 'number' },
          ],
          run: ({ brightness }, signal) =>
            setScreenBrightness(client, { brightness: Number(brightness) }, { signal }),
        }),
      ],
      output,
    ),
    output,
  );
};
