import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/net/index.js';
import { ExportError, parseExportConfig, runExports } from '../../../src/pipeline-metrics/export/index.js';
import { freePort } from '../../support/registry.js';
import { type OtlpReceiver, startOtlpReceiver } from '../../support/otlp-receiver.js';
import { report, run } from './facts.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver.stop();
});

describe('exporter inputs', () => {
  it('an exporter is on when its URL is given; headers and URL credentials are secrets', () => {
    expect(parseExportConfig({})).toEqual({ secrets: [] });
    const config = parseExportConfig({
      pushgatewayUrl: 'http://pg:9091',
      pushgatewayJob: ' nightly ',
      pushgatewayGrouping: 'env=prod\nempty=',
      pushgatewayHeaders: 'Authorization: Bearer p-token',
      otlpEndpoint: 'https://user:o-pass@otlp.example:4318/',
      otlpHeaders: 'X-Org: o-org',
    });
    expect(config.pushgateway?.job).toBe('nightly');
    expect(config.pushgateway?.grouping).toEqual({ env: 'prod', empty: '' });
    expect(config.otlp?.target.url.toString()).toBe('https://otlp.example:4318/');
    expect(config.secrets).toEqual(expect.arrayContaining(['Bearer p-token', 'o-org', 'o-pass']));
  });

  it('other exporter inputs without the URL are a ConfigurationError naming both inputs', () => {
    expect(() => parseExportConfig({ pushgatewayHeaders: 'A: b' })).toThrow(
      "Input 'pushgateway-headers' is given but 'pushgateway-url' is not",
    );
    expect(() => parseExportConfig({ pushgatewayJob: 'x' })).toThrow(/^Input 'pushgateway-job' is given/);
    expect(() => parseExportConfig({ otlpHeaders: 'A: b' })).toThrow(
      "Input 'otlp-headers' is given but 'otlp-endpoint' is not",
    );
    expect(() => parseExportConfig({ otlpEndpoint: 'https://otlp.example/v1/traces' })).toThrow(
      `Input 'otlp-endpoint': got "https://otlp.example/v1/traces"; expected the OTLP/HTTP base URL, without /v1/traces`,
    );
    expect(() => parseExportConfig({ pushgatewayUrl: 'http://pg:9091/metrics/job/x' })).toThrow(
      /^Input 'pushgateway-url': got "http:\/\/pg:9091\/metrics\/job\/x"; expected the Pushgateway's base URL, without \/metrics/,
    );
    expect(() => parseExportConfig({ pushgatewayUrl: 'http://pg', pushgatewayGrouping: 'bad' })).toThrow(
      /^Input 'pushgateway-grouping'/,
    );
  });

  it('one receiver down does not cost the other its export; the failure names its input', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const http = new HttpClient({ retries: 0, backoffBaseMs: 1 });
    const config = parseExportConfig({ pushgatewayUrl: closed, otlpEndpoint: receiver.url });
    const error = (await runExports(config, { report: report(), runs: [run(1, 1)] }, { http }).catch(
      (e) => e,
    )) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(error.input).toBe('pushgateway-url');
    expect(receiver.spans()).toHaveLength(7);

    const both = parseExportConfig({ pushgatewayUrl: closed, otlpEndpoint: closed });
    const twice = (await runExports(both, { report: report(), runs: [run(1, 1)] }, { http }).catch(
      (e) => e,
    )) as ExportError;
    expect(twice.message).toMatch(
      /^Input 'pushgateway-url': could not reach .*; Input 'otlp-endpoint': could not reach/,
    );
    expect(twice.unreachable).toBe(true);
  });
});
