package dev.redoubt.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.tasks.ExecutorBackgroundTasks;
import dev.redoubt.ui.workspace.Notices;
import dev.redoubt.ui.workspace.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Back and forward between places, as a browser does. */
class ShellHistoryTest {
    private static final String VAULT_A = "arn:aws:backup:eu-west-1:111122223333:backup-vault:a";
    private static final String KEY_B = "arn:aws:kms:eu-west-1:111122223333:key/b";

    private ShellViewModel shell;
    private final List<String> vaultsOpened = new ArrayList<>();
    private final List<String> keysOpened = new ArrayList<>();
    private final SimpleBooleanProperty keysAvailable = new SimpleBooleanProperty(true);

    @BeforeEach
    void build() {
        shell = new ShellViewModel("test", new Workspace(), ExecutorBackgroundTasks.inline(), new Notices(), Clock.systemUTC());
        shell.addDestination(Destinations.START, null, null);
        shell.addDestination(Destinations.VAULTS, null, null, vaultsOpened::add);
        shell.addDestination(Destinations.KEYS, null, keysAvailable, keysOpened::add);
        shell.select(Destinations.START);
    }

    @Test
    void backReturnsToTheThingShownBeforeAndForwardComesBack() {
        shell.open(Place.of(Destinations.VAULTS, VAULT_A));
        shell.open(Place.of(Destinations.KEYS, KEY_B));
        assertThat(shell.canGoBackProperty().get()).isTrue();
        assertThat(shell.canGoForwardProperty().get()).isFalse();

        assertThat(shell.back()).isTrue();
        assertThat(shell.placeProperty().get()).isEqualTo(Place.of(Destinations.VAULTS, VAULT_A));
        assertThat(shell.selected()).contains(Destinations.VAULTS);
        assertThat(vaultsOpened).containsExactly(VAULT_A, VAULT_A);
        assertThat(shell.canGoForwardProperty().get()).isTrue();

        assertThat(shell.forward()).isTrue();
        assertThat(shell.placeProperty().get()).isEqualTo(Place.of(Destinations.KEYS, KEY_B));
        assertThat(keysOpened).containsExactly(KEY_B, KEY_B);

        shell.back();
        shell.back();
        assertThat(shell.placeProperty().get()).isEqualTo(Place.of(Destinations.START));
        assertThat(shell.back()).isFalse();
    }

    @Test
    void goingSomewhereNewForgetsForward() {
        shell.open(Place.of(Destinations.VAULTS, VAULT_A));
        shell.back();
        shell.open(Place.of(Destinations.KEYS, KEY_B));
        assertThat(shell.canGoForwardProperty().get()).isFalse();
        assertThat(shell.forward()).isFalse();
    }

    @Test
    void theListOfAScreenIsAPlaceOfItsOwn() {
        shell.open(Place.of(Destinations.VAULTS, VAULT_A));
        shell.select(Destinations.VAULTS);
        assertThat(vaultsOpened).containsExactly(VAULT_A, null);
        shell.back();
        assertThat(vaultsOpened).containsExactly(VAULT_A, null, VAULT_A);
    }

    @Test
    void placesThatCannotBeOpenedNowAreSkipped() {
        shell.open(Place.of(Destinations.KEYS, KEY_B));
        shell.open(Place.of(Destinations.VAULTS, VAULT_A));
        keysAvailable.set(false);
        assertThat(shell.back()).isTrue();
        assertThat(shell.placeProperty().get()).isEqualTo(Place.of(Destinations.START));
        assertThat(shell.open(Place.of(Destinations.KEYS, KEY_B))).isFalse();
    }

    @Test
    void theHistoryKeepsAtMostAHundredPlaces() {
        for (int i = 0; i < 150; i++) {
            shell.open(Place.of(Destinations.VAULTS, VAULT_A + i));
        }
        int steps = 0;
        while (shell.back()) {
            steps++;
        }
        assertThat(steps).isEqualTo(ShellViewModel.HISTORY);
    }
}
