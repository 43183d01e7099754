import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  CircuitOpenError,
  HttpTimeoutError,
  isServiceError,
  isTransient,
  NetworkError,
  RedirectRefusedError,
} from '../../src/net/index.js';
import { DigestMismatchError, LayoutError, RegistryAuthError, RegistryError } from '../../src/oci/index.js';
import { isConfigurationError } from '../../src/runtime/errors.js';

describe('error taxonomy of src/net and src/oci: adapters decide on properties, not class names', () => {
  it.each([
    ['NetworkError', new NetworkError('reset', 'h'), true, true],
    ['HttpTimeoutError', new HttpTimeoutError('slow'), true, true],
    ['CircuitOpenError', new CircuitOpenError('h', 1000), true, true],
    ['RedirectRefusedError', new RedirectRefusedError('to http', 'h'), false, true],
    ['RegistryError 503', new RegistryError('busy', 503, undefined), true, false],
    ['RegistryError 429', new RegistryError('slow down', 429, 'TOOMANYREQUESTS'), true, false],
    ['RegistryError 404', new RegistryError('gone', 404, 'MANIFEST_UNKNOWN'), false, false],
    ['DigestMismatchError', new DigestMismatchError('bad bytes'), false, false],
    ['LayoutError', new LayoutError('no index.json'), false, false],
  ])('%s: a service failure, transient %s, unreachable %s', (_, error, transient, unreachable) => {
    expect(isServiceError(error)).toBe(true);
    expect(isTransient(error)).toBe(transient);
    expect((error as { unreachable: boolean }).unreachable).toBe(unreachable);
    expect(isConfigurationError(error)).toBe(false);
  });

  it('refused credentials are the user’s to fix, not an outage; src/oci needs no runtime for it', () => {
    const error = new RegistryAuthError('Registry r refused the credentials of user u');
    expect(isServiceError(error)).toBe(false);
    expect(isConfigurationError(error)).toBe(true);
  });

  it('a body over our own limit and a plain Error are no service failure', () => {
    expect(isServiceError(new BodyTooLargeError('big'))).toBe(false);
    expect(isServiceError(new Error('bug'))).toBe(false);
    expect(isTransient('text')).toBe(false);
  });
});
