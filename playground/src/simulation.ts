/**
 * Simulator mode: the simulator with a demo world — a heart-rate monitor and
 * a scale to scan for, an NFC reader that talks after HCE starts, album
 * files, recordings and a photo — and signatures checked against the dev
 * server's fake open platform.
 */
import {
  DEMO_HEART_RATE_MONITOR,
  installSimulator,
  type Simulator,
  type VirtualPeripheral,
} from '../../src/simulator/index.js';

const DEMO_SCALE: VirtualPeripheral = {
  deviceId: 'SIM:SCALE:02',
  name: 'Simulated Scale',
  RSSI: -71,
  advertisedServices: ['181D'],
  services: [
    {
      uuid: '181D',
      characteristics: [
        { uuid: '2A9D', properties: { read: true, indicate: true }, value: '02B80B' },
        { uuid: '2A9E', properties: { read: true }, value: '0100' },
      ],
    },
  ],
};

/** A resting pulse that drifts and wobbles, so the live plot has something to show (bpm, 8-bit format). */
const pulse = (n: number): Uint8Array =>
  Uint8Array.of(0, Math.round(72 + 9 * Math.sin(n / 7) + 3 * Math.sin(n / 1.7)));

/** The demo monitor, notifying twice a second with {@link pulse}. */
const HEART_RATE_MONITOR: VirtualPeripheral = {
  ...DEMO_HEART_RATE_MONITOR,
  services: DEMO_HEART_RATE_MONITOR.services?.map((service) => ({
    ...service,
    characteristics: service.characteristics?.map((characteristic) =>
      characteristic.uuid === '2A37'
        ? { ...characteristic, notifyEvery: 500, nextValue: pulse }
        : characteristic,
    ),
  })),
};

/** What the virtual reader sends after each start: SELECT AID, GET PROCESSING OPTIONS, READ RECORD. */
const READER_COMMANDS = ['00A4040008A000000333010101', '80A8000002830000', '00B2010C00'];

/** A small drawn picture for `chooseImage` (the simulator's default is a single pixel). */
function demoPicture(): { base64: string; type: string } | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 200;
  const g = canvas.getContext('2d');
  if (!g) return undefined;
  const sky = g.createLinearGradient(0, 0, 0, 200);
  sky.addColorStop(0, '#2f7de1');
  sky.addColorStop(1, '#b7e0ff');
  g.fillStyle = sky;
  g.fillRect(0, 0, 320, 200);
  g.fillStyle = '#2e8b57';
  g.beginPath();
  g.moveTo(0, 200);
  g.lineTo(110, 90);
  g.lineTo(190, 160);
  g.lineTo(250, 110);
  g.lineTo(320, 200);
  g.fill();
  g.fillStyle = '#fff';
  g.font = 'bold 20px sans-serif';
  g.fillText('simulated photo', 16, 34);
  return { base64: canvas.toDataURL('image/png').split(',')[1]!, type: 'png' };
}

/** Which upsdk.js runs over the simulated native layer: our model, or the vendor's real script. */
export type VendorScript = 'simulated' | 'real';

/** `?vendor=real`: the vendor's real upsdk.js, loaded from its host, over the simulated native layer. */
export const vendorScriptFromUrl = (): VendorScript =>
  new URLSearchParams(location.search).get('vendor') === 'real' ? 'real' : 'simulated';

/** Install the simulator with the demo world. */
export function startSimulation(vendorScript: VendorScript = 'simulated'): Simulator {
  const sim = installSimulator({
    window,
    vendorScript,
    latency: 150,
    bluetooth: { peripherals: [HEART_RATE_MONITOR, DEMO_SCALE] },
    hce: { reader: { commands: READER_COMMANDS, interval: 600 } },
  });
  sim.files.addAlbumFile({ size: 180_000, name: 'receipt.jpg' });
  sim.files.addAlbumFile({ size: 3_500_000, name: 'holiday.mp4' }); // the next pick
  sim.files.setFile('audioRecording', { size: 96_000, name: 'voice.m4a' });
  sim.files.setFile('videoRecording', { size: 2_400_000, name: 'video.mp4' });
  sim.files.setFile('faceImage', { size: 60_000, name: 'face.jpg' });
  sim.files.setFile('faceVideo', { size: 900_000, name: 'face.mp4' });
  const picture = demoPicture();
  if (picture) sim.ui.image = picture;
  return sim;
}
