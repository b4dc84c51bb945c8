package org.seamline.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The part of an email the customer actually wrote: quoted earlier mail, quote headers ("On … wrote:"), Outlook
 * separators, signatures and mobile footers are cut off. The algorithm walks the lines from the bottom up, as the
 * well-known reply parsers do; the full text is always kept beside it.
 */
final class ReplyText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On\\s.+wrote:|Am\\s.+schrieb.*:|Le\\s.+a\\s+écrit\\s*:|El\\s.+escribió:|Op\\s.+schreef.*:|"
                    + ".+\\d{4}.+<[^>]+@[^>]+>:|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}.+пишет:|.+написал.*:)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SEPARATOR = Pattern.compile(
            "^(-{2,}\\s*Original Message\\s*-{2,}|_{20,}|-{2,}\\s*Исходное сообщение\\s*-{2,})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_BLOCK = Pattern.compile("^(From|От|Von|De):\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(--\\s*|__+|Sent from my .+|Get Outlook for .+|Отправлено с .+)$", Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    /** The visible reply of a plain-text body. */
    static String visible(String text) {
        if (text == null) {
            return null;
        }
        List<String> lines = List.of(joinWrappedQuoteHeaders(text.replace("\r\n", "\n").replace('\r', '\n')).split("\n", -1));
        int end = lines.size();
        // Everything from the first quote marker (reading top-down) that is followed only by quotes belongs to history.
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (QUOTE_HEADER.matcher(line).matches() || OUTLOOK_SEPARATOR.matcher(line).matches()
                    || HEADER_BLOCK.matcher(line).matches() && i + 1 < lines.size() && lines.get(i + 1).matches("(?i)^(Sent|Date|Отправлено|Gesendet):.*")
                    || line.startsWith(">") && onlyQuotesFollow(lines, i)) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>(lines.subList(0, end));
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (SIGNATURE.matcher(kept.get(i).strip()).matches() && (i == 0 || kept.get(i - 1).isBlank()
                    || kept.get(i).startsWith("Sent from") || kept.get(i).startsWith("Get Outlook"))) {
                kept = new ArrayList<>(kept.subList(0, i));
                break;
            }
        }
        String visible = String.join("\n", kept).strip();
        return visible.isEmpty() ? text.strip() : visible;
    }

    /** Plain text of an HTML body with the quote containers of common clients removed first. */
    static String fromHtml(String html, boolean stripQuotes) {
        Document document = Jsoup.parse(html);
        if (stripQuotes) {
            document.select("div.gmail_quote, blockquote[type=cite], #divRplyFwdMsg, #appendonsend, .yahoo_quoted, "
                    + "div.moz-cite-prefix").remove();
            Element stop = document.selectFirst("hr#stopSpelling");
            if (stop != null) {
                while (stop.nextElementSibling() != null) {
                    stop.nextElementSibling().remove();
                }
                stop.remove();
            }
        }
        document.select("br").append("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4").prepend("\\n");
        String text = document.body() == null ? "" : document.body().text().replace("\\n", "\n");
        return text.replaceAll("[ \\t]*\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean onlyQuotesFollow(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith(">") && !SIGNATURE.matcher(line).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Some clients wrap "On Mon, … Anna <a@x>" and "wrote:" over two lines. */
    private static String joinWrappedQuoteHeaders(String text) {
        return text.replaceAll("(?m)^(On\\s[^\\n]+)\\n([^\\n]*wrote:)$", "$1 $2");
    }
}
