/**
 * What a bundler keeps from the built package (`npm run build` first): a page
 * gets the modules it reaches and no others. Checked on the inputs esbuild
 * reports, so a change that drags a family (or eventemitter3) into the core
 * or into a small entry fails here, whatever the byte counts.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** esbuild's bundle of `code` as an app would make it, with its metafile. */
function bundle(code: string) {
  return build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

/** The package files (and dependencies) an app bundling `code` ends up with. */
async function inputsOf(code: string): Promise<string[]> {
  const result = await bundle(code);
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.keys(output.inputs).filter((input) => output.inputs[input]!.bytesInOutput > 0);
}

describe('tree-shaking of the built entries', () => {
  it('keeps the core free of every family', async () => {
    const inputs = await inputsOf("export * from 'upsdk-kit';");
    expect(inputs.some((input) => input.includes('dist/client/client.js'))).toBe(true);
    expect(inputs.filter((input) => /dist\/(plugins|events|streams|login)\//.test(input))).toEqual([]);
  });

  it('ships only the error module for UpsdkError alone', async () => {
    const inputs = await inputsOf("export { UpsdkError } from 'upsdk-kit';");
    expect(inputs.filter((input) => input !== '<stdin>').map((input) => path.basename(input))).toEqual([
      'error.js',
    ]);
  });

  it('ships no emitter with the page and device functions, which listen without one', async () => {
    const inputs = await inputsOf(
      "export * from 'upsdk-kit/payment'; export * from 'upsdk-kit/page'; export * from 'upsdk-kit/device';",
    );
    expect(inputs.some((input) => input.includes('ui-events.js'))).toBe(true);
    expect(inputs.filter((input) => /eventemitter3|native-events\.js/.test(input))).toEqual([]);
  });

  it('ships eventemitter3 with events(client)', async () => {
    const inputs = await inputsOf("export { events } from 'upsdk-kit/events';");
    expect(inputs.some((input) => input.includes('eventemitter3'))).toBe(true);
  });

  it('leaves bluetooth out of a page that only pays', async () => {
    const inputs = await inputsOf(
      "export { createClient } from 'upsdk-kit'; export { pay } from 'upsdk-kit/payment';",
    );
    expect(inputs.some((input) => input.includes('dist/plugins/payment/index.js'))).toBe(true);
    expect(inputs.filter((input) => /bluetooth|hce|applet|media|streams/.test(input))).toEqual([]);
  });

  it('drops the plugin specs of the functions a page does not import', async () => {
    const result = await bundle("export { pay } from 'upsdk-kit/payment';");
    const text = result.outputFiles[0]!.text;
    expect(text).toContain('"tn"');
    // `bizType` and `scene` appear only in the specs of verifyPayPwd and addBankCard.
    expect(text).not.toContain('bizType');
    expect(text).not.toContain('scene');
  });
});
