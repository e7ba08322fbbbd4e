import { describe, expect, it } from 'vitest';
import { ok, type PluginBehaviours } from '../../src/simulator/index.js';
import { setup } from './harness.js';
import { chooseFileFromAlbum } from '../../src/media.js';

describe('chooseFileFromAlbum', () => {
  it('sends maxSize as a string and the vendor sourceType code', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 10 });
    await chooseFileFromAlbum(client, { maxSize: 2048, sourceType: 'image' });
    expect(sim.callsOf('chooseFileFromAlbum')[0]?.params).toEqual({ maxSize: '2048', sourceType: '01' });
  });

  it('defaults to 100 MiB and any kind of file', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 10 });
    await chooseFileFromAlbum(client);
    expect(sim.callsOf('chooseFileFromAlbum')[0]?.params).toEqual({
      maxSize: String(100 * 1024 * 1024),
      sourceType: '02',
    });
  });

  it('answers a handle with a numeric size, the name and a MIME type', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 1234, name: 'IMG_1.JPG' });
    expect(await chooseFileFromAlbum(client)).toEqual({
      url: file.url,
      size: 1234,
      name: 'IMG_1.JPG',
      type: 'image/jpeg',
    });
  });

  it('rejects with 03 when the picked file is larger than maxSize', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 5000 });
    await expect(chooseFileFromAlbum(client, { maxSize: 4999 })).rejects.toMatchObject({ code: '03' });
  });

  it('rejects with the code of a failed pick', async () => {
    const { sim, client } = setup();
    sim.files.pickNext({ fail: '02', msg: 'no permission' });
    await expect(chooseFileFromAlbum(client)).rejects.toMatchObject({ code: '02', msg: 'no permission' });
  });

  it.each([
    ['maxSize', { maxSize: 0 }],
    ['sourceType', { sourceType: 'audio' as 'video' }],
  ])('rejects a bad %s with invalid_param before calling the bridge', async (_field, options) => {
    const { sim, client } = setup();
    await expect(chooseFileFromAlbum(client, options)).rejects.toMatchObject({ code: 'invalid_param' });
    expect(sim.callsOf('chooseFileFromAlbum')).toHaveLength(0);
  });
});

describe('the picked file', () => {
  const picking = (payload: unknown): PluginBehaviours => ({ chooseFileFromAlbum: () => ok(payload) });

  it('takes the name from the url when the answer has none', async () => {
    const { client } = setup({ plugins: picking({ url: 'sim://album/dir/clip.mp4', size: '12' }) });
    expect(await chooseFileFromAlbum(client)).toEqual({
      url: 'sim://album/dir/clip.mp4',
      size: 12,
      name: 'clip.mp4',
      type: 'video/mp4',
    });
  });

  it('leaves the size undefined when the answer has no usable one', async () => {
    const { client } = setup({ plugins: picking({ url: 'sim://a.png', size: 'big', filename: 'a.png' }) });
    expect((await chooseFileFromAlbum(client)).size).toBeUndefined();
  });

  it('rejects an answer without a url with invalid_result', async () => {
    const { client } = setup({ plugins: picking({ size: '12', filename: 'a.png' }) });
    await expect(chooseFileFromAlbum(client)).rejects.toMatchObject({
      code: 'invalid_result',
      plugin: 'chooseFileFromAlbum',
    });
  });

  it('rejects a maxSize the app cannot hold (above 2^31 − 1) before calling the bridge', async () => {
    const { sim, client } = setup();
    await expect(chooseFileFromAlbum(client, { maxSize: 2 ** 31 })).rejects.toMatchObject({
      code: 'invalid_param',
    });
    expect(sim.callsOf('chooseFileFromAlbum')).toHaveLength(0);
  });
});
