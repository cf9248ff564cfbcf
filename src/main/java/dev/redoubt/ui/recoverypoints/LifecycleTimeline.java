package dev.redoubt.ui.recoverypoints;

import dev.redoubt.ui.recoverypoints.PointDetail.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * A recovery point's lifecycle drawn as a line: created (and completed), cold storage, deletion,
 * with "now" (the capture's instant) marked across it; the part already lived solid, the rest
 * dashed, an arrow when nothing ends it. Labels go under the line, above it when they would
 * overlap, and never past the ends.
 */
final class LifecycleTimeline extends Region {
    static final String STYLE = "lifecycle-timeline";
    private static final double LINE_Y = 58;
    private static final double HEIGHT = 118;
    private static final double PAD = 10;

    private final Timeline timeline;
    private final Line past = new Line();
    private final Line future = new Line();
    private final Line nowLine = new Line();
    private final Polygon arrow = new Polygon(0, -6, 10, 0, 0, 6);
    private final List<Marker> markers = new ArrayList<>();

    private record Marker(Timeline.Mark mark, Circle dot, Label label) {
    }

    LifecycleTimeline(Timeline timeline) {
        this.timeline = timeline;
        getStyleClass().add(STYLE);
        past.getStyleClass().add("timeline-past");
        future.getStyleClass().add("timeline-future");
        nowLine.getStyleClass().add("timeline-now-line");
        arrow.getStyleClass().add("timeline-arrow");
        getChildren().addAll(future, past, nowLine);
        if (timeline.open()) {
            getChildren().add(arrow);
        }
        for (Timeline.Mark m : merged(timeline.marks())) {
            Circle dot = new Circle(m.kind() == Timeline.Kind.NOW ? 6 : 5);
            dot.getStyleClass().addAll("timeline-dot", "timeline-" + m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            Label label = new Label(m.label() + "\n" + m.date());
            label.getStyleClass().addAll("timeline-label", "timeline-label-" + m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            label.setManaged(false);
            getChildren().addAll(dot, label);
            markers.add(new Marker(m, dot, label));
        }
        if (timeline.open()) {
            Label kept = new Label("Kept until\nsomeone deletes it");
            kept.getStyleClass().addAll("timeline-label", "timeline-label-open");
            kept.setManaged(false);
            getChildren().add(kept);
            markers.add(new Marker(new Timeline.Mark(Timeline.Kind.DELETE, timeline.end(), "", ""), null, kept));
        }
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
    }

    /** Created and completed within minutes of each other share one mark ("Created · completed 03:40"). */
    private List<Timeline.Mark> merged(List<Timeline.Mark> marks) {
        List<Timeline.Mark> out = new ArrayList<>(marks);
        Timeline.Mark created = find(out, Timeline.Kind.CREATED);
        Timeline.Mark completed = find(out, Timeline.Kind.COMPLETED);
        if (created != null && completed != null && Math.abs(timeline.position(completed.at()) - timeline.position(created.at())) < 0.06) {
            out.remove(completed);
            String took = dev.redoubt.ui.browse.Formats.duration(Duration.between(created.at(), completed.at()));
            out.set(out.indexOf(created), new Timeline.Mark(Timeline.Kind.CREATED, created.at(), "Created, completed in " + took, created.date()));
        }
        return out;
    }

    private static Timeline.Mark find(List<Timeline.Mark> marks, Timeline.Kind kind) {
        return marks.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
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
        double w = getWidth();
        double x0 = PAD + 4;
        double x1 = Math.max(x0 + 10, w - PAD - (timeline.open() ? 14 : 4));
        double nowX = x(timeline.now(), x0, x1);
        past.setStartX(x0);
        past.setEndX(nowX);
        past.setStartY(LINE_Y);
        past.setEndY(LINE_Y);
        future.setStartX(nowX);
        future.setEndX(x1);
        future.setStartY(LINE_Y);
        future.setEndY(LINE_Y);
        nowLine.setStartX(nowX);
        nowLine.setEndX(nowX);
        nowLine.setStartY(LINE_Y - 16);
        nowLine.setEndY(LINE_Y + 16);
        arrow.setLayoutX(x1);
        arrow.setLayoutY(LINE_Y);

        double lastBelow = Double.NEGATIVE_INFINITY;
        double lastAbove = Double.NEGATIVE_INFINITY;
        List<Marker> inOrder = new ArrayList<>(markers);
        inOrder.sort(java.util.Comparator.comparingDouble(m -> m.mark().kind() == Timeline.Kind.DELETE && m.dot() == null ? 2 : timeline.position(m.mark().at())));
        for (Marker m : inOrder) {
            double x = m.dot() == null ? x1 + 6 : x(m.mark().at(), x0, x1);
            if (m.dot() != null) {
                m.dot().setCenterX(x);
                m.dot().setCenterY(LINE_Y);
            }
            Label l = m.label();
            double lw = l.prefWidth(-1);
            double lh = l.prefHeight(lw);
            double left = Math.max(0, Math.min(w - lw, x - lw / 2));
            boolean wantAbove = m.mark().kind() == Timeline.Kind.NOW;
            boolean above;
            if (wantAbove) {
                above = left >= lastAbove + 8 || left < lastBelow + 8;
            } else {
                above = left < lastBelow + 8 && left >= lastAbove + 8;
            }
            if (above) {
                left = Math.max(left, lastAbove == Double.NEGATIVE_INFINITY ? left : lastAbove + 8);
                left = Math.min(left, w - lw);
                l.resizeRelocate(snapPositionX(left), snapPositionY(LINE_Y - 14 - lh), lw, lh);
                lastAbove = left + lw;
            } else {
                left = Math.max(left, lastBelow == Double.NEGATIVE_INFINITY ? left : lastBelow + 8);
                left = Math.min(left, w - lw);
                l.resizeRelocate(snapPositionX(left), snapPositionY(LINE_Y + 14), lw, lh);
                lastBelow = left + lw;
            }
        }
    }

    private double x(java.time.Instant t, double x0, double x1) {
        return x0 + timeline.position(t) * (x1 - x0);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return null;
    }
}
