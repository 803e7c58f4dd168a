import { describe, expect, it } from 'vitest';
import { sameOriginRedirect } from './public-url';

describe('keeping a sign-in on one origin', () => {
  it('moves a sign-in started on another loopback name to the public origin', () => {
    expect(sameOriginRedirect('localhost:8080', '/api/patient/sign-in', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/api/patient/sign-in');
  });

  it('leaves a request already on the public origin alone', () => {
    expect(sameOriginRedirect('127.0.0.1:8080', '/api/patient/sign-in', 'http://127.0.0.1:8080')).toBeUndefined();
  });

  it('never redirects behind a proxy, where the Host header may differ from the public origin', () => {
    expect(sameOriginRedirect('backend:8080', '/api/patient/sign-in', 'https://footprint.example.nhs.uk')).toBeUndefined();
    expect(sameOriginRedirect('evil.example', '/api/patient/sign-in', 'http://127.0.0.1:8080')).toBeUndefined();
  });
});
