package io.storebench.bench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as blocks (headings, paragraphs, lists, tables, charts), rendered once as Markdown and
 * once as a self-contained HTML page, so the two always say the same. Charts appear only in HTML;
 * Markdown names the HTML file instead.
 */
final class ReportDocument {
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Chart {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    record Table(TextTable table) implements Block {
    }

    /** An inline SVG chart, with a caption saying what it shows. */
    record Chart(String svg, String caption) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    ReportDocument(String title) {
        this.title = title;
    }

    ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    ReportDocument table(TextTable table) {
        blocks.add(new Table(table));
        return this;
    }

    ReportDocument chart(String svg, String caption) {
        blocks.add(new Chart(svg, caption));
        return this;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        boolean chartsNoted = false;
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                md.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> md.append("- ").append(item).append('\n'));
                md.append('\n');
            } else if (block instanceof Table t) {
                md.append(t.table().markdown()).append('\n');
            } else if (block instanceof Chart && !chartsNoted) {
                md.append("Charts: open `report.html` (self-contained, works offline).\n\n");
                chartsNoted = true;
            }
        }
        return md.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(escape(title)).append("""
                </title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222;
                  padding: 0 1rem; }
                table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
                th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; }
                th { background: #f3f3f3; }
                td.num { text-align: right; font-variant-numeric: tabular-nums; }
                figure { margin: 1rem 0 2rem; }
                figcaption { font-size: 0.85rem; color: #555; max-width: 760px; }
                code { background: #f3f3f3; padding: 0 0.2rem; }
                </style></head><body>
                """);
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                html.append("<h").append(h.level() + 1).append('>').append(inline(h.text())).append("</h")
                        .append(h.level() + 1).append(">\n");
            } else if (block instanceof Paragraph p) {
                html.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                html.append("<ul>\n");
                b.items().forEach(item -> html.append("<li>").append(inline(item)).append("</li>\n"));
                html.append("</ul>\n");
            } else if (block instanceof Table t) {
                html.append(t.table().html());
            } else if (block instanceof Chart c) {
                html.append("<figure>\n").append(c.svg()).append("<figcaption>").append(inline(c.caption()))
                        .append("</figcaption>\n</figure>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes text and turns Markdown's {@code `code`}, {@code **bold**} and line breaks into HTML. */
    static String inline(String text) {
        String escaped = escape(text).replaceAll("`([^`]+)`", "<code>$1</code>")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
        return escaped.replace("  \n", "<br>\n");
    }

    static String escape(String text) {
        return SvgChart.escape(text);
    }
}
