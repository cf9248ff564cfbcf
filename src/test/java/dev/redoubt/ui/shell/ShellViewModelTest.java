package dev.redoubt.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    @Test
    void listsEveryScreenInNavigationOrder() {
        ShellViewModel viewModel = ShellViewModel.withoutScreens("1.0");

        assertThat(viewModel.navigation()).extracting(NavigationItem::title).containsExactly(
                "Overview", "Vaults", "Recovery points", "Keys", "Plans", "Restore tests",
                "Restore jobs", "Approval teams", "Findings", "Drills", "Journal");
    }

    @Test
    void startsSignedOutOfflineAndReadyOnTheWelcomePage() {
        ShellViewModel viewModel = ShellViewModel.withoutScreens("1.0");

        assertThat(viewModel.productName()).isEqualTo("Redoubt");
        assertThat(viewModel.identityProperty().get()).isEqualTo("Not signed in");
        assertThat(viewModel.modeProperty().get()).isEqualTo("Offline");
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Ready");
        assertThat(viewModel.selectedDestination()).isEmpty();
    }

    @Test
    void refusesToOpenAScreenThatIsComingSoon() {
        ShellViewModel viewModel = ShellViewModel.withoutScreens("1.0");

        assertThat(viewModel.navigation()).noneMatch(NavigationItem::available);
        assertThat(viewModel.select(Destination.VAULTS)).isFalse();
        assertThat(viewModel.selectedDestination()).isEmpty();
    }

    @Test
    void opensAnAvailableScreen() {
        ShellViewModel viewModel = new ShellViewModel("1.0", Set.of(Destination.OVERVIEW));

        assertThat(viewModel.select(Destination.OVERVIEW)).isTrue();
        assertThat(viewModel.selectedDestination()).contains(Destination.OVERVIEW);
        assertThat(viewModel.select(Destination.KEYS)).isFalse();
        assertThat(viewModel.selectedDestination()).contains(Destination.OVERVIEW);
    }

    @Test
    void blankIdentityModeOrStatusFallsBackToTheDefaults() {
        ShellViewModel viewModel = ShellViewModel.withoutScreens("1.0");
        viewModel.showIdentity("demo-admin @ 111122223333");
        viewModel.showMode("Demo sandbox");
        viewModel.showStatus("Scanning");

        assertThat(viewModel.identityProperty().get()).isEqualTo("demo-admin @ 111122223333");
        assertThat(viewModel.modeProperty().get()).isEqualTo("Demo sandbox");

        viewModel.showIdentity(" ");
        viewModel.showMode(null);
        viewModel.showStatus("");

        assertThat(viewModel.identityProperty().get()).isEqualTo("Not signed in");
        assertThat(viewModel.modeProperty().get()).isEqualTo("Offline");
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Ready");
    }
}
