package dev.redoubt.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.support.TestConsole;
import dev.redoubt.ui.workspace.Notice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T14:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestConsole console(String config) throws Exception {
        Path user = dir.resolve("user");
        Files.createDirectories(user.resolve(".aws/sso/cache"));
        if (config != null) {
            Files.writeString(user.resolve(".aws/config"), config);
        }
        return TestConsole.create(dir, Map.of(), CLOCK);
    }

    @Test
    void listsEachProfileWithHowItSignsInWhereItPointsAndItsSsoState() throws Exception {
        try (TestConsole c = console(String.join("\n",
                "[profile audit]", "sso_session = corp", "sso_account_id = 111122223333", "sso_role_name = AuditReadOnly", "region = eu-west-1",
                "[profile stale]", "sso_session = old", "sso_account_id = 111122223333", "sso_role_name = AuditReadOnly",
                "[profile keys]", "aws_access_key_id = AKIAEXAMPLEKEY12345", "aws_secret_access_key = secret", "region = us-east-1",
                "[profile ops]", "role_arn = arn:aws:iam::444455556666:role/BackupOperator", "source_profile = keys",
                "[sso-session corp]", "sso_start_url = https://corp.awsapps.com/start", "sso_region = eu-west-1",
                "[sso-session old]", "sso_start_url = https://old.awsapps.com/start", "sso_region = eu-west-1", ""))) {
            Path cache = dir.resolve("user/.aws/sso/cache");
            Files.writeString(cache.resolve(dev.redoubt.aws.profiles.SsoTokenCache.fileName("corp")),
                    "{\"startUrl\":\"https://corp.awsapps.com/start\",\"region\":\"eu-west-1\",\"accessToken\":\"t\",\"expiresAt\":\"2026-12-06T15:30:00Z\"}");
            Files.writeString(cache.resolve(dev.redoubt.aws.profiles.SsoTokenCache.fileName("old")),
                    "{\"startUrl\":\"https://old.awsapps.com/start\",\"region\":\"eu-west-1\",\"accessToken\":\"t\",\"expiresAt\":\"2026-12-05T09:00:00Z\"}");
            StartViewModel vm = new StartViewModel(c.actions, CLOCK);

            vm.refresh();

            assertThat(vm.profiles()).extracting(ProfileRow::name, ProfileRow::kind, ProfileRow::target, ProfileRow::signIn, ProfileRow::needsSignIn)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("audit", "IAM Identity Center", "111122223333 · AuditReadOnly", "Signed in until 15:30", false),
                            org.assertj.core.groups.Tuple.tuple("keys", "Access keys", "key AKIA…2345", "Ready", false),
                            org.assertj.core.groups.Tuple.tuple("ops", "Assumed role", "444455556666 · BackupOperator (via keys)", "Ready", false),
                            org.assertj.core.groups.Tuple.tuple("stale", "IAM Identity Center", "111122223333 · AuditReadOnly", "Expired 5 Dec 09:00", true));
            assertThat(vm.profilesNoteProperty().get()).isEmpty();
            assertThat(vm.profiles()).noneMatch(r -> r.target().contains("secret"));
        }
    }

    @Test
    void saysWhatToDoWhenThereAreNoProfiles() throws Exception {
        try (TestConsole c = console(null)) {
            StartViewModel vm = new StartViewModel(c.actions, CLOCK);

            vm.refresh();

            assertThat(vm.profiles()).isEmpty();
            assertThat(vm.profilesNoteProperty().get()).startsWith("No AWS profiles in").contains("explore the demo organization");
        }
    }

    @Test
    void opensACaptureAndListsItAmongTheRecentOnes() throws Exception {
        try (TestConsole c = console(null)) {
            Path file = dir.resolve("northwind.json");
            new EstateFile().write(NorthwindDemo.build(), file);
            StartViewModel vm = new StartViewModel(c.actions, CLOCK);

            vm.openCapture(file);
            vm.refresh();

            assertThat(c.workspace.estate().estate().name()).isEqualTo(NorthwindDemo.NAME);
            assertThat(c.visited).extracting(d -> d.id()).containsExactly("overview");
            assertThat(vm.recentCaptures()).extracting(RecentRow::name, RecentRow::file).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(NorthwindDemo.NAME, file.toAbsolutePath().normalize()));
        }
    }

    @Test
    void aMalformedCaptureIsToldInANoticeAndChangesNothing() throws Exception {
        try (TestConsole c = console(null)) {
            Path file = dir.resolve("broken.json");
            Files.writeString(file, "{\"Format\": \"redoubt-estate/1\", \"Accounts\": [{\"Id\": 12}]}");
            StartViewModel vm = new StartViewModel(c.actions, CLOCK);

            vm.openCapture(file);

            assertThat(c.workspace.estate()).isNull();
            assertThat(c.workspace.busy()).isFalse();
            assertThat(c.notices.shown()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Notice.Kind.ERROR);
                assertThat(n.title()).isEqualTo("Could not open broken.json");
                assertThat(n.text()).contains("broken.json").contains("$.Accounts[0].Id").contains("Fix the file");
            });
            assertThat(file).content().startsWith("{\"Format\"");
        }
    }
}
