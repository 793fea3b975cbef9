package dev.paddock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small pieces under normalisation: statement candidates, fences, source maps. */
class ScannerAndFenceTest {

    @Test
    void statementStartsSkipStringsCommentsTemplatesAndRegexes() {
        String src = "const a = 'x;y'; // c;\nconst b = `t ${ {a: 1}.a } ;`\nconst r = /;}/g\nf(a, {b: 1}); g()";
        var starts = JsScanner.statementStarts(src);
        assertThat(starts).extracting(i -> JsScanner.tokenAt(src, i)).containsExactly("const", "const", "const", "f", "g");
    }

    @Test
    void aFenceIsDroppedAndLinesStillCountFromTheOriginal() {
        AgentCode code = AgentCode.of("\n```ts\nconst a = 1\nnull.x\n```\n");
        assertThat(code.body()).isEqualTo("const a = 1\nnull.x");
        assertThat(code.originalLine(2)).isEqualTo(4);
        assertThat(code.sourceLine(4)).isEqualTo("null.x");
    }

    @Test
    void codeWithoutAFenceIsUnchanged() {
        AgentCode code = AgentCode.of("const s = '```'");
        assertThat(code.body()).isEqualTo("const s = '```'");
        assertThat(code.linesBefore()).isZero();
    }

    @Test
    void sourceMapsDecodeVlqSegments() {
        // "const x: number = 1; x + 1" transpiled to "const x = 1;\nx + 1;" by TypeScript 5.9.
        SourceMap map = SourceMap.decode("AAAA,MAAM,CAAC,GAAW,CAAC,CAAC;AAAC,CAAC,GAAG,CAAC,CAAA");
        assertThat(map.original(1, 11)).containsExactly(1, 19);
        assertThat(map.original(2, 1)).containsExactly(1, 22);
        assertThat(map.original(3, 1)).isNull();
    }
}
