package io.driftproof.collector.reconcile;

import java.util.regex.Pattern;

/**
 * An expectation's item key pattern. {@code *} matches any run of characters except {@code /},
 * {@code **} any run including {@code /}, {@code ?} one character except {@code /}; everything else
 * is literal. Other glob syntax ({@code [ ] { }}) is refused rather than silently taken literally.
 */
public final class KeyPattern {

    private final String text;
    private final Pattern regex;

    private KeyPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    public static KeyPattern compile(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("key pattern must not be empty");
        }
        if (text.indexOf('\0') >= 0 || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("key pattern must not contain control characters");
        }
        StringBuilder re = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[', ']', '{', '}' -> throw new IllegalArgumentException(
                        "key pattern '" + text + "': '" + c + "' is not supported; use *, ** and ? only");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new KeyPattern(text, Pattern.compile(re.toString()));
    }

    public boolean matches(String key) {
        return regex.matcher(key).matches();
    }

    public boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
