import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findJava, isJavaProblem, parseJavaVersion } from '../src/java/javaDiscovery';

const JDK17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)';
const JDK8 = 'openjdk version "1.8.0_392"\nOpenJDK Runtime Environment';
const JDK21 = 'openjdk version "21" 2023-09-19';

/** A machine with these java executables and their `java -version` texts. */
function machine(javas: Record<string, string | undefined>, env: Record<string, string>, settingHome?: string) {
  return {
    settingHome, env, platform: 'linux',
    isFile: (p: string) => p in javas,
    versionText: (p: string) => javas[p],
  };
}

test('versions of every numbering scheme', () => {
  assert.equal(parseJavaVersion(JDK17), 17);
  assert.equal(parseJavaVersion(JDK8), 8);
  assert.equal(parseJavaVersion(JDK21), 21);
  assert.equal(parseJavaVersion('java version "11.0.2" 2019-01-15 LTS'), 11);
  assert.equal(parseJavaVersion('openjdk 22-ea 2024-03-19'), 22);
  assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
});

test('the setting comes first, then JAVA_HOME, then PATH', () => {
  const javas = { '/opt/jdk21/bin/java': JDK21, '/usr/lib/jvm/17/bin/java': JDK17, '/usr/bin/java': JDK17 };
  const env = { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/local/bin:/usr/bin' };
  assert.deepEqual(findJava(machine(javas, env, '/opt/jdk21/')), { executable: '/opt/jdk21/bin/java', version: 21, source: 'setting' });
  assert.deepEqual(findJava(machine(javas, env)), { executable: '/usr/lib/jvm/17/bin/java', version: 17, source: 'JAVA_HOME' });
  assert.deepEqual(findJava(machine(javas, { PATH: '/usr/local/bin:/usr/bin' })), { executable: '/usr/bin/java', version: 17, source: 'PATH' });
});

test('a broken setting is reported, not passed over: the user chose it', () => {
  const r = findJava(machine({ '/usr/bin/java': JDK17 }, { PATH: '/usr/bin' }, '/opt/gone'));
  assert.ok(isJavaProblem(r));
  assert.match(r.message, /llgoFrames\.java\.home \(\/opt\/gone\) has no \/opt\/gone\/bin\/java/);
  const old = findJava(machine({ '/opt/jdk8/bin/java': JDK8, '/usr/bin/java': JDK17 }, { PATH: '/usr/bin' }, '/opt/jdk8'));
  assert.ok(isJavaProblem(old));
  assert.match(old.message, /is Java 8; LLGo Frames needs 17 or newer/);
});

test('an old JAVA_HOME falls through to PATH, and is named when PATH has nothing better', () => {
  const javas = { '/usr/lib/jvm/8/bin/java': JDK8, '/usr/bin/java': JDK17 };
  assert.equal((findJava(machine(javas, { JAVA_HOME: '/usr/lib/jvm/8', PATH: '/usr/bin' })) as { source: string }).source, 'PATH');
  const r = findJava(machine({ '/usr/lib/jvm/8/bin/java': JDK8 }, { JAVA_HOME: '/usr/lib/jvm/8', PATH: '/usr/bin' }));
  assert.ok(isJavaProblem(r));
  assert.match(r.message, /\/usr\/lib\/jvm\/8\/bin\/java from JAVA_HOME \(\/usr\/lib\/jvm\/8\) is Java 8; LLGo Frames needs 17 or newer/);
  assert.match(r.message, /llgoFrames\.java\.home/); // the fix is in the message
});

test('no Java anywhere gives the fix, not a stack trace', () => {
  const r = findJava(machine({}, { PATH: '/usr/bin:/bin' }));
  assert.ok(isJavaProblem(r));
  assert.match(r.message, /needs Java 17 or newer and found none/);
  assert.match(r.message, /Install a JDK 17 or newer/);
});

test('the first java on PATH is the one the shell would run; when it does not start, say so', () => {
  const r = findJava(machine({ '/a/java': undefined, '/b/java': JDK17 }, { PATH: '/a:/b' }));
  assert.ok(isJavaProblem(r));
  assert.match(r.message, /\/a\/java from PATH did not run/);
});
