package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.config.StsEnvironment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No engine runs here, so the image and compose file are checked as files: the image is built from what
 * the tests exercised (the packaged sts.war, the WildFly distribution WildFlyDeploymentTest ran it on and
 * the same configuration script) on a base pinned by version, with a health check; and every environment
 * variable the README documents, or the compose file sets, is one the STS reads.
 */
class DockerImageTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern STS_VARIABLE = Pattern.compile("\\bSTS_[A-Z_]+\\b");

    private static List<String> instructions(String keyword) throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile")).replace("\\\n", " ");
        return dockerfile.lines().map(String::strip).filter(l -> l.startsWith(keyword + " ")).toList();
    }

    @Test
    void dockerfileWhenReadThenBaseImagePinnedToAnExactVersion() throws Exception {
        List<String> from = instructions("FROM");

        assertEquals(1, from.size(), from.toString());
        assertTrue(from.get(0).matches("FROM eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-jre"), from.get(0));
    }

    @Test
    void dockerfileWhenReadThenItCopiesWhatTheTestsRanAndNothingElse() throws Exception {
        Path testedWildFly = Path.of(System.getProperty("sts.wildfly.home")).toAbsolutePath().normalize();
        Path testedScript = Path.of(System.getProperty("sts.wildfly.cli")).toAbsolutePath().normalize();
        Path testedWar = Path.of(System.getProperty("sts.war")).toAbsolutePath().normalize();

        List<Path> copied = new ArrayList<>();
        for (String copy : instructions("COPY")) {
            String[] words = copy.split("\\s+");
            Path source = ROOT.resolve(words[words.length - 2]).normalize();
            assertTrue(Files.exists(source), source + " is produced by the build");
            copied.add(source);
        }

        Path admin = ROOT.resolve("sts-admin/target");
        assertEquals(Set.of(testedWildFly, testedScript, testedWar, admin.resolve("sts-admin.jar"), admin.resolve("lib"),
                ROOT.resolve("docker/sts-admin")), Set.copyOf(copied));
        assertTrue(instructions("RUN").stream().anyMatch(r -> r.contains("jboss-cli.sh --file=/opt/wildfly/bin/configure-sts.cli")),
                "the image runs the configuration script the test ran");
    }

    @Test
    void dockerfileWhenReadThenAHealthCheckAsksStsStatus() throws Exception {
        List<String> healthCheck = instructions("HEALTHCHECK");

        assertEquals(1, healthCheck.size());
        assertTrue(healthCheck.get(0).contains("GET /sts/status") && healthCheck.get(0).contains(" 200 "), healthCheck.get(0));
    }

    @Test
    void composeWhenReadThenMySql8PinnedAndTheImageOfTheDockerfile() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker/compose.yml"));

        assertTrue(Pattern.compile("image: mysql:8\\.\\d+\\.\\d+").matcher(compose).find(), compose);
        assertTrue(compose.contains("dockerfile: docker/Dockerfile"), compose);
        assertTrue(compose.contains("/pack/sts"), compose);
    }

    @Test
    void environmentVariablesWhenDocumentedOrSetThenTheStsReadsThem() throws Exception {
        Set<String> read = variablesTheStsReads();
        Set<String> documented = variables(Files.readString(ROOT.resolve("README.md")));
        Set<String> set = variables(Files.readString(ROOT.resolve("docker/compose.yml"))
                + Files.readString(ROOT.resolve("docker/Dockerfile")));

        assertFalse(documented.isEmpty());
        Set<String> unknown = new TreeSet<>(documented);
        unknown.addAll(set);
        unknown.removeAll(read);
        assertEquals(Set.of(), unknown, "documented or set, but read nowhere");
        Set<String> undocumented = new TreeSet<>(set);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "set by the compose file or image, but not in the README");
    }

    /** The environment names of StsEnvironment's settings, and the ${STS_…} placeholders of the shipped configuration files. */
    private static Set<String> variablesTheStsReads() throws Exception {
        Set<String> read = new TreeSet<>();
        for (Field field : StsEnvironment.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                read.add(((String) field.get(null)).toUpperCase().replace('.', '_'));
            }
        }
        try (Stream<Path> defaults = Files.list(ROOT.resolve("sts-config/src/main/resources/dk/sosi/sts/config/defaults"))) {
            for (Path file : defaults.toList()) {
                Matcher placeholder = Pattern.compile("\\$\\{(STS_[A-Z_]+)").matcher(Files.readString(file));
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                }
            }
        }
        return read;
    }

    private static Set<String> variables(String text) {
        return STS_VARIABLE.matcher(text).results().map(r -> r.group()).collect(Collectors.toCollection(TreeSet::new));
    }
}
