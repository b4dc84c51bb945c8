package org.seamline.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header values as mailers write them, decoded like Thunderbird and Gmail do. */
class HeaderTextTest {

    /** A header as Jakarta Mail keeps it: one char per raw byte. */
    private static String raw(String text, String charset) {
        return new String(text.getBytes(java.nio.charset.Charset.forName(charset)), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one character cut across two words            | =?UTF-8?B?0JTQ?= =?UTF-8?B?vtC8?=            | Дом
            folded between the words                      | =?utf-8?Q?=D0=94=D0?=\\r\\n =?utf-8?Q?=BE=D0=BC?= | Дом
            words of different charsets are not joined    | =?koi8-r?B?5M/N?= =?windows-1251?B?xOLu8A==?=  | ДомДвор
            text between words is kept                    | =?UTF-8?B?0JTQvtC8?= and =?UTF-8?B?0JTQvtC8?=  | Дом and Дом
            text around a word keeps its spaces           | Re: =?UTF-8?B?0JTQvtC8?= [ref:1]               | Re: Дом [ref:1]
            an encoded word inside a word (Outlook names) | report=?UTF-8?Q?_=D0=94?=.pdf                  | report Д.pdf
            underscores are spaces in Q                   | =?UTF-8?Q?=D0=94_=D0=94?=                      | Д Д
            base64 without its padding                    | =?UTF-8?B?0JTQvg?=                             | До
            an unknown charset stays as written           | =?x-unknown?Q?abc?= =?UTF-8?B?0JTQvtC8?=       | =?x-unknown?Q?abc?= Дом
            broken base64 stays as written                | =?utf-8?B?####?=                               | =?utf-8?B?####?=
            plain ASCII                                   | Order 4711                                     | Order 4711
            encoded line breaks become spaces             | =?UTF-8?Q?Anna=0D=0ABcc:_x?=                   | Anna  Bcc: x
            """)
    void encodedWords(String name, String header, String expected) {
        assertEquals(expected, HeaderText.decode(header.replace("\\r\\n", "\r\n"), null));
    }

    @Test
    void rawBytesAreUtf8WhenValidThenTheDeclaredCharsetThenWindows1251() {
        assertEquals("Светлана", HeaderText.decode(raw("Светлана", "UTF-8"), "koi8-r"));
        assertEquals("Светлана", HeaderText.decode(raw("Светлана", "KOI8-R"), "koi8-r"));
        assertEquals("Светлана", HeaderText.decode(raw("Светлана", "windows-1251"), null));
        assertEquals("Светлана", HeaderText.decode(raw("Светлана", "windows-1251"), "us-ascii"));
    }

    @ParameterizedTest
    @CsvSource({"win-1251, windows-1251", "x-cp1251, windows-1251", "cp-1251, windows-1251", "windows1251, windows-1251",
            "WIN1252, windows-1252", "koi8r, KOI8-R", "koi8-u, KOI8-U", "x-mac-cyrillic, x-MacCyrillic", "utf8, UTF-8",
            "\"UTF-8\", UTF-8", "utf-8*ru, UTF-8"})
    void charsetAliasesResolve(String alias, String java) {
        assertEquals(java, MailCharsets.resolve(alias).orElseThrow().name());
    }

    @Test
    void unknownCharsetsResolveToNothing() {
        assertEquals(java.util.Optional.empty(), MailCharsets.resolve("x-no-such-charset"));
        assertEquals(java.util.Optional.empty(), MailCharsets.resolve("not a charset?"));
    }
}
