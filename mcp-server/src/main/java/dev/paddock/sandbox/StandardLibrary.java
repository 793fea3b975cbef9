package dev.paddock.sandbox;

/**
 * What agent code can use besides the JavaScript language itself, as TypeScript declarations for the
 * {@code execute} tool's description. The implementation is the prelude (the files under
 * {@code prelude/}, installed by {@code GuestRuntime}) and GraalJS's own TextEncoder and TextDecoder.
 */
public final class StandardLibrary {

    /** The standard library in declaration form, compact enough to put in a tool description. */
    public static final String DECLARATIONS = """
            // Standard library (ES2024 built-ins plus these; no require, process or fs; fetch is under Network)
            declare const console: {
              /** Captured in order with their level and returned with the result. Objects print like Node. */
              log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void;
              error(...data: unknown[]): void; debug(...data: unknown[]): void; dir(value: unknown): void;
              assert(condition: unknown, ...data: unknown[]): void; trace(...data: unknown[]): void;
              table(data: unknown): void; count(label?: string): void; countReset(label?: string): void;
              time(label?: string): void; timeLog(label?: string, ...data: unknown[]): void; timeEnd(label?: string): void;
            };
            /** Timers run only while the call runs: pending ones are dropped when it returns. */
            declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
            declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
            declare function clearTimeout(id?: number): void;
            declare function clearInterval(id?: number): void;
            declare function queueMicrotask(callback: () => void): void;
            declare function structuredClone<T>(value: T): T;
            declare function atob(base64: string): string;
            declare function btoa(latin1: string): string;
            declare const performance: { now(): number; readonly timeOrigin: number };
            declare const crypto: {
              randomUUID(): string;
              getRandomValues<T extends Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array
                | Int32Array | Uint32Array | BigInt64Array | BigUint64Array>(array: T): T;
            };
            declare class TextEncoder {
              readonly encoding: "utf-8";
              encode(input?: string): Uint8Array;
              encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
            }
            declare class TextDecoder {
              constructor(label?: "utf-8", options?: { fatal?: boolean; ignoreBOM?: boolean });
              readonly encoding: "utf-8";
              decode(input?: ArrayBuffer | ArrayBufferView): string;
            }
            declare class URLSearchParams implements Iterable<[string, string]> {
              constructor(init?: string | Record<string, string> | Iterable<[string, string]> | URLSearchParams);
              readonly size: number;
              append(name: string, value: string): void; delete(name: string, value?: string): void;
              get(name: string): string | null; getAll(name: string): string[];
              has(name: string, value?: string): boolean; set(name: string, value: string): void; sort(): void;
              forEach(callback: (value: string, name: string, params: URLSearchParams) => void): void;
              entries(): IterableIterator<[string, string]>; keys(): IterableIterator<string>;
              values(): IterableIterator<string>; [Symbol.iterator](): IterableIterator<[string, string]>;
              toString(): string;
            }
            declare class URL {
              constructor(url: string | URL, base?: string | URL);
              static canParse(url: string | URL, base?: string | URL): boolean;
              href: string; readonly origin: string; protocol: string; username: string; password: string;
              host: string; hostname: string; port: string; pathname: string; search: string; hash: string;
              readonly searchParams: URLSearchParams;
              toString(): string; toJSON(): string;
            }
            """;

    private StandardLibrary() {}
}
