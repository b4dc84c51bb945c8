package org.seamline.twilio.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads a webhook answer the way Twilio does and names the debugger error Twilio would log for it. */
final class Twiml {

    static final int MAX_BYTES = 64 * 1024;

    private Twiml() {
    }

    /** The Twilio error for a 200 answer that is not acceptable TwiML, or null. */
    static String problem(String contentType, byte[] body) {
        if (!isXmlContentType(contentType)) {
            return "12300 Invalid Content-Type: " + contentType;
        }
        if (body.length > MAX_BYTES) {
            return "11750 TwiML response body too large: " + body.length + " bytes";
        }
        Document document;
        try {
            document = parse(body);
        } catch (SAXException | IOException e) {
            return "12100 Document parse failure: " + e.getMessage();
        }
        String root = document.getDocumentElement().getTagName();
        return "Response".equals(root) ? null : "12102 Invalid root element: <" + root + ">";
    }

    static boolean isXmlContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("text/xml") || mediaType.equals("application/xml");
    }

    /** Parses with DTDs and external entities refused, so a hostile answer cannot reach files or the network. */
    static Document parse(byte[] body) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ThrowingErrorHandler());
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }

    /** The default handler prints parse errors to stderr; here they are the answer's problem, reported once. */
    private static final class ThrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
