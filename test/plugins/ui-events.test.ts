/**
 * The page's listener plugins: the right-hand title-bar button and
 * screenshots, as methods returning an unsubscribe function and as
 * `events(client)`. Neither has a vendor cancel: stopping detaches our side.
 */
import { describe, expect, it, vi } from 'vitest';
import { setup } from '../helpers/harness.js';
import { applet } from '../../src/applet.js';
import { monitorScreenShot } from '../../src/device.js';
import { events } from '../../src/events.js';
import { setNavigationBarRightButton } from '../../src/page.js';

const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 2000, interval: 2 });

describe('setNavigationBarRightButton', () => {
  it('calls onClick when the user taps the button', async () => {
    const { sim, client } = setup();
    const onClick = vi.fn();
    await setNavigationBarRightButton(client, { title: '分享' }, onClick);
    expect(sim.ui.clickRightButton()).toBe(true);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('delivers taps to events(client) rightButtonClick listeners too', async () => {
    const { sim, client } = setup();
    const listener = vi.fn();
    events(client).on('rightButtonClick', listener);
    await setNavigationBarRightButton(client, { title: '分享' }, () => undefined);
    sim.ui.clickRightButton();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops calling onClick after unsubscribe, though the app keeps its handler', async () => {
    const { sim, client } = setup();
    const onClick = vi.fn();
    const stop = await setNavigationBarRightButton(client, { title: '分享' }, onClick);
    await stop();
    expect(sim.ui.clickRightButton()).toBe(true); // the native handler is still there (no vendor cancel)
    expect(onClick).not.toHaveBeenCalled();
  });

  it('changes the button with one call and keeps the existing click listener', async () => {
    const { sim, client } = setup();
    const onClick = vi.fn();
    await setNavigationBarRightButton(client, { title: '分享' }, onClick);
    await setNavigationBarRightButton(client, { image: 'https://example.com/more.png' });
    expect(sim.callsOf('setNavigationBarRightButton').map((call) => call.params)).toEqual([
      { title: '分享' },
      { image: 'https://example.com/more.png' },
    ]);
    expect(sim.ui.rightButton).toEqual({ image: 'https://example.com/more.png' });
    sim.ui.clickRightButton();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('sends the new look once when adding a second click listener', async () => {
    const { sim, client } = setup();
    const first = vi.fn();
    const second = vi.fn();
    await setNavigationBarRightButton(client, { title: 'A' }, first);
    await setNavigationBarRightButton(client, { title: 'B' }, second);
    expect(sim.callsOf('setNavigationBarRightButton').map((call) => call.params)).toEqual([
      { title: 'A' },
      { title: 'B' },
    ]);
    sim.ui.clickRightButton();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
  });

  it('does not draw an empty button when events are subscribed before any button is set', async () => {
    const { sim, client } = setup();
    const listener = vi.fn();
    await events(client).subscribe('rightButtonClick', listener);
    expect(sim.callsOf('setNavigationBarRightButton')).toEqual([]);
    await setNavigationBarRightButton(client, { title: '更多' });
    sim.ui.clickRightButton();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('re-sends the current look when events are subscribed after the button was drawn', async () => {
    const { sim, client } = setup();
    await setNavigationBarRightButton(client, { title: '更多' });
    const listener = vi.fn();
    await events(client).subscribe('rightButtonClick', listener);
    expect(sim.callsOf('setNavigationBarRightButton').map((call) => call.params)).toEqual([
      { title: '更多' },
      { title: '更多' },
    ]);
    sim.ui.clickRightButton();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('monitorScreenShot', () => {
  it('calls the listener on each screenshot', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const onScreenshot = vi.fn();
    await monitorScreenShot(client, onScreenshot);
    sim.ui.takeScreenshot();
    sim.ui.takeScreenshot();
    expect(onScreenshot).toHaveBeenCalledTimes(2);
  });

  it('stops calling the listener after unsubscribe; native monitoring stays on (no vendor cancel)', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const onScreenshot = vi.fn();
    const stop = await monitorScreenShot(client, onScreenshot);
    await stop();
    sim.ui.takeScreenshot();
    expect(onScreenshot).not.toHaveBeenCalled();
    expect(sim.activeSubscriptions()).toEqual(['screenShotAction']);
  });

  it('shares one native registration with events(client) screenshot listeners', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const viaMethod = vi.fn();
    const viaEvents = vi.fn();
    await monitorScreenShot(client, viaMethod);
    await events(client).subscribe('screenshot', viaEvents);
    sim.ui.takeScreenshot();
    expect(sim.callsOf('monitorScreenShot')).toHaveLength(1);
    expect([viaMethod.mock.calls.length, viaEvents.mock.calls.length]).toEqual([1, 1]);
  });

  it('registers natively on the first events(client).on listener', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const listener = vi.fn();
    events(client).on('screenshot', listener);
    await eventually(() => expect(sim.activeSubscriptions()).toContain('screenShotAction'));
    sim.ui.takeScreenshot();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('iterates screenshots until the signal aborts', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const loop = (async () => {
      for await (const shot of events(client).iterate('screenshot', { signal: controller.signal })) {
        seen.push(shot);
        if (seen.length === 2) controller.abort();
      }
    })().catch((error: unknown) => error);
    await eventually(() => expect(sim.activeSubscriptions()).toContain('screenShotAction'));
    sim.ui.takeScreenshot();
    sim.ui.takeScreenshot();
    const ended = await loop;
    expect(seen).toHaveLength(2);
    expect((ended as DOMException).name).toBe('AbortError');
  });

  it('registers anew for a listener that comes after every other one left', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const first = vi.fn();
    const second = vi.fn();
    const stop = await monitorScreenShot(client, first);
    await stop();
    await monitorScreenShot(client, second);
    sim.ui.takeScreenshot();
    expect(sim.callsOf('monitorScreenShot')).toHaveLength(2);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
  });

  it('lets the next listener register after a registration failed', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const upsdk = sim.upsdk as Record<string, unknown>;
    const plugin = upsdk.monitorScreenShot;
    delete upsdk.monitorScreenShot;
    await expect(monitorScreenShot(client, () => undefined)).rejects.toMatchObject({ code: 'c04' });
    upsdk.monitorScreenShot = plugin;
    const listener = vi.fn();
    await monitorScreenShot(client, listener);
    sim.ui.takeScreenshot();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('registers anew for monitorScreenShot once the events(client) listeners left', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const stop = await events(client).subscribe('screenshot', () => undefined);
    await stop();
    const listener = vi.fn();
    await monitorScreenShot(client, listener);
    sim.ui.takeScreenshot();
    expect(sim.callsOf('monitorScreenShot')).toHaveLength(2);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops calling the listener when its signal aborts', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const onScreenshot = vi.fn();
    const controller = new AbortController();
    await monitorScreenShot(client, onScreenshot, { signal: controller.signal });
    sim.ui.takeScreenshot();
    controller.abort();
    await eventually(() => expect(sim.ui.takeScreenshot() && onScreenshot.mock.calls.length).toBe(1));
  });

  it('rejects with the reason of an aborted signal and never hears a screenshot', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const onScreenshot = vi.fn();
    const reason = new Error('page left');
    await expect(monitorScreenShot(client, onScreenshot, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(sim.callsOf('monitorScreenShot')).toEqual([]);
    await events(client).subscribe('screenshot', () => undefined); // monitoring on for someone else
    sim.ui.takeScreenshot();
    expect(onScreenshot).not.toHaveBeenCalled();
  });

  it("rejects with the signal's reason when it aborts while the bridge is starting", async () => {
    const { sim, client } = setup({ platform: 'ios', bridgeDelay: 60_000 }); // no deviceready for a minute
    const onScreenshot = vi.fn();
    const controller = new AbortController();
    const started = monitorScreenShot(client, onScreenshot, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(started).rejects.toThrow('gave up');
    sim.emit('screenShotAction', {});
    expect(onScreenshot).not.toHaveBeenCalled();
  });

  it('hears nothing more once removeScreenShot stopped native monitoring', async () => {
    const { sim, client } = setup({ platform: 'ios' });
    const onScreenshot = vi.fn();
    await monitorScreenShot(client, onScreenshot);
    await applet(client).removeScreenShot();
    expect(sim.ui.takeScreenshot()).toBe(false);
    expect(onScreenshot).not.toHaveBeenCalled();
  });
});

describe('events(client)', () => {
  it('is one emitter per client, made on first use', () => {
    const { client } = setup();
    const other = setup().client;
    expect(events(client)).toBe(events(client));
    expect(events(other)).not.toBe(events(client));
  });

  it('hears a click that setNavigationBarRightButton registered before the emitter existed', async () => {
    const { sim, client } = setup();
    const onClick = vi.fn();
    await setNavigationBarRightButton(client, { title: '分享' }, onClick);
    const listener = vi.fn();
    await events(client).subscribe('rightButtonClick', listener);
    sim.ui.clickRightButton();
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(sim.callsOf('setNavigationBarRightButton')).toHaveLength(1);
  });
});
