package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ValidationException;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.mpa.model.GetIdentitySourceResponse;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** From an approver's identity source to their name, as AWS answers it: mpa, sso-admin and identitystore through the real SDK. */
class IdentityStoreTest {
    private static final String MANAGEMENT = "318274650019";
    private static final String BACKUP = "536470192834";
    private static final String REGION = "eu-west-1";
    private static SandboxFixture fx;
    private static String source;

    @BeforeAll
    static void start() throws Exception {
        Estate demo = NorthwindDemo.build();
        source = demo.accounts().stream().filter(a -> a.id().equals(BACKUP)).findFirst().orElseThrow()
                .regions().get(REGION).mpaApprovalTeams().get(0).approvers().get(0).primaryIdentitySourceArn();
        fx = SandboxFixture.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The identity store behind the demo's identity source, found as a scan finds it. */
    private static String identityStore() {
        try (MpaClient mpa = fx.client(MpaClient.builder(), fx.readOnly(MANAGEMENT), REGION);
             SsoAdminClient admin = fx.client(SsoAdminClient.builder(), fx.readOnly(MANAGEMENT), REGION)) {
            GetIdentitySourceResponse got = mpa.getIdentitySource(r -> r.identitySourceArn(source));
            assertThat(got.identitySourceTypeAsString()).isEqualTo("IAM_IDENTITY_CENTER");
            var center = got.identitySourceParameters().iamIdentityCenter();
            assertThat(center.region()).isEqualTo(REGION);
            assertThat(center.approvalPortalUrl()).endsWith("/approvals");
            String store = admin.describeInstance(r -> r.instanceArn(center.instanceArn())).identityStoreId();
            assertThat(store).matches("d-[0-9a-f]{10}");
            return store;
        }
    }

    @Test
    void anAuditorInTheManagementAccountReadsAnApproversName() {
        String store = identityStore();
        try (IdentitystoreClient ids = fx.client(IdentitystoreClient.builder(), fx.readOnly(MANAGEMENT), REGION)) {
            DescribeUserResponse bob = ids.describeUser(r -> r.identityStoreId(store).userId("u-bob"));
            assertThat(bob.userName()).isEqualTo("bob");
            assertThat(bob.userId()).isEqualTo("u-bob");
            assertThat(bob.identityStoreId()).isEqualTo(store);
        }
        assertThat(identityStore()).as("the same store on every call").isEqualTo(store);
    }

    @Test
    void anUnknownUserIsNotFoundAndMalformedInputIsInvalid() {
        String store = identityStore();
        try (IdentitystoreClient ids = fx.client(IdentitystoreClient.builder(), fx.readOnly(MANAGEMENT), REGION)) {
            assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId(store).userId("906745d6a8-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
                        assertThat(e.resourceId()).isEqualTo("906745d6a8-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6");
                    });
            assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId("d-0000000000").userId("u-bob")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE));
            assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId("northwind").userId("u-bob")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("identityStoreId");
            assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId(store).userId("u-nobody")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("userId");
        }
    }

    @Test
    void anotherAccountMayNotReadTheManagementAccountsIdentityCenter() {
        String store = identityStore();
        try (IdentitystoreClient ids = fx.client(IdentitystoreClient.builder(), fx.readOnly(BACKUP), REGION);
             MpaClient mpa = fx.client(MpaClient.builder(), fx.readOnly(BACKUP), REGION)) {
            assertThatThrownBy(() -> ids.describeUser(r -> r.identityStoreId(store).userId("u-bob")))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThatThrownBy(() -> mpa.getIdentitySource(r -> r.identitySourceArn(source)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }
}
