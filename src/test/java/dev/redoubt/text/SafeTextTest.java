package dev.redoubt.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Quoting;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void namesTheCharactersThatActInsteadOfShowing() {
        for (int cp : new int[] {0x1b, 0x07, 0x0d, 0x7f, 0x9b, 0x202a, 0x202e, 0x2066, 0x2069, 0x200e, 0x200f, 0x061c, 0x200b, 0xfeff, 0x2028}) {
            assertThat(SafeText.hidden(cp)).as(SafeText.codePoint(cp)).isTrue();
        }
        for (int cp : new int[] {'\n', '\t', 'a', ' ', 0xe9, 0x05d0, 0x0627, 0x1f600}) {
            assertThat(SafeText.hidden(cp)).as(SafeText.codePoint(cp)).isFalse();
        }
    }

    @Test
    void showsThemForATerminalAsJsonEscapes() {
        assertThat(SafeText.forTerminal("vault\u001b[2J\u0007\u202e\u009b!")).isEqualTo("vault\\u001b[2J\\u0007\\u202e\\u009b!");
        assertThat(SafeText.forTerminal("a\r\nb\rc\n\td")).isEqualTo("a\r\nb\\u000dc\n\td");
        assertThat(SafeText.forTerminal("emoji \ud83d\ude00 and a tag \udb40\udc01")).isEqualTo("emoji \ud83d\ude00 and a tag \\udb40\\udc01");
        assertThat(SafeText.forTerminal("plain")).isSameAs("plain");
    }

    @Test
    void marksThemForPagesAndCommands() {
        assertThat(SafeText.marked("x\u202ey\u001b")).isEqualTo("x<U+202E>y<U+001B>");
        assertThat(SafeText.describeHidden("a\u202eb\u202e\u0007")).isEqualTo("U+202E U+0007");
    }

    @Test
    void quotesValuesForEachDestination() {
        assertThat(Quoting.sh("central-standard")).isEqualTo("central-standard");
        assertThat(Quoting.sh("it's; rm -rf ~")).isEqualTo("'it'\\''s; rm -rf ~'");
        assertThat(Quoting.sh("vault\u202e")).isEqualTo("'<a name with hidden characters (U+202E), not shown>'");
        assertThat(Quoting.hcl("a\"b\\c\nd${x}%{y}$${z}\u202e")).isEqualTo("\"a\\\"b\\\\c\\nd$${x}%%{y}$$${z}\\u202E\"");
        assertThat(Quoting.yaml("central-standard")).isEqualTo("central-standard");
        assertThat(Quoting.yaml("123456789012")).isEqualTo("'123456789012'");
        assertThat(Quoting.yaml("yes")).isEqualTo("'yes'");
        assertThat(Quoting.yaml("it's: {x}")).isEqualTo("'it''s: {x}'");
        assertThat(Quoting.yaml("v\n  Malicious: x\u202e")).isEqualTo("\"v\\n  Malicious: x\\u202E\"");
        assertThat(Quoting.json("a\"\\\u0007\u202e")).isEqualTo("\"a\\\"\\\\\\u0007\\u202e\"");
    }

    @Test
    void hasHiddenAgreesWithACodePointScanOnRandomText() {
        java.util.Random random = new java.util.Random(16);
        char[] alphabet = {'a', 'Z', '0', ' ', '~', '\n', '\t', '\r', '\u0000', '\u007f', '\u00a0', '\u00e9', '\u200b', '\u202e', '\u2028',
            '\ud83d', '\ude00', '\ufeff', '\u3042'};
        int hidden = 0;
        for (int i = 0; i < 20_000; i++) {
            char[] c = new char[random.nextInt(6)];
            for (int k = 0; k < c.length; k++) {
                c[k] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'x';
            }
            String s = new String(c);
            boolean expected = s.codePoints().anyMatch(SafeText::hidden);
            assertThat(SafeText.hasHidden(s)).as("%s", s.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expected);
            hidden += expected ? 1 : 0;
        }
        assertThat(hidden).isBetween(1_000, 19_000);
        assertThat(SafeText.hasHidden("\ud83d\ude00")).isFalse(); // a pair is one visible code point
        assertThat(SafeText.hasHidden("x\ud83d")).isTrue(); // a lone surrogate is hidden
    }
}
