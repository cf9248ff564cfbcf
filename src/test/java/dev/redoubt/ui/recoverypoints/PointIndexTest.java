package dev.redoubt.ui.recoverypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's index: ARN search over the one text of all ARNs, narrowing by typing, and rows with nothing read. */
class PointIndexTest {
    @TempDir
    Path dir;

    private PointIndex.Base base(EstateFixture f) throws Exception {
        try (TestConsole c = TestConsole.create(dir.resolve(String.valueOf(System.nanoTime())))) {
            Path file = dir.resolve("e" + System.nanoTime() + ".json");
            new EstateFile().write(f.estate(), file);
            c.actions.openCapture(file);
            return PointIndex.build(c.workspace.catalog(), ZoneOffset.UTC);
        }
    }

    @Test
    void findsAnArnPieceInTheFirstAndLastRowsAndOncePerRow() throws Exception {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(EstateFixture.PROD, EstateFixture.REGION, "v");
        for (int i = 0; i < 5; i++) {
            f.point(v, EstateFixture.volume(EstateFixture.PROD, EstateFixture.REGION, "0" + i), EstateFixture.NOW.minus(Duration.ofHours(i + 1)));
        }
        PointIndex.Base b = base(f);
        List<String> arns = b.rows().stream().map(PointRow::arn).toList();
        for (PointRow r : b.rows()) {
            String tail = r.arn().substring(r.arn().length() - 5).toLowerCase(java.util.Locale.ROOT);
            List<PointRow> found = PointIndex.filter(b, b.rows(), PointFilter.NONE.withText(tail), BrowseScope.ALL, () -> false);
            assertThat(found).as(tail).extracting(PointRow::arn).allSatisfy(a -> assertThat(a.toLowerCase(java.util.Locale.ROOT)).contains(tail))
                    .contains(r.arn());
        }
        // in every ARN: each row once, in the table's order
        List<PointRow> all = PointIndex.filter(b, b.rows(), PointFilter.NONE.withText("RECOVERY-POINT:RP-"), BrowseScope.ALL, () -> false);
        assertThat(all).extracting(PointRow::arn).containsExactlyElementsOf(arns);
        assertThat(PointIndex.arnHits(b, "rp-").cardinality()).isEqualTo(5);
        assertThat(PointIndex.arnHits(b, "\u00e9").isEmpty()).isTrue();
    }

    @Test
    void typingFurtherNarrowsAndDeletingOrChangingAFilterDoesNot() {
        PointFilter shop = PointFilter.NONE.withText("shop");
        assertThat(PointFilter.NONE.withText("shop-orders").narrows(shop)).isTrue();
        assertThat(PointFilter.NONE.withText("orders shop").narrows(shop)).isTrue();
        assertThat(PointFilter.NONE.withText("sho").narrows(shop)).isFalse();
        assertThat(PointFilter.NONE.withText("shop").narrows(PointFilter.NONE)).isTrue();
        PointFilter typed = new PointFilter("shop", "RDS", null, null, null, null, null, null, null, null, false, null);
        assertThat(typed.narrows(shop)).isFalse();
        assertThat(typed.withText("shop-orders").narrows(typed)).isTrue();
        assertThat(shop.narrows(null)).isFalse();
    }
}
