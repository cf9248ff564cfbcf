package dev.redoubt.aws.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsConfigMergeTest {
    private static final String OURS = "# written by the sandbox\n\n[profile sandbox]\nregion = eu-west-1\n\n[sso-session sandbox]\nsso_region = eu-west-1\n";
    private static final String NOTE = "# added";

    @Test
    void anEmptyConfigGetsOurSectionsAfterTheNote() {
        AwsConfigMerge.Result r = AwsConfigMerge.merge("", OURS, NOTE);
        assertThat(r.text()).isEqualTo("# added\n\n[profile sandbox]\nregion = eu-west-1\n\n[sso-session sandbox]\nsso_region = eu-west-1\n");
        assertThat(r.added()).containsExactly("profile sandbox", "sso-session sandbox");
        assertThat(r.replaced()).isEmpty();
    }

    @Test
    void ourSectionsReplaceTheirNamesakesInPlaceAndEverythingElseStaysByteForByte() {
        String existing = "[default]\r\nregion = us-east-1\r\n\r\n[ profile  sandbox ]  # old\nregion = x\n[profile sandbox]\nregion = dup\n; mine\n"
                + "[profile other]\nregion = y";
        AwsConfigMerge.Result r = AwsConfigMerge.merge(existing, OURS, NOTE);
        assertThat(r.text()).isEqualTo("[default]\r\nregion = us-east-1\r\n\r\n[profile sandbox]\nregion = eu-west-1\n; mine\n"
                + "[profile other]\nregion = y\n\n# added\n\n[sso-session sandbox]\nsso_region = eu-west-1\n");
        assertThat(r.replaced()).containsExactly("profile sandbox");
        assertThat(r.added()).containsExactly("sso-session sandbox");
    }

    @Test
    void mergingTwiceChangesNothingMore() {
        String once = AwsConfigMerge.merge("# top\n[profile mine]\nregion = a\n", OURS, NOTE).text();
        AwsConfigMerge.Result twice = AwsConfigMerge.merge(once, OURS, NOTE);
        assertThat(twice.text()).isEqualTo(once);
        assertThat(twice.added()).isEmpty();
    }
}
