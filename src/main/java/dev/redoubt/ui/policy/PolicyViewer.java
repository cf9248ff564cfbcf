package dev.redoubt.ui.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.ui.browse.BrowseStyles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A resource policy (a vault access policy, a key policy) as JSON an auditor can read: pretty-printed,
 * coloured, read-only, with line numbers, and the lines of the statements that decide a question
 * marked (amber: they let someone do it; green: they keep others out; blue: worth a look). A policy
 * that is not JSON is shown as it is, with what is wrong above it.
 */
public final class PolicyViewer {
    public static final String ID = "policyViewer";

    /** How a statement is marked. */
    public enum Mark {
        /** Lets someone do what the question asks (the risk). */
        ALLOWS,
        /** Keeps others out (the protection). */
        DENIES,
        /** Worth a look. */
        NOTE,
        /** Denies, but the answer shows a way round it (the policy itself can be removed, the lock lifted first). */
        GOT_ROUND
    }

    /**
     * The marks of an answer: its Allow statements as the risk; its Deny statements as the
     * protection only when the power stays out of reach (nobody, or the backup domain alone), else
     * as a protection that can be got round.
     */
    public static Map<Integer, Mark> marks(AccessAnswer answer) {
        Map<Integer, Mark> marks = new java.util.LinkedHashMap<>();
        boolean held = answer.reach() == AccessAnswer.Reach.NOBODY || answer.reach() == AccessAnswer.Reach.BACKUP_DOMAIN_ONLY;
        answer.denying().forEach(i -> marks.put(i, held ? Mark.DENIES : Mark.GOT_ROUND));
        answer.allowing().forEach(i -> marks.put(i, Mark.ALLOWS));
        return marks;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")|(?<LITERAL>\\b(?:true|false|null)\\b|-?\\d+(?:\\.\\d+)?)|(?<PUNCT>[{}\\[\\],:])");
    private static final double LINE_HEIGHT = 17;
    private static final int MAX_LINES_SHOWN = 28;

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private final Label problem = new Label();
    private final HBox legend = new HBox(14);
    private final VBox root;

    public PolicyViewer() {
        area.setEditable(false);
        area.setWrapText(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setId(ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(BrowseStyles.MUTED);
        problem.setVisible(false);
        problem.setManaged(false);
        legend.getStyleClass().add("policy-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        StackPane frame = new StackPane(scroll);
        frame.getStyleClass().add("policy-viewer");
        root = new VBox(6, problem, legend, frame);
    }

    public Node root() {
        return root;
    }

    /** The text on show (the pretty-printed policy), for tests. */
    public String text() {
        return area.getText();
    }

    /** The style classes of one line (0-based), for tests. */
    public Collection<String> lineStyle(int line) {
        return area.getParagraph(line).getParagraphStyle();
    }

    /** Shows a policy with statements marked by index (the evaluator's Statement.index()). */
    public void show(String policyJson, Map<Integer, Mark> marks) {
        String text;
        String error = null;
        try {
            JsonNode tree = JSON.readTree(policyJson);
            if (tree == null || !tree.isObject()) {
                throw new IOException("it is not a JSON object");
            }
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            text = JSON.writer(pretty).writeValueAsString(tree);
        } catch (IOException e) {
            text = policyJson == null ? "" : policyJson;
            error = "This policy is not valid JSON, so it is shown as stored and nothing is marked: " + firstLine(e.getMessage());
        }
        area.replaceText(text);
        area.setStyleSpans(0, highlight(text));
        List<int[]> statements = error == null ? statementLines(text) : List.of();
        boolean allows = false;
        boolean denies = false;
        boolean notes = false;
        boolean gotRound = false;
        int first = -1;
        for (var m : marks.entrySet()) {
            int i = m.getKey();
            if (i < 0 || i >= statements.size()) {
                continue;
            }
            String style = switch (m.getValue()) {
                case ALLOWS -> "policy-allows";
                case DENIES -> "policy-denies";
                case NOTE, GOT_ROUND -> "policy-note";
            };
            allows |= m.getValue() == Mark.ALLOWS;
            denies |= m.getValue() == Mark.DENIES;
            notes |= m.getValue() == Mark.NOTE;
            gotRound |= m.getValue() == Mark.GOT_ROUND;
            for (int line = statements.get(i)[0]; line <= statements.get(i)[1]; line++) {
                area.setParagraphStyle(line, List.of(style));
            }
            first = first < 0 ? statements.get(i)[0] : Math.min(first, statements.get(i)[0]);
        }
        legend.getChildren().clear();
        if (allows) {
            legend.getChildren().add(legendItem("policy-legend-allows", "lets them"));
        }
        if (denies) {
            legend.getChildren().add(legendItem("policy-legend-denies", "keeps others out"));
        }
        if (notes) {
            legend.getChildren().add(legendItem("policy-legend-note", "worth a look"));
        }
        if (gotRound) {
            legend.getChildren().add(legendItem("policy-legend-note", "denies, but can be got round (see why)"));
        }
        legend.setVisible(!legend.getChildren().isEmpty());
        legend.setManaged(legend.isVisible());
        setProblem(error);
        int lines = area.getParagraphs().size();
        scroll.setPrefHeight(Math.min(lines, MAX_LINES_SHOWN) * LINE_HEIGHT + 12);
        scroll.setMinHeight(Math.min(lines, 6) * LINE_HEIGHT + 12);
        area.moveTo(0);
        if (first > 2) {
            area.showParagraphAtTop(Math.max(0, first - 2));
        } else {
            area.showParagraphAtTop(0);
        }
    }

    /** Shows why there is no policy to show ("not read: AccessDeniedException ...", "no access policy"). */
    public void showProblem(String message) {
        area.replaceText("");
        legend.getChildren().clear();
        legend.setVisible(false);
        legend.setManaged(false);
        scroll.setPrefHeight(0);
        scroll.setMinHeight(0);
        scroll.setVisible(false);
        scroll.setManaged(false);
        setProblem(message);
    }

    private void setProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
        problem.setManaged(message != null);
        boolean hasText = !area.getText().isEmpty();
        scroll.setVisible(hasText);
        scroll.setManaged(hasText);
    }

    private static HBox legendItem(String swatchClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().add(swatchClass);
        swatch.setPrefSize(12, 12);
        swatch.setMaxSize(12, 12);
        HBox item = new HBox(5, swatch, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Colours keys, strings, literals and punctuation; "Allow" and "Deny" as effects stand out. */
    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style;
            if (m.group("KEY") != null) {
                style = "json-key";
            } else if (m.group("STRING") != null) {
                String s = m.group("STRING");
                style = s.equals("\"Allow\"") ? "json-effect-allow" : s.equals("\"Deny\"") ? "json-effect-deny" : "json-string";
            } else if (m.group("LITERAL") != null) {
                style = "json-literal";
            } else {
                style = "json-punct";
            }
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }

    /** The first and last line (0-based) of each statement, in order: the elements of "Statement", or the one object it holds. */
    static List<int[]> statementLines(String text) {
        List<int[]> lines = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"Statement".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.START_OBJECT) {
                    lines.add(span(p, text));
                } else if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            lines.add(span(p, text));
                        } else {
                            p.skipChildren();
                            lines.add(new int[] {-1, -2}); // not a statement object: keeps the indexes in step
                        }
                    }
                }
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }

    private static int[] span(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset() - 1;
        return new int[] {lineOf(text, start), lineOf(text, Math.max(start, end))};
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
