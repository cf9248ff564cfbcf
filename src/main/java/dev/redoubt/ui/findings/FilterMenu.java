package dev.redoubt.ui.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * A filter of the findings screen: a menu button whose menu holds one check box per choice (the
 * menu stays open while boxes are ticked), "Any" to clear it, and optional presets. Its text says
 * what is chosen ("Severity", "Severity: Critical", "Severity: 2 of 5").
 */
final class FilterMenu<T> {
    private final String title;
    private final String id;
    private final Function<T, String> label;
    private final Function<T, String> idOf;
    private Function<T, String> shortLabel;
    private Function<Set<T>, String> summary = s -> null;
    private final Consumer<Set<T>> changed;
    private final MenuButton button = new MenuButton();
    private final Map<T, CheckBox> boxes = new LinkedHashMap<>();
    private final List<MenuItem> presets = new ArrayList<>();
    private Set<T> selected = Set.of();
    private boolean updating;

    FilterMenu(String title, String id, Function<T, String> label, Function<T, String> idOf, Consumer<Set<T>> changed) {
        this.title = title;
        this.id = id;
        this.label = label;
        this.idOf = idOf;
        this.changed = changed;
        this.shortLabel = label;
        button.setId(id);
        button.getStyleClass().add(FindingsStyles.FILTER_MENU);
        button.setMnemonicParsing(false);
        render();
    }

    MenuButton node() {
        return button;
    }

    /** How the button names one chosen value ("IMM-02" rather than the check's whole title). */
    void shortLabel(Function<T, String> f) {
        shortLabel = f;
        render();
    }

    /** The button's whole text for some choices ("Needs attention"); null falls back to the usual text. */
    void summary(Function<Set<T>, String> f) {
        summary = f;
        render();
    }

    /** A preset at the top of the menu ("What needs attention"). */
    void preset(String text, String presetId, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id + "-" + presetId);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        presets.add(item);
    }

    void choices(Collection<T> choices) {
        boxes.clear();
        for (T c : choices) {
            CheckBox box = new CheckBox(label.apply(c));
            box.setId(id + "-" + idOf.apply(c));
            box.setMnemonicParsing(false);
            box.setSelected(selected.contains(c));
            box.selectedProperty().addListener((o, was, now) -> {
                if (!updating) {
                    Set<T> next = new LinkedHashSet<>();
                    boxes.forEach((k, b) -> {
                        if (b.isSelected()) {
                            next.add(k);
                        }
                    });
                    changed.accept(next);
                }
            });
            boxes.put(c, box);
        }
        List<MenuItem> items = new ArrayList<>(presets);
        MenuItem any = new MenuItem("Any " + title.toLowerCase(java.util.Locale.ROOT));
        any.setId(id + "-any");
        any.setMnemonicParsing(false);
        any.setOnAction(e -> changed.accept(Set.of()));
        items.add(any);
        items.add(new SeparatorMenuItem());
        for (CheckBox box : boxes.values()) {
            CustomMenuItem item = new CustomMenuItem(box, false);
            items.add(item);
        }
        button.getItems().setAll(items);
        render();
    }

    /** Shows {@code now} as chosen (after "Clear filters" or a query from another screen). */
    void select(Set<T> now) {
        selected = Set.copyOf(now);
        updating = true;
        try {
            boxes.forEach((k, b) -> b.setSelected(selected.contains(k)));
        } finally {
            updating = false;
        }
        render();
    }

    private void render() {
        List<T> chosen = boxes.keySet().stream().filter(selected::contains).toList();
        String special = summary.apply(selected);
        if (special != null) {
            button.setText(special);
        } else if (selected.isEmpty()) {
            button.setText(title);
        } else if (selected.size() == 1) {
            T only = chosen.isEmpty() ? selected.iterator().next() : chosen.get(0);
            button.setText(title + ": " + shortLabel(only));
        } else {
            String both = chosen.size() == 2 ? shortLabel(chosen.get(0)) + ", " + shortLabel(chosen.get(1)) : null;
            button.setText(title + ": " + (both != null && both.length() <= 18 ? both
                    : selected.size() + (boxes.isEmpty() ? "" : " of " + boxes.size())));
        }
        button.getStyleClass().remove(FindingsStyles.FILTER_ACTIVE);
        if (!selected.isEmpty()) {
            button.getStyleClass().add(FindingsStyles.FILTER_ACTIVE);
        }
    }

    private String shortLabel(T value) {
        String s = shortLabel.apply(value);
        int cut = s.indexOf(" (");
        s = cut > 0 ? s.substring(0, cut) : s;
        return s.length() > 22 ? s.substring(0, 21) + "…" : s;
    }
}
