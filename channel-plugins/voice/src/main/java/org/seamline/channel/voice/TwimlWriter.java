package org.seamline.channel.voice;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * TwiML written with the JDK's XML writer. The SDK's builders ({@code com.twilio.twiml}) were the first choice, but
 * loading them initialises a Jackson XML mapper on Woodstox, neither of which the platform ships: escaping text and
 * attributes is all a {@code <Response>} needs, and the JDK does that.
 */
final class TwimlWriter {

    private TwimlWriter() {
    }

    /** One verb or noun: a name, attributes in order, and either text or nested verbs. */
    static final class Verb {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Verb> children = new ArrayList<>();
        private String text;

        private Verb(String name) {
            this.name = name;
        }

        /** Sets an attribute; a null value leaves it out. */
        Verb attr(String attribute, Object value) {
            if (value != null) {
                attributes.put(attribute, value.toString());
            }
            return this;
        }

        Verb text(String value) {
            this.text = value;
            return this;
        }

        Verb child(Verb verb) {
            children.add(verb);
            return this;
        }

        private void write(XMLStreamWriter xml) throws XMLStreamException {
            if (text == null && children.isEmpty()) {
                xml.writeEmptyElement(name);
                writeAttributes(xml);
                return;
            }
            xml.writeStartElement(name);
            writeAttributes(xml);
            if (text != null) {
                xml.writeCharacters(text);
            }
            for (Verb child : children) {
                child.write(xml);
            }
            xml.writeEndElement();
        }

        private void writeAttributes(XMLStreamWriter xml) throws XMLStreamException {
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                xml.writeAttribute(attribute.getKey(), attribute.getValue());
            }
        }
    }

    static Verb verb(String name) {
        return new Verb(name);
    }

    /** {@code <?xml …?><Response>verbs</Response>}. */
    static String response(List<Verb> verbs) {
        StringWriter out = new StringWriter();
        try {
            // The JDK's own factory: a provider on some bundle's class path must not decide how we write.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            Verb response = verb("Response");
            verbs.forEach(response::child);
            response.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("TwiML could not be written", e);
        }
        return out.toString();
    }
}
