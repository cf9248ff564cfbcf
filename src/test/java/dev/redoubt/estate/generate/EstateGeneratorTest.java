package dev.redoubt.estate.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.EstateValidator;
import dev.redoubt.estate.SsoUser;
import org.junit.jupiter.api.Test;

class EstateGeneratorTest {
    private final EstateFile file = new EstateFile();
    private final EstateGenerator generator = new EstateGenerator(file);

    @Test
    void isDeterministicForASeed() {
        GeneratorSpec spec = new GeneratorSpec(3, 2, 2, 700, 42, null);
        assertThat(file.writeString(generator.generate(spec))).isEqualTo(file.writeString(generator.generate(spec)));
        assertThat(file.writeString(generator.generate(new GeneratorSpec(3, 2, 2, 700, 43, null))))
                .isNotEqualTo(file.writeString(generator.generate(spec)));
    }

    @Test
    void hasTheRequestedShapeAndIsValid() {
        Estate estate = generator.generate(new GeneratorSpec(4, 3, 5, 6_001, 1, null));
        EstateStats.Totals t = EstateStats.of(estate).totals();
        assertThat(t.accounts()).isEqualTo(4);
        assertThat(t.regions()).isEqualTo(3);
        assertThat(t.vaults()).isEqualTo(4 * 3 * 5);
        assertThat(t.recoveryPoints()).isEqualTo(6_001);
        assertThat(new EstateValidator().validate(estate)).isEmpty();
        assertThat(t.restoreTestingPlans()).isPositive().isLessThan(12);
    }

    @Test
    void declaresOneUserWithBothRolesInEveryAccount() {
        Estate estate = generator.generate(new GeneratorSpec(5, 1, 1, 10, 9, null));
        SsoUser bench = estate.ssoUsers().stream().filter(u -> u.userName().equals(EstateGenerator.BENCH_USER)).findFirst().orElseThrow();
        for (Account a : estate.accounts()) {
            assertThat(bench.assignments()).anySatisfy(x -> {
                assertThat(x.accountId()).isEqualTo(a.id());
                assertThat(x.roleName()).isEqualTo(EstateGenerator.READ_ONLY_ROLE);
            });
            assertThat(bench.assignments()).anySatisfy(x -> {
                assertThat(x.accountId()).isEqualTo(a.id());
                assertThat(x.roleName()).isEqualTo(EstateGenerator.OPERATOR_ROLE);
            });
        }
    }

    @Test
    void roundTripsThroughTheFile() {
        Estate estate = generator.generate(new GeneratorSpec(2, 2, 2, 300, 5, null));
        String text = file.writeString(estate);
        assertThat(file.fromTree(readTree(text), "x")).isEqualTo(estate);
    }

    @Test
    void refusesImpossibleShapes() {
        assertThatThrownBy(() -> new GeneratorSpec(0, 1, 1, 1, 1, null)).hasMessageContaining("--accounts");
        assertThatThrownBy(() -> new GeneratorSpec(1, 99, 1, 1, 1, null)).hasMessageContaining("--regions must be between 1 and 10");
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return file.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
