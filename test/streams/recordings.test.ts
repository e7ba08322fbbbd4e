import { describe, expect, it, vi } from 'vitest';
import { drain, setup, sha256 } from './harness.js';
import { startAudioRecording, startVideoRecording } from '../../src/media.js';

describe('audio recording', () => {
  it('starts with maxTime as a string, stops, then reads the new recording', async () => {
    const { sim, client } = setup();
    sim.files.setFile('audioRecording', { size: 70_000 });
    const recording = await startAudioRecording(client, { maxTime: 10 });
    expect(sim.callsOf('startAudioRecording')[0]?.params).toEqual({ maxTime: '10' });
    await recording.stop();
    const bytes = await recording.read({ chunkSize: 65536 }).bytes();
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(sim.files.file('audioRecording')!)));
    expect(bytes.length).toBe(70_000);
  });

  it('waits for stop() before the first read call', async () => {
    const { sim, client } = setup();
    const recording = await startAudioRecording(client, { maxTime: 60 });
    const reading = recording.read().bytes();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.callsOf('readAudioRecordingData')).toHaveLength(0);
    await recording.stop();
    expect((await reading).length).toBe(sim.files.file('audioRecording')!.size);
  });

  it('can be read once maxTime has passed without stop()', async () => {
    const { sim, client } = setup();
    await client.ready();
    vi.useFakeTimers();
    const started = startAudioRecording(client, { maxTime: 2 });
    await vi.advanceTimersByTimeAsync(1);
    const recording = await started;
    const reading = drain(recording.read());
    await vi.advanceTimersByTimeAsync(1000);
    expect(sim.callsOf('readAudioRecordingData')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.runAllTimersAsync();
    expect((await reading).length).toBe(sim.files.file('audioRecording')!.size);
  });

  it('rejects a maxTime that is not a whole number of seconds', async () => {
    const { sim, client } = setup();
    await expect(startAudioRecording(client, { maxTime: 0.5 })).rejects.toMatchObject({
      code: 'invalid_param',
    });
    expect(sim.calls).toHaveLength(0);
  });

  it('rejects stop() with the vendor code when nothing is recording', async () => {
    const { client } = setup();
    const recording = await startAudioRecording(client, { maxTime: 5 });
    await recording.stop();
    await expect(recording.stop()).rejects.toMatchObject({ code: '04', plugin: 'stopAudioRecording' });
  });
});

describe('video recording', () => {
  it('resolves once the user has finished, then reads the video', async () => {
    const { sim, client } = setup();
    sim.files.setRecordingTime(30);
    sim.files.setFile('videoRecording', { size: 600_000 });
    let resolved = false;
    const started = startVideoRecording(client, { maxTime: 15 }).then((video) => {
      resolved = true;
      return video;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(resolved).toBe(false);
    const video = await started;
    expect(sim.callsOf('startVideoRecording')[0]?.params).toEqual({ maxTime: '15' });
    const bytes = await drain(video.read());
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(sim.files.file('videoRecording')!)));
  });
});
