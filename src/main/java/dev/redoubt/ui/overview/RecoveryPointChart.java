package dev.redoubt.ui.overview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Recovery points per day as stacked columns, one colour per account (the busiest at the bottom),
 * with a y axis of round numbers, a date under every seventh column counted back from the
 * capture's day, and a tooltip per day listing the accounts. Drawn with plain regions, so it
 * resizes with its card and takes its colours from overview.css.
 */
final class RecoveryPointChart extends Region {
    private static final int MAX_TICKS = 5;
    private static final double AXIS_GAP = 8;
    private static final double LABEL_BAND = 20;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final BackupActivity activity;
    private final long top;
    private final int ticks;
    private final List<Label> yLabels = new ArrayList<>();
    private final List<Region> gridLines = new ArrayList<>();
    private final List<Region> columns = new ArrayList<>();
    private final List<List<Region>> segments = new ArrayList<>();
    private final List<Label> xLabels = new ArrayList<>();
    private final List<Integer> xLabelDays = new ArrayList<>();
    private final Label emptyLabel;

    RecoveryPointChart(BackupActivity activity) {
        this.activity = activity;
        getStyleClass().add(OverviewStyles.CHART);
        long step = step(activity.busiestDay());
        ticks = ticks(activity.busiestDay(), step);
        top = step * ticks;
        for (int t = 0; t <= ticks; t++) {
            Label l = new Label(Score.count(step * t));
            l.getStyleClass().add(OverviewStyles.CHART_AXIS_LABEL);
            l.setAlignment(Pos.CENTER_RIGHT);
            yLabels.add(l);
            Region line = new Region();
            line.getStyleClass().add(OverviewStyles.CHART_GRID_LINE);
            gridLines.add(line);
        }
        getChildren().addAll(gridLines);
        getChildren().addAll(yLabels);
        for (int d = 0; d < activity.days(); d++) {
            Region column = new Region();
            column.getStyleClass().add(OverviewStyles.CHART_COLUMN);
            Tooltip tip = new Tooltip(describe(d));
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(column, tip);
            columns.add(column);
            List<Region> stack = new ArrayList<>();
            for (int s = 0; s < activity.series().size(); s++) {
                Region segment = new Region();
                segment.getStyleClass().addAll(OverviewStyles.CHART_BAR, seriesClass(s, activity.series().get(s)));
                segment.setMouseTransparent(true);
                stack.add(segment);
            }
            segments.add(stack);
            getChildren().add(column);
            getChildren().addAll(stack);
            if ((activity.days() - 1 - d) % 7 == 0) {
                Label l = new Label(SHORT_DAY.format(activity.day(d)));
                l.getStyleClass().add(OverviewStyles.CHART_AXIS_LABEL);
                xLabels.add(l);
                xLabelDays.add(d);
            }
        }
        getChildren().addAll(xLabels);
        emptyLabel = new Label("No recovery point was created in these " + activity.days() + " days.");
        emptyLabel.getStyleClass().add(OverviewStyles.CHART_EMPTY);
        emptyLabel.setVisible(activity.total() == 0);
        getChildren().add(emptyLabel);
        setMinHeight(160);
        setPrefHeight(230);
    }

    /** The style class of a series' colour: the accounts' in turn, a grey for "other accounts". */
    static String seriesClass(int index, BackupActivity.Series s) {
        return s.others() ? OverviewStyles.SERIES_OTHERS : OverviewStyles.SERIES + index;
    }

    /** The smallest round step (1, 2 or 5 × 10^n) with which at most five steps reach the busiest day. */
    static long step(long max) {
        long magnitude = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                long step = m * magnitude;
                if (step * MAX_TICKS >= max) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    /** How many steps the axis has: enough to reach the busiest day, at least two. */
    static int ticks(long max, long step) {
        return (int) Math.max(2, (max + step - 1) / step);
    }

    private String describe(int d) {
        LocalDate day = activity.day(d);
        StringBuilder sb = new StringBuilder(LONG_DAY.format(day)).append(": ")
                .append(Score.plural(activity.on(d), "recovery point", "recovery points"));
        for (BackupActivity.Series s : activity.series()) {
            if (s.on(d) > 0) {
                sb.append("\n").append(s.name()).append("  ").append(Score.count(s.on(d)));
            }
        }
        return sb.toString();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double axis = 0;
        for (Label l : yLabels) {
            axis = Math.max(axis, l.prefWidth(-1));
        }
        double plotLeft = x0 + axis + AXIS_GAP;
        double plotWidth = Math.max(10, w - axis - AXIS_GAP);
        double labelHeight = yLabels.get(0).prefHeight(-1);
        double plotTop = y0 + labelHeight / 2;
        double plotHeight = Math.max(10, h - LABEL_BAND - labelHeight / 2);
        double plotBottom = plotTop + plotHeight;
        for (int t = 0; t <= ticks; t++) {
            double y = snapPositionY(plotBottom - plotHeight * t / ticks);
            Label l = yLabels.get(t);
            l.resizeRelocate(x0, y - labelHeight / 2, axis, labelHeight);
            gridLines.get(t).resizeRelocate(plotLeft, y, plotWidth, 1);
        }
        int days = activity.days();
        double slot = plotWidth / days;
        double barWidth = Math.max(2, Math.floor(slot * 0.72));
        for (int d = 0; d < days; d++) {
            double slotLeft = plotLeft + slot * d;
            double x = snapPositionX(slotLeft + (slot - barWidth) / 2);
            columns.get(d).resizeRelocate(slotLeft, plotTop, slot, plotHeight);
            double y = plotBottom;
            List<Region> stack = segments.get(d);
            for (int s = 0; s < stack.size(); s++) {
                long n = activity.series().get(s).on(d);
                double height = top == 0 ? 0 : plotHeight * n / top;
                Region segment = stack.get(s);
                segment.setVisible(n > 0);
                segment.resizeRelocate(x, snapPositionY(y - height), barWidth, snapSizeY(height));
                y -= height;
            }
        }
        for (int i = 0; i < xLabels.size(); i++) {
            Label l = xLabels.get(i);
            double lw = l.prefWidth(-1);
            double centre = plotLeft + slot * (xLabelDays.get(i) + 0.5);
            double left = Math.min(Math.max(centre - lw / 2, plotLeft), plotLeft + plotWidth - lw);
            l.resizeRelocate(left, plotBottom + 4, lw, l.prefHeight(-1));
        }
        double ew = emptyLabel.prefWidth(-1);
        emptyLabel.resizeRelocate(plotLeft + (plotWidth - ew) / 2, plotTop + plotHeight / 2 - 10, ew, emptyLabel.prefHeight(-1));
    }
}
