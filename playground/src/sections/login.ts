/**
 * User login (OAuth2): `signIn` sends the page to the authorize page, which
 * comes back with `?code=…&state=…`; on that visit `signIn` checks the state,
 * trades the code at the dev server's `/upsdk/login` and the session is shown.
 * In simulator mode the dev server's fake open platform serves the authorize
 * pages on this origin.
 */
import { isAuthorizeCallback, signIn, type InAppScope, type LoginSession } from '../../../src/login.js';
import { SIMULATED_APP_ID } from '../../../src/simulator/index.js';
import { facts, form, section } from '../dom.js';
import { run } from '../log.js';
import type { Section } from '../context.js';

const SCOPES: readonly InAppScope[] = ['upapi_base', 'upapi_mobile', 'upapi_auth'];
const APP_ID_KEY = 'upsdk-playground:login-app-id';

export const loginSection: Section = ({ sim }) => {
  const session = facts('login-session');
  const platformUrl = sim ? location.origin : undefined;
  const start = (appId: string, scope: InAppScope, trigger?: HTMLButtonElement) =>
    run(
      'signIn',
      async () => {
        sessionStorage.setItem(APP_ID_KEY, appId);
        const outcome = await signIn<LoginSession>({ appId, scope, endpoint: '/upsdk/login', platformUrl });
        if (outcome.kind === 'redirect') return `redirecting to ${new URL(outcome.url).pathname}…`;
        session.set({ ...outcome.session });
        return outcome.session;
      },
      trigger,
    );

  const element = section(
    'login',
    'Login',
    sim
      ? 'Runs the whole OAuth2 flow against the fake open platform of the dev server.'
      : 'Runs the OAuth2 flow: the authorize page, then the dev server exchanges the code.',
    form(
      'login-form',
      'sign in',
      [
        { name: 'appId', value: sessionStorage.getItem(APP_ID_KEY) ?? (sim ? SIMULATED_APP_ID : '') },
        { name: 'scope', type: 'select', options: SCOPES, value: 'upapi_mobile' },
      ],
      ({ appId, scope }, submit) => void start(appId ?? '', (scope ?? 'upapi_base') as InAppScope, submit),
    ),
    session.element,
  );
  if (isAuthorizeCallback(location.href)) {
    // Back from the authorize page: finish now and bring the result into view.
    void start(sessionStorage.getItem(APP_ID_KEY) ?? '', 'upapi_base').then(() => element.scrollIntoView());
  }
  return element;
};
