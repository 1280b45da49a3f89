package io.storebench.bench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal and for Markdown, from the same rows: text pads columns (numbers to
 * the right), Markdown aligns them with {@code ---:}.
 */
public final class TextTable {
    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param numeric which columns hold numbers (right-aligned) */
    public TextTable(List<String> header, boolean... numeric) {
        this.header = List.copyOf(header);
        this.numeric = numeric.length == 0 ? new boolean[header.size()] : numeric;
        if (this.numeric.length != header.size()) {
            throw new IllegalArgumentException("one alignment per column");
        }
    }

    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + header.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public TextTable add(String... row) {
        return add(List.of(row));
    }

    public String text() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendText(out, header, widths);
        rows.forEach(row -> appendText(out, row, widths));
        return out.toString();
    }

    private void appendText(StringBuilder out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String pad = " ".repeat(widths[i] - row.get(i).length());
            line.append(numeric[i] ? pad + row.get(i) : row.get(i) + pad).append(i == row.size() - 1 ? "" : "  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (boolean right : numeric) {
            out.append(right ? "---:|" : "---|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** An HTML table; cells are escaped, {@code `code`} and {@code **bold**} are kept as markup. */
    public String html() {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> out.append("<th>").append(ReportDocument.inline(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(numeric[i] ? "<td class=\"num\">" : "<td>").append(ReportDocument.inline(row.get(i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
