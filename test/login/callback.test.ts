import { describe, expect, it } from 'vitest';
import {
  isAuthorizeCallback,
  parseAuthorizeCallback,
  stripCallback,
  UpsdkLoginError,
  type ParseCallbackOptions,
} from '../../src/login.js';
import { thrown } from './caught.js';

const page = 'https://m.example.com/login/done';
const expectedState = 'S1';

const failure = (url: string, options: ParseCallbackOptions = { expectedState }): UpsdkLoginError =>
  thrown(UpsdkLoginError, () => parseAuthorizeCallback(url, options));

describe('parseAuthorizeCallback (§4.3)', () => {
  it('decodes an encoded + in the code', () => {
    expect(parseAuthorizeCallback(`${page}?code=ab%2Bcd%2Fef%3D&state=S1`, { expectedState })).toEqual({
      code: 'ab+cd/ef=',
      state: 'S1',
    });
  });

  it("keeps a raw '+' as '+' instead of a space (FAQ 13)", () => {
    expect(parseAuthorizeCallback(`${page}?code=ab+cd&state=S1`, { expectedState }).code).toBe('ab+cd');
  });

  it('decodes exactly once: a double-encoded code keeps one level of encoding', () => {
    expect(parseAuthorizeCallback(`${page}?code=ab%252Bcd&state=S1`, { expectedState }).code).toBe('ab%2Bcd');
  });

  it('rejects a callback whose state is not the stored one', () => {
    const error = failure(`${page}?code=abc&state=S2`);
    expect(error.code).toBe('state_mismatch');
  });

  it('rejects a callback when no state was stored', () => {
    expect(failure(`${page}?code=abc&state=S1`, { expectedState: null }).code).toBe('state_mismatch');
  });

  it('checks the state before reporting the platform error', () => {
    expect(failure(`${page}?state=S2&errmsg=x&errorcode=user0001`).code).toBe('state_mismatch');
  });

  it('turns the user declining into an UpsdkLoginError user0001 (FAQ 24)', () => {
    const errmsg = encodeURIComponent('用户不同意授权[user0001]');
    const error = failure(`${page}?state=S1&errmsg=${errmsg}&errorcode=user0001`);
    expect(error).toMatchObject({ code: 'user0001', msg: '用户不同意授权[user0001]', refused: true });
  });

  it('reports other platform errors with their code, not as a refusal', () => {
    const error = failure(`${page}?state=S1&errmsg=bad%20scope&errorcode=N62131`);
    expect(error).toMatchObject({ code: 'N62131', msg: 'bad scope', refused: false });
  });

  it.each([
    ['neither code nor errorcode', `${page}?state=S1`],
    ['a malformed escape', `${page}?code=%E0%A4%A&state=S1`],
    ['the code twice', `${page}?code=a&code=b&state=S1`],
  ])('rejects a callback with %s as invalid_callback', (_, url) => {
    expect(failure(url).code).toBe('invalid_callback');
  });
});

describe('isAuthorizeCallback / stripCallback', () => {
  it('recognises success and failure callbacks only', () => {
    expect(isAuthorizeCallback(`${page}?code=a&state=b`)).toBe(true);
    expect(isAuthorizeCallback(`${page}?errorcode=user0001`)).toBe(true);
    expect(isAuthorizeCallback(`${page}?from=home`)).toBe(false);
  });

  it('removes the callback parameters and keeps the rest and the fragment', () => {
    expect(stripCallback(`${page}?from=home&code=a%2Bb&state=S1&x=1#/top`)).toBe(
      `${page}?from=home&x=1#/top`,
    );
    expect(stripCallback(`${page}?state=S1&errmsg=m&errorcode=user0001`)).toBe(page);
  });
});
