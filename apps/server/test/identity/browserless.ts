/**
 * A minimal browser for OpenID Connect flows without a page: follows redirects one by one,
 * keeping cookies per host and path as a browser would (HttpOnly and SameSite do not matter
 * here: every request is a top-level navigation from the same user agent).
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(url: URL, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const key = `${url.host} ${path} ${name}`;
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  header(url: URL): string {
    const out: string[] = [];
    for (const [key, cookie] of this.cookies) {
      const [host, , name] = key.split(' ');
      if (host === url.host && url.pathname.startsWith(cookie.path)) out.push(`${name}=${cookie.value}`);
    }
    return out.join('; ');
  }

  names(): string[] {
    return [...this.cookies.keys()].map((k) => k.split(' ')[2]);
  }
}

export interface Step {
  url: URL;
  status: number;
  location?: URL;
  body: string;
}

export class Browserless {
  readonly jar = new CookieJar();
  constructor(readonly base: string) {}

  async request(path: string | URL, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Step> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.jar.header(url);
    if (cookie) headers.cookie = cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    this.jar.store(url, response.headers);
    const location = response.headers.get('location');
    return { url, status: response.status, body: await response.text(), ...(location ? { location: new URL(location, url) } : {}) };
  }

  /** Follows redirects from `path` until a page that is not one; returns every step. */
  async follow(path: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Step[]> {
    const steps = [await this.request(path, init)];
    while (steps.length < 20 && steps[steps.length - 1].location && [301, 302, 303, 307, 308].includes(steps[steps.length - 1].status)) {
      steps.push(await this.request(steps[steps.length - 1].location!));
    }
    return steps;
  }
}

/** The sign-in form's action on the provider's page. */
export function formAction(html: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  if (!match) throw new Error('no sign-in form on the page');
  return match[1].replace(/&amp;/g, '&');
}

/** Signs in at the demo provider: start at `start`, fill the login form, follow back to Footprint. */
export async function signInThroughProvider(browser: Browserless, start: string, login: string, password: string): Promise<Step[]> {
  const toLogin = await browser.follow(start);
  const page = toLogin[toLogin.length - 1];
  if (page.status !== 200 || !page.url.pathname.startsWith('/idp/interaction/')) throw new Error(`expected the provider's sign-in page, got ${page.status} ${page.url.href}`);
  const back = await browser.follow(formAction(page.body), { form: { login, password } });
  return [...toLogin, ...back];
}
