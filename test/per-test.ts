// A value a describe block's tests share, computed afresh before each test (beforeEach) instead
// of once while the file is collected. Code that runs at collection belongs to no test: mutation
// testing (`npm run mutate`, Stryker's per-test coverage) would then count every mutant in it as
// "static" and run the whole related suite for each one, instead of the few tests that read it.
import { beforeEach } from 'vitest';

/** A stand-in for `make()`'s result that reads the value made for the running test. */
export function perTest<T extends object>(make: () => T): T {
  let value: T | undefined;
  beforeEach(() => {
    value = make();
  });
  const current = (): T => {
    if (value === undefined) throw new Error('perTest: read outside a test (in a describe body or an it.each table?)');
    return value;
  };
  return new Proxy(Object.create(null) as T, {
    get: (_target, p) => {
      const v = current();
      const x: unknown = Reflect.get(v, p, v);
      return typeof x === 'function' ? x.bind(v) : x;
    },
    has: (_target, p) => Reflect.has(current(), p),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, p) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), p);
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(current()),
  });
}
