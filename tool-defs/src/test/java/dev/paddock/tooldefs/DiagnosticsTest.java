package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is reported where it was written, all of it in one run, and nothing is silently dropped. */
class DiagnosticsTest {

    static List<Diagnostic> errors(String source) {
        return catchThrowableOfType(DeclarationException.class, () -> ToolDefs.compile("api.d.ts", source, "api", ToolNaming.DEFAULT)).diagnostics();
    }

    @Test
    void anErrorNamesFileLineAndColumnAndPointsAtTheSourceLine() {
        String source = """
                export interface Api {
                  get(id: string): Promise<keyof Foo>;
                }
                """;

        Diagnostic d = errors(source).getFirst();

        assertThat(d.format()).isEqualTo("""
                api.d.ts:2:28: 'keyof' is not supported: write the keys as a union of string literals
                  get(id: string): Promise<keyof Foo>;
                                           ^""");
    }

    @Test
    void everyErrorInAFileIsReportedInOneRun() {
        String source = """
                export interface Api {
                  a(x: string): Promise<T extends string ? 1 : 2>;
                  b(x: { [K in Keys]: string }): Promise<void>;
                  c(x: number): Promise<void>;
                }
                class Nope {}
                export type Ok = { fine: string };
                export type Bad = `prefix-${string}`;
                export interface More {
                  d(x: Missing): Promise<void>;
                }
                """;

        List<Diagnostic> errors = errors(source);

        assertThat(errors).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "2:27 conditional types are not supported",
                "3:10 mapped types are not supported: use Record<K, V> or an index signature",
                "6:1 classes are not supported: declare an interface",
                "8:19 template literal types are not supported: use string with @pattern",
                "10:8 unknown type 'Missing'");
    }

    @Test
    void referencesThatDoNotResolveAreReportedOnceTheSyntaxIsClean() {
        List<Diagnostic> errors = errors("""
                export interface Api {
                  d(x: Missing): Promise<Page>;
                  e(when: Date): Promise<void>;
                }
                type Page<T> = { items: T[] };
                """);

        assertThat(errors).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "2:8 unknown type 'Missing'",
                "2:26 'Page' takes 1 type argument, found 0",
                "3:11 unknown type 'Date': JSON has no dates, use string with @format date-time");
    }

    @Test
    void jsDocTagErrorsAndTypeErrorsAreReportedInOneRunInSourceOrder() {
        List<Diagnostic> errors = errors("""
                export interface Api {
                  f(x: { /** @maximum 9 */ name: string }): Promise<void>;
                  g(cb: () => void): Promise<void>;
                  h(x: { /** @minimum ten */ n: number }): Promise<Date>;
                  k(page: Page): Promise<void>;
                }
                type Page<T> = { items: T[] };
                """);

        // Not also: 'T' as an unknown type inside Page, which only follows from Page's missing argument.
        assertThat(errors).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "2:28 @maximum constrains numbers, but this value is string",
                "3:9 function types cannot be passed as JSON: only methods of the tool interface can be functions",
                "4:14 @minimum needs a number, got 'ten'",
                "4:52 unknown type 'Date': JSON has no dates, use string with @format date-time",
                "5:11 'Page' takes 1 type argument, found 0");
    }

    @Test
    void eachParameterAndFieldOfOneToolIsCheckedOnItsOwn() {
        List<Diagnostic> errors = errors("""
                export interface Api {
                  /**
                   * @minimum 1
                   * @param nobody who?
                   */
                  f(x: { /** @maximum 9 */ name: string; cb: () => void }, y: Promise<string>): Promise<{ done: () => void }>;
                }
                """);

        assertThat(errors).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "6:3 @minimum in the JSDoc of method 'f' constrains nothing: write it in the JSDoc of the property it "
                        + "constrains (take an object parameter to document each field)",
                "6:3 @param nobody: 'f' has no parameter 'nobody'",
                "6:28 @maximum constrains numbers, but this value is string",
                "6:42 'cb' is a function: functions cannot be passed as JSON",
                "6:63 Promise<T> is allowed only as a method's return type",
                "6:91 'done' is a function: functions cannot be passed as JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            export interface Api { f(x: string): Promise<typeof x>; }           | 1:46 | 'typeof' types are not supported
            export interface Api { f(x: Obj['a']): Promise<void>; }             | 1:32 | indexed access types (T[K]) are not supported
            export interface Api { f<T>(x: T): Promise<void>; }                 | 1:25 | generic methods are not supported
            export interface Api { (x: string): Promise<void>; }                | 1:24 | call signatures are not supported: give the method a name
            export interface Api { new (x: string): Api; }                      | 1:24 | construct signatures are not supported
            export interface Api { get size(): number; }                        | 1:24 | accessors are not supported: declare a property
            export type Box<T extends object> = { value: T };                   | 1:19 | generic constraints are not supported: drop 'extends ...'
            export type Box<T = string> = { value: T };                         | 1:19 | type parameter defaults are not supported
            declare function go(): void;                                        | 1:9  | top-level functions are not supported: declare methods in an interface or a 'declare const'
            declare namespace ns { }                                            | 1:9  | namespaces and modules are not supported: declare types at the top level
            import { X } from './x';                                            | 1:1  | imports are not supported: put every declaration in this file
            export default interface Api { }                                    | 1:8  | 'export default' is not supported: export named declarations
            export { Api }; interface Api { f(): Promise<void>; }               | 1:8  | export lists are not supported: export each declaration itself
            export interface Api { f(x): Promise<void>; }                       | 1:26 | parameter 'x' needs a type: x: T
            export interface Api { f(x: bigint): Promise<void>; }               | 1:29 | 'bigint' cannot be represented in JSON: use string or number
            export interface Api { f(cb: (x: string) => void): Promise<void>; } | 1:30 | function types cannot be passed as JSON: only methods of the tool interface can be functions
            export interface Api { f(x: string): Promise<void>; name: string; } | 1:53 | 'name' in 'Api' is not a method: tools are methods; declare data in a separate type
            export interface Api { f(x: A & string): Promise<void>; } type A = { a: string }; | 1:29 | intersections and 'extends' are supported between object types only
            export interface Api { f(x: Pick<A, 'b'>): Promise<void>; } type A = { a: string }; | 1:29 | Pick: 'b' is not a property of the picked type
            export interface Api { f(x: string, x2: undefined): Promise<void>; } | 1:37 | 'undefined' has no JSON value: use it only in an optional property's union or as a return type
            export interface Data { value: string; }                            | 1:41 | no tools declared: add an exported interface with methods, or 'declare const ns: { method(input: {...}): Promise<Result> }'
            export interface Api { f(x: string): Promise<void>; f(y: string): Promise<void>; } | 1:53 | method 'f' is declared twice (overloads are not supported: declare one signature)
            export interface Api { f(x: string): Promise<void> } type Api = {}; | 1:59 | 'Api' is declared twice
            export interface Api { /** @minimum ten */ f(x: string): Promise<void>; } | 1:28 | @minimum needs a number, got 'ten'
            export interface Api { f(x: "unterminated): Promise<void>; }        | 1:29 | unterminated string: add the closing "
            export type { Api }; interface Api { f(): Promise<void>; }          | 1:8  | export lists are not supported: export each declaration itself
            export * from './x'; interface Api { f(): Promise<void>; }          | 1:8  | re-exports and 'export =' are not supported: put every declaration in this file and export it
            export enum Bits { A = 1 << 0 } interface Api { f(): Promise<void>; } | 1:26 | computed enum values are not supported: write the resulting string or number literal
            export interface Api { f(x: unknown): x is string; }                | 1:39 | type predicates are not supported: return boolean
            export interface Api { f(x: 10n): Promise<void>; }                  | 1:29 | bigint literals cannot be represented in JSON: use a number
            export interface Api { f(x: string = "a"): Promise<void>; }         | 1:36 | default values are not supported in declarations: mark the parameter optional with '?'
            export interface Api { f(x: { [key]: string }): Promise<void>; }    | 1:31 | computed property names are not supported
            export interface Api { f(x: Color.Red): Promise<void>; } type Color = "red"; | 1:29 | qualified names (A.B) are not supported except for enum members: 'Color' is not an enum declared in this file
            export interface Api { f(x: Color.Blue): Promise<void>; } enum Color { Red } | 1:29 | enum 'Color' has no member 'Blue'
            export interface Api { f(x: A.B.C): Promise<void>; }                | 1:32 | qualified names (A.B.C) are not supported: refer to top-level declarations
            export interface Api { f(x: { a: string; a: number }): Promise<void>; } | 1:42 | 'a' is declared twice in this object type
            export interface Api { f(a: string, a: number): Promise<void>; }    | 1:37 | parameter 'a' is declared twice
            export interface Api { f(x: { /** @maximum 9 */ name: string }): Promise<void>; } | 1:49 | @maximum constrains numbers, but this value is string
            export interface Api { f(/** @minItems 1 */ tags: string): Promise<void>; } | 1:45 | @minItems constrains arrays, but this value is string
            export interface Api { /** @minimum 1 */ f(n: number): Promise<void>; } | 1:42 | @minimum in the JSDoc of method 'f' constrains nothing: write it in the JSDoc of the property it constrains (take an object parameter to document each field)
            export interface Api { /** @param m x */ f(n: number): Promise<void>; } | 1:42 | @param m: 'f' has no parameter 'm'
            export interface Api { /** @param q.nme x */ f(q: { name: string }): Promise<void>; } | 1:46 | @param q.nme names no field of 'q' (a field of a named type is documented in that type's declaration)
            """)
    void unsupportedConstructsAreErrorsAtTheirColumn(String source, String position, String message) {
        Diagnostic d = errors(source).getFirst();

        assertThat(d.line() + ":" + d.column()).isEqualTo(position);
        assertThat(d.message()).isEqualTo(message);
    }

    @Test
    void recoveryReportsEachProblemOnceWithoutFollowOnErrors() {
        List<Diagnostic> errors = errors("""
                import type { Readable } from "stream";
                declare function configure(type: string, module: string): void;
                export abstract class Client { get(): string }
                export type Greeting = `it's ${string}`;
                export enum Flags { A = 1 << 0, B = 1 << 1 }
                export interface Api {
                  a(x: "broken): Promise<void>;
                  b(g: Greeting): Promise<void>;
                }
                """);

        // Not also: 'type' taken for a declaration, 'class' after 'abstract', the apostrophe as a string,
        // 'Greeting' as an unknown type, or the interface's '}' eaten by the broken member.
        assertThat(errors).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "1:1 imports are not supported: put every declaration in this file",
                "2:9 top-level functions are not supported: declare methods in an interface or a 'declare const'",
                "3:8 classes are not supported: declare an interface",
                "4:24 template literal types are not supported: use string with @pattern",
                "5:27 computed enum values are not supported: write the resulting string or number literal",
                "5:39 computed enum values are not supported: write the resulting string or number literal",
                "7:8 unterminated string: add the closing \"");
    }

    @Test
    void aByteOrderMarkDoesNotShiftColumns() {
        Diagnostic d = errors("\uFEFFexport interface Api { f(x: Date): Promise<void> }\n").getFirst();

        assertThat(d.format()).isEqualTo("""
                api.d.ts:1:29: unknown type 'Date': JSON has no dates, use string with @format date-time
                export interface Api { f(x: Date): Promise<void> }
                                            ^""");
    }

    @Test
    void aProblemInATypeSharedByTwoToolsIsReportedOnce() {
        assertThat(errors("""
                export interface Api { a(x: Shared): Promise<void>; b(y: Shared): Promise<Shared>; }
                type Shared = { name: string; callback: () => void };
                """)).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "2:31 'callback' is a function: functions cannot be passed as JSON");
    }

    @Test
    void aMissingSemicolonOrBraceSaysWhatWasExpectedAndWhere() {
        List<Diagnostic> errors = errors("""
                export interface Api {
                  f(x: string: Promise<void>;
                }
                """);

        assertThat(errors.getFirst().format()).startsWith("api.d.ts:2:14: expected ')' after the parameters, found ':'");
    }

    @Test
    void theExceptionMessageHoldsEveryFormattedDiagnostic() {
        var e = catchThrowableOfType(DeclarationException.class, () -> ToolDefs.compile("x.d.ts", "class A {}\nclass B {}\n", "x", ToolNaming.DEFAULT));

        assertThat(e.getMessage()).contains("x.d.ts:1:1:", "x.d.ts:2:1:");
        assertThat(e.diagnostics()).hasSize(2);
    }
}
