package io.storebench.bench.io;

import java.util.List;
import org.apache.commons.text.StringTokenizer;
import org.apache.commons.text.matcher.StringMatcherFactory;

/**
 * Splits an option's value into words as a shell would: spaces separate, single or double quotes
 * group ({@code ab --candidate-args "--engine-options 'a=1,b=2'"}, {@code run --jvm-args "-Xmx2g"}).
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * @param option the option, for the message
     * @throws IllegalArgumentException for an unclosed quote
     */
    public static List<String> split(String option, String text) {
        if (text == null) {
            return List.of();
        }
        long doubles = text.chars().filter(c -> c == '"').count();
        long singles = text.chars().filter(c -> c == '\'').count();
        if (doubles % 2 == 1 || singles % 2 == 1) {
            throw new IllegalArgumentException(option + " '" + text + "' has an unclosed quote");
        }
        StringTokenizer tokenizer = new StringTokenizer(text, StringMatcherFactory.INSTANCE.splitMatcher(),
                StringMatcherFactory.INSTANCE.quoteMatcher());
        tokenizer.setIgnoreEmptyTokens(true);
        return tokenizer.getTokenList();
    }
}
