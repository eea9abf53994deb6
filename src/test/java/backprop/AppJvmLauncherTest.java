package backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppJvmLauncherTest {
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

    @Test
    void theAppJvmGetsTheSameOptionsThenTheArchiveThenTheJarAndItsArguments() {
        String[] args = {"-Dprism.order=sw", "-Xmx2g", "-jar", "app.jar", "extra"};
        assertThat(AppJvmLauncher.command(JAVA, args, Path.of("/a/app.jsa"), null)).containsExactly(JAVA,
                "-XX:+IgnoreUnrecognizedVMOptions", "-Dprism.order=sw", "-Xmx2g", "-XX:SharedArchiveFile=/a/app.jsa",
                "-XX:+UseZGC", "-Xms128m", "-XX:Tier4InvocationThreshold=25000", "-XX:Tier4MinInvocationThreshold=3000",
                "-XX:Tier4CompileThreshold=75000", "-XX:Tier4BackEdgeThreshold=200000", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dbackprop.sharedClasses=on", "-jar", "app.jar", "extra");
    }

    @Test
    void mvnJavafxRunGivesTheAppTheLaunchersOptions() throws IOException {
        // pom.xml cannot read the constants: the README's `mvn javafx:run` must not drift from `java -jar`
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        String options = pom.substring(pom.indexOf("<options>", plugin), pom.indexOf("</options>", plugin));
        java.util.List<String> given = java.util.regex.Pattern.compile("<option>([^<]*)</option>").matcher(options)
                .results().map(m -> m.group(1)).toList();
        java.util.List<String> launcher = new java.util.ArrayList<>(java.util.List.of(AppJvmLauncher.COLLECTOR,
                AppJvmLauncher.INITIAL_HEAP));
        launcher.addAll(AppJvmLauncher.LATER_C2);
        assertThat(given).containsExactlyElementsOf(launcher);
    }

    @Test
    void anInitialHeapTheUserGivesWinsOverTheLaunchersSmallOne() {
        for (String option : new String[] {"-Xms1g", "-XX:InitialHeapSize=512m"}) {
            assertThat(AppJvmLauncher.command(JAVA, new String[] {option, "-jar", "app.jar"}, Path.of("a.jsa"), null))
                    .as(option).contains(option).noneMatch(a -> a.equals("-Xms128m"));
        }
        // an option after the jar is the app's argument, not the JVM's
        assertThat(AppJvmLauncher.command(JAVA, new String[] {"-jar", "app.jar", "-Xms1g"}, Path.of("a.jsa"), null))
                .contains("-Xms128m");
    }

    @Test
    void aUserWhoTunesTheCompilerKeepsTheJvmsThresholds() {
        for (String option : new String[] {"-XX:Tier4InvocationThreshold=100", "-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation",
                "-XX:CompileThresholdScaling=2", "-Xint"}) {
            assertThat(AppJvmLauncher.command(JAVA, new String[] {option, "-jar", "app.jar"}, Path.of("a.jsa"), null))
                    .as(option).contains(option).noneMatch(a -> AppJvmLauncher.LATER_C2.contains(a));
        }
        assertThat(AppJvmLauncher.command(JAVA, new String[] {"-Xmx2g", "-jar", "app.jar"}, Path.of("a.jsa"), null))
                .containsAll(AppJvmLauncher.LATER_C2);
    }

    @Test
    void theCommandLineIsReadFromProcsNulSeparatedBytesWithoutTheLaunchersName() {
        byte[] cmdline = "java\0-Dname=Zoë Kim\0-jar\0/home/t/app.jar\0".getBytes(java.nio.charset.Charset.defaultCharset());
        assertThat(AppJvmLauncher.cmdlineArguments(cmdline)).containsExactly("-Dname=Zoë Kim", "-jar", "/home/t/app.jar");
        assertThat(AppJvmLauncher.cmdlineArguments("java\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AppJvmLauncher.cmdlineArguments(new byte[0])).isNull();
        // this JVM's own, read the same way ProcessHandle reads it
        String[] own = AppJvmLauncher.cmdlineArguments(assumeProcCmdline());
        assertThat(own).containsExactly(ProcessHandle.current().info().arguments().orElseThrow());
    }

    private static byte[] assumeProcCmdline() {
        Path proc = Path.of("/proc/self/cmdline");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc), "no /proc here");
        try {
            return Files.readAllBytes(proc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutAnArchiveTheAppJvmWritesOneAtExit() {
        assertThat(AppJvmLauncher.command(JAVA, new String[] {"-jar", "app.jar"}, null, Path.of("/a/app.jsa.7.tmp")))
                .contains("-XX:ArchiveClassesAtExit=/a/app.jsa.7.tmp")
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aUserWhoManagesClassSharingOrTheCollectorOrTurnsItOffOrDebugsIsNotOverruled() {
        for (String option : new String[] {"-Xshare:off", "-XX:SharedArchiveFile=mine.jsa", "-XX:ArchiveClassesAtExit=x.jsa",
                "-Dbackprop.sharedClasses=off", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:profiler.jar", "-agentpath:/opt/p/libagent.so", "-Xdebug", "-XX:+UseG1GC", "-XX:+UseSerialGC"}) {
            assertThat(AppJvmLauncher.command(JAVA, new String[] {option, "-jar", "app.jar"}, Path.of("a.jsa"), null))
                    .as(option).isNull();
        }
    }

    @Test
    void onlyAJvmStartedWithDashJarIsRelaunched(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        assertThat(AppJvmLauncher.jarOf(new String[] {"-Dx=1", "-jar", jar.toString()})).isEqualTo(jar);
        // a main class (mvn javafx:run, tests, an IDE), a missing jar, "-jar" without one
        assertThat(AppJvmLauncher.jarOf(new String[] {"-cp", "classes", "backprop.Main"})).isNull();
        assertThat(AppJvmLauncher.jarOf(new String[] {"backprop.Main", "-jar", jar.toString()})).isNull();
        assertThat(AppJvmLauncher.jarOf(new String[] {"-jar", dir.resolve("gone.jar").toString()})).isNull();
        assertThat(AppJvmLauncher.jarOf(new String[] {"-jar"})).isNull();
        assertThat(AppJvmLauncher.command(JAVA, new String[] {"-cp", "x", "backprop.Main"}, null, null)).isNull();
    }

    @Test
    void theArchiveSitsNextToTheJarNamedForTheJvmBuild(@TempDir Path dir) {
        Path jar = dir.resolve("backprop-visualizer.jar");
        assertThat(AppJvmLauncher.archiveFor(jar, "17.0.15+6-Debian-1deb12u1"))
                .isEqualTo(dir.resolve("backprop-visualizer-17.0.15+6-Debian-1deb12u1.jsa"));
        assertThat(AppJvmLauncher.archiveFor(jar, "17 (odd/build)").getFileName().toString())
                .isEqualTo("backprop-visualizer-17__odd_build_.jsa");
    }

    @Test
    void aReadOnlyJarDirectoryKeepsItsArchiveElseTheUsersCacheHoldsOne(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "backprop-visualizer", "app-17.jsa");
        assertThat(AppJvmLauncher.archiveFor(jar, "17", d -> false)).isEqualTo(cache);
        Files.createFile(dir.resolve("app-17.jsa")); // written by mvn package
        assertThat(AppJvmLauncher.archiveFor(jar, "17", d -> false)).isEqualTo(dir.resolve("app-17.jsa"));
    }

    @Test
    void anArchiveOlderThanTheJarOrEmptyIsWrittenAgain(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("app.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T10:00:00Z")));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T11:00:00Z")));
        assertThat(AppJvmLauncher.isFresh(archive, jar)).isTrue();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T12:00:00Z"))); // rebuilt
        assertThat(AppJvmLauncher.isFresh(archive, jar)).isFalse();
        assertThat(AppJvmLauncher.isFresh(dir.resolve("none.jsa"), jar)).isFalse();
        Files.writeString(archive, "");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T13:00:00Z")));
        assertThat(AppJvmLauncher.isFresh(archive, jar)).isFalse();
    }
}
