package dev.paddock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What each package may import, as docs/architecture.md states it, checked on the compiled classes: the
 * lower layers (sandbox, transport, capability, egress, config) know nothing of the MCP server above them.
 */
class PackageRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paddock");

    @Test
    void theSandboxKnowsNoOtherPartOfPaddock() {
        noClasses().that().resideInAPackage("dev.paddock.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.capability..", "dev.paddock.egress..",
                        "dev.paddock.server..", "dev.paddock.transport..", "dev.paddock.config..", "dev.paddock.cli..",
                        "dev.paddock.tooldefs..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
                .check(MAIN);
    }

    @Test
    void transportsKnowOnlyTheProtocol() {
        noClasses().that().resideInAPackage("dev.paddock.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.sandbox..", "dev.paddock.capability..",
                        "dev.paddock.egress..", "dev.paddock.server..", "dev.paddock.config..", "dev.paddock.cli..")
                .check(MAIN);
    }

    @Test
    void capabilitiesKnowNeitherTheSandboxNorTheServer() {
        noClasses().that().resideInAPackage("dev.paddock.capability..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.sandbox..", "dev.paddock.egress..",
                        "dev.paddock.server..", "dev.paddock.transport..", "dev.paddock.config..", "dev.paddock.cli..",
                        "dev.paddock.upstream..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol.server..",
                        "io.modelcontextprotocol.spec.McpServer..")
                .check(MAIN);
    }

    @Test
    void egressIsACapabilityAndNothingMore() {
        noClasses().that().resideInAPackage("dev.paddock.egress..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.sandbox..", "dev.paddock.server..",
                        "dev.paddock.transport..", "dev.paddock.config..", "dev.paddock.cli..", "io.modelcontextprotocol..")
                .check(MAIN);
    }

    @Test
    void upstreamsAreCapabilitiesOnTheSdksClient() {
        noClasses().that().resideInAPackage("dev.paddock.upstream..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.sandbox..", "dev.paddock.egress..",
                        "dev.paddock.server..", "dev.paddock.transport..", "dev.paddock.config..", "dev.paddock.cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol.server..",
                        "io.modelcontextprotocol.spec.McpServer..")
                .check(MAIN);
    }

    @Test
    void configKnowsOnlyTheLimitsItReads() {
        noClasses().that().resideInAPackage("dev.paddock.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paddock.capability..", "dev.paddock.egress..",
                        "dev.paddock.server..", "dev.paddock.transport..", "dev.paddock.cli..", "dev.paddock.upstream..",
                        "io.modelcontextprotocol..")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.paddock.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.paddock.cli..")
                .check(MAIN);
    }
}
