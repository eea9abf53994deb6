package backprop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the app in a second JVM with the options a jar cannot ask for. (1) It maps the app's classes
 * from a class-data-sharing archive (AppCDS, {@code -XX:SharedArchiveFile}) instead of loading and
 * verifying some 4,000 of them from the jar: the first frame comes ~0.4–0.5 s sooner on a two-core
 * machine. (2) It collects garbage with ZGC, whose pauses stay under a millisecond: G1's young pauses
 * copy what a new graph keeps (~25 MB of cached text bitmaps for 200 nodes) and took 17–45 ms, longer
 * than a frame (docs/benchmarks.md). (3) It starts ZGC with a 128 MB heap instead of the default
 * sixty-fourth of memory: ZGC commits (zeroes) the initial heap before {@code main}, ~0.3 ms per MB,
 * 110 ms for the 378 MB a 24 GB machine gets, and the first frame needs ~80 MB; the heap still grows
 * as the app needs it. (4) It lets methods reach C2, the optimising compiler, five times later than
 * the JVM's defaults: with the defaults C2 spends 0.55–0.76 s of CPU on ~150 methods before the first
 * frame, one of the two cores for most of the start, with these ~0.25 s on ~100; the first frame comes
 * ~0.1–0.2 s sooner, and hot loops (training, drawing) still reach C2 within moments.
 * {@code java -jar} starts this small launcher, which starts the app's JVM with the same options plus
 * these, and waits for it. {@code mvn package} writes the archive
 * next to the jar (pom.xml, exec-maven-plugin); a launch that finds none for its JVM build, or one
 * older than the jar, writes it when the app exits.
 *
 * <p>Nothing is relaunched when the JVM was not started as {@code java [options] -jar <this jar>}
 * (tests, an IDE; {@code mvn javafx:run} passes the collector itself), when its options already manage
 * class sharing or choose a collector (an archive only maps into a JVM with the heap layout it was
 * written with), or with {@code -Dbackprop.sharedClasses=off}; then the app starts in this JVM.
 */
final class AppJvmLauncher {
    /** Set on the app's JVM (and by a user to "off"): no further relaunch. */
    static final String PROPERTY = "backprop.sharedClasses";
    private static final String PROPERTY_OPTION = "-Dbackprop.sharedClasses=";
    /** The app JVM's collector; the archive {@code mvn package} writes (pom.xml) is made under it too. */
    static final String COLLECTOR = "-XX:+UseZGC";
    /** The app JVM's initial heap, unless the user gives one: see the class comment, (3). */
    static final String INITIAL_HEAP = "-Xms128m";
    /**
     * The app JVM's thresholds for C2 (see the class comment, (4)): the defaults' invocation, minimum
     * invocation, compile (invocations plus loop iterations) and back-edge counts, each times five.
     */
    static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=25000",
            "-XX:Tier4MinInvocationThreshold=3000", "-XX:Tier4CompileThreshold=75000", "-XX:Tier4BackEdgeThreshold=200000");
    /** An app JVM that fails sooner than this never showed a window (its first frame takes about a second). */
    private static final long FAILED_START_NANOS = 1_500_000_000L;

    private AppJvmLauncher() {
    }

    /**
     * Starts the app in a JVM with the archive and waits for it.
     *
     * @return its exit code, or empty when the app should start in this JVM
     */
    static Optional<Integer> relaunch() {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        // the app's JVM starts before this one sets up anything it does not need for that: no lambda, no
        // string concatenation, no ProcessHandle (their method-handle set-up put the app's JVM's start
        // 19-26 ms after main, now 6-16 ms: -Xlog:class+load, docs/benchmarks.md)
        String java = javaCommand();
        String[] arguments = arguments();
        if (java == null || arguments == null) {
            return Optional.empty();
        }
        Path jar = jarOf(arguments);
        if (jar == null) {
            return Optional.empty();
        }
        Path archive = archiveFor(jar, System.getProperty("java.vm.version"));
        boolean fresh = isFresh(archive, jar);
        Path dump = fresh ? null : archive.resolveSibling(archive.getFileName().toString().concat(".")
                .concat(Long.toString(System.nanoTime())).concat(".tmp"));
        List<String> command = command(java, arguments, fresh ? archive : null, dump);
        if (command == null) {
            return Optional.empty();
        }
        Process app;
        try {
            Files.createDirectories(archive.getParent());
            app = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // start here, without the archive
        }
        Thread stopApp = new Thread(app::destroy, "stop-app");
        Runtime.getRuntime().addShutdownHook(stopApp);
        long started = System.nanoTime();
        int code;
        try {
            code = app.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.destroy();
            return Optional.of(1);
        }
        if (dump != null) {
            keep(dump, archive, code == 0); // an app killed while writing may leave half an archive
        }
        if (code != 0 && System.nanoTime() - started < FAILED_START_NANOS) {
            // the second JVM did not come up (it prints why): the app starts here, as without the launcher
            Runtime.getRuntime().removeShutdownHook(stopApp);
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /**
     * The app JVM's command line: this JVM's options, then the archive to map ({@code use}) or to
     * write at exit ({@code dump}) and the collector, then the rest as given. Null when the options
     * already manage class sharing or choose a collector (the user's choice wins) or the arguments are
     * not {@code [options] -jar jar ...}.
     */
    static List<String> command(String java, String[] arguments, Path use, Path dump) {
        int jarAt = jarFlagIndex(arguments);
        if (jarAt < 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(java);
        // a JVM without the class-sharing options must still open the app (HotSpot refuses unknown ones)
        out.add("-XX:+IgnoreUnrecognizedVMOptions");
        // the user's own class sharing or collector wins (an archive maps only into the heap layout it was
        // written under); a debugger or profiler agent belongs to the JVM it was started with (a second one
        // would also try to open the debugger's port, and fail)
        if (givesOption(arguments, jarAt, "-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", PROPERTY_OPTION,
                "-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp", "-Xdebug")) {
            return null;
        }
        for (int k = 0; k < jarAt; k++) {
            if (choosesCollector(arguments[k])) {
                return null;
            }
            out.add(arguments[k]);
        }
        if (use != null) {
            out.add("-XX:SharedArchiveFile=".concat(use.toString()));
        } else if (dump != null) {
            out.add("-XX:ArchiveClassesAtExit=".concat(dump.toString()));
        }
        out.add(COLLECTOR);
        if (!givesOption(arguments, jarAt, "-Xms", "-XX:InitialHeapSize")) {
            out.add(INITIAL_HEAP);
        }
        if (!givesOption(arguments, jarAt, "-XX:Tier", "-XX:-Tiered", "-XX:CompileThreshold", "-Xint", "-Xcomp")) {
            out.addAll(LATER_C2);
        }
        // an archive of another JDK build, or a dump that skips a class, is not the user's concern
        out.add("-Xlog:cds=off");
        out.add("-Xlog:cds+dynamic=off");
        out.add(PROPERTY_OPTION.concat("on"));
        for (int k = jarAt; k < arguments.length; k++) {
            out.add(arguments[k]);
        }
        return out;
    }

    /** Whether the JVM options (before {@code -jar}) hold one starting with any of these: the user's choice wins. */
    private static boolean givesOption(String[] arguments, int jarAt, String... prefixes) {
        for (int k = 0; k < jarAt; k++) {
            for (String prefix : prefixes) {
                if (arguments[k].startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** The java launcher running this JVM. */
    private static String javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse(null);
    }

    /** This JVM's command line after the launcher's name: from /proc where there is one, else from ProcessHandle. */
    private static String[] arguments() {
        try {
            return cmdlineArguments(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().arguments().orElse(null);
        }
    }

    /**
     * The arguments in the bytes of /proc/self/cmdline (each ends with a NUL; the first is the launcher's
     * name, left out, as {@link ProcessHandle.Info#arguments()} leaves it out); null when there are none.
     */
    static String[] cmdlineArguments(byte[] cmdline) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < cmdline.length; k++) {
            if (cmdline[k] == 0) {
                parts.add(new String(cmdline, start, k - start, java.nio.charset.Charset.defaultCharset()));
                start = k + 1;
            }
        }
        if (start < cmdline.length) {
            parts.add(new String(cmdline, start, cmdline.length - start, java.nio.charset.Charset.defaultCharset()));
        }
        return parts.isEmpty() ? null : parts.subList(1, parts.size()).toArray(new String[0]);
    }

    /** The jar of {@code [options] -jar jar}, when it exists; null otherwise. */
    static Path jarOf(String[] arguments) {
        int at = jarFlagIndex(arguments);
        if (at < 0) {
            return null;
        }
        Path jar = Path.of(arguments[at + 1]).toAbsolutePath();
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static int jarFlagIndex(String[] arguments) {
        for (int k = 0; k < arguments.length; k++) {
            if (arguments[k].equals("-jar")) {
                return k + 1 < arguments.length ? k : -1;
            }
            if (!arguments[k].startsWith("-")) {
                return -1; // a main class: not started as a jar
            }
        }
        return -1;
    }

    /**
     * Next to the jar, named for the JVM build (an archive only works with the build that wrote it);
     * in the user's cache directory when the jar's directory cannot be written and holds none.
     */
    static Path archiveFor(Path jar, String vmVersion) {
        return archiveFor(jar, vmVersion, new java.util.function.Predicate<>() { // not a method reference: see relaunch()
            @Override
            public boolean test(Path dir) {
                return Files.isWritable(dir);
            }
        });
    }

    static Path archiveFor(Path jar, String vmVersion, java.util.function.Predicate<Path> writable) {
        String jarName = jar.getFileName().toString();
        String base = jarName.endsWith(".jar") ? jarName.substring(0, jarName.length() - 4) : jarName;
        StringBuilder name = new StringBuilder(base).append('-');
        for (char c : vmVersion.toCharArray()) { // no regex: the launcher loads as few classes as it can
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '+' || c == '-' ? c : '_');
        }
        name.append(".jsa");
        Path dir = jar.getParent();
        if (dir != null && (writable.test(dir) || Files.isRegularFile(dir.resolve(name.toString())))) {
            return dir.resolve(name.toString());
        }
        return Path.of(System.getProperty("user.home"), ".cache", "backprop-visualizer").resolve(name.toString());
    }

    /** An archive written after the jar was (a rebuilt jar makes it useless). */
    static boolean isFresh(Path archive, Path jar) {
        try {
            return Files.size(archive) > 0 && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The archive the app's JVM wrote at exit, moved into place in one step (two apps may exit
     * together) when the app ended normally; deleted otherwise.
     */
    private static void keep(Path dump, Path archive, boolean complete) {
        try {
            if (complete && Files.isRegularFile(dump) && Files.size(dump) > 0) {
                Files.createDirectories(archive.getParent());
                Files.move(dump, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time: the next launch writes one
        } finally {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // a stale temporary file does no harm
            }
        }
    }
}
