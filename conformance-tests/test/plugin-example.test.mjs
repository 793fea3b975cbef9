// The README's "a plugin in ten minutes" walk-through, step by step as a third party takes it: install the
// plugin API with the one documented command, build examples/plugin with Maven against it, load the jar in
// the stock server through paddock.json's "plugins" and call the capability from agent code over a real
// MCP client. Then the startup check a plugin author meets first: a record that does not match its
// declaration stops the server, naming both sides.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAR, JAVA, LAUNCHER, ROOT, connect, execute, run, text } from './support/paddock.mjs';

const EXAMPLE = path.join(ROOT, 'examples', 'plugin');
const API_JAR = path.join(ROOT, 'paddock-api', 'target', 'paddock-api-0.1.0-SNAPSHOT.jar');

/** Maven with the JDK the suite runs on; output goes to the test log only when a step fails. */
function mvn(args) {
  try {
    execFileSync('mvn', ['-B', '-ntp', '-q', '-Dstyle.color=never', ...args], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JAVA_HOME: path.dirname(path.dirname(JAVA)) },
    });
  } catch (e) {
    throw new Error(`mvn ${args.join(' ')} failed:\n${e.stdout}\n${e.stderr}`);
  }
}

describe('the example plugin, built with Maven against paddock-api', { timeout: 300000 }, () => {
  let session;

  before(async () => {
    mvn(['install', '-pl', 'paddock-api', '-am']);
    mvn(['-f', path.join(EXAMPLE, 'pom.xml'), 'package']);
    assert.ok(existsSync(path.join(EXAMPLE, 'target', 'weather-plugin.jar')), 'the build makes target/weather-plugin.jar');
    session = await connect(LAUNCHER, ['--config', path.join(EXAMPLE, 'paddock.json')]);
  });

  after(async () => {
    await session?.close();
  });

  it('is called from agent code, its settings applied', async () => {
    const result = await execute(session.client, 'return [await weather.high({ city: "Oslo" }), await weather.cities()]');
    assert.equal(result.isError, false, text(result));
    assert.deepEqual(result.structuredContent.result,
      [{ city: 'Oslo', high: 4, units: 'celsius' }, ['Cairo', 'Lisbon', 'Oslo']]);
  });

  it('shows the model its TypeScript declarations in the execute description', async () => {
    const { tools } = await session.client.listTools();
    const description = tools.find((t) => t.name === 'execute').description;
    assert.match(description, /high\(input: \{ city: string \}\)/);
    assert.match(description, /cities\(\)/);
  });

  it('reports its CapabilityException to agent code as a code and message', async () => {
    const result = await execute(session.client,
      'try { await weather.high({ city: "Atlantis" }); } catch (e) { return e.code + ": " + e.message; }');
    assert.equal(result.structuredContent.result,
      "ENOENT: weather.high: no weather for 'Atlantis'; known: Cairo, Lisbon, Oslo", text(result));
  });

  it('gets arguments checked against its declarations before its code runs', async () => {
    const result = await execute(session.client,
      'try { await weather.high({ town: "Oslo" }); } catch (e) { return e.name + ": " + e.message; }');
    assert.match(result.structuredContent.result, /^TypeError: weather\.high: /, text(result));
  });
});

const MISMATCHED = `package com.example.broken;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.ProviderContext;

public final class MismatchedWeather implements CapabilityProvider {
    public String name() {
        return "weather";
    }

    public Capability create(ProviderContext context) {
        return Capability.of("weather", "export interface Weather { high(input: { city: string }): Promise<number>; }",
                new Api());
    }

    public static final class Api {
        public record City(String town) {}

        public int high(City input) {
            return input.town().length();
        }
    }
}
`;

describe('a plugin whose record does not match its declaration', { timeout: 120000 }, () => {
  it('stops startup with exit code 2, naming the component and the declared property', async () => {
    // paddock-api/target holds the jar once the describe above installed it; build it if this runs alone.
    if (!existsSync(API_JAR)) mvn(['package', '-pl', 'paddock-api', '-am']);
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-mismatch-'));
    const bin = path.dirname(JAVA);
    const src = path.join(dir, 'src', 'MismatchedWeather.java');
    mkdirSync(path.dirname(src), { recursive: true });
    writeFileSync(src, MISMATCHED);
    const classes = path.join(dir, 'classes');
    execFileSync(path.join(bin, 'javac'), ['-d', classes, '-cp', API_JAR, src]);
    mkdirSync(path.join(classes, 'META-INF', 'services'), { recursive: true });
    writeFileSync(path.join(classes, 'META-INF', 'services', 'dev.paddock.capability.CapabilityProvider'),
      'com.example.broken.MismatchedWeather\n');
    const jar = path.join(dir, 'mismatched.jar');
    execFileSync(path.join(bin, 'jar'), ['--create', '--file', jar, '-C', classes, '.']);
    const config = path.join(dir, 'paddock.json');
    writeFileSync(config, JSON.stringify({ plugins: [jar], capabilities: { weather: {} } }));

    const { code, stdout, stderr } = await run(JAR, ['--config', config, 'serve']);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /capability 'weather' does not match its declarations/);
    assert.match(stderr, /weather\.high\(input\): City\.town has no declared property, city has no component in City; declared: city/);
    assert.doesNotMatch(stderr, /NullPointerException/);
  });
});
