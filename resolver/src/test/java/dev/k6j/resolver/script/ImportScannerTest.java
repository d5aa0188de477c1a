package dev.k6j.resolver.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.resolver.script.ImportScanner.Import;
import dev.k6j.resolver.script.ImportScanner.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScannerTest {

    private static List<String> specifiers(String source) {
        return ImportScanner.scan(source).stream().map(Import::specifier).toList();
    }

    @Test
    void findsEveryFormOfStaticImportAndReExport() {
        String source = """
                import http from 'k6/http';
                import { check, sleep } from "k6";
                import * as greeting from 'k6/x/greeting';
                import def, { a as b } from './lib/helpers.js';
                import './side-effect.js';
                import data from './data.json' with { type: 'json' };
                import {
                    multi,
                    line,
                } from '../shared/multi.js';
                export { helper } from './reexport.js';
                export * from './star.js';
                export * as ns from './star-as.js';
                export const local = 1;
                export default function () {}
                """;

        assertThat(specifiers(source)).containsExactly("k6/http", "k6", "k6/x/greeting", "./lib/helpers.js",
                "./side-effect.js", "./data.json", "../shared/multi.js", "./reexport.js", "./star.js",
                "./star-as.js");
    }

    @Test
    void findsDynamicImportsAndRequireWithLiteralNames() {
        List<Import> found = ImportScanner.scan("""
                const tcp = require('k6/x/tcp');
                export default async function () {
                    const m = await import('./later.js');
                    const n = await import(`./${name}.js`);
                    const o = require(name);
                }
                """);

        assertThat(found).containsExactly(new Import("k6/x/tcp", Kind.REQUIRE), new Import("./later.js", Kind.DYNAMIC));
    }

    @Test
    void skipsWhatOnlyLooksLikeAnImport() {
        String source = """
                // import a from 'k6/x/in-a-line-comment';
                /* import b from 'k6/x/in-a-block-comment'; */
                const s = "import c from 'k6/x/in-a-string'";
                const t = `import d from 'k6/x/in-a-template' ${ "nested" + `${'deeper'}` } still template`;
                const r = /import e from 'k6\\/x\\/in-a-regex'/g;
                const q = a / b; const w = 'import f from "k6/x/after-a-division"';
                obj.import('k6/x/a-method-called-import');
                console.log(import.meta.url);
                import g from 'k6/x/real';
                """;

        assertThat(specifiers(source)).containsExactly("k6/x/real");
    }

    @Test
    void typeScriptTypeOnlyImportsLoadNothing() {
        String source = """
                import type { Options } from 'k6/options';
                import type Thing from './types.ts';
                export type { Foo } from './foo.ts';
                import { type Bar, baz } from './bar.ts';
                import http from 'k6/http';
                const x: Array<string> = [];
                """;

        assertThat(specifiers(source)).containsExactly("./bar.ts", "k6/http");
    }

    @Test
    void aRegexAfterAKeywordOrOperatorIsNotADivision() {
        String source = """
                function f(x) { return /'/.test(x); }
                const y = x ? /"/ : /`/;
                import z from 'k6/x/after-regexes';
                """;

        assertThat(specifiers(source)).containsExactly("k6/x/after-regexes");
    }
}
