package dev.redoubt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/bin/redoubt, run by sh on a stand-in jar that prints the JVM options it was given and exits with the code
 * it is asked for: the options per kind of command, the class-data-sharing archive made by the first run and used by the
 * next, and that an archive that cannot be made or used never changes what the command prints or its exit code.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("packaging/bin/redoubt").toAbsolutePath();

    @TempDir
    Path dir;
    Path jar;

    /** The stand-in: prints its JVM options on one line and its arguments on the next; "exit=N" sets the exit code. */
    private static final String MAIN = """
            public class Main {
                public static void main(String[] args) {
                    System.out.println("opts " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
                    System.out.println("args " + String.join(" ", args));
                    for (String a : args) {
                        if (a.startsWith("exit=")) {
                            System.exit(Integer.parseInt(a.substring(5)));
                        }
                    }
                }
            }
            """;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void standIn() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path src = Files.writeString(dir.resolve("Main.java"), MAIN);
        assertThat(javac.run(null, null, null, "-d", dir.toString(), src.toString())).isZero();
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        jar = dir.resolve("lib/redoubt.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f, m)) {
            j.putNextEntry(new JarEntry("Main.class"));
            j.write(Files.readAllBytes(dir.resolve("Main.class")));
            j.closeEntry();
        }
    }

    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("REDOUBT_JAR", jar.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("REDOUBT_JAVA_OPTS");
        pb.environment().remove("REDOUBT_CDS");
        pb.environment().putAll(env);
        return run(pb);
    }

    private Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aScanRunsWithC1AndTheSerialCollectorAndMakesItsArchiveOnceThenUsesIt() throws Exception {
        Path cds = dir.resolve("cache/cds");
        Map<String, String> env = Map.of("REDOUBT_CDS_DIR", cds.toString());

        Run first = launch(env, "--debug", "scan", "--profile", "p", "exit=4");
        assertThat(first.exit()).as("the command's own exit code").isEqualTo(4);
        assertThat(first.out()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=")
                .contains("args --debug scan --profile p exit=4");
        try (var files = Files.list(cds)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString().matches("scan-\\d+\\.jsa");
        }

        Run second = launch(env, "scan", "--out", "-");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("-XX:SharedArchiveFile=" + cds).doesNotContain("ArchiveClassesAtExit")
                .doesNotContainIgnoringCase("shared archive").doesNotContain("[warning]", "[cds");
        assertThat(second.out().lines().count()).as("only the command's own output on stdout").isEqualTo(2);
    }

    @Test
    void theWindowMakesAnArchiveOfItsOwnOnceThenUsesIt() throws Exception {
        Path cds = dir.resolve("cache/cds");
        Map<String, String> env = Map.of("REDOUBT_CDS_DIR", cds.toString());

        Run first = launch(env);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("-XX:MaxGCPauseMillis=50", "-XX:ArchiveClassesAtExit=");
        try (var files = Files.list(cds)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString().matches("window-\\d+\\.jsa");
        }

        Run console = launch(env, "console", "--demo", "exit=3");
        assertThat(console.exit()).isEqualTo(3);
        assertThat(console.out()).as("`console` is the window too, with the same archive").contains("-XX:SharedArchiveFile=" + cds)
                .doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void aFirstRunClearsHalfNamedArchivesThatEarlierRunsLeftBehind() throws Exception {
        Path cds = Files.createDirectories(dir.resolve("cds"));
        Path old = Files.writeString(cds.resolve("window-123.jsa.4567.tmp"), "the archive of a window whose terminal was closed");
        assertThat(old.toFile().setLastModified(System.currentTimeMillis() - 2 * 3600_000L)).isTrue();
        Path recent = Files.writeString(cds.resolve("scan-123.jsa.4568.tmp"), "another first run, still going");
        Path other = Files.writeString(cds.resolve("notes.tmp"), "not ours");
        assertThat(other.toFile().setLastModified(System.currentTimeMillis() - 2 * 3600_000L)).isTrue();

        Run first = launch(Map.of("REDOUBT_CDS_DIR", cds.toString()), "scan", "exit=2");
        assertThat(first.exit()).isEqualTo(2);
        assertThat(old).as("over an hour old").doesNotExist();
        assertThat(recent).as("a run still making its archive keeps it").exists();
        assertThat(other).as("not a half-named archive").exists();
    }

    /** cmd.exe reads labels and goto across lines ending in a bare LF wrongly: the Windows launcher keeps CRLF throughout. */
    @Test
    void theWindowsLauncherKeepsCrlfLineEndsAndGivesTheWindowTheSameOptions() throws Exception {
        String cmd = Files.readString(Path.of("packaging/bin/redoubt.cmd"), StandardCharsets.US_ASCII);
        String[] lines = cmd.split("\n", -1);
        assertThat(lines.length).isGreaterThan(20);
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i]).as("line %d ends in CR LF", i + 1).endsWith("\r");
        }
        assertThat(cmd.lines().filter(l -> l.startsWith("set \"HOT=")).toList()).singleElement().asString()
                .contains("-XX:Tier4InvocationThreshold=50000");
        assertThat(cmd.lines().filter(l -> l.contains("MaxGCPauseMillis=50")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("%HOT%"));
    }

    /** packaging/jpackage.sh puts the script in an application image as bin/redoubt-cli, beside lib/app and lib/runtime. */
    @Test
    void inAnApplicationImageTheScriptRunsTheImagesJarWithTheImagesRuntime() throws Exception {
        Path image = dir.resolve("image");
        Path cli = Files.createDirectories(image.resolve("bin")).resolve("redoubt-cli");
        Files.copy(SCRIPT, cli);
        assertThat(cli.toFile().setExecutable(true)).isTrue();
        Files.copy(jar, Files.createDirectories(image.resolve("lib/app")).resolve("redoubt.jar"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -Dthe.runtime=image \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        ProcessBuilder pb = new ProcessBuilder("/bin/sh", cli.toString(), "audit", "--estate", "x.json");
        pb.environment().remove("REDOUBT_JAR");
        pb.environment().remove("REDOUBT_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", dir.resolve("no-such-jdk").toString());
        pb.environment().put("REDOUBT_CDS", "off");
        Run inImage = run(pb);
        assertThat(inImage.exit()).as(inImage.err()).isZero();
        assertThat(inImage.out()).as("the image's runtime, not JAVA_HOME's").contains("-Dthe.runtime=image")
                .as("audit's options").contains("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000")
                .contains("args audit --estate x.json");
    }

    @Test
    void theKindsOfCommandGetTheirOwnOptions() throws Exception {
        Map<String, String> noArchive = Map.of("REDOUBT_CDS", "off");
        assertThat(launch(noArchive).out()).contains("-XX:MaxGCPauseMillis=50", "-XX:Tier4InvocationThreshold=50000")
                .doesNotContain("TieredStopAtLevel", "SharedArchiveFile", "UseSerialGC");
        assertThat(launch(noArchive, "console", "--demo").out()).contains("-XX:MaxGCPauseMillis=50", "-XX:Tier4InvocationThreshold=50000");
        assertThat(launch(noArchive, "audit", "--demo").out()).contains("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000")
                .doesNotContain("TieredStopAtLevel");
        assertThat(launch(noArchive, "sandbox", "--demo").out()).doesNotContain("UseSerialGC", "TieredStopAtLevel");
        assertThat(launch(noArchive, "whoami").out()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(launch(Map.of("REDOUBT_CDS", "off", "REDOUBT_JAVA_OPTS", "-XX:+UseParallelGC -Xmx64m"), "scan").out())
                .as("a collector of the user's replaces ours").contains("-XX:+UseParallelGC", "-Xmx64m").doesNotContain("UseSerialGC");
    }

    @Test
    void anArchiveThatCannotBeMadeOrUsedNeverChangesTheRun() throws Exception {
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a directory");
        Run cannotMake = launch(Map.of("REDOUBT_CDS_DIR", blocked.resolve("cds").toString()), "scan", "exit=3");
        assertThat(cannotMake.exit()).as("the command's code, not the JVM's failure to write the archive").isEqualTo(3);
        assertThat(cannotMake.out()).doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile").contains("args scan exit=3");
        assertThat(cannotMake.err()).isEmpty();

        Path cds = Files.createDirectories(dir.resolve("cds"));
        Map<String, String> env = Map.of("REDOUBT_CDS_DIR", cds.toString());
        launch(env, "scan"); // makes the archive
        Path archive;
        try (var files = Files.list(cds)) {
            archive = files.findFirst().orElseThrow();
        }
        Files.delete(archive);
        Files.writeString(archive, "not an archive"); // newer than the jar: used as it is, and refused by the JVM
        Run unusable = launch(env, "scan", "exit=5");
        assertThat(unusable.exit()).isEqualTo(5);
        assertThat(unusable.out()).contains("-XX:SharedArchiveFile=").contains("args scan exit=5").doesNotContainIgnoringCase("archive file");
        assertThat(unusable.err()).isEmpty();

        assertThat(jar.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue(); // a new jar
        Run afterNewJar = launch(env, "scan");
        assertThat(afterNewJar.out()).as("made again for the new jar").contains("-XX:ArchiveClassesAtExit=");
        assertThat(Files.size(archive)).isGreaterThan(1000);
    }

    @Test
    void anArchiveIsMadeAgainWhenTheRuntimesOwnArchiveIsNewer() throws Exception {
        // A runtime of our own: bin/java runs this JVM's, so the launcher takes this folder for the runtime.
        Path runtime = dir.resolve("jdk");
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path staticArchive = Files.createDirectories(runtime.resolve("lib/server")).resolve("classes.jsa");
        Files.writeString(staticArchive, "the runtime's archive");
        assertThat(staticArchive.toFile().setLastModified(System.currentTimeMillis() - 120_000)).isTrue();
        Path cds = dir.resolve("cds");
        Map<String, String> env = Map.of("REDOUBT_CDS_DIR", cds.toString(), "JAVA_HOME", runtime.toString());

        assertThat(launch(env, "scan").out()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(launch(env, "scan").out()).as("older than ours: ours is used").contains("-XX:SharedArchiveFile=");

        assertThat(staticArchive.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue(); // e.g. java -Xshare:dump
        assertThat(launch(env, "scan").out()).as("made again on the new static archive").contains("-XX:ArchiveClassesAtExit=");
    }
}
