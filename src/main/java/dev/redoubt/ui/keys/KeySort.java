package dev.redoubt.ui.keys;

/** The columns the keys list sorts by. */
public enum KeySort {
    NAME, ACCOUNT, REGION, KIND, STATE, ROTATION, MULTI_REGION, VAULTS, POINTS, WORST
}
